import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { listModels } from '../catalogue';

const CATEGORY_LABEL: Record<string, string> = { image: 'Image', video: 'Video', audio: 'Audio', text: 'Text' };

export async function searchModels(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const results = listModels(filter).map((entry) => ({
		name: `${CATEGORY_LABEL[entry.category] ?? entry.category} · ${entry.name}`,
		value: entry.id,
		description: entry.notes ? `${entry.id} — ${entry.notes}` : entry.id,
	}));
	return { results };
}
