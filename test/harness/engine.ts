import { randomUUID } from 'crypto';
import { ExecutionLifecycleHooks, WebhookContext } from 'n8n-core';
import type {
	ExecutionStatus,
	IConnections,
	IDataObject,
	IExecuteWorkflowInfo,
	IHttpRequestMethods,
	INode,
	IRunExecutionData,
	IWebhookData,
	IWebhookResponseData,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { Node, Workflow, deepCopy } from 'n8n-workflow';

import { releaseCoreTimers } from './core-deps';
import type { TestCredentialsHelper } from './credentials';
import type { HarnessNodeTypes } from './node-types';

export const DEFAULT_WEBHOOK_WAITING_BASE_URL = 'http://127.0.0.1:5678/webhook-waiting';

let executionCounter = 1000;

/** n8n execution ids are numeric strings. */
export function nextExecutionId(): string {
	executionCounter += 1;
	return String(executionCounter);
}

export function newId(): string {
	return randomUUID();
}

export function workflowBase(
	id: string,
	nodes: INode[],
	connections: IConnections,
	active = false,
): IWorkflowBase {
	const now = new Date();
	return {
		id,
		name: `KIE harness ${id}`,
		active,
		isArchived: false,
		createdAt: now,
		updatedAt: now,
		nodes,
		connections,
		settings: { executionOrder: 'v1' },
		staticData: {},
		activeVersionId: null,
	};
}

/**
 * A fresh Workflow from stored workflow data, as n8n builds one for every execution and every
 * webhook call (the Workflow constructor fills in parameter defaults and mutates the nodes, so the
 * stored data is copied first).
 */
export function createWorkflow(
	data: IWorkflowBase,
	nodeTypes: HarnessNodeTypes,
	staticData?: IDataObject,
): Workflow {
	return new Workflow({
		id: data.id,
		name: data.name,
		nodes: deepCopy(data.nodes),
		connections: deepCopy(data.connections),
		active: data.active,
		nodeTypes,
		staticData: staticData ?? deepCopy(data.staticData ?? {}),
		settings: data.settings,
	});
}

export interface AdditionalDataOptions {
	executionId?: string;
	restartExecutionId?: string;
	mode: WorkflowExecuteMode;
	workflowData: IWorkflowBase;
	credentialsHelper: TestCredentialsHelper;
	webhookWaitingBaseUrl?: string;
	uiMessages?: unknown[];
	httpRequest?: IWorkflowExecuteAdditionalData['httpRequest'];
	httpResponse?: IWorkflowExecuteAdditionalData['httpResponse'];
	getRunExecutionData?: (executionId: string) => Promise<IRunExecutionData | undefined>;
}

export interface HarnessAdditionalData {
	additionalData: IWorkflowExecuteAdditionalData;
	hooks: ExecutionLifecycleHooks;
	/** Status values reported to `workflowExecuteAfter` (what n8n persists), in order. */
	persistedStatuses: ExecutionStatus[];
	/** Values given to `additionalData.setExecutionStatus`. */
	setStatuses: ExecutionStatus[];
}

/** IWorkflowExecuteAdditionalData with everything n8n-core 2.8 reads when running a node. */
export function createAdditionalData(options: AdditionalDataOptions): HarnessAdditionalData {
	releaseCoreTimers();
	const waitingBase = (options.webhookWaitingBaseUrl ?? DEFAULT_WEBHOOK_WAITING_BASE_URL).replace(/\/+$/, '');
	const origin = waitingBase.replace(/\/webhook-waiting$/, '');
	const hooks = new ExecutionLifecycleHooks(
		options.mode,
		options.executionId ?? options.restartExecutionId ?? 'unsaved-execution',
		options.workflowData,
	);
	const persistedStatuses: ExecutionStatus[] = [];
	const setStatuses: ExecutionStatus[] = [];
	hooks.addHandler('workflowExecuteAfter', (fullRunData) => {
		persistedStatuses.push(fullRunData.status);
	});
	const uiMessages = options.uiMessages;
	const additionalData = {
		credentialsHelper: options.credentialsHelper,
		executionId: options.executionId,
		restartExecutionId: options.restartExecutionId,
		currentNodeExecutionIndex: 0,
		hooks,
		restApiUrl: `${origin}/rest`,
		instanceBaseUrl: `${origin}/`,
		formWaitingBaseUrl: `${origin}/form-waiting`,
		webhookBaseUrl: `${origin}/webhook`,
		webhookWaitingBaseUrl: waitingBase,
		webhookTestBaseUrl: `${origin}/webhook-test`,
		variables: {},
		httpRequest: options.httpRequest,
		httpResponse: options.httpResponse,
		setExecutionStatus: (status: ExecutionStatus) => {
			setStatuses.push(status);
		},
		sendDataToUI: (type: string, data: IDataObject | IDataObject[]) => {
			if (!uiMessages) return;
			if (type === 'sendConsoleMessage' && !Array.isArray(data) && Array.isArray(data.messages)) {
				uiMessages.push(...(data.messages as unknown[]));
			} else {
				uiMessages.push({ type, data });
			}
		},
		executeWorkflow: async (workflowInfo: IExecuteWorkflowInfo) => {
			throw new Error(`Harness: executeWorkflow is not supported (${JSON.stringify(workflowInfo)})`);
		},
		getRunExecutionData: options.getRunExecutionData ?? (async () => undefined),
		logAiEvent: () => {},
		startRunnerTask: async () => {
			throw new Error('Harness: task runners are not supported');
		},
	} as unknown as IWorkflowExecuteAdditionalData;
	return { additionalData, hooks, persistedStatuses, setStatuses };
}

/** Copy of packages/cli WebhookService.getNodeWebhooks (n8n-workflow 2.x no longer has it). */
export function getNodeWebhooks(
	workflow: Workflow,
	node: INode,
	additionalData: IWorkflowExecuteAdditionalData,
	ignoreRestartWebhooks = false,
): IWebhookData[] {
	if (node.disabled === true) return [];
	const nodeType = workflow.nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
	if (nodeType.description.webhooks === undefined) return [];
	const workflowId = workflow.id || '__UNSAVED__';
	const returnData: IWebhookData[] = [];
	for (const webhookDescription of nodeType.description.webhooks) {
		if (ignoreRestartWebhooks && webhookDescription.restartWebhook === true) continue;
		let nodeWebhookPath = workflow.expression.getSimpleParameterValue(
			node,
			webhookDescription.path,
			'internal',
			{},
		);
		if (nodeWebhookPath === undefined) continue;
		nodeWebhookPath = String(nodeWebhookPath);
		if (nodeWebhookPath.startsWith('/')) nodeWebhookPath = nodeWebhookPath.slice(1);
		if (nodeWebhookPath.endsWith('/')) nodeWebhookPath = nodeWebhookPath.slice(0, -1);
		const isFullPath = workflow.expression.getSimpleParameterValue(
			node,
			webhookDescription.isFullPath,
			'internal',
			{},
			undefined,
			false,
		) as boolean;
		const restartWebhook = workflow.expression.getSimpleParameterValue(
			node,
			webhookDescription.restartWebhook,
			'internal',
			{},
			undefined,
			false,
		) as boolean;
		let path: string;
		if (restartWebhook === true) path = nodeWebhookPath;
		else if (node.webhookId === undefined)
			path = `${workflowId}/${encodeURIComponent(node.name.toLowerCase())}/${nodeWebhookPath}`;
		else if (isFullPath === true) path = nodeWebhookPath || node.webhookId;
		else path = `${node.webhookId}/${nodeWebhookPath}`;
		const webhookMethods = workflow.expression.getSimpleParameterValue(
			node,
			webhookDescription.httpMethod,
			'internal',
			{},
			undefined,
			'GET',
		);
		if (webhookMethods === undefined) continue;
		let webhookId: string | undefined;
		if ((path.startsWith(':') || path.includes('/:')) && node.webhookId) webhookId = node.webhookId;
		for (const httpMethod of String(webhookMethods).split(',')) {
			if (!httpMethod) continue;
			returnData.push({
				httpMethod: httpMethod.trim() as IHttpRequestMethods,
				node: node.name,
				path,
				webhookDescription,
				workflowId,
				workflowExecuteAdditionalData: additionalData,
				webhookId,
			});
		}
	}
	return returnData;
}

/** Copy of packages/cli WebhookService.runWebhook: webhook() through a real WebhookContext. */
export async function runWebhook(
	workflow: Workflow,
	webhookData: IWebhookData,
	node: INode,
	additionalData: IWorkflowExecuteAdditionalData,
	mode: WorkflowExecuteMode,
	runExecutionData: IRunExecutionData | null,
): Promise<IWebhookResponseData> {
	const nodeType = workflow.nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
	if (nodeType.webhook === undefined) {
		throw new Error(`Node "${node.name}" does not have any webhooks defined`);
	}
	const context = new WebhookContext(workflow, node, additionalData, mode, webhookData, [], runExecutionData);
	return nodeType instanceof Node
		? await nodeType.webhook(context)
		: await (nodeType.webhook as (this: WebhookContext) => Promise<IWebhookResponseData>).call(context);
}

/** Resolves a webhook description value (may be an expression) like packages/cli does. */
export function resolveWebhookValue<T>(
	workflow: Workflow,
	node: INode,
	value: unknown,
	defaultValue: T,
): T {
	if (value === undefined) return defaultValue;
	return workflow.expression.getSimpleParameterValue(
		node,
		value as string,
		'internal',
		{},
		undefined,
		defaultValue as never,
	) as T;
}

/** The response n8n's webhook-helpers send for a webhook() result that does not start a run. */
export const WEBHOOK_CALL_RECEIVED = { message: 'Webhook call received' };
/** The response for `responseMode: 'onReceived'` when a run is started. */
export const WORKFLOW_WAS_STARTED = { message: 'Workflow was started' };
/** The response when webhook() throws. */
export const WEBHOOK_ERROR_MESSAGE = 'Workflow Webhook Error: Workflow could not be started!';
