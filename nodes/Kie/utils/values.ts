import type { IDataObject } from 'n8n-workflow';

/** The first string of a query or header value (n8n gives repeated ones as arrays). */
export function single(value: unknown): string | undefined {
	if (Array.isArray(value)) return single(value[0]);
	return typeof value === 'string' ? value : undefined;
}

/** A number above 0 from a parameter value, else the fallback. */
export function positive(value: unknown, fallback: number): number {
	const n = Number(value);
	return Number.isFinite(n) && n > 0 ? n : fallback;
}

/** A number of 0 or more from a parameter value, else the fallback. */
export function nonNegative(value: unknown, fallback: number): number {
	const n = Number(value);
	return Number.isFinite(n) && n >= 0 ? n : fallback;
}

/** A JSON object: not null, not an array, not raw bytes. */
export function isPlainObject(value: unknown): value is IDataObject {
	return value !== null && typeof value === 'object' && !Array.isArray(value) && !Buffer.isBuffer(value);
}
