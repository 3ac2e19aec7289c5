import type { IDataObject, INode, INodeExecutionData } from 'n8n-workflow';

import { asNodeError } from './errors';

/** The task an error item is about, when the error belongs to one. */
export interface ErrorTask {
	taskId: string;
	api: string;
	/** Its last status seen, when it was seen. */
	lastStatus?: string;
}

/**
 * The one shape of an error item (continueOnFail): `error`, the task's `taskId` and `api` when
 * there is a task, `errorDescription` when the error has one, the task's `lastStatus` when seen.
 */
export function errorItem(error: Error, itemIndex: number, task?: ErrorTask): INodeExecutionData {
	const json: IDataObject = { error: error.message };
	if (task) {
		json.taskId = task.taskId;
		json.api = task.api;
	}
	const description = (error as Error & { description?: string }).description;
	if (description) json.errorDescription = description;
	if (task?.lastStatus !== undefined) json.lastStatus = task.lastStatus;
	return { json, pairedItem: { item: itemIndex } };
}

/**
 * What a failing item becomes, decided once per run by the item loop (actions/items.ts) and
 * handed to the engines that deliver items of their own (waits, the resume webhook).
 */
export interface ItemFailures {
	/** The node's continueOnFail: failures become items (and failed tasks items, not errors). */
	readonly continueOnFail: boolean;
	/** With continueOnFail, the error item in place of the item's output; otherwise throws the failure as a node error. */
	fail(error: unknown, itemIndex: number, task?: ErrorTask): INodeExecutionData[];
}

export function itemFailures(node: INode, continueOnFail: boolean): ItemFailures {
	return {
		continueOnFail,
		fail(error, itemIndex, task) {
			const nodeError = asNodeError(node, error, itemIndex);
			if (!continueOnFail) throw nodeError;
			return [errorItem(nodeError, itemIndex, task)];
		},
	};
}
