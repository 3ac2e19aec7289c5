import type { FamilySpec } from './types';

export const market: FamilySpec = {
	id: 'market',
	displayName: 'Market (jobs/createTask)',
	recordPath: '/api/v1/jobs/recordInfo',
	endpoints: [
		{ id: 'market', path: '/api/v1/jobs/createTask' },
	],
	statusField: 'state',
	statusMap: { waiting: 'queued', queuing: 'queued', generating: 'running', success: 'success', fail: 'failed' },
	// recordInfo's `response` is the parsed resultJson; Suno on the Market (`ai-music-api/*`) puts
	// its tracks in `response.data[].audio_url` and lyrics/analyses in `response.resultObject`.
	resultPaths: ['resultJson.resultUrls', 'resultJson.result_urls', 'resultUrls', 'response.resultUrls', 'resultJson.data', 'response.data'],
	urlKeys: ['audio_url', 'audioUrl'],
	resultObjectPaths: ['resultJson.resultObject', 'response.resultObject'],
	failCodePaths: ['failCode'],
	failMsgPaths: ['failMsg'],
	progressPath: 'progress',
	modelPaths: ['model', 'param.model'],
	creditPaths: ['creditsConsumed', 'consumeCredits'],
	callbackRequired: false,
	typicalSeconds: 60,
	taskIds: { style: 'hex', lookupRank: 1 },
	category: 'image',
	callback: {},
	detect: {
		shapes: [
			{
				order: 50,
				tests: [{ string: 'data.state' }, { has: ['resultJson', 'param', 'failCode', 'costTime', 'creditsConsumed', 'consumeCredits'], at: 'data' }],
				reason: 'data.state with resultJson/param (Market)',
			},
			{ order: 140, tests: [{ string: 'data.state' }], reason: 'data.state (Market)' },
		],
		bareFailureRank: 6,
	},
};
