import type { FamilyId, FamilySpec } from './types';

const SUCCESS_FLAG_0_3 = { '0': 'running', '1': 'success', '2': 'failed', '3': 'failed' } as const;

const SUNO_STRING_STATES = {
	PENDING: 'queued',
	SUCCESS: 'success',
	CREATE_TASK_FAILED: 'failed',
	GENERATE_AUDIO_FAILED: 'failed',
	GENERATE_WAV_FAILED: 'failed',
	GENERATE_MP4_FAILED: 'failed',
	GENERATE_LYRICS_FAILED: 'failed',
	CALLBACK_EXCEPTION: 'failed',
	SENSITIVE_WORD_ERROR: 'failed',
} as const;

const VENDOR_ERRORS = { failCodePaths: ['errorCode', 'failCode'], failMsgPaths: ['errorMessage', 'failMsg'] };
const SUNO_ERRORS = { failCodePaths: ['errorCode', 'failCode'], failMsgPaths: ['errorMessage', 'failMsg', 'msg'] };
const SUNO_STAGES = { stagePath: 'callbackType', finalStages: ['complete', 'error'], failedStages: ['error'] };

/**
 * Every KIE task API as data (docs/kie-api.md §3, §4.3, §5). Result paths list the record-info
 * location first, then the callback variants (snake/camel, `info` wrappers).
 */
export const FAMILIES: Record<FamilyId, FamilySpec> = {
	market: {
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
		callback: {},
	},
	veo: {
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
		callback: {},
	},
	runway: {
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
		callback: {},
	},
	aleph: {
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
		callback: {},
	},
	gpt4o: {
		id: 'gpt4o',
		displayName: '4o Image',
		recordPath: '/api/v1/gpt4o-image/record-info',
		endpoints: [
			{ id: 'gpt4o-image/generate', path: '/api/v1/gpt4o-image/generate' },
		],
		statusField: 'successFlag',
		statusMap: { '0': 'running', '1': 'success', '2': 'failed' },
		resultPaths: ['response.resultUrls', 'response.result_urls', 'info.result_urls', 'info.resultUrls'],
		...VENDOR_ERRORS,
		progressPath: 'progress',
		progressScale: 100,
		callbackRequired: false,
		typicalSeconds: 60,
		callback: {},
	},
	fluxKontext: {
		id: 'fluxKontext',
		displayName: 'Flux Kontext',
		recordPath: '/api/v1/flux/kontext/record-info',
		endpoints: [
			{ id: 'flux-kontext/generate', path: '/api/v1/flux/kontext/generate' },
		],
		statusField: 'successFlag',
		statusMap: SUCCESS_FLAG_0_3,
		resultPaths: ['response.resultImageUrl', 'info.resultImageUrl'],
		...VENDOR_ERRORS,
		callbackRequired: false,
		typicalSeconds: 30,
		callback: {},
	},
	midjourney: {
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
		callback: {},
	},
	luma: {
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
		callback: {},
	},
	suno: {
		id: 'suno',
		displayName: 'Suno music',
		recordPath: '/api/v1/generate/record-info',
		endpoints: [
			{ id: 'suno/generate', path: '/api/v1/generate' },
			{ id: 'suno/extend', path: '/api/v1/generate/extend' },
			{ id: 'suno/upload-cover', path: '/api/v1/generate/upload-cover' },
			{ id: 'suno/upload-extend', path: '/api/v1/generate/upload-extend' },
			{ id: 'suno/add-instrumental', path: '/api/v1/generate/add-instrumental' },
			{ id: 'suno/add-vocals', path: '/api/v1/generate/add-vocals' },
		],
		statusField: 'status',
		statusMap: { ...SUNO_STRING_STATES, TEXT_SUCCESS: 'running', FIRST_SUCCESS: 'running' },
		resultPaths: ['response.sunoData', 'data'],
		urlKeys: ['audioUrl', 'audio_url'],
		...SUNO_ERRORS,
		callbackRequired: true,
		typicalSeconds: 150,
		callback: SUNO_STAGES,
	},
	sunoLyrics: {
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
		callback: SUNO_STAGES,
	},
	sunoWav: {
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
		callback: SUNO_STAGES,
	},
	sunoVocal: {
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
		callback: SUNO_STAGES,
	},
	sunoMp4: {
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
		callback: SUNO_STAGES,
	},
	sunoMidi: {
		id: 'sunoMidi',
		displayName: 'Suno MIDI',
		recordPath: '/api/v1/midi/record-info',
		endpoints: [
			{ id: 'suno/midi', path: '/api/v1/midi/generate' },
		],
		statusField: 'successFlag',
		// Undocumented: accept the integer flags of the other derived endpoints as well as the words.
		statusMap: { ...SUNO_STRING_STATES, ...SUCCESS_FLAG_0_3 },
		resultPaths: ['response.midiUrl', 'midiUrl', 'midi_url'],
		resultObjectPaths: ['response.midiData', 'midiData', 'midi_data', 'instruments', 'response.instruments'],
		...SUNO_ERRORS,
		callbackRequired: true,
		typicalSeconds: 60,
		callback: SUNO_STAGES,
	},
	sunoCover: {
		id: 'sunoCover',
		displayName: 'Suno cover art',
		recordPath: '/api/v1/suno/cover/record-info',
		endpoints: [
			{ id: 'suno/cover', path: '/api/v1/suno/cover/generate' },
		],
		statusField: 'successFlag',
		statusMap: { ...SUNO_STRING_STATES, ...SUCCESS_FLAG_0_3 },
		resultPaths: ['response.images', 'images'],
		...SUNO_ERRORS,
		callbackRequired: true,
		typicalSeconds: 30,
		callback: SUNO_STAGES,
	},
};

export const FAMILY_IDS = Object.keys(FAMILIES) as FamilyId[];

export function isFamilyId(value: unknown): value is FamilyId {
	return typeof value === 'string' && Object.prototype.hasOwnProperty.call(FAMILIES, value);
}

/** The family whose create endpoint is `path`, if any. */
export function familyOfCreatePath(path: string): FamilyId | undefined {
	return FAMILY_IDS.find((id) => FAMILIES[id].endpoints.some((endpoint) => endpoint.path === path));
}

/** A family endpoint named by its id (`suno/generate`), for models KIE's catalogue does not list. */
export function familyEndpoint(id: string): { family: FamilyId; path: string; method: 'GET' | 'POST' } | undefined {
	for (const family of FAMILY_IDS) {
		if (family === 'market') continue;
		const endpoint = FAMILIES[family].endpoints.find((candidate) => candidate.id === id);
		if (endpoint) return { family, path: endpoint.path, method: endpoint.method ?? 'POST' };
	}
	return undefined;
}

export function familySpec(id: FamilyId): FamilySpec {
	return FAMILIES[id];
}
