import type { FamilySpec } from './types';
import { SUCCESS_FLAG_0_3, SUNO_ERRORS, SUNO_STAGES, SUNO_STRING_STATES } from './vocabulary';

export const sunoCover: FamilySpec = {
	id: 'sunoCover',
	displayName: 'Suno cover art',
	recordPath: '/api/v1/suno/cover/record-info',
	endpoints: [
		{ id: 'suno/cover', path: '/api/v1/suno/cover/generate' },
	],
	statusField: 'successFlag',
	statusMap: { ...SUNO_STRING_STATES, ...SUCCESS_FLAG_0_3 },
	resultPaths: ['response.images', 'images'],
	...SUNO_ERRORS,
	callbackRequired: true,
	typicalSeconds: 30,
	taskIds: { style: 'hex', lookupRank: 13 },
	category: 'image',
	callback: SUNO_STAGES,
	detect: {
		shapes: [{ order: 40, tests: [{ has: ['images'], at: 'data' }, { lacks: ['callbackType'], at: 'data' }], reason: 'data.images (Suno cover art)' }],
		bareFailureRank: 7,
	},
};
