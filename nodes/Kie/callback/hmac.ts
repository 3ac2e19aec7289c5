import { createHmac, timingSafeEqual } from 'crypto';

import { single } from '../utils/values';

/**
 * KIE documents no replay window; five minutes tolerates clock skew and slow delivery, while a
 * recorded callback cannot be replayed later (KIE's own retries carry fresh timestamps).
 */
export const DEFAULT_TOLERANCE_SECONDS = 300;

export const TIMESTAMP_HEADER = 'x-webhook-timestamp';
export const SIGNATURE_HEADER = 'x-webhook-signature';

export interface KieSignatureInput {
	/** The task id named in the callback body. */
	taskId: string | undefined;
	/** `X-Webhook-Timestamp`: unix seconds, as sent. */
	timestamp?: string;
	/** `X-Webhook-Signature`: base64 HMAC-SHA256. */
	signature?: string;
	/** The webhook HMAC key from the KIE settings. */
	key: string;
	nowMs: number;
	/** Largest accepted difference between the timestamp and now; 0 or less disables the check. */
	toleranceSeconds?: number;
}

export type KieSignatureResult = { ok: true } | { ok: false; reason: string };

/** base64(HMAC-SHA256(taskId + "." + timestamp, key)), KIE's webhook signature. */
export function kieSignature(taskId: string, timestamp: string, key: string): string {
	return createHmac('sha256', key).update(`${taskId}.${timestamp}`).digest('base64');
}

/**
 * Checks a KIE callback signature in constant time. KIE signs the task id and the timestamp
 * only, not the body, so callers must still trust nothing but the task id and re-read the task.
 */
export function verifyKieSignature(input: KieSignatureInput): KieSignatureResult {
	const { taskId, key, nowMs } = input;
	const timestamp = input.timestamp?.trim();
	const signature = input.signature?.trim();
	if (!key) return { ok: false, reason: 'no webhook HMAC key is configured' };
	if (!taskId) return { ok: false, reason: 'the callback names no task id' };
	if (!timestamp) return { ok: false, reason: 'the X-Webhook-Timestamp header is missing' };
	if (!signature) return { ok: false, reason: 'the X-Webhook-Signature header is missing' };
	if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: 'the X-Webhook-Timestamp header is not unix seconds' };
	const tolerance = input.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
	if (tolerance > 0 && Math.abs(nowMs / 1000 - Number(timestamp)) > tolerance) {
		return { ok: false, reason: `the timestamp is more than ${tolerance} s away from now (replayed or delayed callback)` };
	}
	const expected = createHmac('sha256', key).update(`${taskId}.${timestamp}`).digest();
	const given = Buffer.from(signature, 'base64');
	if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
		return { ok: false, reason: 'the signature does not match' };
	}
	return { ok: true };
}

/** The two signature headers, whatever their case. */
export function signatureHeaders(headers: Record<string, unknown>): { timestamp?: string; signature?: string } {
	const lower: Record<string, unknown> = {};
	for (const [name, value] of Object.entries(headers ?? {})) lower[name.toLowerCase()] = value;
	return { timestamp: single(lower[TIMESTAMP_HEADER]), signature: single(lower[SIGNATURE_HEADER]) };
}
