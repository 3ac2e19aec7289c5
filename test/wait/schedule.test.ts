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

/** The promise: final → seen within max(2 s, 10 % of the real duration), whatever was expected. */
const bound = (durationMs: number) => Math.max(2000, 0.1 * durationMs);

/** Worst latency over start phases: the wait may begin at any point of the task's life. */
function worstLatency(settings: ScheduleSettings, durationMs: number): { latencyMs: number; reads: number } {
	let latencyMs = 0;
	let reads = 0;
	for (let phase = 0; phase < 2000; phase += 97) {
		const seen = simulateReads(settings, durationMs, phase);
		latencyMs = Math.max(latencyMs, latency(seen, durationMs));
		reads = Math.max(reads, seen.length);
	}
	return { latencyMs, reads };
}

/**
 * The fewest reads of a task that ends at `durationMs` that keep the promise, read greedily as late
 * as it allows (which is optimal: a later read never forces an earlier next one): a task not done
 * at age t may end just after it, so the next read is due by t + max(2 s, 10 % of t); only a task
 * more than 22 s old and 5 times faster than expected (before T / 5) is exempt, so a read there may
 * wait until 1.1 × T / 5.
 */
function fewestReads(expectedMs: number, durationMs: number): number {
	let at = 2000;
	let reads = 1;
	while (at < durationMs) {
		const exemptUntil = expectedMs / 5;
		at = at >= 22000 && at < exemptUntil ? Math.max(at + 2000, 1.1 * exemptUntil) : at + Math.max(2000, 0.1 * at);
		reads++;
	}
	return reads;
}

describe('adaptive schedule', () => {
	it.each([
		// matched
		[5, 5],
		[30, 30],
		[120, 120],
		[300, 300],
		// the task ends far sooner than expected (bench P2 mismatched)
		[60, 1],
		[180, 1],
		[60, 5],
		[180, 5],
		[60, 20],
		[180, 20],
		// 5 times too long or too short
		[120, 24],
		[300, 60],
		[30, 150],
		[60, 300],
		[30, 300],
		[300, 1500],
	])('expected %i s, actual %i s: seen within max(2 s, 10 %% of the duration)', (expected, actual) => {
		const { latencyMs } = worstLatency(adaptive(expected), actual * 1000);
		expect(latencyMs).toBeLessThanOrEqual(bound(actual * 1000));
	});

	it('a 300 s task that runs as expected costs at most a third of a fixed 3 s poller’s reads', () => {
		const { reads } = worstLatency(adaptive(300), 300000);
		expect(reads).toBeLessThanOrEqual(fixedReads(3000, 300000) / 3);
	});

	it('never steps more than 10 % of the age past the minimum, and is sparser only far before T / 5', () => {
		const settings = adaptive(300);
		for (let age = 0; age < 3600000; age += 1000) {
			const delay = pollDelay(settings, age);
			const sparse = age >= 22000 && age < 60000;
			if (!sparse) expect(delay).toBeLessThanOrEqual(Math.max(2000, 0.1 * age));
			// The sparse window never jumps far past its end.
			// The sparse window's last read lands where a task ending at T / 5 must be seen.
			if (sparse) expect(age + delay).toBeLessThanOrEqual(Math.max(66000, age + 0.1 * age));
		}
		expect(pollDelay(settings, 30000)).toBe(12000);
		expect(adaptiveDelay(55000, 300000)).toBe(10900);
		// Outside the sparse window each step is 10 % of the age less 100 ms for the read itself.
		expect(pollDelay(settings, 100000)).toBe(9900);
	});

	it('comes within three reads of the fewest any schedule keeping the bound can make; a third of a fixed poller is out of reach for 120 s', () => {
		for (const seconds of [120, 300]) {
			const ours = simulateReads(adaptive(seconds), seconds * 1000, firstReadDelay(adaptive(seconds))).length;
			expect(ours).toBeLessThanOrEqual(fewestReads(seconds * 1000, seconds * 1000) + 3);
			expect(ours).toBeGreaterThanOrEqual(fewestReads(seconds * 1000, seconds * 1000));
		}
		expect(simulateReads(adaptive(120), 120000, 2000)).toHaveLength(29);
		// 120 s: the bound holds for any end between T / 5 and T, so that stretch alone takes
		// ⌈ln 5 / ln 1.1⌉ = 17 reads; a fixed 3 s poller makes 41, a third of it is 13.7.
		expect(Math.ceil(Math.log(5) / Math.log(1.1))).toBe(17);
		expect(17).toBeGreaterThan(fixedReads(3000, 120000) / 3);
		expect(fewestReads(120000, 120000)).toBe(28);
		expect(fewestReads(120000, 120000)).toBeGreaterThan(fixedReads(3000, 120000) / 3);
		// 300 s: within a third.
		expect(worstLatency(adaptive(300), 300000).reads).toBeLessThanOrEqual(fixedReads(3000, 300000) / 3);
	});

	it('never reads more often than the minimum nor less often than the maximum', () => {
		const settings = adaptive(2, { minMs: 1500, maxMs: 10000 });
		for (let age = 0; age < 7200000; age += 7000) {
			const delay = pollDelay(settings, age);
			expect(delay).toBeGreaterThanOrEqual(1500);
			expect(delay).toBeLessThanOrEqual(10000);
		}
		expect(pollDelay(adaptive(3600), 3600000)).toBe(30000);
	});

	it('starts a fresh task on its first step and looks again soon while the task is not visible', () => {
		expect(firstReadDelay(adaptive(120))).toBe(2000);
		expect(firstReadDelay(adaptive(5))).toBe(2000);
		expect(notVisibleDelay(adaptive(120), 0)).toBe(2000);
		expect(notVisibleDelay(adaptive(120), 60000)).toBe(3000);
		expect(notVisibleDelay(adaptive(120, { minMs: 5000 }), 0)).toBe(5000);
		expect(notVisibleDelay(adaptive(120, { minMs: 100 }), 0)).toBe(100);
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
