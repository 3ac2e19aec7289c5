import { createServer } from 'http';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'http';
import type { AddressInfo } from 'net';

export interface RecordedRequest {
	method: string;
	url: string;
	path: string;
	headers: IncomingHttpHeaders;
	body: Buffer;
	/** The body parsed as JSON, when it is JSON. */
	json?: unknown;
}

export type TestRoute = (
	request: RecordedRequest,
	res: ServerResponse,
) => void | Promise<void>;

export interface TestServer {
	url: string;
	requests: RecordedRequest[];
	/** Register a handler for `METHOD /path` (query string ignored). Unrouted requests get 404. */
	route(method: string, path: string, handler: TestRoute): void;
	close(): Promise<void>;
}

/** Sends a JSON body with a status code (helper for routes). */
export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
	res.writeHead(status, { 'content-type': 'application/json', ...headers });
	res.end(JSON.stringify(body));
}

/** A tiny loopback HTTP server that records every request (for harness-level tests). */
export async function startTestServer(): Promise<TestServer> {
	const routes = new Map<string, TestRoute>();
	const requests: RecordedRequest[] = [];
	const server = createServer((req: IncomingMessage, res: ServerResponse) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const body = Buffer.concat(chunks);
			const url = req.url ?? '/';
			const path = url.split('?')[0];
			let json: unknown;
			try {
				json = body.length ? JSON.parse(body.toString('utf8')) : undefined;
			} catch {
				json = undefined;
			}
			const recorded: RecordedRequest = { method: req.method ?? 'GET', url, path, headers: req.headers, body, json };
			requests.push(recorded);
			const handler = routes.get(`${recorded.method} ${path}`);
			if (!handler) {
				sendJson(res, 404, { code: 404, msg: `no route for ${recorded.method} ${path}` });
				return;
			}
			Promise.resolve(handler(recorded, res)).catch((error: Error) => {
				sendJson(res, 500, { code: 500, msg: error.message });
			});
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		requests,
		route(method, path, handler) {
			routes.set(`${method.toUpperCase()} ${path}`, handler);
		},
		async close() {
			server.closeAllConnections?.();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}
