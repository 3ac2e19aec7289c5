import { NodeOperationError, WAIT_INDEFINITELY } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, ITaskMetadata } from 'n8n-workflow';

import type { OutputSettings } from '../binary/download';
import type { FamilyId } from '../families/types';
import { readTask } from '../task/read';
import type { TransportSettings } from '../transport/request';
import type { ItemFailures } from '../utils/items';
import { errorTask, finishedTaskItems } from './outcome';

/** Default wait limit: KIE gives up on a callback after three tries within about 20 minutes. */
export const DEFAULT_WAIT_LIMIT_MINUTES = 60;

/** The one task a callback-mode wait parks for, with its settings as plain values. */
export interface CallbackWait {
	taskId: string;
	family: FamilyId;
	transport: TransportSettings;
	output: OutputSettings;
	/** "Output Failed Tasks". */
	outputFailed: boolean;
	/** 0 = until KIE calls back. */
	limitMinutes: number;
}

function waitTill(limitMinutes: number, nowMs: number): Date {
	return limitMinutes > 0 ? new Date(nowMs + Math.round(limitMinutes * 60000)) : WAIT_INDEFINITELY;
}

/**
 * Callback mode, execute side: read the task once (a fast task may be done already, and KIE's
 * callback may then have arrived before the execution was stored as waiting, which n8n refuses),
 * then park the execution until KIE calls this execution's resume URL.
 */
export async function pauseForCallback(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
	wait: CallbackWait,
	failures: ItemFailures,
): Promise<INodeExecutionData[]> {
	const node = ctx.getNode();
	const { taskId, family } = wait;
	// The full URL: from n8n 2.14 on its ?signature= query is required to resume.
	const resumeUrl = String(ctx.evaluateExpression('{{ $execution.resumeUrl }}', 0));
	const given = items[0].json.callBackUrl;
	if (typeof given === 'string' && given !== '' && given !== resumeUrl) {
		throw new NodeOperationError(node, `Task ${taskId} reports its result to another URL, so it can never resume this execution`, {
			itemIndex: 0,
			description: `The task was created with callBackUrl ${given}. Set Create Task's Callback to "This Execution's Resume URL" in this same workflow, or wait in Poll mode.`,
		});
	}

	try {
		const task = await readTask(ctx, family, taskId, 0, wait.transport);
		if (task?.final) return await finishedTaskItems(ctx, task, 0, wait.output, wait.outputFailed || failures.continueOnFail);
	} catch (error) {
		return failures.fail(error, 0, errorTask({ itemIndex: 0, taskId, family }));
	}

	ctx.setMetadata({ resumeUrl } as ITaskMetadata);
	ctx.sendMessageToUI(`task 1/1 waiting for KIE to call ${resumeUrl} · ${taskId}`);
	await ctx.putExecutionToWait(waitTill(wait.limitMinutes, Date.now()));
	return items;
}
