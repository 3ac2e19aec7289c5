/** Small HTTP helpers shared by the emulator's handlers. */
import type { IncomingMessage, ServerResponse } from 'http';

export const JSON_TYPE = 'application/json;charset=UTF-8';

export function sendJson(
	res: ServerResponse,
	status: number,
	body: unknown,
	headers: Record<string, string> = {},
): void {
	const text = JSON.stringify(body);
	res.writeHead(status, { 'content-type': JSON_TYPE, 'content-length': Buffer.byteLength(text), ...headers });
	res.end(text);
}

/** KIE envelope on HTTP 200 (business errors included, as real KIE does). */
export function kie(res: ServerResponse, code: number, msg: string, data: unknown = null, httpStatus = 200): void {
	sendJson(res, httpStatus, { code, msg, data });
}

/** Spring-style error body, as api.kie.ai answers unknown paths. */
export function spring(res: ServerResponse, status: number, error: string, path: string): void {
	sendJson(res, status, { status, error, path });
}

export async function readBody(req: IncomingMessage): Promise<Buffer> {
	const chunks: Buffer[] = [];
	for await (const chunk of req) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string));
	return Buffer.concat(chunks);
}

export function isObject(v: unknown): v is Record<string, unknown> {
	return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function flatHeaders(h: IncomingMessage['headers']): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [k, v] of Object.entries(h)) if (v !== undefined) out[k] = Array.isArray(v) ? v.join(', ') : v;
	return out;
}
