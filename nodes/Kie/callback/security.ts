import { createHash, timingSafeEqual } from 'crypto';

import { single } from '../utils/values';
import { signatureHeaders, verifyKieSignature } from './hmac';

export type CheckResult = { ok: true } | { ok: false; reason: string };

/**
 * Compares the `?token=` of the request with the configured token in constant time. Both sides
 * are hashed first so the comparison does not leak the token's length either.
 */
export function checkSharedToken(expected: string, query: unknown): CheckResult {
	if (expected === '') return { ok: true };
	const given = single((query as Record<string, unknown> | undefined)?.token);
	if (given === undefined || given === '') return { ok: false, reason: 'missing ?token= in the callback URL' };
	const a = createHash('sha256').update(given, 'utf8').digest();
	const b = createHash('sha256').update(expected, 'utf8').digest();
	return timingSafeEqual(a, b) ? { ok: true } : { ok: false, reason: 'the ?token= of the callback URL does not match' };
}

export interface SignatureInput {
	key: string;
	taskId: string;
	headers: object;
	nowMs: number;
	toleranceSeconds: number;
}

/** KIE's callback signature (docs/kie-api.md §4.2), checked by the same code as Wait for Task. */
export function checkCallbackSignature({ key, taskId, headers, nowMs, toleranceSeconds }: SignatureInput): CheckResult {
	const { timestamp, signature } = signatureHeaders(headers as Record<string, unknown>);
	const result = verifyKieSignature({ taskId, timestamp, signature, key, nowMs, toleranceSeconds });
	return result.ok ? { ok: true } : { ok: false, reason: result.reason };
}
