import { createHash } from 'crypto';

export interface LimiterSettings {
	/** Creates allowed per window. */
	max: number;
	/** Window length. */
	windowMs: number;
}

/** KIE's documented account limit: 20 new generation requests per 10 seconds. */
export const KIE_CREATE_LIMIT: LimiterSettings = { max: 20, windowMs: 10000 };

export type Waiter = (ms: number) => Promise<void>;

/**
 * A sliding-window limiter: at most `max` starts in any `windowMs`. Callers are served in
 * arrival order, so a batch is spread evenly instead of bursting into 429s. KIE counts at
 * arrival, ours at departure, so a small margin absorbs network jitter.
 */
export class SlidingWindowLimiter {
	private slots: Array<{ at: number }> = [];

	private pausedUntil = 0;

	private tail: Promise<void> = Promise.resolve();

	constructor(
		public settings: LimiterSettings,
		private readonly now: () => number = Date.now,
	) {}

	private get marginMs(): number {
		return Math.max(20, Math.round(this.settings.windowMs * 0.02));
	}

	/**
	 * Resolves when the caller may send. `wait` must reject when the caller's execution is
	 * cancelled; a cancelled caller gives up its place without taking a slot. Call the returned
	 * function when the request has been answered.
	 */
	async acquire(wait: Waiter, signal?: AbortSignal): Promise<() => void> {
		const turn = this.tail.then(async () => await this.take(wait, signal));
		this.tail = turn.then(
			() => undefined,
			() => undefined,
		);
		const slot = signal ? await this.abortable(turn, signal) : await turn;
		// KIE counts a request when it arrives, somewhere between our departure and the answer:
		// moving the slot to the answer's time keeps the next window from opening too early.
		return () => {
			slot.at = Math.max(slot.at, this.now());
		};
	}

	/** A caller stopped while queued behind others leaves at once; its turn is skipped later. */
	private async abortable<T>(turn: Promise<T>, signal: AbortSignal): Promise<T> {
		return await new Promise<T>((resolve, reject) => {
			const onAbort = () => reject(new Error('cancelled'));
			if (signal.aborted) return onAbort();
			signal.addEventListener('abort', onAbort, { once: true });
			turn.then(
				(value) => {
					signal.removeEventListener('abort', onAbort);
					resolve(value);
				},
				(error: unknown) => {
					signal.removeEventListener('abort', onAbort);
					reject(error);
				},
			);
		});
	}

	/** Blocks every caller for `ms` (after KIE answered 429 despite the limiter). */
	pause(ms: number): void {
		this.pausedUntil = Math.max(this.pausedUntil, this.now() + ms);
	}

	/** Starts recorded inside the current window (for tests and diagnostics). */
	inWindow(): number {
		this.prune(this.now());
		return this.slots.length;
	}

	private prune(now: number): void {
		const horizon = now - this.settings.windowMs - this.marginMs;
		this.slots = this.slots.filter((slot) => slot.at > horizon);
	}

	private async take(wait: Waiter, signal?: AbortSignal): Promise<{ at: number }> {
		for (;;) {
			if (signal?.aborted) throw new Error('cancelled');
			const now = this.now();
			if (now < this.pausedUntil) {
				await wait(this.pausedUntil - now);
				continue;
			}
			this.prune(now);
			if (this.slots.length < this.settings.max) {
				const slot = { at: now };
				this.slots.push(slot);
				return slot;
			}
			const oldest = Math.min(...this.slots.map((slot) => slot.at));
			await wait(oldest + this.settings.windowMs + this.marginMs - now);
		}
	}
}

const limiters = new Map<string, SlidingWindowLimiter>();

/**
 * The process-wide limiter for one KIE account. The key is the base URL plus a hash prefix of
 * the API key, so the key itself is never kept; every execution in this n8n process shares it.
 * `scope` keeps separate budgets apart (KIE limits creates and status reads independently).
 */
export function limiterFor(
	baseUrl: string,
	apiKey: string,
	settings: LimiterSettings,
	scope: 'create' | 'read' = 'create',
): SlidingWindowLimiter {
	const account = `${baseUrl}#${createHash('sha256').update(apiKey).digest('hex').slice(0, 16)}`;
	const key = scope === 'create' ? account : `${account}#${scope}`;
	let limiter = limiters.get(key);
	if (!limiter) {
		limiter = new SlidingWindowLimiter(settings);
		limiters.set(key, limiter);
	} else {
		limiter.settings = settings;
	}
	return limiter;
}

/** Forgets every limiter (tests). */
export function resetLimiters(): void {
	limiters.clear();
}
