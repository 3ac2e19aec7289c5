import { NodeConnectionTypes } from 'n8n-workflow';
import type { IExecuteFunctions } from 'n8n-workflow';

/**
 * Whether this run of the node is an AI agent's tool call. n8n marks tool calls in different
 * places depending on who runs the tool (see ARCHITECTURE.md, "Tool mode"), so every marker is
 * checked; any one of them is enough:
 *
 * 1. `isToolExecution()`: true in the sub-node context n8n builds when a node is *supplied* as a
 *    LangChain tool (AI Agent v1/v2 and the Tools Agent, MCP Server Trigger). The plain
 *    ExecuteContext always answers false.
 * 2. The node type: a node attached as a tool has the synthetic type `<name>Tool` (our
 *    `kieTool`), whose only output is `ai_tool`, so any run of it is a tool call. This holds
 *    when the AI Agent v3 runs tools as ordinary nodes through an engine request.
 * 3. `node.rewireOutputLogTo === 'ai_tool'`: set by n8n's engine-request handling on the nodes an
 *    agent asked it to run.
 * 4. `executeData.metadata.preserveSourceOverwrite`: set by the same engine-request handling on
 *    each node it schedules for an agent.
 */
export function isToolCall(ctx: Pick<IExecuteFunctions, 'getNode'> & Partial<Pick<IExecuteFunctions, 'isToolExecution' | 'getExecuteData'>>): boolean {
	try {
		if (typeof ctx.isToolExecution === 'function' && ctx.isToolExecution()) return true;
	} catch {
		// Older contexts may not implement it; the other markers still apply.
	}
	const node = ctx.getNode();
	const typeName = String(node.type ?? '').split('.').pop() ?? '';
	if (typeName.endsWith('Tool')) return true;
	if (node.rewireOutputLogTo === NodeConnectionTypes.AiTool) return true;
	try {
		const metadata = typeof ctx.getExecuteData === 'function' ? ctx.getExecuteData()?.metadata : undefined;
		if (metadata?.preserveSourceOverwrite === true) return true;
	} catch {
		// No execute data in this context.
	}
	return false;
}
