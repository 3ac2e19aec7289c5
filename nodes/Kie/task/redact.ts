/**
 * Secrets never leave the node in its output. KIE's record echoes the callBackUrl the task was
 * created with (Market `param`, Suno `callBackUrl`…), and the KIE Trigger's Shared Token travels
 * in that URL as `?token=`: so every string in an output is cleaned of `token=` query values and
 * of the known secrets (API key, HMAC key, token) wherever they appear.
 */
export const REDACTED = '[redacted]';

// `token=value` in a URL, plain or percent-encoded (a URL inside another URL's query).
const TOKEN_PARAM = /([?&]token=)[^&#\s"'\\]+/gi;
const ENCODED_TOKEN_PARAM = /((?:%3F|%26)token%3D)(?:(?!%26|%23)[^&#\s"'\\])+/gi;

/** Below this length a "secret" would match ordinary text; `token=` values are cleaned anyway. */
const MIN_SECRET_LENGTH = 4;

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function redactText(text: string, secrets: readonly string[] = []): string {
	let out = text.replace(TOKEN_PARAM, `$1${REDACTED}`).replace(ENCODED_TOKEN_PARAM, `$1${REDACTED}`);
	for (const secret of secrets) {
		if (secret.length < MIN_SECRET_LENGTH) continue;
		out = out.replace(new RegExp(escapeRegExp(secret), 'g'), REDACTED);
		const encoded = encodeURIComponent(secret);
		if (encoded !== secret) out = out.replace(new RegExp(escapeRegExp(encoded), 'g'), REDACTED);
	}
	return out;
}

/** A copy of a JSON value with every string (and object key) cleaned; other values as they are. */
export function redactSecrets<T>(value: T, secrets: readonly string[] = []): T {
	const walk = (node: unknown): unknown => {
		if (typeof node === 'string') return redactText(node, secrets);
		if (Array.isArray(node)) return node.map(walk);
		if (node !== null && typeof node === 'object' && !Buffer.isBuffer(node) && !(node instanceof Date)) {
			const out: Record<string, unknown> = {};
			for (const [key, entry] of Object.entries(node as Record<string, unknown>)) out[redactText(key, secrets)] = walk(entry);
			return out;
		}
		return node;
	};
	return walk(value) as T;
}
