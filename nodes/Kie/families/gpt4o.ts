import type { FamilySpec } from './types';
import { VENDOR_ERRORS } from './vocabulary';

export const gpt4o: FamilySpec = {
	id: 'gpt4o',
	displayName: '4o Image',
	recordPath: '/api/v1/gpt4o-image/record-info',
	endpoints: [
		{ id: 'gpt4o-image/generate', path: '/api/v1/gpt4o-image/generate' },
	],
	statusField: 'successFlag',
	statusMap: { '0': 'running', '1': 'success', '2': 'failed' },
	resultPaths: ['response.resultUrls', 'response.result_urls', 'info.result_urls', 'info.resultUrls'],
	...VENDOR_ERRORS,
	progressPath: 'progress',
	progressScale: 100,
	callbackRequired: false,
	typicalSeconds: 60,
	taskIds: { style: 'hex', lookupRank: 4 },
	category: 'image',
	callback: {},
	detect: {
		shapes: [
			{ order: 100, tests: [{ has: ['result_urls'], at: 'data.info' }], reason: 'data.info.result_urls (4o Image)' },
			{ order: 130, tests: [{ isNull: 'data.info' }], reason: 'data.info is null (4o Image or Flux Kontext failure)', alsoFits: ['fluxKontext'] },
		],
		bareFailureRank: 2,
	},
};
