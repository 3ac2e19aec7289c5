import type { IDataObject, INode, WorkflowExecuteMode } from 'n8n-workflow';
import { deepCopy } from 'n8n-workflow';

import { withBinaryMode } from './binary';
import { KIE_CREDENTIAL_TYPE, KIE_TEST_CREDENTIAL, kieCredentialsHelper } from './credentials';
import {
	WEBHOOK_CALL_RECEIVED,
	WEBHOOK_ERROR_MESSAGE,
	WORKFLOW_WAS_STARTED,
	createAdditionalData,
	createWorkflow,
	getNodeWebhooks,
	newId,
	resolveWebhookValue,
	runWebhook,
	workflowBase,
} from './engine';
import { createRequest, createResponse } from './http';
import { HarnessNodeTypes, nodeDescription as describeNode, latestVersion } from './node-types';
import type { HttpRequestLike, TriggerCallResult, TriggerHarness, TriggerHarnessOptions } from './types';

let triggerCounter = 0;

/**
 * Calls webhook() of a trigger node the way packages/cli LiveWebhooks / TestWebhooks do: a fresh
 * Workflow per request built from the stored workflow (static data included), a WebhookContext
 * without run data, then the static data is saved when webhook() changed it
 * (WorkflowHelpers.saveStaticData), so it persists between calls.
 */
export function createTriggerHarness(opts: TriggerHarnessOptions): TriggerHarness {
	triggerCounter += 1;
	const mode: WorkflowExecuteMode = opts.mode === 'manual' ? 'manual' : 'webhook';
	const typeVersion = opts.typeVersion ?? latestVersion(opts.node);
	const description = describeNode(opts.node, typeVersion);
	const typeName = opts.typeName ?? `n8n-nodes-kie-ai.${opts.node.description.name}`;
	const nodeName = opts.nodeName ?? description.defaults?.name ?? description.displayName;
	const nodeTypes = new HarnessNodeTypes([]).add(typeName, opts.node);
	const credentialsHelper = kieCredentialsHelper(opts.credentials);
	const webhookId = newId();
	const node: INode = {
		id: newId(),
		name: nodeName,
		type: typeName,
		typeVersion,
		position: [0, 0],
		parameters: deepCopy(opts.parameters),
		webhookId,
	};
	if (opts.credentials) node.credentials = { [KIE_CREDENTIAL_TYPE]: KIE_TEST_CREDENTIAL };
	const workflowData = workflowBase(`harness-trigger-${triggerCounter}`, [node], {}, mode !== 'manual');
	const staticData: IDataObject = {};

	async function call(request: HttpRequestLike): Promise<TriggerCallResult> {
		const workflow = createWorkflow(workflowData, nodeTypes, deepCopy(staticData));
		const workflowNode = workflow.getNode(nodeName) as INode;
		const { res, captured } = createResponse();
		const method = (request.method ?? 'POST').toUpperCase();
		const { additionalData } = createAdditionalData({
			mode,
			workflowData,
			credentialsHelper,
		});
		const webhookData = getNodeWebhooks(workflow, workflowNode, additionalData, true).find(
			(webhook) =>
				webhook.httpMethod === method &&
				(opts.webhookName === undefined || webhook.webhookDescription.name === opts.webhookName),
		);
		if (webhookData === undefined) {
			return {
				statusCode: 404,
				responseBody: { code: 404, message: `No ${method} webhook is registered for this node.` },
			};
		}
		const base = mode === 'manual' ? 'webhook-test' : 'webhook';
		additionalData.httpRequest = createRequest(request, `/${base}/${webhookData.path}`);
		additionalData.httpResponse = res;

		let result;
		try {
			result = await withBinaryMode(opts.binaryMode, async () =>
				await runWebhook(workflow, webhookData, workflowNode, additionalData, mode, null),
			);
		} catch (error) {
			return {
				statusCode: 500,
				responseBody: { code: 0, message: WEBHOOK_ERROR_MESSAGE },
				webhookError: error as Error,
			};
		}
		// WorkflowHelpers.saveStaticData: persisted (as JSON) only when webhook() changed it.
		if ((workflow.staticData as IDataObject).__dataChanged === true) {
			const saved = JSON.parse(JSON.stringify(workflow.staticData)) as IDataObject;
			for (const key of Object.keys(staticData)) delete staticData[key];
			Object.assign(staticData, saved);
		}
		const responseCode = resolveWebhookValue(workflow, workflowNode, webhookData.webhookDescription.responseCode, 200);
		const common = {
			workflowData: result.workflowData,
			webhookResponse: result.webhookResponse,
			noWebhookResponse: result.noWebhookResponse,
			responseHeaders: captured.headers,
		};
		if (result.noWebhookResponse === true) {
			return { statusCode: captured.statusCode, responseBody: captured.body, ...common };
		}
		const defaultBody = result.workflowData === undefined ? WEBHOOK_CALL_RECEIVED : WORKFLOW_WAS_STARTED;
		return {
			statusCode: responseCode,
			responseBody: result.webhookResponse !== undefined ? result.webhookResponse : defaultBody,
			...common,
		};
	}

	return { call, staticData, nodeName, webhookId };
}
