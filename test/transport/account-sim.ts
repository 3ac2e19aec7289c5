/* eslint-disable @n8n/community-nodes/no-restricted-globals */
/**
 * A discrete-event model of several n8n processes spending one KIE account: each process has its
 * own create limiter, the account is a sliding window that drops (429) what does not fit, exactly
 * like KIE and the emulator (test/emulator/ratelimit.ts). Virtual time only: `wait` schedules a
 * timer and the driver jumps to the earliest one after every pending promise callback has run,
 * so a minute of traffic takes milliseconds and every run with the same seed is identical.
 */
import { SlidingWindowLimiter, type LimiterSettings } from '../../nodes/Kie/transport/limiter';

/** A seeded PRNG (mulberry32) so the limiters' jitter is reproducible. */
export function seeded(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export class EventClock {
	now = 0;

	private seq = 0;

	private timers: Array<{ at: number; seq: number; fire: () => void }> = [];

	readonly wait = async (ms: number): Promise<void> =>
		await new Promise<void>((resolve) => {
			this.timers.push({ at: this.now + Math.max(0, ms), seq: this.seq++, fire: resolve });
		});

	/** Runs until nothing is scheduled any more. */
	async drain(): Promise<void> {
		for (;;) {
			await new Promise<void>((resolve) => setImmediate(resolve));
			if (this.timers.length === 0) {
				await new Promise<void>((resolve) => setImmediate(resolve));
				if (this.timers.length === 0) return;
			}
			this.timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
			const next = this.timers.shift()!;
			this.now = Math.max(this.now, next.at);
			next.fire();
		}
	}
}

export interface SimOptions {
	/** Executions per process, e.g. [4, 4, 4] for three workers. */
	executions: number[];
	itemsPerExecution: number;
	/** Creates in flight per execution (Create Task's Concurrency option). */
	concurrency: number;
	/** The account's real limit, and what every process is configured with. */
	limit: LimiterSettings;
	adaptive: boolean;
	/** One-way network latency. */
	latencyMs?: number;
	/** When each process starts its executions (a worker picking its jobs up late); 0 by default. */
	startAtMs?: number[];
	/** Extra one-way latency, uniformly drawn per leg from 0 to this (a busy machine). */
	jitterMs?: number;
	/** Time budget for one request's 429 retries (Max Retry Wait). */
	retryBudgetMs?: number;
	seed?: number;
}

export interface SimResult {
	created: number;
	failed: number;
	rateLimited: number;
	requests: number;
	/** Virtual time when the last create was accepted. */
	lastCreateAt: number;
	/** Most accepted creates in any window (the account's own count: never above the limit). */
	acceptedTimes: number[];
	/** When each 429 was answered, and by which process. */
	rejections: Array<{ at: number; process: number }>;
}

export async function simulate(options: SimOptions): Promise<SimResult> {
	const clock = new EventClock();
	const latency = options.latencyMs ?? 5;
	const jitter = seeded((options.seed ?? 1) * 7919);
	const leg = () => latency + Math.round(jitter() * (options.jitterMs ?? 0));
	const budget = options.retryBudgetMs ?? 120_000;
	const accepted: number[] = [];
	const result: SimResult = { created: 0, failed: 0, rateLimited: 0, requests: 0, lastCreateAt: 0, acceptedTimes: accepted, rejections: [] };
	const account = (at: number): boolean => {
		const inWindow = accepted.filter((t) => t > at - options.limit.windowMs).length;
		if (inWindow >= options.limit.max) return false;
		accepted.push(at);
		return true;
	};

	const runs: Array<Promise<void>> = [];
	options.executions.forEach((count, processIndex) => {
		const limiter = new SlidingWindowLimiter(options.limit, () => clock.now, {
			adaptive: options.adaptive,
			random: seeded((options.seed ?? 1) * 1000 + processIndex),
		});
		for (let e = 0; e < count; e++) {
			let next = 0;
			const worker = async () => {
				await clock.wait(options.startAtMs?.[processIndex] ?? 0);
				while (next < options.itemsPerExecution) {
					next++;
					let firstRejectedAt: number | undefined;
					for (;;) {
						const release = await limiter.acquire(clock.wait);
						result.requests++;
						await clock.wait(leg());
						const ok = account(clock.now);
						await clock.wait(leg());
						if (ok) {
							release();
							result.created++;
							result.lastCreateAt = Math.max(result.lastCreateAt, clock.now);
							break;
						}
						result.rateLimited++;
						result.rejections.push({ at: clock.now, process: processIndex });
						// As the transport does (nodes/Kie/transport/request.ts): every answer, then the 429.
						release();
						release({ rateLimited: true });
						await clock.wait(limiter.retryDelay());
						firstRejectedAt ??= clock.now;
						if (clock.now - firstRejectedAt > budget) {
							result.failed++;
							break;
						}
					}
				}
			};
			for (let w = 0; w < options.concurrency; w++) runs.push(worker());
		}
	});
	const done = Promise.all(runs);
	await clock.drain();
	await done;
	return result;
}

/** The shortest time the limit allows for n creates: the last window's creates start at once. */
export function floorMs(n: number, limit: LimiterSettings): number {
	return (Math.ceil(n / limit.max) - 1) * limit.windowMs;
}

/** A clock whose waits stay pending until the test steps to the earliest one. */
export function steppedClock() {
	let now = 0;
	const timers: Array<{ at: number; resolve: () => void }> = [];
	return {
		now: () => now,
		wait: async (ms: number) => await new Promise<void>((resolve) => timers.push({ at: now + ms, resolve })),
		step: async () => {
			await new Promise((resolve) => setImmediate(resolve));
			timers.sort((a, b) => a.at - b.at);
			const next = timers.shift();
			if (!next) return;
			now = Math.max(now, next.at);
			next.resolve();
			await new Promise((resolve) => setImmediate(resolve));
		},
	};
}
