import type { CatalogueModel, ModelCategory } from './model';

/**
 * What a model produces, read from KIE's task types ("Text to Video" → video): the output side
 * of the last task type that names one. Undefined when no task type says.
 */
export function categoryOf(model: Pick<CatalogueModel, 'taskTypes' | 'id'>): ModelCategory | undefined {
	for (const taskType of [...model.taskTypes].reverse()) {
		const output = taskType.toLowerCase().split(/\bto\b/).pop() ?? '';
		if (/video|avatar|lip/.test(output)) return 'video';
		if (/image|upscale|background/.test(output)) return 'image';
		if (/music|audio|speech|voice|sound/.test(output)) return 'audio';
		if (/text|lyrics|chat/.test(output)) return 'text';
	}
	if (model.id.startsWith('ai-music-api/')) return 'audio';
	return undefined;
}
