import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { refuseCallbackInToolMode } from '../actions/common';

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
