/**
 * How long tasks of a model took recently, in this n8n process. A model's real duration depends
 * on KIE's queue and on the input, so recent observations beat the catalogue's typical value.
 */

const KEEP_PER_MODEL = 7;
const MAX_MODELS = 200;

const recent = new Map<string, number[]>();

function keyOf(family: string, model: string | undefined): string {
	return `${family}|${model ?? ''}`;
}

/** Records the duration of a task that ended successfully. */
export function rememberDuration(family: string, model: string | undefined, durationMs: number): void {
	if (!Number.isFinite(durationMs) || durationMs <= 0) return;
	const key = keyOf(family, model);
	const list = recent.get(key) ?? [];
	list.push(durationMs);
	if (list.length > KEEP_PER_MODEL) list.shift();
	// Re-insert so the map's order is least-recently-used first.
	recent.delete(key);
	recent.set(key, list);
	if (recent.size > MAX_MODELS) recent.delete(recent.keys().next().value as string);
}

/** The median of the recent durations of this model, if any were seen. */
export function recentDuration(family: string, model: string | undefined): number | undefined {
	const list = recent.get(keyOf(family, model));
	if (!list || list.length === 0) return undefined;
	const sorted = [...list].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1 ? sorted[middle] : Math.round((sorted[middle - 1] + sorted[middle]) / 2);
}

/** Forgets every observation (tests). */
export function resetDurations(): void {
	recent.clear();
}

/**
 * A KIE time field as epoch milliseconds. KIE sends epoch ms (sometimes seconds); the
 * "YYYY-MM-DD HH:mm:ss" strings of some families carry no time zone, so they are not trusted.
 */
export function epochMs(value: number | string | undefined): number | undefined {
	if (value === undefined) return undefined;
	const n = typeof value === 'number' ? value : /^\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : NaN;
	if (!Number.isFinite(n)) return undefined;
	if (n > 1e12) return n;
	if (n > 1e9) return n * 1000;
	return undefined;
}
