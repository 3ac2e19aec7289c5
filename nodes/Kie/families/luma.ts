import type { FamilySpec } from './types';
import { SUCCESS_FLAG_0_3, VENDOR_ERRORS } from './vocabulary';

export const luma: FamilySpec = {
	id: 'luma',
	displayName: 'Luma Modify',
	recordPath: '/api/v1/modify/record-info',
	endpoints: [
		{ id: 'luma/modify', path: '/api/v1/modify/generate' },
	],
	statusField: 'successFlag',
	// 4 = CALLBACK_FAILED: the video was generated, only KIE's callback failed.
	statusMap: { ...SUCCESS_FLAG_0_3, '4': 'success' },
	resultPaths: ['response.resultUrls', 'resultUrls'],
	...VENDOR_ERRORS,
	callbackRequired: false,
	typicalSeconds: 600,
	taskIds: { style: 'hex', lookupRank: 7 },
	category: 'video',
	callback: {},
	// Shares Midjourney's callback shape; see midjourney.ts for the shapes tried between these.
	detect: {
		shapes: [
			{
				order: 120,
				tests: [{ has: ['promptJson', 'resultUrls'], at: 'data' }, { json: 'data.promptJson', tests: [{ present: ['videoUrl', 'video_url'], at: '' }] }],
				reason: 'promptJson has videoUrl (Luma modify)',
			},
			{
				order: 122,
				tests: [{ has: ['promptJson', 'resultUrls'], at: 'data' }, { urls: 'data.resultUrls', match: /\.(mp4|mov|webm)(\?|$)/i }],
				reason: 'video result URLs without a Midjourney promptJson',
				alsoFits: ['midjourney'],
			},
		],
		bareFailureRank: 5,
	},
};
