import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { FAMILIES } from '../../families/specs';
import { taskJson } from '../../task/json';
import { readTask } from '../../task/read';
import { findTaskFamily } from '../../tool/family';
import { isToolCall } from '../../tool/detect';
import { apiFamilyProperty, explicitFamily, requireTaskId, taskIdProperty, transportSettings } from '../common';
import { forEachItem } from '../items';

export const description: INodeProperties[] = updateDisplayOptions({ show: { resource: ['task'], operation: ['get'] } }, [taskIdProperty, apiFamilyProperty]);

export async function execute(ctx: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await forEachItem(ctx, items, async (itemIndex) => {
		const taskId = requireTaskId(ctx, itemIndex);
		const settings = transportSettings(ctx, itemIndex);
		const explicit = explicitFamily(ctx, itemIndex);
		// A tool call rarely carries `api`: look the task up instead of assuming Market.
		const found = explicit === undefined && isToolCall(ctx) ? await findTaskFamily(ctx, taskId, itemIndex, settings) : undefined;
		const family = explicit ?? found?.family ?? 'market';
		const task = found?.task ?? (await readTask(ctx, family, taskId, itemIndex, settings));
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
