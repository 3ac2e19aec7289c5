const BY_EXTENSION: Record<string, string> = {
	png: 'image/png',
	jpg: 'image/jpeg',
	jpeg: 'image/jpeg',
	webp: 'image/webp',
	gif: 'image/gif',
	mp4: 'video/mp4',
	mov: 'video/quicktime',
	webm: 'video/webm',
	mp3: 'audio/mpeg',
	wav: 'audio/wav',
	m4a: 'audio/mp4',
	ogg: 'audio/ogg',
	flac: 'audio/flac',
	mid: 'audio/midi',
	midi: 'audio/midi',
	json: 'application/json',
	txt: 'text/plain',
};

const EXTENSION_BY_MIME: Record<string, string> = Object.fromEntries(
	Object.entries(BY_EXTENSION)
		.filter(([ext]) => ext !== 'jpeg' && ext !== 'midi')
		.map(([ext, mime]) => [mime, ext]),
);

export function extensionOf(fileName: string): string | undefined {
	const match = /\.([a-z0-9]{1,5})$/i.exec(fileName);
	return match ? match[1].toLowerCase() : undefined;
}

/** The file name a URL names (its last path segment), or undefined. */
export function fileNameFromUrl(url: string): string | undefined {
	try {
		const last = new URL(url).pathname.split('/').filter(Boolean).pop();
		return last ? decodeURIComponent(last).replace(/[\\/:*?"<>|]/g, '_') : undefined;
	} catch {
		return undefined;
	}
}

/**
 * Mime type from the response header when it is specific, else from the extension. CDNs often
 * answer `application/octet-stream` for media, which would hide a video from n8n's viewer.
 */
export function resolveMimeType(contentType: unknown, fileName: string | undefined): string {
	const header = typeof contentType === 'string' ? contentType.split(';')[0].trim().toLowerCase() : '';
	const fromName = fileName ? BY_EXTENSION[extensionOf(fileName) ?? ''] : undefined;
	if (header && header !== 'application/octet-stream' && header !== 'binary/octet-stream') return header;
	return fromName ?? (header || 'application/octet-stream');
}

export function extensionForMime(mimeType: string): string {
	return EXTENSION_BY_MIME[mimeType] ?? 'bin';
}
