import type { FamilySpec } from './types';
import { SUCCESS_FLAG_0_3, VENDOR_ERRORS } from './vocabulary';

export const fluxKontext: FamilySpec = {
	id: 'fluxKontext',
	displayName: 'Flux Kontext',
	recordPath: '/api/v1/flux/kontext/record-info',
	endpoints: [
		{ id: 'flux-kontext/generate', path: '/api/v1/flux/kontext/generate' },
	],
	statusField: 'successFlag',
	statusMap: SUCCESS_FLAG_0_3,
	resultPaths: ['response.resultImageUrl', 'info.resultImageUrl'],
	...VENDOR_ERRORS,
	callbackRequired: false,
	typicalSeconds: 30,
	taskIds: { style: 'hex', lookupRank: 5 },
	category: 'image',
	callback: {},
	detect: {
		shapes: [{ order: 101, tests: [{ has: ['resultImageUrl', 'originImageUrl'], at: 'data.info' }], reason: 'data.info.resultImageUrl (Flux Kontext)' }],
		bareFailureRank: 3,
	},
};
