import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, INodeExecutionData, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { taskJson, taskToItems } from '../binary/download';
import { chooseFamily } from '../task/detect';
import { callbackTaskId, normaliseCallback } from '../task/normalise';
import { getKieCredentials, type KieCredentials } from '../transport/request';
import { readCallbackBody } from './body';
import { DEFAULT_DEDUPE, DELIVERIES_KEY, deliveryKey, recordDelivery } from './dedupe';
import { readTriggerSettings } from './description';
import { decideEvent } from './events';
import { checkCallbackSignature, checkSharedToken } from './security';
import { verifyWithApi } from './verify';

/** What KIE gets back when the callback was taken (KIE only needs an HTTP 200, within 15 s). */
export const ACK = { received: true };

function single(value: unknown): string | undefined {
	if (Array.isArray(value)) return single(value[0]);
	return typeof value === 'string' ? value : undefined;
}

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

/**
 * One KIE callback: refuse what is not a genuine, well-formed callback (401/400, no workflow),
 * acknowledge what the settings filter out or what was seen before (200, no workflow), and
 * otherwise answer 200 at once and start the workflow with the normalised task.
 */
export async function handleCallback(ctx: IWebhookFunctions): Promise<IWebhookResponseData> {
	const settings = readTriggerSettings((name, fallback) => ctx.getNodeParameter(name, fallback));
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
	if (settings.ignoreDuplicates && ctx.getMode() !== 'manual') {
		const staticData = ctx.getWorkflowStaticData('node');
		const seen = recordDelivery(staticData[DELIVERIES_KEY], deliveryKey(taskId, callback.stage, callback.task.status), Date.now(), {
			ttlMs: settings.duplicateTtlMs,
			maxEntries: DEFAULT_DEDUPE.maxEntries,
		});
		if (seen.changed) staticData[DELIVERIES_KEY] = seen.next as IDataObject;
		if (seen.duplicate) return { webhookResponse: { ...ACK, duplicate: true } };
	}

	// Answer now: verification and downloads can take longer than the 15 s KIE waits.
	res.status(200).json(ACK);

	let task = callback.task;
	const extra: IDataObject = { callbackType: callback.stage, apiSource: choice.source };
	if (choice.source === 'guessed') extra.apiCandidates = choice.candidates;
	if (choice.warning !== undefined) extra.warning = choice.warning;
	if (settings.verifyWithApi) {
		const outcome = await verifyWithApi(ctx, choice, task);
		task = outcome.task;
		extra.verified = outcome.verified;
		if (outcome.note !== undefined) extra.verifyNote = outcome.note;
		if (outcome.callbackStatus !== undefined) extra.callbackStatus = outcome.callbackStatus;
		if (outcome.verified && choice.source === 'guessed') extra.apiSource = 'verified';
	}
	extra.callback = body;

	let items: INodeExecutionData[] = [{ json: { ...taskJson(task), ...extra } }];
	if (settings.output.download && task.resultUrls.length > 0) {
		try {
			items = await taskToItems(ctx, task, settings.output.options, 0, extra);
		} catch (error) {
			// The callback is acknowledged and KIE will not send it again: keep the event, say what failed.
			items = [{ json: { ...taskJson(task), ...extra, downloadError: (error as Error).message } }];
		}
	}
	// Trigger output has no input item to pair with.
	for (const item of items) delete item.pairedItem;
	return { noWebhookResponse: true, workflowData: [items] };
}
