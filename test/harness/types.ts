import type {
	ExecutionError,
	ExecutionStatus,
	IDataObject,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	IRun,
	IVersionedNodeType,
	IWorkflowExecuteAdditionalData,
	Workflow,
	WorkflowExecuteMode,
} from 'n8n-workflow';

/** Values of a `kieApi` credential. Missing optional fields get the credential type's defaults. */
export interface KieTestCredentials {
	apiKey: string;
	baseUrl: string;
	uploadBaseUrl?: string;
	webhookHmacKey?: string;
}

export type BinaryMode = 'default' | 'filesystem';

export interface RunNodeOptions {
	/** An instance of the node class under test, e.g. `new Kie()`. */
	node: INodeType | IVersionedNodeType;
	/** Default `'n8n-nodes-kie-ai.' + description.name` (what n8n's loader names a community node). */
	typeName?: string;
	/** Default: the latest version of the node. */
	typeVersion?: number;
	/** Name of the node in the workflow. Default: description.defaults.name, else displayName. */
	nodeName?: string;
	parameters: INodeParameters;
	/** Input items, emitted by a plain start node called "Start". Default `[{ json: {} }]`. */
	items?: INodeExecutionData[];
	/** Registered under credential type `kieApi`, authenticated by the real `KieApi` class. */
	credentials?: KieTestCredentials;
	/** Sets `node.onError = 'continueRegularOutput'` (and the legacy `continueOnFail: true`). */
	continueOnFail?: boolean;
	/** Aborting it cancels the execution like n8n's "stop execution" (PCancelable.cancel()). */
	signal?: AbortSignal;
	/** `filesystem` = n8n-core's BinaryDataService in filesystem mode under a temp dir. */
	binaryMode?: BinaryMode;
	/** Default `'http://127.0.0.1:5678/webhook-waiting'`. */
	webhookWaitingBaseUrl?: string;
	/** Default `'manual'`. */
	mode?: WorkflowExecuteMode;
}

export interface RunNodeResult {
	/** What n8n would persist: the status given to the `workflowExecuteAfter` hook. */
	status: ExecutionStatus;
	/** Main output 0 of the node under test (`[]` if none). */
	output: INodeExecutionData[];
	/** All main outputs of the node under test. */
	outputs: INodeExecutionData[][];
	/** Output of a pass-through node ("Downstream") connected to main output 0. */
	downstream: INodeExecutionData[];
	/**
	 * The error the node threw: the original instance (so `instanceof NodeApiError` works) when the
	 * harness caught it, else the copy n8n stores in the run data. Also set when continueOnFail let
	 * the execution go on (then `status` is 'success').
	 */
	error?: ExecutionError;
	/** Every argument of every `this.sendMessageToUI(...)` call, in order (manual mode only, like n8n). */
	uiMessages: unknown[];
	run: IRun;
	workflow: Workflow;
	additionalData: IWorkflowExecuteAdditionalData;
	/** `$execution.resumeUrl` as the node saw it, when it waited. */
	resumeUrl?: string;
	/** Names used in the workflow. */
	nodeName: string;
	executionId: string;
}

export interface HttpRequestLike {
	body?: unknown;
	headers?: Record<string, string>;
	query?: Record<string, string>;
	rawBody?: Buffer;
	/** Default 'POST'. */
	method?: string;
}

export interface WebhookCallResult {
	statusCode: number;
	responseBody: unknown;
	/** True when webhook() returned workflowData and the execution was continued. */
	resumed: boolean;
	/** The continued execution (when resumed). */
	final?: RunNodeResult;
	webhookResponse?: unknown;
	noWebhookResponse?: boolean;
	/** Headers the node set on the response object. */
	responseHeaders?: Record<string, string>;
	/** When webhook() threw (n8n answers 500 and marks the execution failed). */
	webhookError?: Error;
}

export interface TriggerCallResult {
	statusCode: number;
	responseBody: unknown;
	workflowData?: INodeExecutionData[][];
	noWebhookResponse?: boolean;
	webhookResponse?: unknown;
	responseHeaders?: Record<string, string>;
	/** When webhook() threw (n8n answers 500 "Workflow could not be started!"). */
	webhookError?: Error;
}

export interface TriggerHarness {
	call(request: HttpRequestLike): Promise<TriggerCallResult>;
	/** The persisted workflow static data (n8n saves it after webhook() when it changed). */
	staticData: IDataObject;
	/** The trigger node's name in the workflow. */
	nodeName: string;
	/** The node's webhookId: getNodeWebhookUrl('default') is `http://127.0.0.1:5678/webhook/<webhookId>/<path>`. */
	webhookId: string;
}

export interface TriggerHarnessOptions {
	node: INodeType | IVersionedNodeType;
	typeName?: string;
	typeVersion?: number;
	nodeName?: string;
	parameters: INodeParameters;
	credentials?: KieTestCredentials;
	/**
	 * n8n runs production webhooks with mode 'webhook' and test webhooks ("Listen for test event")
	 * with 'manual'. 'trigger' is accepted as an alias of 'webhook'. Default 'webhook'.
	 */
	mode?: 'trigger' | 'webhook' | 'manual';
	binaryMode?: BinaryMode;
	/** Which webhook of the node to call. Default: the first non-restart webhook whose method matches. */
	webhookName?: string;
}
