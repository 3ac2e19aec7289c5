import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { discoveryClient } from '../catalogue/fetch';
import type { CatalogueModel } from '../catalogue/model';
import { firstLine } from '../catalogue/text';

/** Whether a catalogue entry matches what the user typed (title, id, provider, task type). */
export function matchesSearch(model: CatalogueModel, filter: string | undefined): boolean {
	const words = (filter ?? '').toLowerCase().split(/\s+/).filter(Boolean);
	if (words.length === 0) return true;
	const haystack = [model.title, model.id, model.provider, ...model.taskTypes].join(' ').toLowerCase();
	return words.every((word) => haystack.includes(word));
}

/** One entry of the model list: task type and title; id and the first line of the price below. */
export function listEntry(model: CatalogueModel) {
	const price = firstLine(model.priceText);
	return {
		name: `${model.taskTypes.join(' / ') || 'Model'} · ${model.title}`,
		value: model.id,
		description: price ? `${model.id} — ${price}` : model.id,
	};
}

/**
 * Create Task → Model → From list: the account's live catalogue (cached 10 minutes per
 * credential, so typing is answered from the cache), else the shipped snapshot. KIE's
 * synchronous chat models are left out: Create Task cannot run them.
 */
export async function searchModels(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const client = await discoveryClient(this);
	const { models } = await client.list();
	return { results: models.filter((model) => model.kind !== 'chat' && matchesSearch(model, filter)).map(listEntry) };
}
