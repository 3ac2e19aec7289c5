/* eslint-disable @n8n/community-nodes/no-restricted-globals */
/**
 * A virtual clock for loop tests: sleeping advances the clock instead of waiting, after every
 * pending promise callback has run. `after(ms)` makes a promise that settles when the clock
 * reaches that time (a read with latency).
 */
export class VirtualTime {
	now: number;

	private timers: Array<{ at: number; fire: () => void }> = [];

	constructor(start = 0) {
		this.now = start;
	}

	/** Lets every queued promise callback run (they may wake the sleeper). */
	async flush(): Promise<void> {
		await new Promise<void>((resolve) => setImmediate(resolve));
	}

	after(ms: number): Promise<void> {
		return new Promise<void>((resolve) => {
			this.timers.push({ at: this.now + ms, fire: resolve });
			this.timers.sort((a, b) => a.at - b.at);
		});
	}

	/** Advances to `now + ms`, stopping early at a due timer or when `wake` fires. */
	async sleep(ms: number, wake?: AbortSignal): Promise<void> {
		await this.flush();
		if (wake?.aborted) return;
		const target = this.now + Math.max(0, ms);
		const timer = this.timers[0];
		if (timer && timer.at <= target) {
			this.timers.shift();
			this.now = Math.max(this.now, timer.at);
			timer.fire();
			await this.flush();
			return;
		}
		this.now = target;
	}
}
