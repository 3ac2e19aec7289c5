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
 * The adaptive schedule promises a bound, not a guess: from the moment KIE marks a task final to
 * the read that sees it, at most max(Min Poll Interval, 10 % of the task's real duration D),
 * however wrong the expected duration T is. A task not done at a read of age t ends at some D > t,
 * so the next read may come at most 10 % of t later (less READ_ALLOWANCE_MS for the read itself):
 * read times grow geometrically by 1.1, the fewest reads the bound allows (the Min Poll Interval,
 * 2 s by default, sets the floor while the task is young).
 * The expectation only buys sparseness where a task ending would be far off it: after
 * SPARSE_FROM_MS and before T / 5 (more than 5 times faster than expected, yet not a short task),
 * steps may grow to SPARSE_STEP of the age, and the last of them may land as late as the bound
 * allows for a task ending at T / 5. A 300 s task that runs as expected then costs about a third of
 * a fixed 3 s poller's reads. A 120 s task cannot get there: the stretch from T / 5 to T alone
 * needs ln 5 / ln 1.1 ≈ 17 reads, more than a third of the fixed poller's 41 (README "Waiting").
 */
const BOUND_STEP = 0.1;
const READ_ALLOWANCE_MS = 100;
const SPARSE_FROM_MS = 22000;
const SPARSE_STEP = 0.4;
const SPARSE_UNTIL = 0.2;

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

/** At most BOUND_STEP of the age; sparser only between SPARSE_FROM_MS and T / 5. */
export function adaptiveDelay(ageMs: number, expectedMs: number): number {
	const bound = BOUND_STEP * ageMs - READ_ALLOWANCE_MS;
	const sparseUntil = SPARSE_UNTIL * Math.max(0, expectedMs);
	if (ageMs < SPARSE_FROM_MS || ageMs >= sparseUntil) return bound;
	// A task ending at T / 5 or later must still be seen within the bound: land no later than that.
	const lastSparseRead = (1 + BOUND_STEP) * sparseUntil - READ_ALLOWANCE_MS;
	return Math.max(bound, Math.min(SPARSE_STEP * ageMs, lastSparseRead - ageMs));
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
