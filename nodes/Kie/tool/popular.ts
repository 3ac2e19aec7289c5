import { findModel } from '../catalogue';
import type { CatalogueEntry } from '../catalogue/types';

/**
 * A short list of popular models for an AI agent to choose from, read from whatever catalogue
 * the node has (ids, names, price text when the catalogue carries it). Ids the catalogue does
 * not know are skipped, so the list follows the catalogue when it changes.
 */
const POPULAR_IDS = [
	'nano-banana-pro',
	'gpt-image-2-text-to-image',
	'seedream/5-lite-text-to-image',
	'kling-3.0/video',
	'veo3.1/generate',
	'bytedance/seedance-2-fast',
	'suno/generate',
	'elevenlabs/text-to-dialogue-v3',
];

export const DEFAULT_TOOL_MODEL = 'nano-banana-pro';

export interface PopularModel {
	id: string;
	name: string;
	category: string;
	/** "about 18 credits" etc., when the catalogue has a price. */
	price?: string;
	typicalSeconds?: number;
}

function priceOf(entry: CatalogueEntry): string | undefined {
	const loose = entry as CatalogueEntry & { priceText?: unknown; price?: unknown };
	const text = loose.priceText ?? loose.price;
	if (typeof text === 'string' && text.trim() !== '') return text.trim();
	if (typeof text === 'number' && Number.isFinite(text)) return `${text} credits`;
	return undefined;
}

export function popularModels(lookup: (id: string) => CatalogueEntry | undefined = findModel): PopularModel[] {
	const out: PopularModel[] = [];
	for (const id of POPULAR_IDS) {
		const entry = lookup(id);
		if (!entry) continue;
		const model: PopularModel = { id: entry.id, name: entry.name, category: entry.category };
		const price = priceOf(entry);
		if (price) model.price = price;
		if (entry.typicalSeconds) model.typicalSeconds = entry.typicalSeconds;
		out.push(model);
	}
	return out;
}

/** One line per model: `id` (category, name, ~duration, price). */
export function popularModelsText(models: PopularModel[] = popularModels()): string {
	return models
		.map((model) => {
			const details = [model.category, model.name];
			if (model.typicalSeconds) details.push(`~${model.typicalSeconds} s`);
			if (model.price) details.push(model.price);
			return `${model.id} (${details.join(', ')})`;
		})
		.join('; ');
}
