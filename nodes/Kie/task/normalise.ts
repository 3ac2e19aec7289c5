import { FAMILIES } from '../families/specs';
import type { FamilyId, FamilySpec } from '../families/types';
import { decodeRecord, firstValue, readPath } from './decode';
import type { NormalisedTask, TaskStatus } from './types';

function isUrl(value: unknown): value is string {
	return typeof value === 'string' && /^https?:\/\//i.test(value.trim());
}

type Tracks = Map<string, { title?: string; duration?: number }>;

function collectUrls(value: unknown, urlKeys: string[], out: string[], tracks: Tracks): void {
	if (isUrl(value)) {
		out.push(value.trim());
	} else if (Array.isArray(value)) {
		for (const entry of value) collectUrls(entry, urlKeys, out, tracks);
	} else if (value !== null && typeof value === 'object') {
		const entry = value as Record<string, unknown>;
		for (const key of urlKeys) {
			const url = entry[key];
			collectUrls(url, [], out, tracks);
			// A track object (Suno `{audio_url, title, duration}`) names its file.
			if (isUrl(url) && (entry.title !== undefined || entry.duration !== undefined)) {
				const meta: { title?: string; duration?: number } = {};
				if (typeof entry.title === 'string') meta.title = entry.title;
				const duration = num(entry.duration);
				if (duration !== undefined) meta.duration = duration;
				tracks.set(url.trim(), meta);
			}
		}
	}
}

function resultUrls(spec: FamilySpec, data: unknown, tracks: Tracks): string[] {
	const urls: string[] = [];
	for (const path of spec.resultPaths) {
		for (const value of readPath(data, path, spec.excludeUrlKeys)) collectUrls(value, spec.urlKeys ?? [], urls, tracks);
	}
	return [...new Set(urls)];
}

function text(value: unknown): string | undefined {
	if (value === null || value === undefined || value === '') return undefined;
	return typeof value === 'string' ? value : JSON.stringify(value);
}

function num(value: unknown): number | undefined {
	const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
	return Number.isFinite(n) ? n : undefined;
}

function timeValue(value: unknown): number | string | undefined {
	if (typeof value === 'number' || (typeof value === 'string' && value !== '')) return value;
	return undefined;
}

/** A failCode of 0/200 or an empty message is no failure. */
function errorIsSet(failCode: string | undefined, failMsg: string | undefined): boolean {
	return (failCode !== undefined && failCode !== '0' && failCode !== '200') || failMsg !== undefined;
}

function statusOf(spec: FamilySpec, word: string | undefined): TaskStatus {
	if (word === undefined) return 'queued';
	return spec.statusMap[word] ?? spec.statusMap[word.toUpperCase()] ?? spec.statusMap[word.toLowerCase()] ?? 'running';
}

interface BuildInput {
	spec: FamilySpec;
	taskId: string;
	data: Record<string, unknown>;
	status: TaskStatus;
	stage?: string;
	fallbackFailCode?: string;
	fallbackFailMsg?: string;
}

function build({ spec, taskId, data, status, stage, fallbackFailCode, fallbackFailMsg }: BuildInput): NormalisedTask {
	let failCode = text(firstValue(data, spec.failCodePaths));
	let failMsg = text(firstValue(data, spec.failMsgPaths));
	let finalStatus = status;
	if (spec.failedWhenErrorSet && status !== 'success' && errorIsSet(failCode, failMsg)) finalStatus = 'failed';
	if (finalStatus === 'failed') {
		failCode = failCode ?? fallbackFailCode;
		failMsg = failMsg ?? fallbackFailMsg;
	} else if (!errorIsSet(failCode, failMsg)) {
		failCode = undefined;
		failMsg = undefined;
	}
	const rawProgress = num(firstValue(data, spec.progressPath ? [spec.progressPath] : []));
	const progress =
		finalStatus === 'success'
			? 100
			: rawProgress === undefined
				? undefined
				: Math.max(0, Math.min(100, Math.round(rawProgress * (spec.progressScale ?? 1))));
	const resultObjectValues = (spec.resultObjectPaths ?? []).map((path) => firstValue(data, [path]));
	const resultObject = resultObjectValues.find((value) => value !== undefined);
	const tracks: Tracks = new Map();
	const task: NormalisedTask = {
		taskId,
		api: spec.id,
		status: finalStatus,
		final: finalStatus === 'success' || finalStatus === 'failed',
		resultUrls: resultUrls(spec, data, tracks),
		raw: data,
	};
	if (tracks.size > 0) task.tracks = task.resultUrls.filter((url) => tracks.has(url)).map((url) => ({ url, ...tracks.get(url) }));
	const model = text(firstValue(data, spec.modelPaths));
	if (model !== undefined) task.model = model;
	if (stage !== undefined) task.stage = stage;
	if (progress !== undefined) task.progress = progress;
	if (resultObject !== undefined) task.resultObject = resultObject;
	if (failCode !== undefined) task.failCode = failCode;
	if (failMsg !== undefined) task.failMsg = failMsg;
	const createTime = timeValue(data.createTime ?? data.create_time);
	const completeTime = timeValue(data.completeTime ?? data.complete_time);
	const costTime = num(data.costTime);
	const credits = num(firstValue(data, spec.creditPaths));
	if (createTime !== undefined) task.createTime = createTime;
	if (completeTime !== undefined) task.completeTime = completeTime;
	if (costTime !== undefined) task.costTime = costTime;
	if (credits !== undefined) task.creditsConsumed = credits;
	return task;
}

/**
 * A record-info `data` object → NormalisedTask. Returns undefined when KIE does not show the
 * task yet (`data: null`), which callers treat as "not visible yet", not as failure.
 */
export function normaliseRecord(family: FamilyId, taskId: string, data: unknown): NormalisedTask | undefined {
	if (data === null || data === undefined || typeof data !== 'object') return undefined;
	const spec = FAMILIES[family];
	const decoded = decodeRecord(data) as Record<string, unknown>;
	const word = text(firstValue(decoded, [spec.statusField]));
	return build({
		spec,
		taskId: text(decoded.taskId ?? decoded.task_id) ?? taskId,
		data: decoded,
		status: statusOf(spec, word),
		stage: word,
	});
}

/** Where a callback keeps its task id (docs/kie-api.md §4.2): `data.taskId`, `data.task_id`, or top-level `taskId`. */
export function callbackTaskId(body: unknown): string | undefined {
	if (body === null || typeof body !== 'object') return undefined;
	const record = body as Record<string, unknown>;
	const data = (record.data ?? {}) as Record<string, unknown>;
	const id = (data && typeof data === 'object' ? (data.taskId ?? data.task_id) : undefined) ?? record.taskId ?? record.task_id;
	return typeof id === 'string' && id !== '' ? id : typeof id === 'number' ? String(id) : undefined;
}

export interface NormalisedCallback {
	task: NormalisedTask;
	/** Suno's callbackType (`text`, `first`, `complete`, `error`) or `final`. */
	stage: string;
	/** False for intermediate Suno stages. */
	final: boolean;
	code: number | undefined;
	msg: string | undefined;
}

/** A callback body `{code, msg, data}` → NormalisedTask, with the stage of multi-stage callbacks. */
export function normaliseCallback(family: FamilyId, body: unknown): NormalisedCallback | undefined {
	const taskId = callbackTaskId(body);
	if (taskId === undefined) return undefined;
	const spec = FAMILIES[family];
	const envelope = body as Record<string, unknown>;
	const code = num(envelope.code);
	const msg = text(envelope.msg ?? envelope.message);
	const rawData = envelope.data;
	const data = (rawData && typeof rawData === 'object' ? decodeRecord(rawData) : {}) as Record<string, unknown>;
	const callbackStage = spec.callback.stagePath ? text(firstValue(data, [spec.callback.stagePath])) : undefined;
	const stageFinal = callbackStage === undefined || !spec.callback.finalStages || spec.callback.finalStages.includes(callbackStage);
	const stageFailed = callbackStage !== undefined && (spec.callback.failedStages ?? []).includes(callbackStage);

	const word = text(firstValue(data, [spec.statusField]));
	let status: TaskStatus;
	if (word !== undefined && spec.statusMap[word] !== undefined) {
		status = statusOf(spec, word);
		if (code !== undefined && code !== 200 && status !== 'failed' && stageFinal) status = 'failed';
	} else if (stageFailed || (code !== undefined && code !== 200)) {
		status = 'failed';
	} else {
		status = stageFinal ? 'success' : 'running';
	}
	const task = build({
		spec,
		taskId,
		data,
		status,
		stage: callbackStage ?? word,
		fallbackFailCode: code !== undefined ? String(code) : undefined,
		fallbackFailMsg: msg,
	});
	return { task, stage: callbackStage ?? 'final', final: task.final, code, msg };
}
