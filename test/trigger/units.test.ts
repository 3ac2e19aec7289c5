import { readCallbackBody } from '../../nodes/Kie/callback/body';
import { DEFAULT_DEDUPE, deliveryKey, recordDelivery } from '../../nodes/Kie/trigger/dedupe';
import { decideEvent } from '../../nodes/Kie/trigger/events';
import { checkCallbackSignature, checkSharedToken } from '../../nodes/Kie/callback/security';
import { kieSignature } from '../../nodes/Kie/callback/hmac';
import { normaliseCallback } from '../../nodes/Kie/task/normalise';
import { fixture } from './fixtures';

describe('readCallbackBody', () => {
	it('takes the raw bytes as the authority (size and JSON)', () => {
		const raw = Buffer.from(JSON.stringify({ code: 200, data: { taskId: 't' } }));
		expect(readCallbackBody({ rawBody: raw, parsed: {}, maxBytes: 1024 })).toEqual({ ok: true, body: { code: 200, data: { taskId: 't' } }, bytes: raw.length });
	});

	it('refuses bodies over the limit, non-JSON, non-objects and empty bodies', () => {
		expect(readCallbackBody({ rawBody: Buffer.alloc(2000, 32), parsed: {}, maxBytes: 1024 })).toMatchObject({ ok: false, error: expect.stringContaining('2000 bytes') });
		expect(readCallbackBody({ rawBody: Buffer.from('code=200'), parsed: {}, maxBytes: 0 })).toMatchObject({ ok: false, error: 'The body is not valid JSON.' });
		expect(readCallbackBody({ rawBody: Buffer.from('[1,2]'), parsed: [1, 2], maxBytes: 0 })).toMatchObject({ ok: false, error: 'The body must be a JSON object.' });
		expect(readCallbackBody({ rawBody: undefined, parsed: {}, maxBytes: 0 })).toMatchObject({ ok: false, error: 'The body is empty.' });
	});

	it('falls back to the parsed body without raw bytes', () => {
		expect(readCallbackBody({ parsed: { code: 200 }, maxBytes: 100 })).toMatchObject({ ok: true, body: { code: 200 } });
		expect(readCallbackBody({ parsed: { big: 'x'.repeat(200) }, maxBytes: 100 })).toMatchObject({ ok: false });
		expect(readCallbackBody({ parsed: '{"code":200}', maxBytes: 100 })).toMatchObject({ ok: true, body: { code: 200 } });
	});
});

describe('recordDelivery', () => {
	const settings = { ttlMs: 1000, maxEntries: 3 };

	it('remembers a delivery and recognises the repeat', () => {
		const first = recordDelivery(undefined, 'a', 0, settings);
		expect(first).toMatchObject({ duplicate: false, changed: true, next: { a: 0 } });
		expect(recordDelivery(first.next, 'a', 500, settings)).toMatchObject({ duplicate: true, changed: false });
	});

	it('forgets after the TTL and keeps at most maxEntries (oldest dropped)', () => {
		let memory: Record<string, number> = {};
		for (const [i, key] of ['a', 'b', 'c', 'd'].entries()) memory = recordDelivery(memory, key, i * 10, settings).next;
		expect(Object.keys(memory).sort()).toEqual(['b', 'c', 'd']);
		const later = recordDelivery(memory, 'b', 2000, settings);
		expect(later).toMatchObject({ duplicate: false, changed: true, next: { b: 2000 } });
		expect(Object.keys(later.next)).toEqual(['b']);
	});

	it('ignores junk in static data', () => {
		expect(recordDelivery({ a: 'x', b: 5 }, 'c', 6, DEFAULT_DEDUPE).next).toEqual({ b: 5, c: 6 });
		expect(recordDelivery([1], 'c', 6, DEFAULT_DEDUPE).next).toEqual({ c: 6 });
	});

	it('keys on task, stage and outcome', () => {
		expect(deliveryKey('t', 'first', 'running')).not.toBe(deliveryKey('t', 'complete', 'success'));
	});
});

describe('checkSharedToken / checkCallbackSignature', () => {
	it('accepts anything without a configured token, else only the same token', () => {
		expect(checkSharedToken('', {})).toEqual({ ok: true });
		expect(checkSharedToken('tok-placeholder', { token: 'tok-placeholder' })).toEqual({ ok: true });
		expect(checkSharedToken('tok-placeholder', { token: ['tok-placeholder'] })).toEqual({ ok: true });
		expect(checkSharedToken('tok-placeholder', { token: 'tok-placeholde' })).toMatchObject({ ok: false });
		expect(checkSharedToken('tok-placeholder', {})).toMatchObject({ ok: false, reason: expect.stringContaining('missing') });
	});

	it('checks KIE signatures with any header case', () => {
		const ts = String(Math.floor(Date.now() / 1000));
		const sig = kieSignature('task-1', ts, 'hmac-placeholder');
		const base = { key: 'hmac-placeholder', taskId: 'task-1', nowMs: Date.now(), toleranceSeconds: 300 };
		expect(checkCallbackSignature({ ...base, headers: { 'X-Webhook-Timestamp': ts, 'X-Webhook-Signature': sig } })).toEqual({ ok: true });
		expect(checkCallbackSignature({ ...base, headers: { 'x-webhook-timestamp': ts, 'x-webhook-signature': sig } })).toEqual({ ok: true });
		expect(checkCallbackSignature({ ...base, taskId: 'task-2', headers: { 'x-webhook-timestamp': ts, 'x-webhook-signature': sig } })).toMatchObject({ ok: false });
	});
});

describe('decideEvent', () => {
	const success = normaliseCallback('market', fixture('Market (a) success').body)!;
	const failure = normaliseCallback('market', fixture('Market (a) failure').body)!;
	const text = normaliseCallback('suno', fixture('Suno text stage').body)!;

	it('filters final events by outcome', () => {
		expect(decideEvent(success, 'final', false)).toEqual({ pass: true });
		expect(decideEvent(failure, 'final', false)).toEqual({ pass: true });
		expect(decideEvent(success, 'failure', false)).toMatchObject({ pass: false });
		expect(decideEvent(failure, 'success', false)).toMatchObject({ pass: false });
	});

	it('passes intermediate stages only when asked, whatever the outcome filter', () => {
		expect(decideEvent(text, 'final', false)).toMatchObject({ pass: false, reason: 'intermediate stage "text"' });
		expect(decideEvent(text, 'success', true)).toEqual({ pass: true });
		expect(decideEvent(text, 'failure', true)).toEqual({ pass: true });
	});
});
