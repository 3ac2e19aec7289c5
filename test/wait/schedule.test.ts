import {
	adaptiveDelay,
	firstReadDelay,
	kieGuidanceDelay,
	notVisibleDelay,
	pollDelay,
	simulateReads,
	type ScheduleSettings,
} from '../../nodes/Kie/wait/schedule';
import { DEFAULT_TIMEOUT_MINUTES, familyCategory, timeoutMs } from '../../nodes/Kie/wait/deadline';

const adaptive = (expectedSeconds: number, overrides: Partial<ScheduleSettings> = {}): ScheduleSettings => ({
	kind: 'adaptive',
	minMs: 2000,
	maxMs: 30000,
	expectedMs: expectedSeconds * 1000,
	...overrides,
});

/** Reads of a poller that reads every `intervalMs` from age 0 until it sees the task done. */
function fixedReads(intervalMs: number, durationMs: number): number {
	return simulateReads({ kind: 'fixed', minMs: intervalMs, maxMs: intervalMs, expectedMs: 0 }, durationMs).length;
}

function latency(reads: number[], durationMs: number): number {
	return reads[reads.length - 1] - durationMs;
}

describe('KIE guidance schedule', () => {
	it('reads every 2–3 s for 30 s, 5–10 s until 2 min, then 15–30 s', () => {
		for (const age of [0, 10, 29]) expect(kieGuidanceDelay(age * 1000)).toBe(2500);
		for (const age of [30, 60, 119]) {
			const delay = kieGuidanceDelay(age * 1000);
			expect(delay).toBeGreaterThanOrEqual(5000);
			expect(delay).toBeLessThanOrEqual(10000);
		}
		for (const age of [120, 300, 3600]) {
			const delay = kieGuidanceDelay(age * 1000);
			expect(delay).toBeGreaterThanOrEqual(15000);
			expect(delay).toBeLessThanOrEqual(30000);
		}
	});

	it('is clamped by the user minimum and maximum', () => {
		const kie: ScheduleSettings = { kind: 'kie', minMs: 4000, maxMs: 20000, expectedMs: 0 };
		expect(pollDelay(kie, 0)).toBe(4000);
		expect(pollDelay(kie, 3600000)).toBe(20000);
	});
});

describe('fixed schedule', () => {
	it('reads every minimum interval', () => {
		const fixed: ScheduleSettings = { kind: 'fixed', minMs: 3000, maxMs: 30000, expectedMs: 120000 };
		expect([0, 10000, 500000].map((age) => pollDelay(fixed, age))).toEqual([3000, 3000, 3000]);
		expect(fixedReads(3000, 120000)).toBe(41);
	});
});

describe('adaptive schedule (expected duration known)', () => {
	it.each([120, 300])('a %i s task costs at most a third of a fixed 3 s poller’s reads', (seconds) => {
		const durationMs = seconds * 1000;
		const reads = simulateReads(adaptive(seconds), durationMs);
		expect(reads.length).toBeLessThanOrEqual(fixedReads(3000, durationMs) / 3);
		expect(latency(reads, durationMs)).toBeLessThanOrEqual(0.05 * durationMs);
	});

	it.each([5, 30])('sees a %i s task within 2 s', (seconds) => {
		const reads = simulateReads(adaptive(seconds), seconds * 1000);
		expect(latency(reads, seconds * 1000)).toBeLessThanOrEqual(2000);
	});

	it.each([
		[120, 100],
		[120, 150],
		[120, 240],
		[300, 260],
		[300, 420],
		[300, 900],
	])('expected %i s, actual %i s: still seen within 5 %% of the duration (or the max interval)', (expected, actual) => {
		const reads = simulateReads(adaptive(expected), actual * 1000);
		expect(latency(reads, actual * 1000)).toBeLessThanOrEqual(Math.max(0.05 * actual * 1000, 2000));
	});

	it('is sparse early and dense near the expected end', () => {
		const settings = adaptive(120);
		expect(pollDelay(settings, 0)).toBe(30000);
		expect(pollDelay(settings, 60000)).toBe(30000);
		// From 0.75 T: 4 % of T, then 5 % of the task's age.
		expect(pollDelay(settings, 90000)).toBe(4800);
		expect(pollDelay(settings, 200000)).toBe(10000);
		expect(pollDelay(settings, 3600000)).toBe(30000);
		// The early step never jumps over the start of the dense window.
		expect(adaptiveDelay(80000, 120000)).toBe(10000);
	});

	it('never reads more often than the minimum nor less often than the maximum', () => {
		const settings = adaptive(2, { minMs: 1500, maxMs: 10000 });
		for (let age = 0; age < 7200000; age += 7000) {
			const delay = pollDelay(settings, age);
			expect(delay).toBeGreaterThanOrEqual(1500);
			expect(delay).toBeLessThanOrEqual(10000);
		}
		expect(pollDelay(adaptive(3600), 0)).toBe(30000);
	});

	it('starts a fresh task on its first step and looks again soon while the task is not visible', () => {
		expect(firstReadDelay(adaptive(120))).toBe(30000);
		expect(firstReadDelay(adaptive(5))).toBe(2000);
		expect(notVisibleDelay(adaptive(120), 0)).toBe(3000);
		expect(notVisibleDelay(adaptive(120, { minMs: 5000 }), 0)).toBe(5000);
		expect(notVisibleDelay(adaptive(120, { minMs: 100 }), 0)).toBe(3000);
	});
});

describe('deadline defaults', () => {
	it('uses the category default, at least 3× the expected duration, or the user’s value', () => {
		expect(timeoutMs(0, 'image', 30000)).toBe(DEFAULT_TIMEOUT_MINUTES.image * 60000);
		expect(timeoutMs(0, 'video', 30000)).toBe(30 * 60000);
		expect(timeoutMs(0, 'video', 20 * 60000)).toBe(60 * 60000);
		expect(timeoutMs(2.5, 'video', 20 * 60000)).toBe(150000);
	});

	it('knows what each non-Market family produces', () => {
		expect(familyCategory('veo')).toBe('video');
		expect(familyCategory('suno')).toBe('audio');
		expect(familyCategory('sunoLyrics')).toBe('text');
		expect(familyCategory('midjourney')).toBe('image');
	});
});
