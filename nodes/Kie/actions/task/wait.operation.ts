import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { apiFamilyProperty, taskIdProperty } from '../common';

// Owned by the Wait for Task work (issue 4); replaced there.
export const waitProperties: INodeProperties[] = [taskIdProperty(['wait']), apiFamilyProperty(['wait'])];

export async function executeWait(ctx: IExecuteFunctions, _items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	throw new NodeOperationError(ctx.getNode(), 'Wait for Task is not available yet');
}
