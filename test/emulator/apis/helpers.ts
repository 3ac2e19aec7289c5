/** Helpers shared by the family definitions. */
import type { MediaKind } from '../types';
import type { Ctx, ParentDef, TaskData } from './types';

export const one = (): number => 1;
export const fixed = (k: MediaKind) => (): MediaKind => k;

export function mediaUrl(c: Ctx, name: string): string {
	return `${c.base}/media/${c.task.taskId}/${name}`;
}

export function ext(kind: MediaKind): string {
	return kind === 'video' ? 'mp4' : kind === 'audio' ? 'mp3' : 'png';
}

export function urls(c: Ctx, prefix = '', kind: MediaKind = c.task.mediaKind): string[] {
	return Array.from({ length: c.task.resultCount }, (_, i) => mediaUrl(c, `${prefix}${i}.${ext(kind)}`));
}

export const ok = (c: Ctx): boolean => c.view.outcome === 'success';
export const failed = (c: Ctx): boolean => c.view.outcome === 'fail';
export const done = (c: Ctx): boolean => ok(c) || failed(c);

/** "2025-06-06 10:30:00" (UTC), as the Veo/Runway/MP4 docs show times. */
export function dateTime(ms: number): string {
	return new Date(ms).toISOString().replace('T', ' ').slice(0, 19);
}

/** A numeric failure code for families whose error codes are integers. */
export function numCode(c: Ctx, fallback = 500): number {
	const n = Number(c.task.fail?.code);
	return Number.isFinite(n) && c.task.fail?.code !== '' ? n : fallback;
}

export const errCode = (c: Ctx): number | null => (failed(c) ? numCode(c) : null);
export const errMsg = (c: Ctx): string | null => (failed(c) ? c.task.fail!.msg : null);
export const paramJson = (c: Ctx): string => JSON.stringify(c.task.request);
export const completeMs = (c: Ctx): number | null => (done(c) ? c.view.completeTime : null);
export const completeDt = (c: Ctx): string | null => (done(c) ? dateTime(c.view.completeTime!) : null);

export function failBody(c: Ctx, data: unknown): Record<string, unknown> {
	return { code: numCode(c), msg: c.task.fail!.msg, data };
}

export const taskIdData = (taskId: string): Record<string, unknown> => ({ taskId });
export const sunoUnknown = { code: 200, msg: 'success' };
export const recordNull = { code: 422, msg: 'record is null' };

/** Market `param`: keys sorted (callBackUrl, input, model) and `input` double-encoded, as recorded. */
export function marketParam(t: TaskData): string {
	const out: Record<string, unknown> = {};
	for (const key of Object.keys(t.request).sort()) {
		const v = t.request[key];
		out[key] = key === 'input' && typeof v === 'object' && v !== null ? JSON.stringify(v) : v;
	}
	return JSON.stringify(out);
}

/** Guess what a Market model returns from its id (a TaskRule's mediaKind overrides). */
export function guessMarketKind(model: string | null): MediaKind {
	const m = (model ?? '').toLowerCase();
	if (
		/video|r2v|i2v|t2v|kling|hailuo|sora|seedance|infinitalk|omnihuman|happyhorse|minimax|pixverse|veo|avatar/.test(m)
	)
		return 'video';
	if (/image|edit|upscale|banana|seedream|imagen|flux|ideogram|qwen|recraft|z-image/.test(m)) return 'image';
	if (/elevenlabs|tts|speech|audio|sound|music|voice/.test(m)) return 'audio';
	return 'image';
}

export function promptOf(t: TaskData): string {
	const input = t.request.input as Record<string, unknown> | undefined;
	const p = t.request.prompt ?? input?.prompt;
	return typeof p === 'string' ? p : '';
}

// ---------- Suno follow-up tasks (WAV, vocal removal, MP4, MIDI, cover) ----------

/** What every derived task shares: a required callback, hex ids, `{taskId}` on create, Suno's unknown-id answer. */
export const derivedBase = {
	callbackRequired: true,
	idStyle: 'hex',
	createData: taskIdData,
	unknownRecord: sunoUnknown,
} as const;

export const musicParent: ParentDef = { field: 'taskId', families: ['suno'], unknownMsg: 'Record does not exist' };
