/**
 * Suno on the Market (`ai-music-api/*` through createTask): what `resultJson` / `response` holds.
 * KIE's kie-models skill (test/fixtures/catalogue/ORIGIN.md, S-en): audio-generating ids →
 * `data[]` tracks (`audio_url`, `stream_audio_url`, `image_url`, `title`, `duration`); lyrics and
 * analyses → `resultObject` (lyrics: `resultObject.lyricsData[].text`); file utilities (WAV,
 * vocal separation, cover image, music video) → `resultUrls`.
 */
import { dateTime, mediaUrl, promptOf } from './helpers';
import { tracks } from './suno';
import type { Ctx } from './types';

export const SUNO_MARKET_PREFIX = 'ai-music-api/';

/** Ids (after the prefix) whose result is a list of tracks. */
const TRACK_IDS = new Set([
	'generate',
	'extend',
	'upload-and-extend-audio',
	'upload-and-cover-audio',
	'add-instrumental',
	'add-vocals',
	'sounds',
	'mashup',
	'replace-section',
	'suno-recovery-audio',
]);

/** File utilities: their result is `resultUrls` with this extension. */
const FILE_IDS: Record<string, string> = {
	'convert-to-wav-format': 'wav',
	'separate-vocals': 'mp3',
	'cover-generate': 'png',
	'create-music-video': 'mp4',
};

export type SunoMarketKind = 'tracks' | 'object' | 'files';

/** undefined: not a Suno-on-the-Market id. Everything else under the prefix is text/analysis (`resultObject`). */
export function sunoMarketKind(model: string | null): SunoMarketKind | undefined {
	if (!model || !model.startsWith(SUNO_MARKET_PREFIX)) return undefined;
	const op = model.slice(SUNO_MARKET_PREFIX.length);
	if (TRACK_IDS.has(op)) return 'tracks';
	if (op in FILE_IDS) return 'files';
	return 'object';
}

function resultObject(c: Ctx, op: string): Record<string, unknown> {
	const t = c.task;
	const prompt = promptOf(t) || 'Emulated lyrics';
	switch (op) {
		case 'generate-lyrics':
			return {
				lyricsData: Array.from({ length: 2 }, (_, i) => ({
					text: `[Verse]\n${prompt}\n[Chorus]\nLa la la (${i + 1})`,
					title: `Emulated Lyrics ${i + 1}`,
					status: 'complete',
					errorMessage: '',
				})),
			};
		case 'timeStamped-lyrics':
			return {
				alignedWords: [
					{ word: '[Verse]\nLa ', success: true, startS: 0.5, endS: 1.1, palign: 0 },
					{ word: 'la', success: true, startS: 1.1, endS: 1.6, palign: 0 },
				],
				waveformData: [0, 0.4, 0.8, 0.3],
				hootCer: 0.02,
				isStreamed: false,
			};
		case 'boost-music-style':
			return { result: `${String(t.request.input && (t.request.input as Record<string, unknown>).content) || 'pop'}, bright synths, 120 bpm` };
		case 'generate-midi-from-audio':
			return {
				state: 'complete',
				instruments: [{ name: 'Piano', notes: [{ pitch: 60, start: 0, end: 0.5, velocity: 90 }] }],
			};
		default:
			return { taskId: t.taskId, operation: op, result: 'ok', createTime: dateTime(t.createTime) };
	}
}

/** The parsed `resultJson` of a successful Suno-on-the-Market task. */
export function sunoMarketResult(c: Ctx): Record<string, unknown> {
	const model = c.task.model ?? '';
	const op = model.slice(SUNO_MARKET_PREFIX.length);
	const kind = sunoMarketKind(model);
	if (kind === 'files') {
		const ext = FILE_IDS[op];
		return { resultUrls: Array.from({ length: c.task.resultCount }, (_, i) => mediaUrl(c, `${i}.${ext}`)) };
	}
	if (kind === 'object') return { resultObject: resultObject(c, op) };
	const input = (c.task.request.input ?? {}) as Record<string, unknown>;
	const version = typeof input.model === 'string' ? input.model : 'V6';
	return {
		data: tracks(c, true).map((tr) => ({
			id: tr.id,
			audio_url: tr.audioUrl,
			stream_audio_url: tr.streamAudioUrl,
			image_url: tr.imageUrl,
			prompt: tr.prompt,
			model_name: `chirp-${version.toLowerCase().replace(/_/g, '-')}`,
			title: typeof input.title === 'string' ? input.title : tr.title,
			tags: typeof input.style === 'string' ? input.style : tr.tags,
			createTime: dateTime(tr.createTime),
			duration: tr.duration,
		})),
	};
}
