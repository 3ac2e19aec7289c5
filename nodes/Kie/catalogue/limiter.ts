/**
 * KIE's four catalogue endpoints (models, schema, price, success-rate) share 1 request per second
 * per account and reject, not queue, anything faster (body code 429). One limiter per account in
 * the process serialises every discovery request and starts them at least `spacingMs` apart.
 */

export interface DiscoveryClock {
	now(): number;
	sleep(ms: number): Promise<void>;
}

export const DISCOVERY_SPACING_MS = 1100;

export class DiscoveryLimiter {
	private nextStart = 0;
	private tail: Promise<unknown> = Promise.resolve();
	/** Requests started through this limiter (bench and tests count them). */
	started = 0;

	constructor(private readonly spacingMs = DISCOVERY_SPACING_MS) {}

	/** Runs `task` when the account's budget allows, after every earlier task of this account. */
	async run<T>(clock: DiscoveryClock, task: () => Promise<T>): Promise<T> {
		const turn = this.tail.then(async () => {
			const wait = this.nextStart - clock.now();
			if (wait > 0) await clock.sleep(wait);
			this.nextStart = clock.now() + this.spacingMs;
			this.started++;
			return await task();
		});
		// The queue continues after a failed task too.
		this.tail = turn.catch(() => undefined);
		return await turn;
	}

	/** After a 429 the account's budget is spent elsewhere too: wait longer before the next start. */
	backOff(clock: DiscoveryClock, ms: number): void {
		this.nextStart = Math.max(this.nextStart, clock.now() + ms);
	}

	/** Whether a task started now would have to wait (the editor then answers from the cache). */
	busyUntil(): number {
		return this.nextStart;
	}
}

const LIMITERS = new Map<string, DiscoveryLimiter>();

/** The one limiter of this account (key = base URL + a hash of the API key) in this n8n instance. */
export function discoveryLimiter(account: string): DiscoveryLimiter {
	let limiter = LIMITERS.get(account);
	if (!limiter) {
		limiter = new DiscoveryLimiter();
		LIMITERS.set(account, limiter);
	}
	return limiter;
}

/** Forgets every limiter (tests). */
export function resetDiscoveryLimiters(): void {
	LIMITERS.clear();
}
