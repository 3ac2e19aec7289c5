import { backoffDelay, DEFAULT_RETRY_POLICY, isRetryable, nextDelay, nextRateLimitedDelay, parseRetryAfter } from '../../nodes/Kie/transport/retry';

describe('retry policy', () => {
	it('retries a create only after a clear 429 rejection', () => {
		expect(isRetryable('create', 'rateLimited')).toBe(true);
		expect(isRetryable('create', 'serverError')).toBe(false);
		expect(isRetryable('create', 'network')).toBe(false);
		expect(isRetryable('create', 'final')).toBe(false);
	});

	it('retries reads on 429, 5xx/455 and network errors, never on final answers', () => {
		expect(isRetryable('read', 'rateLimited')).toBe(true);
		expect(isRetryable('read', 'serverError')).toBe(true);
		expect(isRetryable('read', 'network')).toBe(true);
		expect(isRetryable('read', 'final')).toBe(false);
	});

	it('does not replay a streamed body', () => {
		expect(isRetryable('upload', 'network', false)).toBe(false);
		expect(isRetryable('upload', 'rateLimited', false)).toBe(false);
		expect(isRetryable('upload', 'network', true)).toBe(true);
	});

	it('parses Retry-After in seconds and as an HTTP date', () => {
		const now = Date.parse('2026-01-01T00:00:00Z');
		expect(parseRetryAfter('7', now)).toBe(7000);
		expect(parseRetryAfter('1.5', now)).toBe(1500);
		expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:05 GMT', now)).toBe(5000);
		expect(parseRetryAfter('soon', now)).toBeUndefined();
		expect(parseRetryAfter(undefined, now)).toBeUndefined();
	});

	it('backs off exponentially with jitter inside [step/2, step]', () => {
		const policy = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 1000, maxDelayMs: 30000 };
		expect(backoffDelay(policy, 1, () => 0)).toBe(500);
		expect(backoffDelay(policy, 1, () => 1)).toBe(1000);
		expect(backoffDelay(policy, 3, () => 0)).toBe(2000);
		expect(backoffDelay(policy, 3, () => 1)).toBe(4000);
		expect(backoffDelay(policy, 10, () => 1)).toBe(30000);
	});

	it('honours Retry-After, capped by the largest single wait', () => {
		const policy = { ...DEFAULT_RETRY_POLICY, maxDelayMs: 10000 };
		expect(nextDelay(policy, 1, 0, 3000)).toBe(3000);
		expect(nextDelay(policy, 1, 0, 60000)).toBe(10000);
	});

	it('gives up when attempts or the total wait are used up', () => {
		const policy = { maxAttempts: 3, baseDelayMs: 1000, maxDelayMs: 30000, maxTotalWaitMs: 5000 };
		expect(nextDelay(policy, 3, 0, undefined)).toBeUndefined();
		expect(nextDelay(policy, 1, 4800, 1000)).toBeUndefined();
		expect(nextDelay(policy, 2, 1000, 1000)).toBe(1000);
	});
});

describe('429 retries are budgeted by time', () => {
	const policy = { maxAttempts: 6, baseDelayMs: 1000, maxDelayMs: 30000, maxTotalWaitMs: 120000 };

	it('keeps retrying a 429 after the sixth attempt while the time budget lasts', () => {
		expect(nextDelay(policy, 6, 0, undefined)).toBeUndefined();
		expect(nextRateLimitedDelay(policy, 6, 10_000, undefined, 400)).toBe(400);
		expect(nextRateLimitedDelay(policy, 60, 100_000, undefined, 400)).toBe(400);
	});

	it('gives up once the wait would pass Max Retry Wait since the first 429', () => {
		expect(nextRateLimitedDelay(policy, 2, 119_800, undefined, 400)).toBeUndefined();
		expect(nextRateLimitedDelay(policy, 2, 119_600, undefined, 400)).toBe(400);
	});

	it('prefers Retry-After (capped by the largest single wait), then the limiter pacing, then back-off', () => {
		expect(nextRateLimitedDelay(policy, 1, 0, 3000, 400)).toBe(3000);
		expect(nextRateLimitedDelay(policy, 1, 0, 60_000, 400)).toBe(30_000);
		expect(nextRateLimitedDelay(policy, 3, 0, undefined, undefined, () => 0)).toBe(2000);
	});
});
