import type { FamilySpec } from './types';

export const runway: FamilySpec = {
	id: 'runway',
	displayName: 'Runway',
	recordPath: '/api/v1/runway/record-detail',
	endpoints: [
		{ id: 'runway/generate', path: '/api/v1/runway/generate' },
		{ id: 'runway/extend', path: '/api/v1/runway/extend' },
	],
	statusField: 'state',
	statusMap: { wait: 'queued', queueing: 'queued', generating: 'running', success: 'success', fail: 'failed' },
	resultPaths: ['videoInfo.videoUrl', 'video_url'],
	failCodePaths: ['failCode'],
	failMsgPaths: ['failMsg'],
	callbackRequired: true,
	typicalSeconds: 120,
	taskIds: { style: 'uuid', lookupRank: 1 },
	category: 'video',
	callback: {},
	detect: {
		shapes: [
			{ order: 90, tests: [{ has: ['task_id'], at: 'data' }, { has: ['video_id', 'image_url'], at: 'data' }], reason: 'data.task_id with video_id/image_url (Runway)' },
			{
				order: 92,
				tests: [{ has: ['task_id'], at: 'data' }],
				reason: 'data.task_id without result fields',
				alsoFits: ['veo', 'sunoMp4', 'sunoWav', 'sunoVocal'],
			},
		],
	},
};
