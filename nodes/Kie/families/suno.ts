import type { FamilySpec } from './types';
import { SUNO_ERRORS, SUNO_STAGES, SUNO_STRING_STATES } from './vocabulary';

export const suno: FamilySpec = {
	id: 'suno',
	displayName: 'Suno music',
	recordPath: '/api/v1/generate/record-info',
	endpoints: [
		{ id: 'suno/generate', path: '/api/v1/generate' },
		{ id: 'suno/extend', path: '/api/v1/generate/extend' },
		{ id: 'suno/upload-cover', path: '/api/v1/generate/upload-cover' },
		{ id: 'suno/upload-extend', path: '/api/v1/generate/upload-extend' },
		{ id: 'suno/add-instrumental', path: '/api/v1/generate/add-instrumental' },
		{ id: 'suno/add-vocals', path: '/api/v1/generate/add-vocals' },
	],
	statusField: 'status',
	statusMap: { ...SUNO_STRING_STATES, TEXT_SUCCESS: 'running', FIRST_SUCCESS: 'running' },
	resultPaths: ['response.sunoData', 'data'],
	urlKeys: ['audioUrl', 'audio_url'],
	...SUNO_ERRORS,
	callbackRequired: true,
	typicalSeconds: 150,
	taskIds: { style: 'hex', lookupRank: 3 },
	category: 'audio',
	callback: SUNO_STAGES,
	// Multi-stage callbacks; lyrics (sunoLyrics.ts, order 60) are told apart first.
	detect: {
		shapes: [
			{ order: 61, tests: [{ has: ['callbackType'], at: 'data' }, { nonEmptyArray: 'data.data' }], reason: 'data.callbackType with track items' },
			{ order: 62, tests: [{ has: ['callbackType'], at: 'data' }], reason: 'data.callbackType without items (Suno music or lyrics)', alsoFits: ['sunoLyrics'] },
		],
	},
};
