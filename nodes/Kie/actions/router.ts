import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { isFamilyId } from '../families/specs';
import { isToolCall } from '../tool/detect';
import { rememberTask } from '../tool/family';
import { refuseCallbackModes } from '../tool/guard';
import { compactItems, toolErrorText } from '../tool/result';
import type { Operation } from './menu';
import { RESOURCES, type Resource } from './resources';

function operationOf(resource: string, operation: string): Operation | undefined {
	if (!Object.prototype.hasOwnProperty.call(RESOURCES, resource)) return undefined;
	// Each resource file types its own operation ids; looked up here by the parameter's string.
	const table: Record<string, Operation> = RESOURCES[resource as Resource].operations;
	return Object.prototype.hasOwnProperty.call(table, operation) ? table[operation] : undefined;
}

/** Tasks this process created, so a later Get/Wait tool call without `api` finds their API. */
function rememberCreated(items: INodeExecutionData[]): void {
	for (const { json } of items) {
		if (typeof json.taskId === 'string' && isFamilyId(json.api)) rememberTask(json.taskId, json.api);
	}
}

export async function route(ctx: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = ctx.getInputData();
	const resource = ctx.getNodeParameter('resource', 0) as string;
	const operation = ctx.getNodeParameter('operation', 0) as string;
	const run = operationOf(resource, operation);
	if (!run) {
		throw new NodeOperationError(ctx.getNode(), `The operation "${operation}" of "${resource}" is not supported`);
	}
	if (!isToolCall(ctx)) {
		const out = await run(ctx, items);
		if (resource === 'task' && operation === 'create') rememberCreated(out);
		return [out];
	}
	// An agent's tool call: errors become the tool's answer (with their help in the message), so
	// the model can correct its input; on n8n 2.8 a thrown error would end the whole agent run.
	try {
		refuseCallbackModes(ctx, items, resource, operation);
		const out = await run(ctx, items);
		if (resource === 'task') rememberCreated(out);
		const output = ctx.getNodeParameter('outputOptions', 0, {}) as { toolRaw?: boolean };
		return [compactItems(out, output.toolRaw === true)];
	} catch (error) {
		return [[{ json: { error: toolErrorText(error) }, pairedItem: { item: 0 } }]];
	}
}
