/** How the transport retries. Pure data + pure functions so the policy is unit-testable. */
export interface RetryPolicy {
	/** Attempts in total, the first included (5xx and network errors of reads; 429s are budgeted by time). */
	maxAttempts: number;
	/** First back-off step. */
	baseDelayMs: number;
	/** Upper bound of one wait. */
	maxDelayMs: number;
	/**
	 * Upper bound of all waits of one request together; for 429s, the time from the request's
	 * first 429 until it gives up, whatever the number of attempts.
	 */
	maxTotalWaitMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
	maxAttempts: 6,
	baseDelayMs: 1000,
	maxDelayMs: 30000,
	maxTotalWaitMs: 120000,
};

export type RequestKind = 'create' | 'read' | 'upload';

export type FailureClass =
	/** KIE clearly refused the request before doing anything (HTTP 429 or body code 429). */
	| 'rateLimited'
	/** Maintenance (455) or a server error (5xx): the request may or may not have been acted on. */
	| 'serverError'
	/** The request never got an answer (timeout, reset, DNS...). */
	| 'network'
	/** Anything else: a final answer. */
	| 'final';

/**
 * Whether a failure may be retried. A create is paid: only a clear rejection (429) is safe to
 * repeat, because KIE does not queue rejected requests. A 5xx or a lost answer on a create may
 * hide a task that was created, so it is never repeated.
 */
export function isRetryable(kind: RequestKind, failure: FailureClass, replayableBody = true): boolean {
	if (failure === 'final') return false;
	if (failure === 'rateLimited') return replayableBody;
	if (kind === 'create') return false;
	return replayableBody;
}

/** Parses Retry-After (seconds or an HTTP date) into milliseconds from `now`. */
export function parseRetryAfter(value: unknown, now: number): number | undefined {
	if (typeof value !== 'string' && typeof value !== 'number') return undefined;
	const text = String(value).trim();
	if (text === '') return undefined;
	if (/^\d+(\.\d+)?$/.test(text)) return Math.round(parseFloat(text) * 1000);
	const date = Date.parse(text);
	if (Number.isNaN(date)) return undefined;
	return Math.max(0, date - now);
}

/**
 * Exponential back-off with "equal jitter": half the step is fixed, half random, so waits grow
 * but concurrent clients do not retry in lock-step.
 */
export function backoffDelay(policy: RetryPolicy, attempt: number, random: () => number = Math.random): number {
	const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
	return Math.round(step / 2 + random() * (step / 2));
}

/**
 * The wait before the next attempt, or undefined when the request must give up
 * (attempts or total wait exhausted).
 */
export function nextDelay(
	policy: RetryPolicy,
	attempt: number,
	waitedMs: number,
	retryAfterMs: number | undefined,
	random?: () => number,
): number | undefined {
	if (attempt >= policy.maxAttempts) return undefined;
	const wanted =
		retryAfterMs !== undefined ? Math.min(retryAfterMs, policy.maxDelayMs) : backoffDelay(policy, attempt, random);
	if (waitedMs + wanted > policy.maxTotalWaitMs) return undefined;
	return wanted;
}

/**
 * The wait before sending again a request KIE rejected with 429, or undefined once its time
 * budget is spent: `maxTotalWaitMs` from its first 429 (the execution's own deadline stops it
 * earlier through the cancel signal). The number of attempts does not count: KIE drops a
 * rejected request, so trying again costs nothing, and a batch spread over many n8n processes
 * may see several 429s per item before the processes settle on their shares of the window.
 * `pacingMs` is the limiter's jittered suggestion; without one, exponential back-off.
 */
export function nextRateLimitedDelay(
	policy: RetryPolicy,
	attempt: number,
	sinceFirstRejectionMs: number,
	retryAfterMs: number | undefined,
	pacingMs?: number,
	random?: () => number,
): number | undefined {
	const wanted =
		retryAfterMs !== undefined
			? Math.min(retryAfterMs, policy.maxDelayMs)
			: (pacingMs ?? backoffDelay(policy, attempt, random));
	if (sinceFirstRejectionMs + wanted > policy.maxTotalWaitMs) return undefined;
	return wanted;
}
