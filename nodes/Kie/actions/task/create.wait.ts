import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { isFamilyId } from '../../families/specs';
import type { NormalisedTask } from '../../task/types';
import { isToolCall } from '../../tool/detect';
import { finishedTaskItems } from '../../wait/outcome';
import { waitForTasks, type WaitRequest } from '../../wait/waitForTasks';
import { outputSettings } from '../options/output';
import { waitSettings } from '../options/wait';
import { failuresOf } from '../items';

function itemIndexOf(item: INodeExecutionData, fallback: number): number {
	const paired = item.pairedItem;
	if (typeof paired === 'number') return paired;
	if (paired && !Array.isArray(paired)) return paired.item;
	return fallback;
}

/** A create that answered with its result at once (Veo 1080p) as a finished task. */
function immediateResult(json: IDataObject): NormalisedTask | undefined {
	if (typeof json.resultUrl !== 'string' || json.resultUrl === '' || !isFamilyId(json.api)) return undefined;
	return {
		taskId: String(json.taskId ?? ''),
		api: json.api,
		model: typeof json.model === 'string' ? json.model : undefined,
		status: 'success',
		final: true,
		resultUrls: [json.resultUrl],
		raw: json,
	};
}

/**
 * Create Task's "Wait for Completion": waits for every task just created, together, and puts
 * each task's results where its create item was. Items of failed creates (continueOnFail) pass
 * through unchanged.
 */
export async function waitForCreated(ctx: IExecuteFunctions, created: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const failures = failuresOf(ctx);
	const requests: WaitRequest[] = [];
	const slots: Array<INodeExecutionData[] | number> = [];
	for (const [position, item] of created.entries()) {
		const itemIndex = itemIndexOf(item, position);
		const json = item.json;
		const immediate = immediateResult(json);
		if (immediate) {
			const output = outputSettings(ctx.getNodeParameter('outputOptions', itemIndex, {}) as IDataObject, undefined, isToolCall(ctx));
			slots.push(await finishedTaskItems(ctx, immediate, itemIndex, output, true));
		} else if (typeof json.taskId === 'string' && json.taskId !== '' && isFamilyId(json.api)) {
			slots.push(requests.length);
			const model = typeof json.model === 'string' ? json.model : undefined;
			requests.push({ itemIndex, taskId: json.taskId, family: json.api, model, fresh: true, settings: waitSettings(ctx, itemIndex, isToolCall(ctx)) });
		} else {
			slots.push([item]);
		}
	}
	const results = await waitForTasks(ctx, requests, failures);
	return slots.flatMap((slot) => (typeof slot === 'number' ? results[slot] : slot));
}
