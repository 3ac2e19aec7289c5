/* eslint-disable @n8n/community-nodes/no-restricted-globals */
/** Test helpers for the emulator's own tests: HTTP calls over loopback and a callback receiver. */
import { createServer, type IncomingHttpHeaders } from 'http';
import type { AddressInfo } from 'net';
import { request } from 'undici';
import { DEFAULT_API_KEY } from './state';

export const KEY = DEFAULT_API_KEY;

export interface Reply {
	status: number;
	headers: Record<string, string>;
	text: string;
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	json: any;
}

export async function call(
	base: string,
	method: string,
	path: string,
	body?: unknown,
	opts: { key?: string | null; headers?: Record<string, string> } = {},
): Promise<Reply> {
	const headers: Record<string, string> = { ...(opts.headers ?? {}) };
	if (opts.key !== null) headers.authorization = `Bearer ${opts.key ?? KEY}`;
	let payload: string | Buffer | undefined;
	if (Buffer.isBuffer(body)) payload = body;
	else if (body !== undefined) {
		payload = JSON.stringify(body);
		headers['content-type'] ??= 'application/json';
	}
	const res = await request(`${base}${path}`, { method: method as 'GET', headers, body: payload });
	const text = await res.body.text();
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch {
		json = undefined;
	}
	const flat: Record<string, string> = {};
	for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) flat[k] = Array.isArray(v) ? v.join(', ') : v;
	return { status: res.statusCode, headers: flat, text, json };
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export async function waitFor<T>(
	fn: () => T | undefined | false | Promise<T | undefined | false>,
	timeoutMs = 5000,
	stepMs = 20,
): Promise<T> {
	const until = Date.now() + timeoutMs;
	for (;;) {
		const v = await fn();
		if (v) return v;
		if (Date.now() > until) throw new Error(`waitFor: condition not met within ${timeoutMs} ms`);
		await sleep(stepMs);
	}
}

export interface Received {
	path: string;
	headers: IncomingHttpHeaders;
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	body: any;
	raw: string;
	at: number;
}

export interface Receiver {
	url: string;
	received: Received[];
	/** Status to answer for the n-th request (0-based); default 200. */
	respond: (n: number) => number;
	close(): Promise<void>;
}

/** A local webhook receiver that records every POST. */
export async function startReceiver(respond: (n: number) => number = () => 200): Promise<Receiver> {
	const received: Received[] = [];
	const receiver: Receiver = { url: '', received, respond, close: async () => undefined };
	const server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			const raw = Buffer.concat(chunks).toString('utf8');
			let body: unknown;
			try {
				body = JSON.parse(raw);
			} catch {
				body = undefined;
			}
			const n = received.length;
			received.push({ path: req.url ?? '/', headers: req.headers, body, raw, at: Date.now() });
			res.writeHead(receiver.respond(n), { 'content-type': 'application/json' });
			res.end('{"status":"received"}');
		});
	});
	await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
	receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
	receiver.close = () =>
		new Promise<void>((r) => {
			server.close(() => r());
			server.closeAllConnections();
		});
	return receiver;
}
