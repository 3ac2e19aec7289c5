import type { IWebhookFunctions } from 'n8n-workflow';

import type { FamilyChoice } from '../task/detect';
import { readTask } from '../task/read';
import type { NormalisedTask, TaskStatus } from '../task/types';
import { KIE_CREATE_LIMIT } from '../transport/limiter';
import type { TransportSettings } from '../transport/request';
import { DEFAULT_RETRY_POLICY } from '../transport/retry';

export type VerifyOutcome =
	/** KIE's record: the task to output and download from. */
	| { verified: true; task: NormalisedTask; callbackStatus?: TaskStatus }
	/** Nothing KIE confirmed: the callback is answered 503 (KIE sends it again later). */
	| { verified: false; reason: string };

/**
 * The record is read before KIE gets its answer (KIE waits 15 s): one quick retry at most, and a
 * timeout well inside that window.
 */
const VERIFY_TRANSPORT: TransportSettings = {
	retry: { ...DEFAULT_RETRY_POLICY, maxAttempts: 2, baseDelayMs: 500, maxTotalWaitMs: 1000 },
	limit: KIE_CREATE_LIMIT,
	timeoutMs: 5000,
};

function messageOf(error: unknown): string {
	const e = error as { message?: string; description?: string };
	return [e?.message, e?.description].filter((part) => typeof part === 'string' && part !== '').join(' — ') || String(error);
}

/**
 * Re-reads the task through the family's record endpoint (KIE calls record-info the final
 * authority). When the family was only guessed from the body, each candidate family is tried
 * until one knows the task. Only a record that KIE confirms is usable: an unknown task, a record
 * still running while the callback says final, or an unreadable API all come back unverified,
 * and nothing from the callback body is output or downloaded for them.
 */
export async function verifyWithApi(ctx: IWebhookFunctions, choice: FamilyChoice, fromCallback: NormalisedTask): Promise<VerifyOutcome> {
	const families = choice.source === 'guessed' ? choice.candidates : [choice.family];
	const errors: string[] = [];
	let record: NormalisedTask | undefined;
	for (const family of families) {
		try {
			record = await readTask(ctx, family, fromCallback.taskId, undefined, VERIFY_TRANSPORT);
		} catch (error) {
			errors.push(families.length > 1 ? `${family}: ${messageOf(error)}` : messageOf(error));
			continue;
		}
		if (record !== undefined) break;
	}
	if (record === undefined) {
		const reason =
			errors.length > 0
				? `KIE's API could not be read (${errors.join('; ')})`
				: `KIE's API does not know task ${fromCallback.taskId}`;
		return { verified: false, reason };
	}
	if (!record.final && fromCallback.final) {
		// The API sometimes lags behind the callback: KIE's retry a little later finds it final.
		return { verified: false, reason: `KIE's API still reports task ${fromCallback.taskId} as "${record.stage ?? record.status}"` };
	}
	return record.status !== fromCallback.status
		? { verified: true, task: record, callbackStatus: fromCallback.status }
		: { verified: true, task: record };
}
