/** Small helpers: waiting, timing. */
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Polls fn until it returns a truthy value; returns that value. Rejects after timeoutMs. */
export async function waitFor(fn, { timeoutMs = 30_000, intervalMs = 250, what = 'a condition' } = {}) {
	const deadline = Date.now() + timeoutMs;
	let last;
	for (;;) {
		try {
			const v = await fn();
			if (v) return v;
			last = undefined;
		} catch (e) {
			last = e;
		}
		if (Date.now() > deadline) {
			throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? `: ${last.message}` : ''}`);
		}
		await sleep(intervalMs);
	}
}

export function seconds(ms) {
	return `${(ms / 1000).toFixed(1)} s`;
}
