import type { FamilySpec } from './types';
import { SUCCESS_FLAG_0_3, VENDOR_ERRORS } from './vocabulary';

export const veo: FamilySpec = {
	id: 'veo',
	displayName: 'Veo 3.1',
	recordPath: '/api/v1/veo/record-info',
	endpoints: [
		{ id: 'veo3.1/generate', path: '/api/v1/veo/generate' },
		{ id: 'veo3.1/extend', path: '/api/v1/veo/extend' },
		{ id: 'veo3.1/1080p', path: '/api/v1/veo/get-1080p-video', method: 'GET' },
		{ id: 'veo3.1/4k', path: '/api/v1/veo/get-4k-video' },
	],
	resultOnCreatePaths: ['/api/v1/veo/get-1080p-video'],
	statusField: 'successFlag',
	statusMap: SUCCESS_FLAG_0_3,
	resultPaths: ['response.resultUrls', 'info.resultUrls', 'result_urls', 'info.result_urls', 'resultUrl'],
	...VENDOR_ERRORS,
	modelPaths: ['paramJson.model', 'model'],
	callbackRequired: false,
	typicalSeconds: 120,
	taskIds: { style: 'hex', lookupRank: 2 },
	category: 'video',
	callback: {},
	detect: {
		shapes: [
			// Veo 4K, OpenAPI variant: snake_case lists directly in data.
			{ order: 70, tests: [{ has: ['result_urls', 'media_ids', 'image_urls'], at: 'data' }], reason: 'data.result_urls (Veo 4K)' },
			{ order: 102, tests: [{ has: ['resultUrls', 'originUrls', 'resolution', 'imageUrls'], at: 'data.info' }], reason: 'data.info.resultUrls (Veo)' },
			{ order: 110, tests: [{ has: ['fallbackFlag'], at: 'data' }], reason: 'data.fallbackFlag (Veo)' },
		],
		bareFailureRank: 1,
	},
};
