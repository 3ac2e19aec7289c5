/**
 * Runs the KIE node as an AI agent's tool through n8n-core's real code, the two ways n8n runs
 * tools (see ARCHITECTURE.md, "Tool mode"):
 *
 * - `engine`: the AI Agent v3 way. The agent node returns an EngineRequest naming the tool node;
 *   WorkflowExecute runs the tool as an ordinary node (ExecuteContext, isToolExecution() false)
 *   and resumes the agent with the results.
 * - `supply`: the AI Agent v1/v2, Tools Agent and MCP Server Trigger way. The agent asks for its
 *   ai_tool inputs (getInputConnectionData); n8n-core wraps the tool node with createNodeAsTool
 *   and runs it in a SupplyDataContext (isToolExecution() true) when the tool is invoked.
 *
 * The agent here is a test fixture (what a chat model would decide is given as `calls`); the
 * engine, the contexts and the tool wrapping are n8n-core's.
 */
import { WorkflowExecute } from 'n8n-core';
import type {
	EngineRequest,
	EngineResponse,
	IConnections,
	IDataObject,
	IExecuteFunctions,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	INodeTypeDescription,
	IRun,
	IWebhookData,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes, deepCopy } from 'n8n-workflow';

import { Kie } from '../../nodes/Kie/Kie.node';
import { KIE_CREDENTIAL_TYPE, KIE_TEST_CREDENTIAL, kieCredentialsHelper } from '../harness/credentials';
import type { KieTestCredentials } from '../harness/types';
import { createAdditionalData, createWorkflow, newId, nextExecutionId, runWebhook, workflowBase } from '../harness/engine';
import { HarnessNodeTypes, START_NODE_NAME, START_NODE_TYPE } from '../harness/node-types';

export const AGENT_TYPE = 'n8n-nodes-kie-ai-harness.fakeAgent';
export const KIE_TOOL_TYPE = 'n8n-nodes-kie-ai.kieTool';
export const AGENT_NAME = 'Agent';
export const TOOL_NAME = 'KIE';

/** `mcp`: the supply path from a trigger's webhook context, as the MCP Server Trigger does it. */
export type ToolPath = 'engine' | 'supply' | 'mcp';
export const MCP_TRIGGER_TYPE = 'n8n-nodes-kie-ai-harness.fakeMcpTrigger';

export interface ToolCallRecord {
	/** What the agent got back for each call: parsed JSON, or the thrown error's message. */
	answers: unknown[];
	/** Supply path: the tool's name, description and JSON-schema keys as the model would see them. */
	tool?: { name: string; description: string; schemaKeys: string[] };
}

/**
 * The tool variant n8n's NodeTypes builds for a `usableAsTool` node (`<name>Tool`, no main
 * input, one ai_tool output, same execute()).
 */
export function kieToolType(): INodeType {
	const kie = new Kie();
	const description: INodeTypeDescription = {
		...kie.description,
		name: `${kie.description.name}Tool`,
		displayName: `${kie.description.displayName} Tool`,
		inputs: [],
		outputs: [NodeConnectionTypes.AiTool],
	};
	delete description.usableAsTool;
	const tool = Object.create(kie) as INodeType;
	Object.defineProperty(tool, 'description', { value: description });
	return tool;
}

type SuppliedTool = {
	name: string;
	description: string;
	schema: { shape?: Record<string, unknown> };
	invoke: (args: IDataObject) => Promise<string>;
};

async function callSuppliedTool(tools: SuppliedTool[], calls: IDataObject[], record: ToolCallRecord): Promise<void> {
	const tool = tools[0];
	record.tool = { name: tool.name, description: tool.description, schemaKeys: Object.keys(tool.schema.shape ?? {}) };
	for (const args of calls) {
		try {
			record.answers.push(JSON.parse(await tool.invoke(args)));
		} catch (error) {
			record.answers.push({ thrown: (error as Error).message });
		}
	}
}

/** A webhook node that lists its ai_tool inputs and calls them, as the MCP Server Trigger does. */
function fakeMcpTrigger(calls: IDataObject[], record: ToolCallRecord): INodeType {
	return {
		description: {
			displayName: 'Fake MCP Trigger',
			name: MCP_TRIGGER_TYPE,
			group: ['trigger'],
			version: 1,
			description: 'Calls its tools from a webhook context',
			defaults: { name: AGENT_NAME },
			inputs: [{ type: NodeConnectionTypes.AiTool, displayName: 'Tools' }],
			outputs: [NodeConnectionTypes.Main],
			webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'mcp' }],
			properties: [],
		},
		async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
			const tools = (await this.getInputConnectionData(NodeConnectionTypes.AiTool, 0)) as SuppliedTool[];
			await callSuppliedTool(tools, calls, record);
			return { noWebhookResponse: true };
		},
	} as INodeType;
}

function fakeAgent(path: ToolPath, calls: IDataObject[], record: ToolCallRecord): INodeType {
	return {
		description: {
			displayName: 'Fake Agent',
			name: AGENT_TYPE,
			group: ['transform'],
			version: 1,
			description: 'Calls its tools the way an AI agent does',
			defaults: { name: AGENT_NAME },
			inputs: [NodeConnectionTypes.Main, { type: NodeConnectionTypes.AiTool, displayName: 'Tools' }],
			outputs: [NodeConnectionTypes.Main],
			properties: [],
		},
		async execute(this: IExecuteFunctions, response?: EngineResponse): Promise<INodeExecutionData[][] | EngineRequest> {
			if (path === 'engine') {
				// n8n-core passes an empty response on the first call, the tool results on the resume.
				if (!response || response.actionResponses.length === 0) {
					return {
						actions: calls.map((input, index) => ({
							actionType: 'ExecutionNodeAction' as const,
							nodeName: TOOL_NAME,
							input,
							type: NodeConnectionTypes.AiTool,
							id: `call_${index}`,
							metadata: { itemIndex: 0 },
						})),
						metadata: {},
					};
				}
				for (const { data } of response.actionResponses) {
					const output = data.data?.[NodeConnectionTypes.AiTool]?.[0]?.map((item) => item.json);
					record.answers.push(data.error ? { thrown: data.error.message } : output);
				}
				return [[{ json: { answers: record.answers as IDataObject[] } }]];
			}
			const tools = (await this.getInputConnectionData(NodeConnectionTypes.AiTool, 0)) as SuppliedTool[];
			await callSuppliedTool(tools, calls, record);
			return [[{ json: { answers: record.answers as IDataObject[] } }]];
		},
	} as INodeType;
}

export interface AgentRunOptions {
	path: ToolPath;
	/** The KIE Tool's parameters (with `$fromAI` expressions where the model fills them). */
	parameters: INodeParameters;
	/** One entry per tool call: the arguments the model sends. */
	calls: IDataObject[];
	credentials: KieTestCredentials;
}

export async function runAgentWithKieTool(opts: AgentRunOptions): Promise<{ run?: IRun; record: ToolCallRecord }> {
	const record: ToolCallRecord = { answers: [] };
	const agentType = opts.path === 'mcp' ? MCP_TRIGGER_TYPE : AGENT_TYPE;
	const nodeTypes = new HarnessNodeTypes([{ json: { chatInput: 'make me a picture' } }])
		.add(agentType, opts.path === 'mcp' ? fakeMcpTrigger(opts.calls, record) : fakeAgent(opts.path, opts.calls, record))
		.add(KIE_TOOL_TYPE, kieToolType());
	const executionId = nextExecutionId();
	const tool: INode = {
		id: newId(),
		name: TOOL_NAME,
		type: KIE_TOOL_TYPE,
		typeVersion: 1,
		position: [250, 200],
		parameters: deepCopy(opts.parameters),
		credentials: { [KIE_CREDENTIAL_TYPE]: KIE_TEST_CREDENTIAL },
	};
	const nodes: INode[] = [
		{ id: newId(), name: START_NODE_NAME, type: START_NODE_TYPE, typeVersion: 1, position: [0, 0], parameters: {} },
		{ id: newId(), name: AGENT_NAME, type: agentType, typeVersion: 1, position: [250, 0], parameters: {}, webhookId: newId() },
		tool,
	];
	const connections: IConnections = {
		[START_NODE_NAME]: { main: [[{ node: AGENT_NAME, type: NodeConnectionTypes.Main, index: 0 }]] },
		[TOOL_NAME]: { [NodeConnectionTypes.AiTool]: [[{ node: AGENT_NAME, type: NodeConnectionTypes.AiTool, index: 0 }]] },
	};
	const workflowData = workflowBase(`agent-${executionId}`, nodes, connections);
	const workflow = createWorkflow(workflowData, nodeTypes);
	const { additionalData } = createAdditionalData({
		executionId,
		mode: 'manual',
		workflowData,
		credentialsHelper: kieCredentialsHelper(opts.credentials),
		uiMessages: [],
	});
	if (opts.path === 'mcp') {
		const trigger = workflow.getNode(AGENT_NAME)!;
		const webhookData = {
			httpMethod: 'POST',
			node: AGENT_NAME,
			path: 'mcp',
			webhookDescription: nodeTypes.getByNameAndVersion(MCP_TRIGGER_TYPE).description.webhooks![0],
			workflowId: workflow.id,
			workflowExecuteAdditionalData: additionalData,
		} as IWebhookData;
		await runWebhook(workflow, webhookData, trigger, additionalData, 'webhook', null);
		return { record };
	}
	const startNode = workflow.getNode(START_NODE_NAME) ?? undefined;
	const run = await new WorkflowExecute(additionalData, 'manual').run({ workflow, startNode });
	return { run, record };
}
