import type { IDataObject } from 'n8n-workflow';

import { isPlainObject } from '../utils/values';

export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

export type BodyResult = { ok: true; body: IDataObject; bytes: number } | { ok: false; error: string };

export interface BodyInput {
	/** `req.rawBody` as n8n's body reader keeps it; absent in some setups. */
	rawBody?: unknown;
	/** What n8n's parsers made of the body (`getBodyData()`). */
	parsed: unknown;
	/** 0 = no limit. */
	maxBytes: number;
}

function rawBytes(raw: unknown): Buffer | undefined {
	if (Buffer.isBuffer(raw)) return raw;
	if (typeof raw === 'string') return Buffer.from(raw, 'utf8');
	return undefined;
}

/**
 * The callback body as a JSON object, or why it is refused. The raw bytes are the authority when
 * n8n kept them: they give the real size, and they are JSON even when the sender forgot the
 * content type (n8n then leaves `body` empty). Without them, the parsed body is used.
 */
export function readCallbackBody({ rawBody, parsed, maxBytes }: BodyInput): BodyResult {
	const raw = rawBytes(rawBody);
	const bytes = raw !== undefined ? raw.length : Buffer.byteLength(isPlainObject(parsed) ? JSON.stringify(parsed) : String(parsed ?? ''), 'utf8');
	if (maxBytes > 0 && bytes > maxBytes) {
		return { ok: false, error: `The body has ${bytes} bytes; this trigger accepts at most ${maxBytes}.` };
	}
	let value: unknown = parsed;
	if (raw !== undefined && raw.length > 0) {
		try {
			value = JSON.parse(raw.toString('utf8'));
		} catch {
			return { ok: false, error: 'The body is not valid JSON.' };
		}
	} else if (typeof parsed === 'string' || Buffer.isBuffer(parsed)) {
		try {
			value = JSON.parse(parsed.toString());
		} catch {
			return { ok: false, error: 'The body is not valid JSON.' };
		}
	}
	if (!isPlainObject(value)) return { ok: false, error: 'The body must be a JSON object.' };
	if (Object.keys(value).length === 0) return { ok: false, error: 'The body is empty.' };
	return { ok: true, body: value, bytes };
}
