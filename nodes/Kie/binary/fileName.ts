/**
 * The name of a downloaded result file: what it is, not where it came from. KIE's CDN names files
 * by hash or `0.png`; a user saving several results to disk needs `<model>-<taskId>-<index>.<ext>`
 * (e.g. `google-nano-banana-task_8f2c-1.png`), unique per task and file, and sortable by model.
 */
function slug(text: string): string {
	return text
		.trim()
		.replace(/[^A-Za-z0-9._-]+/g, '-')
		.replace(/-+/g, '-')
		.replace(/^[-.]+|[-.]+$/g, '')
		.slice(0, 80);
}

export function resultFileName(model: string | undefined, taskId: string, index: number, extension: string): string {
	const parts = [model ? slug(model) : '', slug(taskId) || 'task', String(index + 1)].filter((part) => part !== '');
	const ext = slug(extension).replace(/^\.+/, '') || 'bin';
	return `${parts.join('-')}.${ext}`;
}
