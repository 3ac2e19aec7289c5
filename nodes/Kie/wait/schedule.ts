/**
 * When to read a task's status next. Pure functions of the task's age, so the schedule can be
 * tested and benchmarked without a clock.
 */

export type ScheduleKind = 'adaptive' | 'kie' | 'fixed';

export interface ScheduleSettings {
	kind: ScheduleKind;
	/** No two reads of one task closer than this. */
	minMs: number;
	/** No two reads of one task further apart than this. */
	maxMs: number;
	/** How long the task usually takes (catalogue, recent tasks, or the user's estimate). */
	expectedMs: number;
}

export const DEFAULT_MIN_INTERVAL_MS = 2000;
export const DEFAULT_MAX_INTERVAL_MS = 30000;

/**
 * Shape of the adaptive schedule, as fractions of the expected duration T:
 * - before 0.75 T a task rarely ends, so reads are 0.25 T apart (sparse);
 * - from 0.75 T on, reads are 0.04 T apart, widening to 5 % of the task's age once it runs late.
 * A task that ends anywhere after 0.75 T is therefore seen within 5 % of its duration, while a
 * task that runs as expected costs about a dozen reads whatever its length.
 */
const DENSE_FROM = 0.75;
const EARLY_STEP = 0.25;
const DENSE_STEP = 0.04;
const LATE_STEP = 0.05;

function clamp(value: number, min: number, max: number): number {
	return Math.min(Math.max(value, min), Math.max(min, max));
}

/** KIE's published guidance: 2–3 s for the first 30 s, 5–10 s until 2 min, then 15–30 s. */
export function kieGuidanceDelay(ageMs: number): number {
	const age = ageMs / 1000;
	if (age < 30) return 2500;
	if (age < 120) return Math.round(5000 + ((age - 30) / 90) * 5000);
	return Math.round(15000 + Math.min(1, (age - 120) / 480) * 15000);
}

/** Sparse while the task is young relative to T, dense around T, proportional to age when late. */
export function adaptiveDelay(ageMs: number, expectedMs: number): number {
	const expected = Math.max(1, expectedMs);
	const denseFrom = DENSE_FROM * expected;
	if (ageMs < denseFrom) return Math.min(EARLY_STEP * expected, denseFrom - ageMs);
	return Math.max(DENSE_STEP * expected, LATE_STEP * ageMs);
}

/** Milliseconds from a read at `ageMs` (time since the task was created) to the next read. */
export function pollDelay(settings: ScheduleSettings, ageMs: number): number {
	const age = Math.max(0, ageMs);
	let wanted: number;
	if (settings.kind === 'fixed') wanted = settings.minMs;
	else if (settings.kind === 'kie') wanted = kieGuidanceDelay(age);
	else wanted = adaptiveDelay(age, settings.expectedMs);
	return Math.round(clamp(wanted, settings.minMs, settings.maxMs));
}

/**
 * Delay before the first read of a task that was created just now. A read at once could only
 * say "queued" (or "not visible yet"), so a fresh task starts on its schedule instead.
 */
export function firstReadDelay(settings: ScheduleSettings): number {
	return pollDelay(settings, 0);
}

/**
 * While KIE does not show a task yet, look again soon: the record usually appears within
 * seconds, and a long schedule step would eat the whole grace period.
 */
export function notVisibleDelay(settings: ScheduleSettings, ageMs: number): number {
	return Math.max(settings.minMs, Math.min(3000, pollDelay(settings, ageMs)));
}

/** Simulated read times (ms of age) for a task that ends at `durationMs`, the last one seeing it done. */
export function simulateReads(settings: ScheduleSettings, durationMs: number, firstAtMs = 0, limit = 10000): number[] {
	const reads: number[] = [];
	let at = firstAtMs;
	while (reads.length < limit) {
		reads.push(at);
		if (at >= durationMs) break;
		at += pollDelay(settings, at);
	}
	return reads;
}
