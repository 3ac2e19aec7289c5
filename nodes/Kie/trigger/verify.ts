import type { IWebhookFunctions } from 'n8n-workflow';

import type { FamilyChoice } from '../task/detect';
import { readTask } from '../task/read';
import type { NormalisedTask, TaskStatus } from '../task/types';

export interface VerifyOutcome {
	/** The task to output: the API's record when it could be used, else the callback's view. */
	task: NormalisedTask;
	verified: boolean;
	/** Why the callback's values were kept (verified = false). */
	note?: string;
	/** The callback's status when the API's record says otherwise. */
	callbackStatus?: TaskStatus;
}

function messageOf(error: unknown): string {
	const e = error as { message?: string; description?: string };
	return [e?.message, e?.description].filter((part) => typeof part === 'string' && part !== '').join(' — ') || String(error);
}

/**
 * Re-reads the task through the family's record endpoint (KIE calls record-info the final
 * authority). When the family was only guessed from the body, each candidate family is tried
 * until one knows the task. Never throws: the callback has been acknowledged already, so an
 * unreadable API must not lose the event; the output says what happened instead.
 */
export async function verifyWithApi(ctx: IWebhookFunctions, choice: FamilyChoice, fromCallback: NormalisedTask): Promise<VerifyOutcome> {
	if (ctx.getNode().credentials?.kieApi === undefined) {
		return {
			task: fromCallback,
			verified: false,
			note: 'Verify with API needs a KIE credential on the trigger; none is selected. The values are from the callback.',
		};
	}
	const families = choice.source === 'guessed' ? choice.candidates : [choice.family];
	const errors: string[] = [];
	let record: NormalisedTask | undefined;
	for (const family of families) {
		try {
			record = await readTask(ctx, family, fromCallback.taskId);
		} catch (error) {
			errors.push(families.length > 1 ? `${family}: ${messageOf(error)}` : messageOf(error));
			continue;
		}
		if (record !== undefined) break;
	}
	if (record === undefined) {
		const note =
			errors.length > 0
				? `KIE's API could not be read (${errors.join('; ')}). The values are from the callback.`
				: `KIE's API does not show task ${fromCallback.taskId} yet. The values are from the callback.`;
		return { task: fromCallback, verified: false, note };
	}
	if (!record.final && fromCallback.final) {
		// The API sometimes lags behind the callback; a "still running" record has nothing better to offer.
		return {
			task: fromCallback,
			verified: false,
			note: `KIE's API still reports task ${fromCallback.taskId} as "${record.stage ?? record.status}". The values are from the callback.`,
		};
	}
	const outcome: VerifyOutcome = { task: record, verified: true };
	if (record.status !== fromCallback.status) outcome.callbackStatus = fromCallback.status;
	return outcome;
}
