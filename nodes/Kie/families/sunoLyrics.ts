import type { FamilySpec } from './types';
import { SUNO_ERRORS, SUNO_STAGES, SUNO_STRING_STATES } from './vocabulary';

export const sunoLyrics: FamilySpec = {
	id: 'sunoLyrics',
	displayName: 'Suno lyrics',
	recordPath: '/api/v1/lyrics/record-info',
	endpoints: [
		{ id: 'suno/lyrics', path: '/api/v1/lyrics' },
	],
	statusField: 'status',
	statusMap: SUNO_STRING_STATES,
	resultPaths: [],
	resultObjectPaths: ['response.lyricsData', 'data'],
	...SUNO_ERRORS,
	callbackRequired: true,
	typicalSeconds: 30,
	taskIds: { style: 'hex', lookupRank: 8 },
	category: 'text',
	callback: SUNO_STAGES,
	detect: {
		shapes: [
			{
				order: 60,
				tests: [{ has: ['callbackType'], at: 'data' }, { items: 'data.data', every: [{ has: ['text'], at: '' }, { lacks: ['audio_url', 'audioUrl'], at: '' }] }],
				reason: 'data.callbackType with lyrics items (text)',
			},
		],
	},
};
