import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { FAMILIES } from '../../families/specs';
import { taskJson } from '../../binary/download';
import { readTask } from '../../task/read';
import { apiFamilyProperty, requireTaskId, resolveFamily, taskIdProperty, transportSettings } from '../common';
import { forEachItem } from '../items';

export const getProperties: INodeProperties[] = [taskIdProperty(['get']), apiFamilyProperty(['get'])];

export async function executeGet(ctx: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await forEachItem(ctx, items, async (itemIndex) => {
		const taskId = requireTaskId(ctx, itemIndex);
		const family = resolveFamily(ctx, itemIndex);
		const task = await readTask(ctx, family, taskId, itemIndex, transportSettings(ctx, itemIndex));
		if (!task) {
			throw new NodeOperationError(ctx.getNode(), `KIE has no ${FAMILIES[family].displayName} task ${taskId} (yet)`, {
				itemIndex,
				description:
					'Right after creation KIE may not show a task for a few seconds. Otherwise check the task ID and that the API matches the one that created it.',
			});
		}
		return { json: taskJson(task) };
	});
}
