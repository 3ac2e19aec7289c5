/** Sliding-window limiter over all create endpoints (KIE: 20 creates per 10 s per account). */
export class SlidingWindow {
	private hits: number[] = [];

	constructor(private limit: { max: number; windowMs: number } | null) {}

	setLimit(limit: { max: number; windowMs: number } | null): void {
		this.limit = limit;
	}

	/** Records a hit and returns true when the request is within the limit; rejected requests are not counted. */
	tryAcquire(now = Date.now()): boolean {
		if (!this.limit) return true;
		const from = now - this.limit.windowMs;
		while (this.hits.length > 0 && this.hits[0] <= from) this.hits.shift();
		if (this.hits.length >= this.limit.max) return false;
		this.hits.push(now);
		return true;
	}

	reset(): void {
		this.hits = [];
	}
}
