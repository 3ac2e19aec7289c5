import type { FamilyId } from '../families/types';
import { FAMILY_IDS, isFamilyId } from '../families/specs';

/**
 * How a callback's API family was chosen:
 * - `query`: the `?api=` parameter of the callback URL (set by the user when creating the task);
 * - `parameter`: the trigger's "API" setting;
 * - `detected`: one family's documented callback shape matched;
 * - `guessed`: the body fits several families (typically a failure body that only carries a task
 *   id); `family` is the most likely one and `candidates` lists the others, most likely first.
 */
export type FamilySource = 'query' | 'parameter' | 'detected' | 'guessed';

export interface FamilyDetection {
	family: FamilyId;
	source: FamilySource;
	/** Every family the body could belong to, `family` first. One entry unless `source` is `guessed`. */
	candidates: FamilyId[];
	/** Which shape feature decided, for the output and for debugging. */
	reason: string;
}

type Json = Record<string, unknown>;

function asObject(value: unknown): Json | undefined {
	return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined;
}

function has(record: Json | undefined, ...keys: string[]): boolean {
	return record !== undefined && keys.some((key) => Object.prototype.hasOwnProperty.call(record, key));
}

function present(value: unknown): boolean {
	return value !== undefined && value !== null && value !== '';
}

/** `promptJson` arrives as a JSON string (sometimes as an object); anything unreadable counts as empty. */
function promptJsonOf(data: Json): Json {
	const raw = data.promptJson;
	if (typeof raw === 'string') {
		try {
			return asObject(JSON.parse(raw)) ?? {};
		} catch {
			// Not JSON: the text itself cannot tell Midjourney from Luma, so it counts as no hint.
			return {};
		}
	}
	return asObject(raw) ?? {};
}

function urlsOf(value: unknown): string[] {
	if (typeof value === 'string') return [value];
	if (Array.isArray(value)) return value.flatMap((entry) => urlsOf(asObject(entry)?.resultUrl ?? entry));
	return [];
}

const MJ_PROMPT_KEYS = ['taskType', 'speed', 'version', 'stylization', 'weirdness', 'variety', 'fileUrls', 'videoBatchSize', 'motion', 'ow'];

const one = (family: FamilyId, reason: string): FamilyDetection => ({ family, source: 'detected', candidates: [family], reason });

const guess = (candidates: FamilyId[], reason: string): FamilyDetection => ({
	family: candidates[0],
	source: 'guessed',
	candidates,
	reason,
});

/** Midjourney and Luma share `{taskId, promptJson, resultUrls}`: the request echoed in promptJson tells them apart. */
function midjourneyOrLuma(data: Json): FamilyDetection {
	const prompt = promptJsonOf(data);
	if (present(prompt.videoUrl) || present(prompt.video_url)) return one('luma', 'promptJson has videoUrl (Luma modify)');
	const taskType = typeof prompt.taskType === 'string' ? prompt.taskType : '';
	if (taskType.startsWith('mj_') || MJ_PROMPT_KEYS.some((key) => has(prompt, key))) {
		return one('midjourney', 'promptJson has Midjourney request fields');
	}
	const urls = urlsOf(data.resultUrls);
	if (urls.length > 0 && urls.every((url) => /\.(mp4|mov|webm)(\?|$)/i.test(url))) {
		return guess(['luma', 'midjourney'], 'video result URLs without a Midjourney promptJson');
	}
	if (urls.length > 0) return one('midjourney', 'image result URLs in data.resultUrls');
	return guess(['midjourney', 'luma'], 'data.resultUrls/promptJson without hints');
}

/** Families whose failure body may carry nothing but a task id, most likely first. */
const TASK_ID_ONLY: FamilyId[] = ['veo', 'gpt4o', 'fluxKontext', 'midjourney', 'luma', 'market', 'sunoCover', 'sunoMidi'];

/**
 * Tells which KIE API family sent a callback body, from the shapes documented in docs/kie-api.md §4.3
 * (the body never names its family). Order matters: the Suno follow-up tasks (WAV, vocal removal,
 * MP4, MIDI, cover) are checked before the shapes they resemble (Runway's `video_url`, Market's
 * `state`). Returns undefined only when the body is not an object.
 */
export function detectFamily(body: unknown): FamilyDetection | undefined {
	const envelope = asObject(body);
	if (envelope === undefined) return undefined;
	const data = asObject(envelope.data);
	const info = asObject(data?.info);

	if (data !== undefined) {
		// Suno follow-up tasks: each has its own result key.
		if (has(data, 'audioWavUrl', 'audio_wav_url')) return one('sunoWav', 'data.audioWavUrl (Suno WAV)');
		if (has(data, 'vocal_removal_info', 'vocalRemovalInfo')) return one('sunoVocal', 'data.vocal_removal_info (Suno vocal removal)');
		if (has(data, 'instruments', 'midiData', 'midi_data')) return one('sunoMidi', 'data.instruments (Suno MIDI)');
		if (has(data, 'images') && !has(data, 'callbackType')) return one('sunoCover', 'data.images (Suno cover art)');

		// Market: the callback is the recordInfo `data` (state + resultJson/param).
		if (typeof data.state === 'string' && has(data, 'resultJson', 'param', 'failCode', 'costTime', 'creditsConsumed', 'consumeCredits')) {
			return one('market', 'data.state with resultJson/param (Market)');
		}

		// Suno music and lyrics: multi-stage callbacks.
		if (has(data, 'callbackType')) {
			const items = Array.isArray(data.data) ? data.data.map(asObject) : [];
			if (items.length > 0 && items.every((item) => has(item, 'text') && !has(item, 'audio_url', 'audioUrl'))) {
				return one('sunoLyrics', 'data.callbackType with lyrics items (text)');
			}
			if (items.length > 0) return one('suno', 'data.callbackType with track items');
			return guess(['suno', 'sunoLyrics'], 'data.callbackType without items (Suno music or lyrics)');
		}

		// Veo 4K, OpenAPI variant: snake_case lists directly in data.
		if (has(data, 'result_urls', 'media_ids', 'image_urls')) return one('veo', 'data.result_urls (Veo 4K)');
		// Runway Aleph: result in data, task id at the top level.
		if (has(data, 'result_video_url', 'result_image_url')) return one('aleph', 'data.result_video_url (Runway Aleph)');

		if (has(data, 'task_id')) {
			if (has(data, 'video_id', 'image_url')) return one('runway', 'data.task_id with video_id/image_url (Runway)');
			if (has(data, 'video_url')) return one('sunoMp4', 'data.task_id with only video_url (Suno MP4)');
			return guess(['runway', 'veo', 'sunoMp4', 'sunoWav', 'sunoVocal'], 'data.task_id without result fields');
		}

		if (info !== undefined) {
			if (has(info, 'result_urls')) return one('gpt4o', 'data.info.result_urls (4o Image)');
			if (has(info, 'resultImageUrl', 'originImageUrl')) return one('fluxKontext', 'data.info.resultImageUrl (Flux Kontext)');
			if (has(info, 'resultUrls', 'originUrls', 'resolution', 'imageUrls')) return one('veo', 'data.info.resultUrls (Veo)');
		}
		if (has(data, 'fallbackFlag')) return one('veo', 'data.fallbackFlag (Veo)');
		if (has(data, 'promptJson', 'resultUrls')) return midjourneyOrLuma(data);
		if (has(data, 'info') && data.info === null) {
			return guess(['gpt4o', 'fluxKontext'], 'data.info is null (4o Image or Flux Kontext failure)');
		}
		if (typeof data.state === 'string') return one('market', 'data.state (Market)');
	}

	// Aleph failure: `data: null` with the task id outside it.
	if (present(envelope.taskId) && (data === undefined || (!has(data, 'taskId') && !has(data, 'task_id')))) {
		return one('aleph', 'top-level taskId (Runway Aleph)');
	}
	return guess(TASK_ID_ONLY, 'no family-specific field');
}

/** A `?api=` value (any case) → FamilyId, or undefined when it names no family. */
export function familyFromQuery(value: unknown): FamilyId | undefined {
	if (typeof value !== 'string' || value.trim() === '') return undefined;
	const wanted = value.trim().toLowerCase();
	return FAMILY_IDS.find((id) => id.toLowerCase() === wanted);
}

export interface ChooseFamilyInput {
	body: unknown;
	/** Raw `?api=` query value. */
	query?: unknown;
	/** The trigger's "API" setting: `auto` or a FamilyId. */
	parameter?: string;
}

export interface FamilyChoice extends FamilyDetection {
	/** Set when `?api=` was given but names no family (it is then ignored). */
	warning?: string;
}

/**
 * Precedence: `?api=` on the callback URL (set per task, the most specific) → the node's API
 * setting → shape detection. An unknown `?api=` value is ignored with a warning rather than
 * rejected: KIE would only retry and then drop the callback, and nobody would see why.
 */
export function chooseFamily({ body, query, parameter }: ChooseFamilyInput): FamilyChoice | undefined {
	const fromQuery = familyFromQuery(query);
	if (fromQuery !== undefined) return { family: fromQuery, source: 'query', candidates: [fromQuery], reason: '?api= on the callback URL' };
	const warning =
		typeof query === 'string' && query.trim() !== '' ? `The callback URL's ?api=${query} names no KIE API; it was ignored.` : undefined;
	if (parameter !== undefined && parameter !== 'auto' && isFamilyId(parameter)) {
		return { family: parameter, source: 'parameter', candidates: [parameter], reason: 'the trigger\'s API setting', ...(warning ? { warning } : {}) };
	}
	const detected = detectFamily(body);
	if (detected === undefined) return undefined;
	return warning ? { ...detected, warning } : detected;
}
