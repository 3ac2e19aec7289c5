import type { INodeExecutionData, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import type { OutputSettings } from '../binary/download';
import type { FamilyId } from '../families/types';
import { asNodeError } from '../utils/errors';
import type { ItemFailures } from '../utils/items';
import { callbackTaskId, normaliseCallback } from '../task/normalise';
import { readTask } from '../task/read';
import type { NormalisedTask } from '../task/types';
import { getKieCredentials } from '../transport/request';
import { cancellableSleep } from '../transport/sleep';
import { signatureHeaders, verifyKieSignature } from '../callback/hmac';
import { reserveOnce } from '../callback/once';
import { errorTask, finishedTaskItems } from './outcome';

/** What the waiting node was set to, as plain values (read by actions/task/wait.resume.ts). */
export interface ResumeWait {
	/** The task this execution waits for. */
	taskId: string;
	family: FamilyId;
	output: OutputSettings;
	/** "Output Failed Tasks". */
	outputFailed: boolean;
}

/** A resumed execution stays claimed this long in the process (n8n's own status check covers later). */
const RESUME_MEMORY = { ttlMs: 24 * 60 * 60 * 1000, maxEntries: 10000 };

/**
 * KIE may call back a moment before its record shows the end; the record is the authority, so
 * it is read a few times before the callback is turned away (KIE then retries it later).
 */
const REREAD_DELAYS_MS = [0, 1000, 2000];

/** Answers the caller without resuming: the execution keeps waiting. */
function answer(ctx: IWebhookFunctions, status: number, msg: string): IWebhookResponseData {
	ctx.getResponseObject().status(status).json({ code: status, msg });
	return { noWebhookResponse: true };
}

async function rereadUntilFinal(ctx: IWebhookFunctions, family: FamilyId, taskId: string): Promise<NormalisedTask | undefined> {
	let task: NormalisedTask | undefined;
	for (const delay of REREAD_DELAYS_MS) {
		if (delay > 0) await cancellableSleep(delay, undefined, ctx.getNode());
		task = await readTask(ctx, family, taskId, 0);
		if (task?.final) return task;
	}
	return task;
}

/**
 * Callback mode, webhook side: a POST to this execution's resume URL. Only a genuine, final
 * callback for the awaited task resumes the execution, and its output comes from the task's
 * record read through the API, never from the callback body.
 */
export async function resumeFromCallback(ctx: IWebhookFunctions, wait: ResumeWait, failures: ItemFailures): Promise<IWebhookResponseData> {
	const body = ctx.getBodyData();
	const { taskId: expected, family } = wait;
	const callbackId = callbackTaskId(body);
	if (callbackId === undefined) return answer(ctx, 400, 'The callback names no task id; the execution keeps waiting.');

	const credentials = await getKieCredentials(ctx);
	if (credentials.webhookHmacKey !== '') {
		const headers = signatureHeaders(ctx.getHeaderData() as Record<string, unknown>);
		const check = verifyKieSignature({ taskId: callbackId, ...headers, key: credentials.webhookHmacKey, nowMs: Date.now() });
		if (!check.ok) return answer(ctx, 401, `Invalid KIE signature: ${check.reason}. The execution keeps waiting.`);
	}
	if (callbackId !== expected) {
		return answer(ctx, 409, `This execution waits for another task than ${callbackId}; the execution keeps waiting.`);
	}

	const callback = normaliseCallback(family, body);
	if (callback && !callback.final) {
		return { webhookResponse: { code: 200, msg: `Stage "${callback.stage}" received; waiting for the final callback.` } };
	}

	// One resume per execution: n8n marks the execution running only after this function returns,
	// and the record is read (and files downloaded) before that, so copies of KIE's callback
	// arriving meanwhile would each resume it. The claim is taken without an await (callback/once.ts).
	const claim = reserveOnce('kie-resume', ctx.getExecutionId(), Date.now(), RESUME_MEMORY);
	if (!claim.taken) {
		const what = claim.state === 'done' ? 'has been resumed already' : 'is being resumed';
		return answer(ctx, 409, `This execution ${what} by a callback for task ${expected}; this copy was ignored.`);
	}
	try {
		const task = await rereadUntilFinal(ctx, family, expected);
		if (!task?.final) {
			claim.reservation.release();
			const state = task ? `still ${task.status}` : 'not visible';
			return answer(ctx, 503, `The task is ${state} in KIE's record; send the callback again later. The execution keeps waiting.`);
		}
		let items: INodeExecutionData[];
		try {
			items = await finishedTaskItems(ctx, task, 0, wait.output, wait.outputFailed || failures.continueOnFail);
		} catch (error) {
			items = failures.fail(error, 0, errorTask({ itemIndex: 0, taskId: expected, family }, task));
		}
		claim.reservation.commit(Date.now());
		return { workflowData: [items], webhookResponse: { code: 200, msg: 'success' } };
	} catch (error) {
		claim.reservation.release();
		throw asNodeError(ctx.getNode(), error, 0);
	}
}
