import type { FamilySpec } from './types';
import { VENDOR_ERRORS } from './vocabulary';

export const aleph: FamilySpec = {
	id: 'aleph',
	displayName: 'Runway Aleph',
	recordPath: '/api/v1/aleph/record-info',
	endpoints: [
		{ id: 'runway/aleph', path: '/api/v1/aleph/generate' },
	],
	statusField: 'successFlag',
	statusMap: { '0': 'running', '1': 'success' },
	resultPaths: ['response.resultVideoUrl', 'result_video_url'],
	...VENDOR_ERRORS,
	failedWhenErrorSet: true,
	callbackRequired: false,
	typicalSeconds: 180,
	taskIds: { style: 'uuid', lookupRank: 2 },
	category: 'video',
	callback: {},
	detect: {
		shapes: [
			// Result in data, task id at the top level.
			{ order: 80, tests: [{ has: ['result_video_url', 'result_image_url'], at: 'data' }], reason: 'data.result_video_url (Runway Aleph)' },
			// Failure: `data: null` with the task id outside it.
			{ order: 150, tests: [{ present: ['taskId'], at: '' }, { lacks: ['taskId', 'task_id'], at: 'data' }], reason: 'top-level taskId (Runway Aleph)' },
		],
	},
};
