import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, INodeExecutionData, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { taskToItems } from '../binary/download';
import { taskJson } from '../task/json';
import { chooseFamily } from '../task/detect';
import { callbackTaskId, normaliseCallback } from '../task/normalise';
import { redactSecrets } from '../task/redact';
import { getKieCredentials, type KieCredentials } from '../transport/request';
import { doneKeys, reserveOnce, type Reservation } from '../callback/once';
import { readCallbackBody } from '../callback/body';
import { DEFAULT_DEDUPE, DELIVERIES_KEY, deliveryKey, mergeDeliveries, remembered } from './dedupe';
import { decideEvent } from './events';
import { settingsProblem } from './guard';
import { checkCallbackSignature, checkSharedToken } from '../callback/security';
import { single } from '../utils/values';
import type { TriggerSettings } from './settings';
import { verifyWithApi } from './verify';

/** What KIE gets back when the callback was taken (KIE only needs an HTTP 200, within 15 s). */
export const ACK = { received: true };

/** The credential is optional on the trigger; without one there is no HMAC key and no API access. */
async function optionalCredentials(ctx: IWebhookFunctions): Promise<KieCredentials | undefined> {
	if (ctx.getNode().credentials?.kieApi === undefined) return undefined;
	try {
		return await getKieCredentials(ctx);
	} catch (error) {
		// Fail closed: without the credential we cannot tell whether a signature is required.
		throw new NodeOperationError(ctx.getNode(), error as Error, {
			message: 'The KIE credential selected on the trigger could not be read',
			description: 'The callback was refused (HTTP 500, KIE retries it). Check the credential.',
		});
	}
}

/** Duplicate memory of one trigger node: per workflow and node, in this process and in static data. */
interface Dedupe {
	/** This call holds the delivery; commit once the workflow will start, release otherwise. */
	reservation: Reservation;
	/** Writes everything this process has taken into static data (call right before returning). */
	persist(): void;
}

/**
 * Takes the delivery for this call, or says it is a duplicate. The lookup in the process-wide map,
 * the lookup in static data and the reservation run without an await in between, so of several
 * identical callbacks handled at once exactly one goes on (callback/once.ts).
 */
function takeDelivery(ctx: IWebhookFunctions, settings: TriggerSettings, key: string): { duplicate: boolean; dedupe: Dedupe } {
	const scope = `${ctx.getWorkflow().id ?? ''}|${ctx.getNode().id ?? ctx.getNode().name}`;
	const memory = { ttlMs: settings.duplicateTtlMs, maxEntries: DEFAULT_DEDUPE.maxEntries };
	const staticData = ctx.getWorkflowStaticData('node');
	const now = Date.now();
	const persist = () => {
		// n8n saves this call's static data as one blob when webhook() returns, before the workflow
		// runs, last writer wins: so each call writes all deliveries taken in this process by then.
		const merged = mergeDeliveries(staticData[DELIVERIES_KEY], doneKeys(scope), Date.now(), memory);
		if (JSON.stringify(merged) !== JSON.stringify(staticData[DELIVERIES_KEY] ?? {})) staticData[DELIVERIES_KEY] = merged as IDataObject;
	};
	const none: Reservation = { commit: () => undefined, release: () => undefined };
	if (remembered(staticData[DELIVERIES_KEY], key, now, settings.duplicateTtlMs)) return { duplicate: true, dedupe: { reservation: none, persist } };
	const taken = reserveOnce(scope, key, now, memory);
	if (!taken.taken) return { duplicate: true, dedupe: { reservation: none, persist } };
	return { duplicate: false, dedupe: { reservation: taken.reservation, persist } };
}

/**
 * One KIE callback: refuse what is not a genuine, well-formed callback (401/400, no workflow),
 * acknowledge what the settings filter out or what was seen before (200, no workflow), answer 503
 * when Verify with API cannot confirm the task (KIE retries), and otherwise answer 200 and start
 * the workflow with the normalised task, exactly once per task, stage and outcome.
 */
export async function handleCallback(ctx: IWebhookFunctions, settings: TriggerSettings): Promise<IWebhookResponseData> {
	const req = ctx.getRequestObject() as unknown as { rawBody?: unknown };
	const res = ctx.getResponseObject();
	const query = ctx.getQueryData() as Record<string, unknown>;

	const refuse = (status: number, error: string): IWebhookResponseData => {
		res.status(status).json({ received: false, error });
		return { noWebhookResponse: true };
	};

	const token = checkSharedToken(settings.sharedToken, query);
	if (!token.ok) return refuse(401, `Callback refused: ${token.reason}.`);

	const parsed = readCallbackBody({ rawBody: req.rawBody, parsed: ctx.getBodyData(), maxBytes: settings.maxBodyBytes });
	if (!parsed.ok) return refuse(400, `Callback refused: ${parsed.error}`);
	const body = parsed.body;
	const taskId = callbackTaskId(body);
	if (taskId === undefined) return refuse(400, 'Callback refused: the body has no task id (data.taskId, data.task_id or taskId).');

	const credentials = await optionalCredentials(ctx);
	const problem = settingsProblem(settings, credentials !== undefined, credentials?.webhookHmacKey ?? '');
	if (problem !== undefined) {
		throw new NodeOperationError(ctx.getNode(), `The KIE Trigger refused the callback: ${problem}.`, {
			description: 'Nothing was downloaded and no workflow started (HTTP 500). Change the trigger\'s settings; KIE retries the callback a few times.',
		});
	}
	if (credentials !== undefined && credentials.webhookHmacKey !== '') {
		const signature = checkCallbackSignature({
			key: credentials.webhookHmacKey,
			taskId,
			headers: ctx.getHeaderData(),
			nowMs: Date.now(),
			toleranceSeconds: settings.signatureToleranceSeconds,
		});
		if (!signature.ok) return refuse(401, `Callback refused: ${signature.reason}.`);
	}

	const choice = chooseFamily({ body, query: single(query.api), parameter: settings.api });
	const callback = choice === undefined ? undefined : normaliseCallback(choice.family, body);
	if (choice === undefined || callback === undefined) return refuse(400, 'Callback refused: the body is not a KIE callback.');

	const decision = decideEvent(callback, settings.events, settings.includeIntermediate);
	if (!decision.pass) return { webhookResponse: { ...ACK, ignored: decision.reason } };

	// Test URLs are for trying things out with the same sample again and again; n8n keeps static
	// data only for active workflows anyway.
	let dedupe: Dedupe | undefined;
	if (settings.ignoreDuplicates && ctx.getMode() !== 'manual') {
		const taken = takeDelivery(ctx, settings, deliveryKey(taskId, callback.stage, callback.task.status));
		if (taken.duplicate) {
			taken.dedupe.persist();
			return { webhookResponse: { ...ACK, duplicate: true } };
		}
		dedupe = taken.dedupe;
	}

	const secrets = [settings.sharedToken, credentials?.apiKey ?? '', credentials?.webhookHmacKey ?? ''];
	try {
		let task = callback.task;
		const extra: IDataObject = { callbackType: callback.stage, apiSource: choice.source };
		if (choice.source === 'guessed') extra.apiCandidates = choice.candidates;
		if (choice.warning !== undefined) extra.warning = choice.warning;
		if (settings.verifyWithApi) {
			// Before answering: a task KIE does not confirm gets 503, so KIE sends the callback again.
			const outcome = await verifyWithApi(ctx, choice, task);
			if (!outcome.verified) {
				dedupe?.reservation.release();
				return refuse(503, `Callback not taken yet: ${outcome.reason}. Nothing was started or downloaded; send it again later.`);
			}
			task = outcome.task;
			extra.verified = true;
			if (outcome.callbackStatus !== undefined) extra.callbackStatus = outcome.callbackStatus;
			if (choice.source === 'guessed') extra.apiSource = 'verified';
		}
		extra.callback = body;

		// Answer now: downloads can take longer than the 15 s KIE waits. From here on the workflow
		// starts whatever happens, so the delivery is remembered.
		res.status(200).json(ACK);
		dedupe?.reservation.commit(Date.now());

		let items: INodeExecutionData[] = [{ json: { ...taskJson(task), ...extra } }];
		if (settings.output.download && task.resultUrls.length > 0) {
			try {
				items = await taskToItems(ctx, task, settings.output.options, 0, extra);
			} catch (error) {
				// The callback is acknowledged and KIE will not send it again: keep the event, say what failed.
				const e = error as Error & { description?: string };
				items = [{ json: { ...taskJson(task), ...extra, downloadError: e.message, downloadErrorDescription: e.description ?? '' } }];
			}
		}
		for (const item of items) {
			item.json = redactSecrets(item.json, secrets);
			// Trigger output has no input item to pair with.
			delete item.pairedItem;
		}
		dedupe?.persist();
		return { noWebhookResponse: true, workflowData: [items] };
	} catch (error) {
		// Nothing started: KIE's next try may start the workflow.
		dedupe?.reservation.release();
		// (A NodeOperationError passes through its constructor unchanged.)
		throw new NodeOperationError(ctx.getNode(), error as Error);
	}
}
