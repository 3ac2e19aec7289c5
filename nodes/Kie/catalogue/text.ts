/** Small text helpers for catalogue entries shown in the editor. */

/** The first non-empty line of KIE's price prose. */
export function firstLine(text: string | null | undefined): string {
	return (text ?? '').split('\n').map((line) => line.trim()).find((line) => line !== '') ?? '';
}

/** `aspect_ratio` → `Aspect Ratio`, `imageUrls` → `Image Urls`, `nsfw_checker` → `Nsfw Checker`. */
export function fieldLabel(name: string): string {
	return name
		.replace(/([a-z0-9])([A-Z])/g, '$1 $2')
		.split(/[_\s-]+/)
		.filter(Boolean)
		.map((word) => word.charAt(0).toUpperCase() + word.slice(1))
		.join(' ')
		.replace(/\bUrls\b/g, 'URLs')
		.replace(/\bUrl\b/g, 'URL')
		.replace(/\bId\b/g, 'ID');
}
