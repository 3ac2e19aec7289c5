/** Fields KIE sends as JSON inside a string (sometimes twice: `param.input`). */
const JSON_STRING_FIELDS = new Set([
	'resultJson',
	'param',
	'input',
	'paramJson',
	'promptJson',
	'resultInfoJson',
	'resultUrls',
	'result_urls',
	'originUrls',
]);

function tryParse(text: string): unknown {
	const trimmed = text.trim();
	if (!(trimmed.startsWith('{') || trimmed.startsWith('['))) return text;
	try {
		return JSON.parse(trimmed);
	} catch {
		// Veo's documented example: '[http://example.com/video1.mp4]' — a list that is not JSON.
		if (trimmed.startsWith('[') && trimmed.endsWith(']')) {
			return trimmed
				.slice(1, -1)
				.split(',')
				.map((part) => part.trim().replace(/^["']|["']$/g, ''))
				.filter((part) => part !== '');
		}
		return text;
	}
}

/**
 * Returns a copy of a KIE record or callback with its JSON-string fields decoded, at any depth.
 * An empty `resultJson` ("" until success) becomes undefined.
 */
export function decodeRecord(value: unknown, depth = 0): unknown {
	if (depth > 8 || value === null || typeof value !== 'object') return value;
	if (Array.isArray(value)) return value.map((entry) => decodeRecord(entry, depth + 1));
	const out: Record<string, unknown> = {};
	for (const [key, raw] of Object.entries(value as Record<string, unknown>)) {
		let entry = raw;
		if (typeof entry === 'string' && JSON_STRING_FIELDS.has(key)) {
			entry = entry.trim() === '' ? undefined : tryParse(entry);
			if (typeof entry === 'string' && key !== 'input' && entry !== raw) entry = tryParse(entry);
		}
		out[key] = decodeRecord(entry, depth + 1);
	}
	return out;
}

/**
 * Reads a dot path. A `*` in the last segment matches every key with that prefix/suffix
 * (`response.*Url`); arrays met on the way are flattened.
 */
export function readPath(source: unknown, path: string, excludeKeys: string[] = []): unknown[] {
	let current: unknown[] = [source];
	const segments = path.split('.');
	segments.forEach((segment, index) => {
		const next: unknown[] = [];
		for (const value of current) {
			if (value === null || value === undefined) continue;
			const containers = Array.isArray(value) && index > 0 ? value : [value];
			for (const container of containers) {
				if (container === null || typeof container !== 'object') continue;
				const record = container as Record<string, unknown>;
				if (segment.includes('*')) {
					const [prefix, suffix] = segment.split('*');
					for (const [key, entry] of Object.entries(record)) {
						if (key.startsWith(prefix) && key.endsWith(suffix) && key.length > prefix.length + suffix.length - 1 && !excludeKeys.includes(key)) {
							next.push(entry);
						}
					}
				} else if (segment in record) {
					next.push(record[segment]);
				}
			}
		}
		current = next;
	});
	return current.filter((value) => value !== undefined);
}

export function firstValue(source: unknown, paths: string[] | undefined): unknown {
	for (const path of paths ?? []) {
		const found = readPath(source, path).find((value) => value !== null && value !== '');
		if (found !== undefined) return found;
	}
	return undefined;
}
