import { createHmac } from 'crypto';

import { kieSignature, signatureHeaders, verifyKieSignature } from '../../nodes/Kie/callback/hmac';
import { signCallback } from '../emulator';

const key = 'whsec-test-placeholder';
const taskId = 'e989621f54392584b05867f87b160672';
const nowMs = 1_760_000_000_000;
const timestamp = String(Math.floor(nowMs / 1000));

function signed(overrides: Partial<Parameters<typeof verifyKieSignature>[0]> = {}) {
	return verifyKieSignature({ taskId, timestamp, signature: kieSignature(taskId, timestamp, key), key, nowMs, ...overrides });
}

describe('verifyKieSignature', () => {
	it('accepts base64(HMAC-SHA256(taskId + "." + timestamp, key)), as KIE (and the emulator) sign', () => {
		const expected = createHmac('sha256', key).update(`${taskId}.${timestamp}`).digest('base64');
		expect(kieSignature(taskId, timestamp, key)).toBe(expected);
		expect(signCallback(taskId, timestamp, key)).toBe(expected);
		expect(signed()).toEqual({ ok: true });
	});

	it.each([
		['another key', { signature: kieSignature(taskId, timestamp, 'other-key') }, 'does not match'],
		['another task', { taskId: 'other-task' }, 'does not match'],
		['a changed signature', { signature: kieSignature(taskId, timestamp, key).replace(/^./, (c) => (c === 'A' ? 'B' : 'A')) }, 'does not match'],
		['a truncated signature', { signature: kieSignature(taskId, timestamp, key).slice(0, 20) }, 'does not match'],
		['no signature header', { signature: undefined }, 'X-Webhook-Signature header is missing'],
		['no timestamp header', { timestamp: undefined }, 'X-Webhook-Timestamp header is missing'],
		['a timestamp that is not unix seconds', { timestamp: '2025-01-01T00:00:00Z' }, 'not unix seconds'],
		['no task id', { taskId: undefined }, 'names no task id'],
		['no key', { key: '' }, 'no webhook HMAC key'],
	])('refuses %s', (_name, overrides, reason) => {
		const result = signed(overrides);
		expect(result.ok).toBe(false);
		expect((result as { reason: string }).reason).toContain(reason);
	});

	it('refuses a timestamp outside the tolerance window (replay), in both directions', () => {
		const old = String(Number(timestamp) - 301);
		const future = String(Number(timestamp) + 301);
		for (const ts of [old, future]) {
			const result = signed({ timestamp: ts, signature: kieSignature(taskId, ts, key) });
			expect(result).toEqual({ ok: false, reason: expect.stringContaining('300 s') });
		}
		const inside = String(Number(timestamp) - 299);
		expect(signed({ timestamp: inside, signature: kieSignature(taskId, inside, key) })).toEqual({ ok: true });
	});

	it('takes a custom window, and 0 disables the window', () => {
		const old = String(Number(timestamp) - 3600);
		const signature = kieSignature(taskId, old, key);
		expect(signed({ timestamp: old, signature, toleranceSeconds: 60 }).ok).toBe(false);
		expect(signed({ timestamp: old, signature, toleranceSeconds: 7200 })).toEqual({ ok: true });
		expect(signed({ timestamp: old, signature, toleranceSeconds: 0 })).toEqual({ ok: true });
	});

	it('trims whitespace around the header values', () => {
		expect(signed({ timestamp: ` ${timestamp} `, signature: ` ${kieSignature(taskId, timestamp, key)}\n` })).toEqual({ ok: true });
	});
});

describe('signatureHeaders', () => {
	it('reads both headers whatever their case, first value of repeated headers', () => {
		expect(signatureHeaders({ 'X-Webhook-Timestamp': '1', 'X-Webhook-Signature': 'abc' })).toEqual({ timestamp: '1', signature: 'abc' });
		expect(signatureHeaders({ 'x-webhook-timestamp': ['2', '3'], 'x-webhook-signature': 'def' })).toEqual({ timestamp: '2', signature: 'def' });
		expect(signatureHeaders({})).toEqual({ timestamp: undefined, signature: undefined });
	});
});
