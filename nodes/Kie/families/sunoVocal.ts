import type { FamilySpec } from './types';
import { SUNO_ERRORS, SUNO_STAGES, SUNO_STRING_STATES } from './vocabulary';

export const sunoVocal: FamilySpec = {
	id: 'sunoVocal',
	displayName: 'Suno vocal removal',
	recordPath: '/api/v1/vocal-removal/record-info',
	endpoints: [
		{ id: 'suno/vocal-removal', path: '/api/v1/vocal-removal/generate' },
	],
	statusField: 'successFlag',
	statusMap: SUNO_STRING_STATES,
	// `origin*` is the input song, not a result.
	resultPaths: ['response.*Url', 'vocal_removal_info.*_url'],
	excludeUrlKeys: ['originUrl', 'origin_url'],
	...SUNO_ERRORS,
	callbackRequired: true,
	typicalSeconds: 90,
	taskIds: { style: 'hex', lookupRank: 10 },
	category: 'audio',
	callback: SUNO_STAGES,
	detect: {
		shapes: [{ order: 20, tests: [{ has: ['vocal_removal_info', 'vocalRemovalInfo'], at: 'data' }], reason: 'data.vocal_removal_info (Suno vocal removal)' }],
	},
};
