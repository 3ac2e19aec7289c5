/**
 * The adaptive create limiter on a fake clock: several n8n processes (queue-mode workers) with
 * their own limiters spend one account that drops what does not fit its window (see
 * account-sim.ts). Everything here is virtual time, so the counts and times are exact per seed.
 */
import { SlidingWindowLimiter } from '../../nodes/Kie/transport/limiter';
import { floorMs, seeded, simulate, steppedClock, type SimOptions } from './account-sim';

const LIMIT = { max: 20, windowMs: 2000 };
const batch = (executions: number[], adaptive = true, seed = 1): SimOptions => ({
	executions,
	itemsPerExecution: 50,
	concurrency: 5,
	limit: LIMIT,
	adaptive,
	seed,
});

/** Most accepted creates in any window of the account. */
function densest(times: number[], windowMs: number): number {
	const sorted = [...times].sort((a, b) => a - b);
	let most = 0;
	for (let i = 0, j = 0; i < sorted.length; i++) {
		while (sorted[i] - sorted[j] >= windowMs) j++;
		most = Math.max(most, i - j + 1);
	}
	return most;
}

describe('adaptive create limiter across processes (virtual time)', () => {
	it.each([
		{ spread: '4 / 4 / 4', executions: [4, 4, 4], seed: 1 },
		{ spread: '4 / 4 / 4', executions: [4, 4, 4], seed: 2 },
		{ spread: '5 / 5 / 2', executions: [5, 5, 2], seed: 1 },
		{ spread: '5 / 5 / 2', executions: [5, 5, 2], seed: 2 },
	])('3 workers, 12 executions of 50 ($spread, seed $seed): 600 tasks, none failed, few 429s', async ({ executions, seed }) => {
		const result = await simulate(batch(executions, true, seed));
		expect(result.created).toBe(600);
		expect(result.failed).toBe(0);
		// Virtual time, so these are exact per seed (3.5–4.6 % and 1.14–1.16× today); the ceilings
		// leave room for tuning. The bench measures the real figures (README, "Scaling out").
		expect(result.rateLimited / result.requests).toBeLessThanOrEqual(0.05);
		expect(result.lastCreateAt).toBeLessThan(1.2 * floorMs(600, LIMIT));
		expect(densest(result.acceptedTimes, LIMIT.windowMs)).toBeLessThanOrEqual(LIMIT.max);
	});

	it('a busy machine (uneven 25–175 ms legs) and workers starting 2 s apart: still no failed item, within the window', async () => {
		const result = await simulate({ ...batch([4, 4, 4]), latencyMs: 25, jitterMs: 150, startAtMs: [0, 2000, 4000] });
		expect(result.created).toBe(600);
		expect(result.failed).toBe(0);
		expect(result.rateLimited / result.requests).toBeLessThan(0.08);
		expect(densest(result.acceptedTimes, LIMIT.windowMs)).toBeLessThanOrEqual(LIMIT.max);
	});

	it('a process joining a window another one fills meets at most its slow-start allowance of 429s', async () => {
		const result = await simulate({ ...batch([4, 4]), startAtMs: [0, 6000] });
		expect(result.created).toBe(400);
		const joinerFirstWindow = result.rejections.filter((r) => r.process === 1 && r.at < 6000 + LIMIT.windowMs);
		// Without slow start it sent a quarter of the window, then one start every 50 ms, before the first answer.
		expect(joinerFirstWindow.length).toBeGreaterThan(0);
		expect(joinerFirstWindow.length).toBeLessThanOrEqual(LIMIT.max / 4);
	});

	it('the naive per-process limiter (each process assumes the whole window) meets 429 after 429', async () => {
		const naive = await simulate(batch([4, 4, 4], false));
		const adaptive = await simulate(batch([4, 4, 4], true));
		expect(naive.created).toBe(600);
		expect(naive.rateLimited).toBeGreaterThan(10 * adaptive.rateLimited);
		expect(naive.rateLimited).toBeGreaterThan(naive.created);
	});

	it('a lone process is as fast as before: no 429, within 7 % of the floor', async () => {
		const result = await simulate(batch([4]));
		expect(result.created).toBe(200);
		expect(result.rateLimited).toBe(0);
		expect(result.lastCreateAt).toBeLessThanOrEqual(1.07 * floorMs(200, LIMIT));
	});

	it('a rejected create is retried until the time budget is spent, not after six attempts', async () => {
		// A 2-per-second account shared by 3 busy processes: items see many 429s in a row.
		const result = await simulate({ ...batch([1, 1, 1]), itemsPerExecution: 10, limit: { max: 2, windowMs: 1000 }, retryBudgetMs: 120_000 });
		expect(result.created).toBe(30);
		expect(result.failed).toBe(0);
	});
});

/** A manual clock: waits advance it instead of sleeping. */
function fakeClock() {
	let now = 0;
	return {
		now: () => now,
		advance: (ms: number) => {
			now += ms;
		},
		wait: async (ms: number) => {
			now += ms;
		},
	};
}

describe('adaptive limiter mechanics (fake clock)', () => {
	it('on a 429 keeps to the accepted slots it holds; in-flight answers then add theirs or report the same congestion', async () => {
		const clock = fakeClock();
		const limiter = new SlidingWindowLimiter({ max: 20, windowMs: 10000 }, clock.now, { adaptive: true, random: () => 0.5 });
		const releases = [];
		for (let i = 0; i < 5; i++) releases.push(await limiter.acquire(clock.wait));
		for (const release of releases.slice(0, 4)) release();
		for (let i = 0; i < 3; i++) releases.push(await limiter.acquire(clock.wait));
		expect(limiter.share).toBe(20);
		// As the transport reports a 429: the answer first, then what it was.
		releases[5]();
		releases[5]({ rateLimited: true });
		// 4 accepted slots (and 3 in flight) in the window: that is this process's part of it now.
		expect(limiter.share).toBe(4);
		expect(limiter.inWindow()).toBe(7);
		// One in flight is accepted after all: its slot is this process's too.
		releases[4]();
		expect(limiter.share).toBe(5);
		// Another left before the decision: its 429 reports the same congestion, and the share stays.
		releases[6]();
		releases[6]({ rateLimited: true });
		expect(limiter.share).toBe(5);
		releases[7]({ rateLimited: true });
		expect(limiter.share).toBe(5);
		expect(limiter.inWindow()).toBe(5);
		expect(limiter.contended()).toBe(true);
	});

	it('slow start: at most a quarter of the window unanswered at first, one more per accepted answer', async () => {
		const clock = steppedClock();
		const limiter = new SlidingWindowLimiter({ max: 20, windowMs: 10000 }, clock.now, { adaptive: true, random: () => 0.5 });
		const releases = [];
		for (let i = 0; i < 5; i++) releases.push(await limiter.acquire(clock.wait));
		let sixth: (() => void) | undefined;
		void limiter.acquire(clock.wait).then((release) => (sixth = release));
		for (let i = 0; i < 20; i++) await clock.step();
		expect(sixth).toBeUndefined();
		releases[0]();
		for (let i = 0; i < 3 && !sixth; i++) await clock.step();
		expect(sixth).toBeDefined();
	});

	it('after a 429 a small share probes for more sooner than a large one (towards equal shares)', async () => {
		const firstGrowth = async (held: number) => {
			const clock = fakeClock();
			const limiter = new SlidingWindowLimiter({ max: 20, windowMs: 1000 }, clock.now, { adaptive: true, random: () => 0.5 });
			const accepted = [];
			for (let i = 0; i < held; i++) {
				const release = await limiter.acquire(clock.wait);
				release();
				accepted.push(release);
			}
			(await limiter.acquire(clock.wait))({ rateLimited: true });
			expect(limiter.share).toBe(held);
			const decidedAt = clock.now();
			while (limiter.share === held) (await limiter.acquire(clock.wait))();
			return clock.now() - decidedAt;
		};
		// 20 × share / max windows, at least 1 and at most 4 (jitter × 1 here)
		const small = await firstGrowth(2);
		const large = await firstGrowth(10);
		expect(small).toBeGreaterThanOrEqual(2 * 1000);
		expect(small).toBeLessThan(3 * 1000);
		expect(large).toBeGreaterThanOrEqual(4 * 1000);
		expect(large).toBeLessThan(5 * 1000);
	});

	it('paces starts at window / share while contended, and the rejected request waits a jittered interval', async () => {
		const clock = fakeClock();
		const limiter = new SlidingWindowLimiter({ max: 20, windowMs: 10000 }, clock.now, { adaptive: true, random: () => 0 });
		const first = await limiter.acquire(clock.wait);
		const second = await limiter.acquire(clock.wait);
		first();
		second({ rateLimited: true });
		expect(limiter.share).toBe(1);
		expect(limiter.retryDelay()).toBe(5000); // 0.5 × 10 s / 1
		// One slot per window: the next start waits for the held slot to leave the window.
		const before = clock.now();
		await limiter.acquire(clock.wait);
		expect(clock.now() - before).toBeGreaterThanOrEqual(10000);
	});

	it('honours Retry-After for every caller of the process', async () => {
		const clock = fakeClock();
		const limiter = new SlidingWindowLimiter({ max: 20, windowMs: 10000 }, clock.now, { adaptive: true, random: () => 0.5 });
		const release = await limiter.acquire(clock.wait);
		release({ rateLimited: true, retryAfterMs: 7000 });
		const started = clock.now();
		await limiter.acquire(clock.wait);
		expect(clock.now() - started).toBeGreaterThanOrEqual(7000);
	});

	it('grows back to the whole window once the account is free again', async () => {
		const clock = fakeClock();
		const limiter = new SlidingWindowLimiter({ max: 20, windowMs: 1000 }, clock.now, { adaptive: true, random: seeded(7) });
		const r = await limiter.acquire(clock.wait);
		const rejected = await limiter.acquire(clock.wait);
		r();
		rejected({ rateLimited: true });
		expect(limiter.share).toBe(1);
		// Nobody else uses the account: every start is accepted, the share climbs.
		for (let i = 0; i < 120; i++) (await limiter.acquire(clock.wait))();
		expect(limiter.share).toBe(20);
		clock.advance(11 * 1000);
		expect(limiter.contended()).toBe(false);
	});

	it('a non-adaptive limiter (status reads) keeps its fixed cap and pauses a whole window on a 429', async () => {
		const clock = fakeClock();
		const limiter = new SlidingWindowLimiter({ max: 5, windowMs: 1000 }, clock.now);
		const release = await limiter.acquire(clock.wait);
		release({ rateLimited: true });
		expect(limiter.share).toBe(5);
		expect(limiter.retryDelay()).toBe(0);
		const started = clock.now();
		await limiter.acquire(clock.wait);
		expect(clock.now() - started).toBe(1000);
	});
});
