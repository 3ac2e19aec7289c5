/**
 * JSON pointers as KIE writes them in its model documents (`$ref` never pre-inlined, always into
 * the same document): each segment is percent-decoded (`response%20not%20with%20recordId`), then
 * `~1`/`~0` are unescaped, then matched exactly — keys may end in a space (`Error `), so nothing
 * is trimmed. Research notes: test/fixtures/catalogue (origins of the real documents).
 */

import { isPlainObject as isObject } from '../utils/values';

function decodeSegment(segment: string): string {
	let decoded = segment;
	try {
		decoded = decodeURIComponent(segment);
	} catch {
		// A lone "%" is a literal percent sign in a key.
	}
	return decoded.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** The value `ref` (`#/components/schemas/…`) points at, or undefined when nothing is there. */
export function resolvePointer(document: unknown, ref: string): unknown {
	if (!ref.startsWith('#')) return undefined;
	const pointer = ref.slice(1);
	if (pointer === '') return document;
	if (!pointer.startsWith('/')) return undefined;
	let node: unknown = document;
	for (const raw of pointer.slice(1).split('/')) {
		if (node === null || typeof node !== 'object') return undefined;
		const key = decodeSegment(raw);
		if (Array.isArray(node)) {
			if (!/^\d+$/.test(key)) return undefined;
			node = node[Number(key)];
			continue;
		}
		if (!Object.prototype.hasOwnProperty.call(node, key)) return undefined;
		node = (node as Record<string, unknown>)[key];
	}
	return node;
}

type Json = Record<string, unknown>;

/**
 * `schema` with its `$ref` followed (repeatedly). Sibling keys of a `$ref` object win over the
 * target's (`{"$ref": "…/Error ", "description": "request failed"}`). An unresolvable `$ref`
 * throws, naming it, so a broken document is reported instead of silently becoming "anything".
 */
export function deref(document: unknown, schema: unknown, depth = 0): unknown {
	if (!isObject(schema) || typeof schema.$ref !== 'string') return schema;
	if (depth > 32) throw new Error(`$ref chain too deep at "${schema.$ref}"`);
	const target = resolvePointer(document, schema.$ref);
	if (target === undefined) throw new Error(`$ref "${schema.$ref}" does not resolve in the model's document`);
	const siblings: Json = { ...schema };
	delete siblings.$ref;
	const resolved = deref(document, target, depth + 1);
	return isObject(resolved) ? { ...resolved, ...siblings } : resolved;
}
