import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { isToolCall } from './detect';

/**
 * A tool call of an AI agent must return in one go: it cannot pause for a callback, and nothing
 * would ever wait for one. Called before anything is created or uploaded.
 */
export function refuseCallbackInToolMode(ctx: IExecuteFunctions, what: string, itemIndex = 0): void {
	if (isToolCall(ctx)) {
		throw new NodeOperationError(
			ctx.getNode(),
			`${what} cannot be used when the KIE node runs as an AI agent's tool: nothing was created`,
			{
				itemIndex,
				description:
					'An agent\'s tool call has to return its result at once. In the KIE Tool\'s settings set Callback to "None" (or a KIE Trigger URL) and Wait Mode to "Poll", or turn on "Wait for Completion".',
			},
		);
	}
}

/**
 * Refuses, for every item and before any upload or create, the settings that need the execution
 * to pause for KIE's callback: Create Task with "This Execution's Resume URL" and Wait for Task
 * in callback mode. (Each action checks again where it reads the setting.)
 */
export function refuseCallbackModes(ctx: IExecuteFunctions, items: INodeExecutionData[], resource: string, operation: string): void {
	if (resource !== 'task') return;
	items.forEach((_item, itemIndex) => {
		if (operation === 'create' && ctx.getNodeParameter('callbackMode', itemIndex, 'none') === 'resume') {
			refuseCallbackInToolMode(ctx, 'The callback "This Execution\'s Resume URL"', itemIndex);
		}
		if (operation === 'wait' && ctx.getNodeParameter('waitMode', itemIndex, 'poll') === 'callback') {
			refuseCallbackInToolMode(ctx, 'Wait for Task in callback mode', itemIndex);
		}
	});
}
