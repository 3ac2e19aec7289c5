/**
 * The adaptive create limiter on a fake clock: several n8n processes (queue-mode workers) with
 * their own limiters spend one account that drops what does not fit its window (see
 * account-sim.ts). Everything here is virtual time, so the counts and times are exact per seed.
 */
import { SlidingWindowLimiter } from '../../nodes/Kie/transport/limiter';
import { floorMs, seeded, simulate, type SimOptions } from './account-sim';

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
		// Generous ceilings: the bench measures the real figures (README, "Scaling out").
		expect(result.rateLimited / result.requests).toBeLessThan(0.08);
		expect(result.lastCreateAt).toBeLessThan(1.3 * floorMs(600, LIMIT));
		expect(densest(result.acceptedTimes, LIMIT.windowMs)).toBeLessThanOrEqual(LIMIT.max);
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
	it('on a 429 keeps to the slots it holds; answers to requests sent before that do not shrink it again', async () => {
		const clock = fakeClock();
		const limiter = new SlidingWindowLimiter({ max: 20, windowMs: 10000 }, clock.now, { adaptive: true, random: () => 0.5 });
		const releases = [];
		for (let i = 0; i < 8; i++) releases.push(await limiter.acquire(clock.wait));
		expect(limiter.share).toBe(20);
		for (const release of releases.slice(0, 6)) release();
		releases[6]({ rateLimited: true });
		// 6 accepted slots and 1 in flight remain in the window: that is this process's part of it now.
		expect(limiter.share).toBe(7);
		expect(limiter.inWindow()).toBe(7);
		// The one in flight left before that decision: its 429 reports the same congestion.
		releases[7]({ rateLimited: true });
		expect(limiter.share).toBe(7);
		expect(limiter.inWindow()).toBe(6);
		expect(limiter.contended()).toBe(true);
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
