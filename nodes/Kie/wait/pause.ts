import { NodeOperationError, WAIT_INDEFINITELY } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, ITaskMetadata } from 'n8n-workflow';

import { requireTaskId, resolveFamily, transportSettings } from '../actions/common';
import { asNodeError } from '../actions/items';
import { outputSettings } from '../binary/options';
import { readTask } from '../task/read';
import { errorItem, finishedTaskItems } from './outcome';

/** Default wait limit: KIE gives up on a callback after three tries within about 20 minutes. */
export const DEFAULT_WAIT_LIMIT_MINUTES = 60;

function waitTill(limitMinutes: number, nowMs: number): Date {
	return limitMinutes > 0 ? new Date(nowMs + Math.round(limitMinutes * 60000)) : WAIT_INDEFINITELY;
}

/**
 * Callback mode, execute side: read the task once (a fast task may be done already, and KIE's
 * callback may then have arrived before the execution was stored as waiting, which n8n refuses),
 * then park the execution until KIE calls this execution's resume URL.
 */
export async function pauseForCallback(ctx: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const node = ctx.getNode();
	if (items.length === 0) return [];
	if (items.length > 1) {
		throw new NodeOperationError(node, `Callback mode waits for one task per execution, but ${items.length} items arrived`, {
			description:
				'n8n resumes a waiting execution only once, so one execution can take only one KIE callback. Use Poll mode for several tasks, or run one execution per task (e.g. a sub-workflow called per item).',
		});
	}
	const taskId = requireTaskId(ctx, 0);
	const family = resolveFamily(ctx, 0);
	// The full URL: from n8n 2.14 on its ?signature= query is required to resume.
	const resumeUrl = String(ctx.evaluateExpression('{{ $execution.resumeUrl }}', 0));
	const given = items[0].json.callBackUrl;
	if (typeof given === 'string' && given !== '' && given !== resumeUrl) {
		throw new NodeOperationError(node, `Task ${taskId} reports its result to another URL, so it can never resume this execution`, {
			itemIndex: 0,
			description: `The task was created with callBackUrl ${given}. Set Create Task's Callback to "This Execution's Resume URL" in this same workflow, or wait in Poll mode.`,
		});
	}

	const transport = transportSettings(ctx, 0);
	const outputValues = ctx.getNodeParameter('outputOptions', 0, {}) as IDataObject;
	const output = outputSettings(outputValues, transport);
	const failuresAsItems = outputValues.outputFailed === true || ctx.continueOnFail();
	try {
		const task = await readTask(ctx, family, taskId, 0, transport);
		if (task?.final) return await finishedTaskItems(ctx, task, 0, output, failuresAsItems);
	} catch (error) {
		const nodeError = asNodeError(ctx, error, 0);
		if (!ctx.continueOnFail()) throw nodeError;
		return [errorItem(nodeError, { itemIndex: 0, taskId, family })];
	}

	ctx.setMetadata({ resumeUrl } as ITaskMetadata);
	ctx.sendMessageToUI(`task 1/1 waiting for KIE to call ${resumeUrl} · ${taskId}`);
	const limit = Number(ctx.getNodeParameter('waitLimitMinutes', 0, DEFAULT_WAIT_LIMIT_MINUTES));
	await ctx.putExecutionToWait(waitTill(Number.isFinite(limit) ? limit : DEFAULT_WAIT_LIMIT_MINUTES, Date.now()));
	return items;
}
