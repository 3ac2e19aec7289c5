import { WorkflowExecute, getAdditionalKeys } from 'n8n-core';
import type {
	ExecutionError,
	ExecutionStatus,
	IConnections,
	INode,
	INodeExecutionData,
	IRun,
	IRunExecutionData,
	ITaskData,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
	Workflow,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { NodeConnectionTypes, deepCopy } from 'n8n-workflow';

import { withBinaryMode } from './binary';
import { KIE_CREDENTIAL_TYPE, KIE_TEST_CREDENTIAL, kieCredentialsHelper } from './credentials';
import type { TestCredentialsHelper } from './credentials';
import {
	WEBHOOK_CALL_RECEIVED,
	WEBHOOK_ERROR_MESSAGE,
	WORKFLOW_WAS_STARTED,
	createAdditionalData,
	createWorkflow,
	getNodeWebhooks,
	newId,
	nextExecutionId,
	resolveWebhookValue,
	runWebhook,
	workflowBase,
} from './engine';
import { createRequest, createResponse } from './http';
import type { CapturedResponse } from './http';
import {
	DOWNSTREAM_NODE_NAME,
	HarnessNodeTypes,
	PASS_THROUGH_NODE_TYPE,
	START_NODE_NAME,
	START_NODE_TYPE,
	nodeDescription as describeNode,
	latestVersion,
} from './node-types';
import type { CapturedErrors } from './node-types';
import type {
	BinaryMode,
	HttpRequestLike,
	RunNodeOptions,
	RunNodeResult,
	WebhookCallResult,
} from './types';

/** What n8n keeps in its executions table, for resuming a waiting execution. */
interface StoredExecution {
	executionId: string;
	mode: WorkflowExecuteMode;
	workflowData: IWorkflowBase;
	nodeTypes: HarnessNodeTypes;
	captured: CapturedErrors;
	credentialsHelper: TestCredentialsHelper;
	nodeName: string;
	webhookWaitingBaseUrl?: string;
	binaryMode?: BinaryMode;
	status: ExecutionStatus;
	finished: boolean;
	data: IRunExecutionData;
}

const executions = new Map<string, StoredExecution>();

function store(execution: StoredExecution, run: IRun, status: ExecutionStatus): void {
	execution.status = status;
	execution.finished = run.finished === true;
	// n8n serialises the execution to the database; a deep copy keeps later mutations apart.
	execution.data = deepCopy(run.data);
	executions.set(execution.executionId, execution);
}

/** Awaits a WorkflowExecute run, cancelling it (like n8n's "stop execution") when `signal` aborts. */
async function awaitRun(
	start: () => ReturnType<WorkflowExecute['processRunExecutionData']>,
	signal?: AbortSignal,
): Promise<IRun> {
	const running = start();
	if (!signal) return await running;
	const cancel = () => running.cancel();
	if (signal.aborted) cancel();
	else signal.addEventListener('abort', cancel, { once: true });
	try {
		return await running;
	} finally {
		signal.removeEventListener('abort', cancel);
	}
}

function lastTask(run: IRun, nodeName: string): ITaskData | undefined {
	const tasks = run.data.resultData.runData[nodeName];
	return tasks?.[tasks.length - 1];
}

function buildResult(
	execution: StoredExecution,
	run: IRun,
	workflow: Workflow,
	additionalData: IWorkflowExecuteAdditionalData,
	persistedStatuses: ExecutionStatus[],
	uiMessages: unknown[],
): RunNodeResult {
	const { nodeName } = execution;
	const task = lastTask(run, nodeName);
	const outputs = (task?.data?.[NodeConnectionTypes.Main] ?? []).map((output) => output ?? []);
	const downstreamTask = lastTask(run, DOWNSTREAM_NODE_NAME);
	const downstream = downstreamTask?.data?.[NodeConnectionTypes.Main]?.[0] ?? [];
	let error: ExecutionError | undefined;
	if (task?.error) error = (execution.captured.last as ExecutionError | undefined) ?? task.error;
	else if (run.data.resultData.error) error = run.data.resultData.error;
	const status = persistedStatuses[0] ?? run.status;
	let resumeUrl: string | undefined;
	if (status === 'waiting') {
		const fromMetadata = (task?.metadata as { resumeUrl?: unknown } | undefined)?.resumeUrl;
		resumeUrl =
			typeof fromMetadata === 'string'
				? fromMetadata
				: String(getAdditionalKeys(additionalData, execution.mode, run.data).$execution?.resumeUrl);
	}
	return {
		status,
		output: outputs[0] ?? [],
		outputs,
		downstream,
		error,
		uiMessages,
		run,
		workflow,
		additionalData,
		resumeUrl,
		nodeName,
		executionId: execution.executionId,
	};
}

/**
 * Runs one node with n8n-core's real WorkflowExecute: Start (plain execute() node emitting
 * `items`) → node under test → Downstream (pass-through on main output 0).
 */
export async function runNode(opts: RunNodeOptions): Promise<RunNodeResult> {
	const executionId = nextExecutionId();
	const mode = opts.mode ?? 'manual';
	const typeVersion = opts.typeVersion ?? latestVersion(opts.node);
	const description = describeNode(opts.node, typeVersion);
	const typeName = opts.typeName ?? `n8n-nodes-kie-ai.${opts.node.description.name}`;
	const nodeName = opts.nodeName ?? description.defaults?.name ?? description.displayName;
	const captured: CapturedErrors = {};
	const nodeTypes = new HarnessNodeTypes(opts.items ?? [{ json: {} }], captured).add(
		typeName,
		opts.node,
		true,
	);
	const credentialsHelper = kieCredentialsHelper(opts.credentials);

	const nodeUnderTest: INode = {
		id: newId(),
		name: nodeName,
		type: typeName,
		typeVersion,
		position: [250, 0],
		parameters: deepCopy(opts.parameters),
	};
	if (opts.credentials) nodeUnderTest.credentials = { [KIE_CREDENTIAL_TYPE]: KIE_TEST_CREDENTIAL };
	if (description.webhooks?.length) nodeUnderTest.webhookId = newId();
	if (opts.continueOnFail) {
		nodeUnderTest.onError = 'continueRegularOutput';
		nodeUnderTest.continueOnFail = true;
	}
	const nodes: INode[] = [
		{ id: newId(), name: START_NODE_NAME, type: START_NODE_TYPE, typeVersion: 1, position: [0, 0], parameters: {} },
		nodeUnderTest,
		{
			id: newId(),
			name: DOWNSTREAM_NODE_NAME,
			type: PASS_THROUGH_NODE_TYPE,
			typeVersion: 1,
			position: [500, 0],
			parameters: {},
		},
	];
	const connections: IConnections = {
		[START_NODE_NAME]: { main: [[{ node: nodeName, type: NodeConnectionTypes.Main, index: 0 }]] },
		[nodeName]: { main: [[{ node: DOWNSTREAM_NODE_NAME, type: NodeConnectionTypes.Main, index: 0 }]] },
	};
	const workflowData = workflowBase(`harness-${executionId}`, nodes, connections);
	const execution: StoredExecution = {
		executionId,
		mode,
		workflowData,
		nodeTypes,
		captured,
		credentialsHelper,
		nodeName,
		webhookWaitingBaseUrl: opts.webhookWaitingBaseUrl,
		binaryMode: opts.binaryMode,
		status: 'new',
		finished: false,
		data: {} as IRunExecutionData,
	};

	const workflow = createWorkflow(workflowData, nodeTypes);
	const uiMessages: unknown[] = [];
	const { additionalData, persistedStatuses } = createAdditionalData({
		executionId,
		mode,
		workflowData,
		credentialsHelper,
		webhookWaitingBaseUrl: opts.webhookWaitingBaseUrl,
		uiMessages,
		getRunExecutionData: async (id) => executions.get(id)?.data,
	});
	const startNode = workflow.getNode(START_NODE_NAME) ?? undefined;
	const run = await withBinaryMode(opts.binaryMode, async () =>
		await awaitRun(() => new WorkflowExecute(additionalData, mode).run({ workflow, startNode }), opts.signal),
	);
	const result = buildResult(execution, run, workflow, additionalData, persistedStatuses, uiMessages);
	store(execution, run, result.status);
	return result;
}

function conflict(message: string): WebhookCallResult {
	return { statusCode: 409, responseBody: { code: 409, message }, resumed: false };
}

/** Removes the waiting node's run entry before resuming (packages/cli workflow-helpers). */
function preserveInputOverride(runDataArray: ITaskData[] | undefined): void {
	if (!runDataArray) return;
	const popped = runDataArray.pop();
	if (popped?.inputOverride) {
		runDataArray.push({
			startTime: 0,
			executionTime: 0,
			executionIndex: 0,
			source: popped.source,
			inputOverride: popped.inputOverride,
		});
	}
}

function immediateResponse(
	captured: CapturedResponse,
	webhookResult: { webhookResponse?: unknown; noWebhookResponse?: boolean },
	responseCode: number,
	defaultBody: unknown,
): { statusCode: number; responseBody: unknown } {
	if (webhookResult.noWebhookResponse === true) {
		return { statusCode: captured.statusCode, responseBody: captured.body };
	}
	return {
		statusCode: responseCode,
		responseBody: webhookResult.webhookResponse !== undefined ? webhookResult.webhookResponse : defaultBody,
	};
}

/**
 * Delivers an HTTP request to the webhook() of the node a waiting execution waits in, following
 * packages/cli WaitingWebhooks + webhook-helpers: load the stored execution, mark the waiting node
 * disabled, clear waitTill, drop its run entry, call webhook() through a WebhookContext over the
 * run data, and when it returns workflowData, put that on the node's execution-stack entry and run
 * WorkflowExecute.processRunExecutionData again (the disabled node passes it through as output 0).
 */
export async function resumeWaiting(
	waiting: RunNodeResult,
	request: HttpRequestLike,
	opts: { webhookName?: string; suffix?: string } = {},
): Promise<WebhookCallResult> {
	const { executionId } = waiting;
	const execution = executions.get(executionId);
	if (!execution) {
		return { statusCode: 404, responseBody: { code: 404, message: `The execution "${executionId}" does not exist.` }, resumed: false };
	}
	if (execution.status === 'running') return conflict(`The execution "${executionId}" is running already.`);
	if (execution.data.resultData?.error) return conflict(`The execution "${executionId}" has finished with error.`);
	if (execution.finished || execution.status !== 'waiting') {
		return conflict(`The execution "${executionId} has finished already.`);
	}

	const runExecutionData = deepCopy(execution.data);
	const lastNodeExecuted = runExecutionData.resultData.lastNodeExecuted as string;
	const stack = runExecutionData.executionData!.nodeExecutionStack;
	stack[0].node.disabled = true;
	runExecutionData.waitTill = undefined;
	preserveInputOverride(runExecutionData.resultData.runData[lastNodeExecuted]);

	const workflow = createWorkflow(execution.workflowData, execution.nodeTypes);
	const workflowStartNode = workflow.getNode(lastNodeExecuted);
	if (!workflowStartNode) {
		return { statusCode: 404, responseBody: { code: 404, message: 'Could not find node to process webhook.' }, resumed: false };
	}
	const suffix = opts.suffix ?? '';
	const req = createRequest(request, `/webhook-waiting/${executionId}${suffix ? `/${suffix}` : ''}`);
	const { res, captured } = createResponse();
	const { additionalData } = createAdditionalData({
		executionId,
		mode: execution.mode,
		workflowData: execution.workflowData,
		credentialsHelper: execution.credentialsHelper,
		webhookWaitingBaseUrl: execution.webhookWaitingBaseUrl,
		httpRequest: req,
		httpResponse: res,
		getRunExecutionData: async (id) => executions.get(id)?.data,
	});
	const webhookData = getNodeWebhooks(workflow, workflowStartNode, additionalData).find(
		(webhook) =>
			webhook.httpMethod === req.method &&
			webhook.path === suffix &&
			webhook.webhookDescription.restartWebhook === true &&
			(opts.webhookName === undefined || webhook.webhookDescription.name === opts.webhookName),
	);
	if (webhookData === undefined) {
		return {
			statusCode: 404,
			responseBody: {
				code: 404,
				message: `The workflow for execution "${executionId}" does not contain a waiting webhook with a matching path/method.`,
			},
			resumed: false,
		};
	}

	let webhookResult;
	try {
		webhookResult = await withBinaryMode(execution.binaryMode, async () =>
			await runWebhook(workflow, webhookData, workflowStartNode, additionalData, execution.mode, runExecutionData),
		);
	} catch (error) {
		// n8n answers 500 and records the error on the execution, which can then not be resumed.
		execution.status = 'error';
		execution.data.resultData.error = { message: (error as Error).message } as ExecutionError;
		return {
			statusCode: 500,
			responseBody: { code: 0, message: WEBHOOK_ERROR_MESSAGE },
			resumed: false,
			webhookError: error as Error,
		};
	}
	const responseCode = resolveWebhookValue<number>(workflow, workflowStartNode, webhookData.webhookDescription.responseCode, 200);
	const common = {
		webhookResponse: webhookResult.webhookResponse,
		noWebhookResponse: webhookResult.noWebhookResponse,
		responseHeaders: captured.headers,
	};
	if (webhookResult.workflowData === undefined) {
		// "Workflow should not run": answer the call, the execution stays waiting (nothing is saved).
		const response = immediateResponse(captured, webhookResult, responseCode, WEBHOOK_CALL_RECEIVED);
		return { ...response, resumed: false, ...common };
	}

	const responseMode = resolveWebhookValue<string>(
		workflow,
		workflowStartNode,
		webhookData.webhookDescription.responseMode,
		'onReceived',
	);
	stack[0].data.main = webhookResult.workflowData;
	execution.status = 'running';
	const uiMessages: unknown[] = [];
	const resumed = createAdditionalData({
		executionId,
		restartExecutionId: executionId,
		mode: execution.mode,
		workflowData: execution.workflowData,
		credentialsHelper: execution.credentialsHelper,
		webhookWaitingBaseUrl: execution.webhookWaitingBaseUrl,
		uiMessages,
		getRunExecutionData: async (id) => executions.get(id)?.data,
	});
	execution.captured.last = undefined;
	let run: IRun;
	try {
		run = await withBinaryMode(execution.binaryMode, async () =>
			await awaitRun(() =>
				new WorkflowExecute(resumed.additionalData, execution.mode, runExecutionData).processRunExecutionData(
					workflow,
				),
			),
		);
	} catch (error) {
		execution.status = 'error';
		throw error;
	}
	const final = buildResult(execution, run, workflow, resumed.additionalData, resumed.persistedStatuses, uiMessages);
	store(execution, run, final.status);

	let response: { statusCode: number; responseBody: unknown };
	if (responseMode === 'lastNode' && webhookResult.noWebhookResponse !== true) {
		const lastNode = run.data.resultData.lastNodeExecuted;
		const items: INodeExecutionData[] = lastNode ? (lastTask(run, lastNode)?.data?.main?.[0] ?? []) : [];
		const responseData = resolveWebhookValue<string>(
			workflow,
			workflowStartNode,
			webhookData.webhookDescription.responseData,
			'firstEntryJson',
		);
		response = {
			statusCode: responseCode,
			responseBody: responseData === 'allEntries' ? items.map((item) => item.json) : (items[0]?.json ?? {}),
		};
	} else {
		response = immediateResponse(captured, webhookResult, responseCode, WORKFLOW_WAS_STARTED);
	}
	return { ...response, resumed: true, final, ...common };
}
