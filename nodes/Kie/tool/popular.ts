import { categoryOf } from '../catalogue/category';
import type { CatalogueModel } from '../catalogue/model';
import { snapshotModel } from '../catalogue/snapshot';
import { TYPICAL_SECONDS } from '../wait/deadline';

/**
 * A short list of popular models for an AI agent to choose from, read from the catalogue (ids,
 * titles and KIE's price text — catalogue/catalogue-snapshot.json, generated from KIE's catalogue
 * API). Ids the catalogue does not list are skipped, so the list follows the catalogue when a
 * model is retired. The choice of ids is ours; everything said about them comes from KIE.
 */
const POPULAR_IDS = [
	'nano-banana-pro',
	'gpt-image-2-text-to-image',
	'seedream/5-lite-text-to-image',
	'kling-3.0/video',
	'veo-3-1',
	'bytedance/seedance-2-fast',
	'ai-music-api/generate',
	'elevenlabs/text-to-dialogue-v3',
];

export const DEFAULT_TOOL_MODEL = 'nano-banana-pro';

export interface PopularModel {
	id: string;
	name: string;
	category: string;
	/** The first line of KIE's price text, when the catalogue has one. */
	price?: string;
	typicalSeconds?: number;
}

/** First line of KIE's price prose, cut to a length a tool description can carry. */
function priceOf(model: CatalogueModel): string | undefined {
	const first = (model.priceText ?? '').split('\n')[0].trim();
	if (first === '') return undefined;
	return first.length > 90 ? `${first.slice(0, 89)}…` : first;
}

export function popularModels(lookup: (id: string) => CatalogueModel | undefined = snapshotModel): PopularModel[] {
	const out: PopularModel[] = [];
	for (const id of POPULAR_IDS) {
		const model = lookup(id);
		if (!model || model.kind === 'chat') continue;
		const category = categoryOf(model) ?? 'image';
		const entry: PopularModel = { id: model.id, name: model.title, category, typicalSeconds: TYPICAL_SECONDS[category] };
		const price = priceOf(model);
		if (price) entry.price = price;
		out.push(entry);
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
