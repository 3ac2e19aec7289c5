import type { IWorkflowExecuteAdditionalData } from 'n8n-workflow';

import type { HttpRequestLike } from './types';

type ExpressRequest = NonNullable<IWorkflowExecuteAdditionalData['httpRequest']>;
type ExpressResponse = NonNullable<IWorkflowExecuteAdditionalData['httpResponse']>;

/**
 * The request object a node's webhook() sees through getBodyData(), getHeaderData(),
 * getQueryData(), getParamsData() and getRequestObject() (n8n passes express's Request, after its
 * body parsers have set `body` and `rawBody`). Header names are lower-cased like Node's http module.
 */
export function createRequest(request: HttpRequestLike, path = '/'): ExpressRequest {
	const headers: Record<string, string> = {};
	for (const [name, value] of Object.entries(request.headers ?? {})) headers[name.toLowerCase()] = value;
	const body = request.body ?? {};
	let rawBody = request.rawBody;
	if (rawBody === undefined) {
		if (Buffer.isBuffer(body)) rawBody = body;
		else if (typeof body === 'string') rawBody = Buffer.from(body);
		else rawBody = Buffer.from(JSON.stringify(body));
	}
	if (headers['content-type'] === undefined && typeof body === 'object' && !Buffer.isBuffer(body)) {
		headers['content-type'] = 'application/json';
	}
	const query = request.query ?? {};
	const search = new URLSearchParams(query).toString();
	const url = search ? `${path}?${search}` : path;
	const req = {
		method: (request.method ?? 'POST').toUpperCase(),
		body,
		rawBody,
		headers,
		query,
		params: {},
		url,
		originalUrl: url,
		path,
		host: '127.0.0.1',
		hostname: '127.0.0.1',
		protocol: 'http',
		ip: '127.0.0.1',
		get(name: string) {
			return headers[name.toLowerCase()];
		},
		header(name: string) {
			return headers[name.toLowerCase()];
		},
	};
	return req as unknown as ExpressRequest;
}

export interface CapturedResponse {
	statusCode: number;
	body: unknown;
	headers: Record<string, string>;
	/** True once the node wrote anything (status/json/send/end). */
	written: boolean;
	ended: boolean;
}

/** A minimal express Response that records what webhook() wrote to it. */
export function createResponse(): { res: ExpressResponse; captured: CapturedResponse } {
	const captured: CapturedResponse = { statusCode: 200, body: undefined, headers: {}, written: false, ended: false };
	const res = {
		get statusCode() {
			return captured.statusCode;
		},
		set statusCode(code: number) {
			captured.statusCode = code;
			captured.written = true;
		},
		get headersSent() {
			return captured.ended;
		},
		status(code: number) {
			captured.statusCode = code;
			captured.written = true;
			return res;
		},
		sendStatus(code: number) {
			captured.statusCode = code;
			captured.written = true;
			captured.ended = true;
			return res;
		},
		setHeader(name: string, value: string) {
			captured.headers[name.toLowerCase()] = String(value);
			return res;
		},
		set(name: string | Record<string, string>, value?: string) {
			if (typeof name === 'object') {
				for (const [k, v] of Object.entries(name)) captured.headers[k.toLowerCase()] = String(v);
			} else captured.headers[name.toLowerCase()] = String(value);
			return res;
		},
		header(name: string, value: string) {
			captured.headers[name.toLowerCase()] = String(value);
			return res;
		},
		getHeader(name: string) {
			return captured.headers[name.toLowerCase()];
		},
		type(contentType: string) {
			captured.headers['content-type'] = contentType;
			return res;
		},
		writeHead(code: number, headers?: Record<string, string>) {
			captured.statusCode = code;
			captured.written = true;
			for (const [k, v] of Object.entries(headers ?? {})) captured.headers[k.toLowerCase()] = String(v);
			return res;
		},
		json(body: unknown) {
			captured.body = body;
			captured.written = true;
			captured.ended = true;
			return res;
		},
		send(body: unknown) {
			captured.body = body;
			captured.written = true;
			captured.ended = true;
			return res;
		},
		write(chunk: unknown) {
			captured.body = captured.body === undefined ? chunk : `${String(captured.body)}${String(chunk)}`;
			captured.written = true;
			return true;
		},
		end(body?: unknown) {
			if (body !== undefined) captured.body = body;
			captured.written = true;
			captured.ended = true;
			return res;
		},
		on() {
			return res;
		},
		once() {
			return res;
		},
	};
	return { res: res as unknown as ExpressResponse, captured };
}
