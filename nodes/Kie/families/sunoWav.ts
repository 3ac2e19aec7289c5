import type { FamilySpec } from './types';
import { SUNO_ERRORS, SUNO_STAGES, SUNO_STRING_STATES } from './vocabulary';

export const sunoWav: FamilySpec = {
	id: 'sunoWav',
	displayName: 'Suno WAV',
	recordPath: '/api/v1/wav/record-info',
	endpoints: [
		{ id: 'suno/wav', path: '/api/v1/wav/generate' },
	],
	statusField: 'successFlag',
	statusMap: SUNO_STRING_STATES,
	resultPaths: ['response.audioWavUrl', 'audioWavUrl', 'audio_wav_url'],
	...SUNO_ERRORS,
	callbackRequired: true,
	typicalSeconds: 60,
	taskIds: { style: 'hex', lookupRank: 9 },
	category: 'audio',
	callback: SUNO_STAGES,
	// The Suno follow-up tasks are tried first (orders 10–40): each has its own result key.
	detect: { shapes: [{ order: 10, tests: [{ has: ['audioWavUrl', 'audio_wav_url'], at: 'data' }], reason: 'data.audioWavUrl (Suno WAV)' }] },
};
