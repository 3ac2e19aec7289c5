import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { DEFAULT_WAIT_LIMIT_MINUTES, pauseForCallback } from '../../wait/pause';
import { carriesFinalResult } from '../../wait/passthrough';
import { waitForTasks, type WaitRequest } from '../../wait/waitForTasks';
import { findTaskFamily } from '../../tool/family';
import { isToolCall } from '../../tool/detect';
import { refuseCallbackInToolMode } from '../../tool/guard';
import { apiFamilyProperty, explicitFamily, requireTaskId, resolveFamily, taskIdProperty, transportSettings } from '../common';
import { outputOptionsProperty, outputSettings } from '../options/output';
import { pollOptionsProperty } from '../options/poll';
import { waitSettings } from '../options/wait';
import { failuresOf } from '../items';


export const description: INodeProperties[] = updateDisplayOptions({ show: { resource: ['task'], operation: ['wait'] } }, [
	taskIdProperty,
	apiFamilyProperty,
	{
		displayName: 'Wait Mode',
		name: 'waitMode',
		type: 'options',
		noDataExpression: true,
		default: 'poll',
		options: [
			{
				name: 'Poll',
				value: 'poll',
				description: 'Read the task status on a schedule until it ends. Works everywhere, for any number of items.',
			},
			{
				name: 'Callback (Pause Until KIE Calls Back)',
				value: 'callback',
				description: 'Pause the execution, holding no worker, until KIE calls this execution\'s resume URL. One task per execution.',
			},
		],
	},
	{
		displayName:
			'Callback mode needs Create Task (in this workflow, before this node) with Callback set to "This Execution\'s Resume URL", and an n8n that KIE can reach: set a public WEBHOOK_URL, also for manual test runs. It waits for one task per execution. If the wait limit passes before KIE calls, n8n continues the workflow with this node\'s input item unchanged (it has no "status" field): add a Wait for Task in Poll mode after this node, which passes finished items straight through and fetches the result of the others.',
		name: 'callbackModeNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { waitMode: ['callback'] } },
	},
	{
		displayName: 'Wait Limit (Minutes)',
		name: 'waitLimitMinutes',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: DEFAULT_WAIT_LIMIT_MINUTES,
		description:
			'Continue without the result after this long (the input item passes through unchanged). 0 waits until KIE calls back, however long that takes.',
		displayOptions: { show: { waitMode: ['callback'] } },
	},
	pollOptionsProperty({ show: { waitMode: ['poll'] } }),
	outputOptionsProperty(),
]);

function modelOf(item: INodeExecutionData | undefined): string | undefined {
	const model = item?.json?.model;
	return typeof model === 'string' && model !== '' ? model : undefined;
}

/** Callback mode: one task per execution, parked until KIE calls this execution's resume URL. */
async function waitForCallback(ctx: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	if (items.length === 0) return [];
	if (items.length > 1) {
		throw new NodeOperationError(ctx.getNode(), `Callback mode waits for one task per execution, but ${items.length} items arrived`, {
			description:
				'n8n resumes a waiting execution only once, so one execution can take only one KIE callback. Use Poll mode for several tasks, or run one execution per task (e.g. a sub-workflow called per item).',
		});
	}
	const taskId = requireTaskId(ctx, 0);
	const family = resolveFamily(ctx, 0);
	const transport = transportSettings(ctx, 0);
	const outputValues = ctx.getNodeParameter('outputOptions', 0, {}) as IDataObject;
	const limit = Number(ctx.getNodeParameter('waitLimitMinutes', 0, DEFAULT_WAIT_LIMIT_MINUTES));
	return await pauseForCallback(
		ctx,
		items,
		{
			taskId,
			family,
			transport,
			output: outputSettings(outputValues, transport),
			outputFailed: outputValues.outputFailed === true,
			limitMinutes: Number.isFinite(limit) ? limit : DEFAULT_WAIT_LIMIT_MINUTES,
		},
		failuresOf(ctx),
	);
}

export async function execute(ctx: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	if (ctx.getNodeParameter('waitMode', 0, 'poll') === 'callback') {
		refuseCallbackInToolMode(ctx, 'Wait for Task in callback mode');
		return await waitForCallback(ctx, items);
	}

	const failures = failuresOf(ctx);
	const requests: WaitRequest[] = [];
	const asIs = new Map<number, INodeExecutionData>();
	const toolCall = isToolCall(ctx);
	for (const [itemIndex, item] of items.entries()) {
		const download = outputSettings(ctx.getNodeParameter('outputOptions', itemIndex, {}) as IDataObject).download;
		if (carriesFinalResult(item, download)) {
			asIs.set(itemIndex, { ...item, pairedItem: { item: itemIndex } });
			continue;
		}
		try {
			const taskId = requireTaskId(ctx, itemIndex);
			// A tool call rarely carries `api`: look the task up instead of assuming Market.
			const family = toolCall
				? (explicitFamily(ctx, itemIndex) ?? (await findTaskFamily(ctx, taskId, itemIndex)).family)
				: resolveFamily(ctx, itemIndex);
			requests.push({ itemIndex, taskId, family, model: modelOf(item), settings: waitSettings(ctx, itemIndex, toolCall) });
		} catch (error) {
			asIs.set(itemIndex, failures.fail(error, itemIndex)[0]);
		}
	}
	const results = await waitForTasks(ctx, requests, failures);
	const byItem = new Map(requests.map((request, index) => [request.itemIndex, results[index]]));
	return items.flatMap((_item, itemIndex) => byItem.get(itemIndex) ?? [asIs.get(itemIndex)!]);
}
