import type { FamilySpec } from './types';
import { SUCCESS_FLAG_0_3, VENDOR_ERRORS } from './vocabulary';

/** Request fields only Midjourney echoes in promptJson. */
const MJ_PROMPT_KEYS = ['taskType', 'speed', 'version', 'stylization', 'weirdness', 'variety', 'fileUrls', 'videoBatchSize', 'motion', 'ow'];

export const midjourney: FamilySpec = {
	id: 'midjourney',
	displayName: 'Midjourney',
	recordPath: '/api/v1/mj/record-info',
	endpoints: [
		{ id: 'midjourney/generate', path: '/api/v1/mj/generate' },
		{ id: 'midjourney/upscale', path: '/api/v1/mj/generateUpscale' },
		{ id: 'midjourney/vary', path: '/api/v1/mj/generateVary' },
	],
	statusField: 'successFlag',
	statusMap: SUCCESS_FLAG_0_3,
	resultPaths: ['resultInfoJson.resultUrls', 'resultUrls'],
	urlKeys: ['resultUrl'],
	...VENDOR_ERRORS,
	callbackRequired: false,
	typicalSeconds: 60,
	taskIds: { style: 'hex', lookupRank: 6 },
	category: 'image',
	callback: {},
	// Midjourney and Luma share `{taskId, promptJson, resultUrls}`: the request echoed in promptJson tells them apart.
	detect: {
		shapes: [
			{
				order: 121,
				tests: [
					{ has: ['promptJson', 'resultUrls'], at: 'data' },
					{ json: 'data.promptJson', tests: [{ any: [{ string: 'taskType', prefix: 'mj_' }, { has: MJ_PROMPT_KEYS, at: '' }] }] },
				],
				reason: 'promptJson has Midjourney request fields',
			},
			{ order: 123, tests: [{ has: ['promptJson', 'resultUrls'], at: 'data' }, { urls: 'data.resultUrls' }], reason: 'image result URLs in data.resultUrls' },
			{ order: 124, tests: [{ has: ['promptJson', 'resultUrls'], at: 'data' }], reason: 'data.resultUrls/promptJson without hints', alsoFits: ['luma'] },
		],
		bareFailureRank: 4,
	},
};
