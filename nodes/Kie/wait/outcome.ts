import { NodeOperationError } from 'n8n-workflow';
import type { INode, INodeExecutionData } from 'n8n-workflow';

import { taskToItems, type DownloadContext, type OutputSettings } from '../binary/download';
import { taskJson } from '../task/json';
import { FAMILIES } from '../families/specs';
import type { FamilyId } from '../families/types';
import type { NormalisedTask } from '../task/types';
import type { ErrorTask } from '../utils/items';
import type { PollOutcome } from './pollLoop';
import { stateWord } from './progress';

export interface OutcomeTarget {
	itemIndex: number;
	taskId: string;
	family: FamilyId;
}

function lastStatusText(task: NormalisedTask | undefined): string {
	if (!task) return 'never seen';
	return task.progress !== undefined ? `${stateWord(task)}, ${task.progress} %` : stateWord(task);
}

function duration(ms: number): string {
	const seconds = Math.round(ms / 1000);
	return seconds < 120 ? `${seconds} s` : `${Math.round(seconds / 6) / 10} min`;
}

export function taskFailedError(node: INode, task: NormalisedTask, itemIndex: number): NodeOperationError {
	const code = task.failCode ? ` (code ${task.failCode})` : '';
	const reason = task.failMsg ?? 'KIE gave no reason';
	return new NodeOperationError(node, `KIE task ${task.taskId} failed${code}: ${reason}`, {
		itemIndex,
		description:
			'KIE ended the task without a result. Failed tasks are usually not charged. Change the input (prompt, files) and create a new task, or turn on "Output Failed Tasks" to handle failures in the workflow.',
	});
}

export function timeoutError(node: INode, target: OutcomeTarget, last: NormalisedTask | undefined, waitedMs: number): NodeOperationError {
	return new NodeOperationError(
		node,
		`KIE task ${target.taskId} did not finish within ${duration(waitedMs)} (last status: ${lastStatusText(last)})`,
		{
			itemIndex: target.itemIndex,
			description:
				'The task may still finish on KIE. Check it later with Task → Get (same task ID and API), or raise "Timeout (Minutes)" in the polling options.',
		},
	);
}

export function notFoundError(node: INode, target: OutcomeTarget, waitedMs: number): NodeOperationError {
	const seconds = Math.round(waitedMs / 1000);
	return new NodeOperationError(node, `KIE does not know ${FAMILIES[target.family].displayName} task ${target.taskId}`, {
		itemIndex: target.itemIndex,
		description: `KIE showed no such task for ${seconds} s. Check the task ID, and that the API (${FAMILIES[target.family].displayName}) is the one the task was created with.`,
	});
}

/** The item for a task that ended, without downloading anything. */
export function taskItem(task: NormalisedTask, itemIndex: number): INodeExecutionData {
	return { json: taskJson(task), pairedItem: { item: itemIndex } };
}

/**
 * A finished wait → output items. Success downloads the results (when asked); a failed task is
 * an error unless failures are wanted as items; a timeout or an unknown task is always an error.
 */
export async function outcomeItems(
	ctx: DownloadContext,
	target: OutcomeTarget,
	outcome: PollOutcome,
	output: OutputSettings,
	failuresAsItems: boolean,
): Promise<INodeExecutionData[]> {
	const node = ctx.getNode();
	switch (outcome.kind) {
		case 'final':
			return await finishedTaskItems(ctx, outcome.task, target.itemIndex, output, failuresAsItems);
		case 'timeout':
			throw timeoutError(node, target, outcome.last, outcome.waitedMs);
		case 'notFound':
			throw notFoundError(node, target, outcome.waitedMs);
		default:
			throw outcome.error;
	}
}

export async function finishedTaskItems(
	ctx: DownloadContext,
	task: NormalisedTask,
	itemIndex: number,
	output: OutputSettings,
	failuresAsItems: boolean,
): Promise<INodeExecutionData[]> {
	if (task.status === 'failed') {
		if (failuresAsItems) return [taskItem(task, itemIndex)];
		throw taskFailedError(ctx.getNode(), task, itemIndex);
	}
	if (!output.download) return [taskItem(task, itemIndex)];
	return await taskToItems(ctx, task, output.options, itemIndex);
}

/** The task of an error item (utils/items.ts) for a wait that could not deliver it. */
export function errorTask(target: OutcomeTarget, last?: NormalisedTask): ErrorTask {
	return last ? { taskId: target.taskId, api: target.family, lastStatus: last.status } : { taskId: target.taskId, api: target.family };
}
