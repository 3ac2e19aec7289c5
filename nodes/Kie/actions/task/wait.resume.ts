import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { isFamilyId } from '../../families/specs';
import type { FamilyId } from '../../families/types';
import { resumeFromCallback } from '../../wait/resume';
import { failuresOf } from '../items';
import { outputSettings } from '../options/output';

function waitingFamily(ctx: IWebhookFunctions): FamilyId {
	const chosen = String(ctx.getNodeParameter('api', 'auto'));
	if (isFamilyId(chosen)) return chosen;
	// "From input item": the item the node received before it paused.
	const fromItem = ctx.evaluateExpression('{{ $json.api }}', 0);
	return isFamilyId(fromItem) ? fromItem : 'market';
}

/** Wait for Task in callback mode, webhook side: the paused node's settings, then wait/resume.ts. */
export async function handleResumeWebhook(ctx: IWebhookFunctions): Promise<IWebhookResponseData> {
	const taskId = String(ctx.getNodeParameter('taskId', '') ?? '').trim();
	const family = waitingFamily(ctx);
	const outputValues = ctx.getNodeParameter('outputOptions', {}) as IDataObject;
	return await resumeFromCallback(
		ctx,
		{ taskId, family, output: outputSettings(outputValues), outputFailed: outputValues.outputFailed === true },
		failuresOf(ctx),
	);
}
