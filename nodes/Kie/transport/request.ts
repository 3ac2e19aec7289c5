import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, IHttpRequestOptions, IWebhookFunctions } from 'n8n-workflow';

import { USER_AGENT } from '../utils/version';
import { kieCodeError, networkError, nonJsonError, type KieErrorContext } from './errors';
import { KIE_CREATE_LIMIT, limiterFor, type LimiterSettings, type ReleaseSlot } from './limiter';
import {
	DEFAULT_RETRY_POLICY,
	isRetryable,
	nextDelay,
	nextRateLimitedDelay,
	parseRetryAfter,
	type FailureClass,
	type RequestKind,
	type RetryPolicy,
} from './retry';
import { cancellableSleep, isCancelled, throwIfCancelled } from './sleep';

export type KieContext = IExecuteFunctions | IWebhookFunctions;

export interface KieCredentials {
	apiKey: string;
	baseUrl: string;
	uploadBaseUrl: string;
	webhookHmacKey: string;
}

export interface TransportSettings {
	retry: RetryPolicy;
	limit: LimiterSettings;
	/** Per-request timeout; undefined = the default for the request kind. */
	timeoutMs?: number;
}

export const DEFAULT_TRANSPORT: TransportSettings = { retry: DEFAULT_RETRY_POLICY, limit: KIE_CREATE_LIMIT };

export interface KieRequestOptions {
	method: 'GET' | 'POST';
	/** Path on the chosen host, e.g. `/api/v1/jobs/createTask`. */
	path: string;
	host?: 'api' | 'upload';
	qs?: IDataObject;
	/** A JSON object, or a raw body (Buffer or stream) with its own `headers`. */
	body?: IDataObject | Buffer | NodeJS.ReadableStream;
	headers?: Record<string, string>;
	kind: RequestKind;
	/** What the request does, for error messages ("create a task for kling-3.0/video"). */
	action: string;
	itemIndex?: number;
	timeoutMs?: number;
	/** Body codes handed back instead of thrown (e.g. 422 "recordInfo is null" while polling). */
	acceptCodes?: number[];
	settings?: TransportSettings;
}

export interface KieResponse<T = unknown> {
	code: number;
	msg: string;
	data: T;
	body: IDataObject;
	httpStatus: number;
	attempts: number;
}

const DEFAULT_TIMEOUT: Record<RequestKind, number> = { read: 30000, create: 60000, upload: 300000 };

function trimSlash(url: string): string {
	return url.replace(/\/+$/, '');
}

export async function getKieCredentials(ctx: KieContext): Promise<KieCredentials> {
	const raw = (await ctx.getCredentials('kieApi')) as IDataObject;
	return {
		apiKey: String(raw.apiKey ?? ''),
		baseUrl: trimSlash(String(raw.baseUrl || 'https://api.kie.ai')),
		uploadBaseUrl: trimSlash(String(raw.uploadBaseUrl || 'https://kieai.redpandaai.co')),
		webhookHmacKey: String(raw.webhookHmacKey ?? ''),
	};
}

export function cancelSignal(ctx: KieContext): AbortSignal | undefined {
	const withSignal = ctx as Partial<IExecuteFunctions>;
	return typeof withSignal.getExecutionCancelSignal === 'function' ? withSignal.getExecutionCancelSignal() : undefined;
}

function parseJson(text: string): IDataObject | undefined {
	try {
		const value: unknown = JSON.parse(text);
		return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as IDataObject) : undefined;
	} catch {
		return undefined;
	}
}

function bodyText(body: unknown): string {
	if (typeof body === 'string') return body;
	if (body instanceof Buffer) return body.toString('utf8');
	if (body === undefined || body === null) return '';
	return JSON.stringify(body);
}

function headerValue(headers: unknown, name: string): unknown {
	if (!headers || typeof headers !== 'object') return undefined;
	return (headers as Record<string, unknown>)[name];
}

function reasonOf(error: unknown): string {
	const e = error as { code?: string; message?: string; cause?: { code?: string; message?: string } };
	const code = e?.cause?.code ?? e?.code;
	const message = e?.cause?.message ?? e?.message ?? 'unknown error';
	// Messages from the HTTP client name the URL at most; never the headers.
	return code && !message.includes(code) ? `${code}: ${message}` : message;
}

function isJsonBody(body: KieRequestOptions['body']): body is IDataObject {
	return body !== undefined && !(body instanceof Buffer) && typeof (body as NodeJS.ReadableStream).pipe !== 'function';
}

/** Says, on the 429 that ends a request, for how long KIE kept refusing and that nothing was created. */
function rateLimitBudgetSpent(error: NodeApiError, sinceFirstRejectionMs: number, kind: RequestKind): NodeApiError {
	const seconds = Math.round(sinceFirstRejectionMs / 1000);
	const what =
		kind === 'create'
			? 'No task was created for this item (KIE drops a rejected create), so running it again costs nothing.'
			: 'Nothing was changed on KIE.';
	error.description = [
		error.description,
		`KIE kept answering 429 for ${seconds} s, the Max Retry Wait of this request. ${what} Another client or n8n process may be spending the same account: raise Max Retry Wait, or lower Creates per Window.`,
	]
		.filter(Boolean)
		.join(' ');
	return error;
}

/**
 * The one way this package talks to KIE. Checks the envelope (KIE reports most errors as HTTP
 * 200 with a body `code`), retries what is safe to retry, and spaces creates through the
 * account's limiter.
 */
export async function kieRequest<T = unknown>(ctx: KieContext, options: KieRequestOptions): Promise<KieResponse<T>> {
	const node = ctx.getNode();
	const credentials = await getKieCredentials(ctx);
	const settings = options.settings ?? DEFAULT_TRANSPORT;
	const signal = cancelSignal(ctx);
	const base = options.host === 'upload' ? credentials.uploadBaseUrl : credentials.baseUrl;
	const replayable = options.body === undefined || isJsonBody(options.body) || options.body instanceof Buffer;
	const errorContext: KieErrorContext = { node, itemIndex: options.itemIndex, action: options.action };
	const limiter = options.kind === 'create' ? limiterFor(credentials.baseUrl, credentials.apiKey, settings.limit) : undefined;
	const sleepFor = async (ms: number) => await cancellableSleep(ms, signal, node);

	let waited = 0;
	let firstRejectedAt: number | undefined;
	for (let attempt = 1; ; attempt++) {
		let releaseSlot: ReleaseSlot | undefined;
		if (limiter) {
			try {
				releaseSlot = await limiter.acquire(sleepFor, signal);
			} catch (error) {
				throwIfCancelled(signal, node);
				throw new NodeOperationError(node, error as Error, { itemIndex: options.itemIndex });
			}
		}
		throwIfCancelled(signal, node);

		const request: IHttpRequestOptions = {
			method: options.method,
			url: `${base}${options.path}`,
			qs: options.qs,
			headers: { 'User-Agent': USER_AGENT, Accept: 'application/json', ...(options.headers ?? {}) },
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			encoding: 'text',
			timeout: options.timeoutMs ?? settings.timeoutMs ?? DEFAULT_TIMEOUT[options.kind],
			abortSignal: signal,
		};
		if (options.body !== undefined) {
			request.body = options.body as IHttpRequestOptions['body'];
			if (isJsonBody(options.body)) request.json = true;
		}

		let failure: FailureClass;
		let retryAfterMs: number | undefined;
		let finalError: NodeApiError;
		try {
			let response: { body: unknown; headers: unknown; statusCode: number };
			try {
				response = (await ctx.helpers.httpRequestWithAuthentication.call(ctx, 'kieApi', request)) as typeof response;
			} finally {
				releaseSlot?.();
			}
			const status = response.statusCode;
			const text = bodyText(response.body);
			const json = parseJson(text);
			const code = typeof json?.code === 'number' ? json.code : typeof json?.status === 'number' ? json.status : undefined;
			const msg = String(json?.msg ?? json?.message ?? json?.error ?? '');
			retryAfterMs = parseRetryAfter(headerValue(response.headers, 'retry-after'), Date.now());

			if (status === 429 || code === 429) {
				failure = 'rateLimited';
				// The limiter learns that the account's window is full (and shrinks this process's share).
				releaseSlot?.({ rateLimited: true, retryAfterMs });
				finalError = kieCodeError(errorContext, 429, msg || undefined, json ?? {}, status);
			} else if (json === undefined) {
				failure = status >= 500 || (status >= 200 && status < 300) ? 'serverError' : 'final';
				finalError = nonJsonError(
					{ ...errorContext, maybeCreated: options.kind === 'create' && failure !== 'final' },
					status,
					text,
				);
			} else if (status < 200 || status >= 300) {
				failure = status >= 500 || status === 455 ? 'serverError' : 'final';
				finalError = kieCodeError(
					{ ...errorContext, maybeCreated: options.kind === 'create' && (status >= 500 || status === 455) },
					code ?? status,
					msg || undefined,
					json,
					status,
				);
			} else if (code !== undefined && code !== 200) {
				if (options.acceptCodes?.includes(code)) {
					return { code, msg, data: json.data as T, body: json, httpStatus: status, attempts: attempt };
				}
				failure = code === 455 || code === 500 ? 'serverError' : 'final';
				// A body code 500 or 455 leaves the fate of a create as open as an HTTP 500 does.
				const open = code === 500 || code === 455;
				finalError = kieCodeError({ ...errorContext, maybeCreated: options.kind === 'create' && open }, code, msg || undefined, json, status);
			} else {
				return { code: code ?? 200, msg, data: json.data as T, body: json, httpStatus: status, attempts: attempt };
			}
		} catch (error) {
			throwIfCancelled(signal, node);
			failure = 'network';
			finalError = networkError({ ...errorContext, maybeCreated: options.kind === 'create' }, reasonOf(error), request.timeout);
		}

		if (!isRetryable(options.kind, failure, replayable)) throw finalError;
		let ownWait: number;
		if (failure === 'rateLimited') {
			// 429s are budgeted by time, not attempts: a rejected request costs nothing.
			firstRejectedAt ??= Date.now();
			const since = Date.now() - firstRejectedAt;
			const delay = nextRateLimitedDelay(settings.retry, attempt, since, retryAfterMs, limiter?.retryDelay());
			if (delay === undefined) throw rateLimitBudgetSpent(finalError, since, options.kind);
			// KIE's Retry-After pauses the whole limiter: its callers wait there together.
			ownWait = limiter && retryAfterMs !== undefined ? 0 : delay;
		} else {
			const delay = nextDelay(settings.retry, attempt, waited, retryAfterMs);
			if (delay === undefined) throw finalError;
			waited += delay;
			ownWait = delay;
		}
		if (!isCancelled(signal)) await sleepFor(ownWait);
		throwIfCancelled(signal, node);
	}
}

