/** Pure parts of callback integrity: the process-wide reservation, the persisted memory merge, redaction. */
import { mergeDeliveries, remembered } from '../../nodes/Kie/trigger/dedupe';
import { redactSecrets, redactText, REDACTED } from '../../nodes/Kie/task/redact';
import { doneKeys, forgetReservations, reserveOnce } from '../../nodes/Kie/callback/once';

const settings = { ttlMs: 1000, maxEntries: 3 };

describe('reserveOnce', () => {
	beforeEach(() => forgetReservations());

	it('one caller takes a key; others see it pending, then done; scopes are separate', () => {
		const first = reserveOnce('wf1', 'k', 0, settings);
		expect(first.taken).toBe(true);
		expect(reserveOnce('wf1', 'k', 1, settings)).toEqual({ taken: false, state: 'pending' });
		expect(reserveOnce('wf2', 'k', 1, settings).taken).toBe(true);
		if (first.taken) first.reservation.commit(5);
		expect(reserveOnce('wf1', 'k', 6, settings)).toEqual({ taken: false, state: 'done' });
		expect(doneKeys('wf1')).toEqual({ k: 5 });
	});

	it('a released key can be taken again; release after commit changes nothing', () => {
		const first = reserveOnce('wf', 'k', 0, settings);
		if (!first.taken) throw new Error('not taken');
		first.reservation.release();
		const second = reserveOnce('wf', 'k', 1, settings);
		expect(second.taken).toBe(true);
		if (!second.taken) return;
		second.reservation.commit(2);
		second.reservation.release();
		expect(reserveOnce('wf', 'k', 3, settings).taken).toBe(false);
	});

	it('forgets keys after the TTL and beyond maxEntries (oldest first)', () => {
		for (const [i, key] of ['a', 'b', 'c', 'd'].entries()) {
			const r = reserveOnce('wf', key, i, settings);
			if (r.taken) r.reservation.commit(i);
		}
		expect(Object.keys(doneKeys('wf')).sort()).toEqual(['a', 'b', 'c', 'd']);
		expect(reserveOnce('wf', 'e', 4, settings).taken).toBe(true);
		expect(Object.keys(doneKeys('wf')).sort()).toEqual(['b', 'c', 'd']);
		expect(reserveOnce('wf', 'c', 2000, settings).taken).toBe(true);
	});
});

describe('persisted delivery memory', () => {
	it('remembered within the TTL only', () => {
		expect(remembered({ k: 100 }, 'k', 1100, 1000)).toBe(true);
		expect(remembered({ k: 100 }, 'k', 1101, 1000)).toBe(false);
		expect(remembered('junk', 'k', 0, 1000)).toBe(false);
	});

	it('merges what this process took into the stored blob, pruned and bounded', () => {
		expect(mergeDeliveries({ a: 10, old: -5000 }, { b: 20 }, 30, settings)).toEqual({ a: 10, b: 20 });
		expect(mergeDeliveries({ a: 1, b: 2 }, { c: 3, d: 4 }, 5, settings)).toEqual({ b: 2, c: 3, d: 4 });
		expect(mergeDeliveries({ a: 1 }, { a: 7 }, 8, settings)).toEqual({ a: 7 });
	});
});

describe('redaction', () => {
	it('removes ?token= values, plain and percent-encoded, and the known secrets', () => {
		expect(redactText('https://n8n.example/webhook/x/callback?token=s3cr3t&api=veo')).toBe(`https://n8n.example/webhook/x/callback?token=${REDACTED}&api=veo`);
		expect(redactText('{"callBackUrl":"https://h/cb?api=veo&token=abc"}')).toBe(`{"callBackUrl":"https://h/cb?api=veo&token=${REDACTED}"}`);
		expect(redactText('https://a/?next=https%3A%2F%2Fh%2Fcb%3Ftoken%3Dabc%26api%3Dveo')).toBe(`https://a/?next=https%3A%2F%2Fh%2Fcb%3Ftoken%3D${REDACTED}%26api%3Dveo`);
		expect(redactText('key sk-live-123456 here', ['sk-live-123456'])).toBe(`key ${REDACTED} here`);
		expect(redactText('short ab', ['ab'])).toBe('short ab');
	});

	it('walks nested values, keeps non-strings', () => {
		const value = { n: 1, ok: true, list: ['?token=x'], nested: { url: 'https://h/?token=y' }, none: null };
		expect(redactSecrets(value)).toEqual({ n: 1, ok: true, list: [`?token=${REDACTED}`], nested: { url: `https://h/?token=${REDACTED}` }, none: null });
	});
});
