/** Where the trigger keeps the deliveries it has seen, in the workflow's node static data. */
export const DELIVERIES_KEY = 'kieDeliveries';

export const DEFAULT_DEDUPE = { ttlMs: 24 * 60 * 60 * 1000, maxEntries: 1000 };

export interface DedupeSettings {
	ttlMs: number;
	maxEntries: number;
}

export interface DedupeResult {
	duplicate: boolean;
	/** The memory to store back; unchanged (same object) when nothing changed. */
	next: Record<string, number>;
	changed: boolean;
}

/** One delivery = one task, one callback stage, one outcome (a different outcome is news, not a repeat). */
export function deliveryKey(taskId: string, stage: string, status: string): string {
	return `${taskId}|${stage}|${status}`;
}

function asMemory(value: unknown): Record<string, number> {
	const out: Record<string, number> = {};
	if (value === null || typeof value !== 'object' || Array.isArray(value)) return out;
	for (const [key, time] of Object.entries(value as Record<string, unknown>)) {
		if (typeof time === 'number' && Number.isFinite(time)) out[key] = time;
	}
	return out;
}

/**
 * Records a delivery in a bounded, time-limited memory: entries older than `ttlMs` are dropped,
 * and beyond `maxEntries` the oldest go first, so static data (saved with the workflow) stays small.
 */
export function recordDelivery(previous: unknown, key: string, nowMs: number, settings: DedupeSettings): DedupeResult {
	const memory = asMemory(previous);
	const fresh: Record<string, number> = {};
	let pruned = false;
	for (const [entry, time] of Object.entries(memory)) {
		if (nowMs - time <= settings.ttlMs) fresh[entry] = time;
		else pruned = true;
	}
	if (fresh[key] !== undefined) return { duplicate: true, next: fresh, changed: pruned };
	fresh[key] = nowMs;
	const entries = Object.entries(fresh);
	if (entries.length <= settings.maxEntries) return { duplicate: false, next: fresh, changed: true };
	entries.sort((a, b) => a[1] - b[1]);
	return { duplicate: false, next: Object.fromEntries(entries.slice(entries.length - settings.maxEntries)), changed: true };
}

/** Whether the persisted memory holds `key` from within the last `ttlMs`. */
export function remembered(previous: unknown, key: string, nowMs: number, ttlMs: number): boolean {
	const time = asMemory(previous)[key];
	return time !== undefined && nowMs - time <= ttlMs;
}

/**
 * The persisted memory with `additions` merged in, pruned and bounded. n8n saves a webhook call's
 * static data as one blob after the call (last writer wins), so each writer stores everything this
 * process knows: a concurrent call's save then does not drop another call's delivery.
 */
export function mergeDeliveries(previous: unknown, additions: Record<string, number>, nowMs: number, settings: DedupeSettings): Record<string, number> {
	const merged: Record<string, number> = {};
	for (const [key, time] of Object.entries({ ...asMemory(previous), ...asMemory(additions) })) {
		if (nowMs - time <= settings.ttlMs) merged[key] = Math.max(time, merged[key] ?? 0);
	}
	const entries = Object.entries(merged);
	if (entries.length <= settings.maxEntries) return merged;
	entries.sort((a, b) => a[1] - b[1]);
	return Object.fromEntries(entries.slice(entries.length - settings.maxEntries));
}
