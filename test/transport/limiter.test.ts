import { limiterFor, resetLimiters, SlidingWindowLimiter } from '../../nodes/Kie/transport/limiter';

/** A manual clock: waits advance it instead of sleeping. */
function fakeClock() {
	let now = 0;
	return {
		now: () => now,
		wait: async (ms: number) => {
			now += ms;
		},
	};
}

describe('SlidingWindowLimiter', () => {
	it('never lets more than max starts into any window', async () => {
		const clock = fakeClock();
		const limiter = new SlidingWindowLimiter({ max: 20, windowMs: 10000 }, clock.now);
		const starts: number[] = [];
		for (let i = 0; i < 60; i++) {
			await limiter.acquire(clock.wait);
			starts.push(clock.now());
		}
		for (let i = 20; i < starts.length; i++) {
			expect(starts[i] - starts[i - 20]).toBeGreaterThanOrEqual(10000);
		}
		// 60 starts need three windows: the last one begins just after 20 s (plus the jitter margin).
		expect(starts[59]).toBeGreaterThanOrEqual(20000);
		expect(starts[59]).toBeLessThan(20000 + 3 * 250);
	});

	it('serves concurrent callers in arrival order', async () => {
		const clock = fakeClock();
		const limiter = new SlidingWindowLimiter({ max: 2, windowMs: 1000 }, clock.now);
		const order: number[] = [];
		await Promise.all(
			[0, 1, 2, 3, 4].map(async (n) => {
				await limiter.acquire(clock.wait);
				order.push(n);
			}),
		);
		expect(order).toEqual([0, 1, 2, 3, 4]);
	});

	it('holds every caller while paused after a 429', async () => {
		const clock = fakeClock();
		const limiter = new SlidingWindowLimiter({ max: 20, windowMs: 10000 }, clock.now);
		limiter.pause(5000);
		await limiter.acquire(clock.wait);
		expect(clock.now()).toBe(5000);
	});

	it('lets a cancelled caller leave the queue at once', async () => {
		const limiter = new SlidingWindowLimiter({ max: 1, windowMs: 60000 });
		await limiter.acquire(async () => undefined);
		const controller = new AbortController();
		const blockedWait = async () => await new Promise<void>(() => undefined);
		const queued = limiter.acquire(blockedWait, controller.signal);
		controller.abort();
		await expect(queued).rejects.toThrow('cancelled');
	});

	it('shares one limiter per account and never keeps the key', () => {
		resetLimiters();
		const a = limiterFor('https://api.kie.ai', 'secret-key-one', { max: 20, windowMs: 10000 });
		const b = limiterFor('https://api.kie.ai', 'secret-key-one', { max: 5, windowMs: 1000 });
		const c = limiterFor('https://api.kie.ai', 'secret-key-two', { max: 20, windowMs: 10000 });
		expect(a).toBe(b);
		expect(a.settings).toEqual({ max: 5, windowMs: 1000 });
		expect(a).not.toBe(c);
		expect(JSON.stringify(a)).not.toContain('secret-key-one');
	});
});
