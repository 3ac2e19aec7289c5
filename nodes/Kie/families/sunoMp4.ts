import type { FamilySpec } from './types';
import { SUNO_ERRORS, SUNO_STAGES, SUNO_STRING_STATES } from './vocabulary';

export const sunoMp4: FamilySpec = {
	id: 'sunoMp4',
	displayName: 'Suno MP4',
	recordPath: '/api/v1/mp4/record-info',
	endpoints: [
		{ id: 'suno/mp4', path: '/api/v1/mp4/generate' },
	],
	statusField: 'successFlag',
	statusMap: SUNO_STRING_STATES,
	resultPaths: ['response.videoUrl', 'videoUrl', 'video_url'],
	...SUNO_ERRORS,
	callbackRequired: true,
	typicalSeconds: 60,
	taskIds: { style: 'hex', lookupRank: 11 },
	category: 'video',
	callback: SUNO_STAGES,
	// Before Runway's bare `task_id` guess (order 92): Suno MP4 sends only `video_url`.
	detect: { shapes: [{ order: 91, tests: [{ has: ['task_id'], at: 'data' }, { has: ['video_url'], at: 'data' }], reason: 'data.task_id with only video_url (Suno MP4)' }] },
};
