import { NodeOperationError } from 'n8n-workflow';
import type { IBinaryData, IDataObject, IExecuteFunctions, INodeExecutionData, IWebhookFunctions } from 'n8n-workflow';

import { plainReason } from '../transport/errors';
import { kieRequest, cancelSignal, type TransportSettings } from '../transport/request';
import { cancellableSleep, throwIfCancelled } from '../transport/sleep';
import { taskJson } from '../task/json';
import type { NormalisedTask } from '../task/types';
import { resultFileName } from './fileName';
import { extensionForMime, extensionOf, fileNameFromUrl, resolveMimeType } from './mime';
import { limitStream } from './multipart';

export type DownloadContext = IExecuteFunctions | IWebhookFunctions;

export interface DownloadOptions {
	/** Binary property for the first file; later files on the same item get `_1`, `_2`… */
	binaryProperty: string;
	/** `perFile`: one output item per file. `perTask`: all files of a task on one item. */
	layout: 'perFile' | 'perTask';
	/** Largest file accepted, in bytes (0 = no limit). */
	maxBytes: number;
	timeoutMs?: number;
	settings?: TransportSettings;
}

/** Whether results are downloaded, and how: read from the node's output options by actions/options/output.ts. */
export interface OutputSettings {
	download: boolean;
	options: DownloadOptions;
}

export const DEFAULT_DOWNLOAD: DownloadOptions = {
	binaryProperty: 'data',
	layout: 'perFile',
	maxBytes: 0,
	timeoutMs: 600000,
};

interface Fetched {
	binary: IBinaryData;
	fileName: string;
	mimeType: string;
	recoveredUrl?: string;
}

const EXPIRED = new Set([401, 403, 404, 410]);

function hostOf(url: string): string {
	try {
		return new URL(url).host;
	} catch {
		return 'an unreadable URL';
	}
}

/** How to get a paid result without paying again: said by every download failure. */
export const GET_THE_FILE =
	'Do not create the task again: it is paid. Get the file with Utility → Get Download URL (the URL above), or from https://kie.ai/logs within 14 days.';

/**
 * A result that could not be fetched. The task itself succeeded (it had result URLs), so the
 * headline says so, names the task and the host, and the description says how to get the file.
 */
export function downloadFailure(
	ctx: DownloadContext,
	{ url, taskId, itemIndex }: { url: string; taskId: string; itemIndex: number },
	what: string,
	advice = '',
): NodeOperationError {
	return new NodeOperationError(ctx.getNode(), `KIE task ${taskId} succeeded, but its result from ${hostOf(url)} could not be downloaded: ${what}`, {
		itemIndex,
		description: [`Result URL: ${url}.`, advice, GET_THE_FILE].filter(Boolean).join(' '),
	});
}

function tooLarge(ctx: DownloadContext, target: { url: string; taskId: string; itemIndex: number }, maxBytes: number): NodeOperationError {
	return downloadFailure(
		ctx,
		target,
		`the file is larger than the maximum of ${maxBytes} bytes`,
		'It exceeds the "Max File Size" option: raise the limit, or turn off "Download Results" and use the URL.',
	);
}

/**
 * Result hosts are CDNs: the request goes out without the KIE credential, so the API key never
 * reaches them. The body is streamed into n8n's binary store with an explicit name and type.
 */
/** One result file to fetch: which URL, which file of which task, for which item. */
interface Target {
	url: string;
	index: number;
	taskId: string;
	/** Names the file (see fileName.ts). */
	model?: string;
	options: DownloadOptions;
	itemIndex: number;
}

async function fetchOnce(
	ctx: DownloadContext,
	{ url, index, taskId, model, options, itemIndex }: Target,
	nameFrom: string = url,
): Promise<{ status: number; fetched?: Fetched }> {
	const response = (await ctx.helpers.httpRequest({
		method: 'GET',
		url,
		encoding: 'stream',
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		timeout: options.timeoutMs,
		abortSignal: cancelSignal(ctx),
	})) as { body: NodeJS.ReadableStream & { destroy?: () => void }; headers: IDataObject; statusCode: number };
	if (response.statusCode < 200 || response.statusCode >= 300) {
		response.body.destroy?.();
		return { status: response.statusCode };
	}
	const length = Number(response.headers['content-length']);
	if (options.maxBytes > 0 && Number.isFinite(length) && length > options.maxBytes) {
		response.body.destroy?.();
		throw tooLarge(ctx, { url, taskId, itemIndex }, options.maxBytes);
	}
	const urlName = fileNameFromUrl(nameFrom);
	const mimeType = resolveMimeType(response.headers['content-type'], urlName);
	const fileName = resultFileName(model, taskId, index, (urlName && extensionOf(urlName)) || extensionForMime(mimeType));
	const body =
		options.maxBytes > 0 ? limitStream(response.body, options.maxBytes, () => tooLarge(ctx, { url, taskId, itemIndex }, options.maxBytes)) : response.body;
	const binary = await ctx.helpers.prepareBinaryData(body as unknown as Buffer, fileName, mimeType);
	return { status: response.statusCode, fetched: { binary, fileName, mimeType } };
}

/** A fresh temporary link for a KIE result URL (valid 20 minutes). */
export async function freshDownloadUrl(
	ctx: DownloadContext,
	url: string,
	itemIndex: number,
	settings?: TransportSettings,
): Promise<string> {
	const response = await kieRequest<unknown>(ctx, {
		method: 'POST',
		path: '/api/v1/common/download-url',
		body: { url },
		kind: 'read',
		action: `get a fresh download link for ${url}`,
		itemIndex,
		settings,
	});
	const data = response.data;
	const fresh = typeof data === 'string' ? data : (data as IDataObject | undefined)?.url;
	if (typeof fresh !== 'string' || fresh === '') {
		throw new NodeOperationError(ctx.getNode(), 'KIE returned no download link', { itemIndex, description: `KIE answered the request for a link to ${url} without one.` });
	}
	return fresh;
}

/** Downloads one result URL; an expired or refused link is retried once through KIE's download-url. */
/** Result hosts are CDNs: a 5xx or a dropped connection is often a blip, and a GET is safe to repeat. */
const RETRY_DELAYS_MS = [1000, 2000];

function isTimeout(error: unknown): boolean {
	const e = error as { code?: string; message?: string; cause?: { code?: string; message?: string } };
	const text = `${e?.code ?? ''} ${e?.message ?? ''} ${e?.cause?.code ?? ''} ${e?.cause?.message ?? ''}`;
	return /timeout|ETIMEDOUT|ECONNABORTED/i.test(text);
}

/** One URL, retrying 5xx answers and dropped connections (not timeouts: they already took long). */
async function fetchWithRetry(ctx: DownloadContext, target: Target): Promise<{ status: number; fetched?: Fetched }> {
	for (let attempt = 0; ; attempt++) {
		let outcome: { status: number; fetched?: Fetched } | undefined;
		let failure: unknown;
		try {
			outcome = await fetchOnce(ctx, target);
		} catch (error) {
			failure = error;
		}
		// Our own verdicts (e.g. too large) are final; only the host's failures are retried.
		if (failure instanceof NodeOperationError) throw failure;
		throwIfCancelled(cancelSignal(ctx), ctx.getNode());
		const retryable = outcome ? outcome.status >= 500 : !isTimeout(failure);
		if (outcome && !retryable) return outcome;
		if (!retryable || attempt >= RETRY_DELAYS_MS.length) {
			if (outcome) return outcome;
			const reason = String((failure as Error)?.message ?? failure);
			throw downloadFailure(ctx, target, `the result host did not answer (${plainReason(reason, target.options.timeoutMs)})`);
		}
		await cancellableSleep(RETRY_DELAYS_MS[attempt], cancelSignal(ctx), ctx.getNode());
	}
}

/** Downloads one result URL; an expired or refused link is retried once through KIE's download-url. */
export async function downloadResult(
	ctx: DownloadContext,
	url: string,
	index: number,
	taskId: string,
	options: DownloadOptions,
	itemIndex: number,
	model?: string,
): Promise<Fetched> {
	const target: Target = { url, index, taskId, model, options, itemIndex };
	const first = await fetchWithRetry(ctx, target);
	if (first.fetched) return first.fetched;
	if (EXPIRED.has(first.status)) {
		let fresh: string;
		try {
			fresh = await freshDownloadUrl(ctx, url, itemIndex, options.settings);
		} catch (error) {
			// KIE's own wording for a refused refresh (422 "url is wrong") speaks of fixing the input
			// and spending nothing: wrong here, the task was paid. Keep only what KIE said.
			throw downloadFailure(ctx, target, `the link answered HTTP ${first.status} and KIE refused a fresh link (${(error as Error).message})`);
		}
		let second: { status: number; fetched?: Fetched };
		try {
			second = await fetchOnce(ctx, { ...target, url: fresh }, url);
		} catch (error) {
			// Our own verdicts (too large) already carry the wording.
			if (error instanceof NodeOperationError) throw new NodeOperationError(ctx.getNode(), error);
			throw downloadFailure(ctx, target, `the fresh link did not answer (${plainReason(String((error as Error)?.message ?? error), options.timeoutMs)})`);
		}
		if (second.fetched) return { ...second.fetched, recoveredUrl: fresh };
		throw downloadFailure(ctx, target, `HTTP ${first.status}, fresh link HTTP ${second.status}`);
	}
	throw downloadFailure(ctx, target, `the result host answered HTTP ${first.status}`, 'It may be a passing fault of the host: try again later.');
}

function propertyName(base: string, index: number): string {
	return index === 0 ? base : `${base}_${index}`;
}

/** The title and duration of an audio track result (Suno), for its item's JSON. */
function trackOf(task: NormalisedTask, url: string): IDataObject {
	const track = task.tracks?.find((candidate) => candidate.url === url);
	if (!track) return {};
	const out: IDataObject = {};
	if (track.title !== undefined) out.title = track.title;
	if (track.duration !== undefined) out.duration = track.duration;
	return out;
}

/**
 * Turns a finished task into output items carrying its result files as binary data. Text-only
 * results (no URLs) produce one JSON item.
 */
export async function taskToItems(
	ctx: DownloadContext,
	task: NormalisedTask,
	options: DownloadOptions,
	itemIndex: number,
	extraJson: IDataObject = {},
): Promise<INodeExecutionData[]> {
	const base = { ...taskJson(task), ...extraJson };
	if (task.resultUrls.length === 0) return [{ json: base, pairedItem: { item: itemIndex } }];
	const files: Array<Fetched & { url: string; index: number }> = [];
	for (const [index, url] of task.resultUrls.entries()) {
		files.push({ ...(await downloadResult(ctx, url, index, task.taskId, options, itemIndex, task.model)), url, index });
	}
	if (options.layout === 'perTask') {
		const binary: Record<string, IBinaryData> = {};
		files.forEach((file, index) => (binary[propertyName(options.binaryProperty, index)] = file.binary));
		const fileList = files.map((file) => ({ url: file.url, index: file.index, fileName: file.fileName, mimeType: file.mimeType, binaryProperty: propertyName(options.binaryProperty, file.index) }));
		return [{ json: { ...base, files: fileList }, binary, pairedItem: { item: itemIndex } }];
	}
	return files.map((file) => ({
		json: { ...base, ...trackOf(task, file.url), url: file.url, index: file.index, fileName: file.fileName, mimeType: file.mimeType },
		binary: { [options.binaryProperty]: file.binary },
		pairedItem: { item: itemIndex },
	}));
}
