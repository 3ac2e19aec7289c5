import type { IExecuteFunctions, INodeExecutionData, IWebhookFunctions } from 'n8n-workflow';

import { itemFailures, type ItemFailures } from '../utils/items';

export type ItemResult = INodeExecutionData | INodeExecutionData[];

/**
 * The node's "On Error" setting as the item loop's failure handling (utils/items.ts). A webhook
 * context (the resume webhook of Wait for Task) has no continueOnFail(): its node settings say it.
 */
export function failuresOf(ctx: IExecuteFunctions | IWebhookFunctions): ItemFailures {
	const node = ctx.getNode();
	const continueOnFail =
		'continueOnFail' in ctx && typeof ctx.continueOnFail === 'function'
			? ctx.continueOnFail()
			: node.continueOnFail === true || node.onError === 'continueRegularOutput' || node.onError === 'continueErrorOutput';
	return itemFailures(node, continueOnFail);
}

/**
 * The item loop: runs `handler` for every input item, `concurrency` at a time, and returns the
 * outputs in input order with `pairedItem` set. With "Continue On Fail" a failing item becomes
 * the one error item (utils/items.ts); otherwise the first failure stops the node (after
 * in-flight items end, so no create is abandoned half-way). Operations that wait for all their
 * items together (Wait for Task, Create's Wait for Completion) hand `failuresOf(ctx)` to the
 * engine, which fails or keeps each item the same way.
 */
export async function forEachItem(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
	handler: (itemIndex: number) => Promise<ItemResult>,
	concurrency = 1,
	/** Says what the items finished before a stopping failure did (e.g. paid tasks), for its error. */
	summariseDone?: (done: INodeExecutionData[]) => string | undefined,
): Promise<INodeExecutionData[]> {
	const results: INodeExecutionData[][] = new Array(items.length);
	const failures = failuresOf(ctx);
	let next = 0;
	let failure: Error | undefined;

	const worker = async () => {
		while (failure === undefined && next < items.length) {
			const itemIndex = next++;
			try {
				const out = await handler(itemIndex);
				results[itemIndex] = (Array.isArray(out) ? out : [out]).map((entry) => ({
					...entry,
					pairedItem: entry.pairedItem ?? { item: itemIndex },
				}));
			} catch (error) {
				try {
					results[itemIndex] = failures.fail(error, itemIndex);
				} catch (stop) {
					failure = failure ?? (stop as Error);
				}
			}
		}
	};
	await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, worker));
	if (failure) {
		const summary = summariseDone?.(results.flat().filter((entry) => entry !== undefined));
		if (summary) {
			const withDescription = failure as Error & { description?: string | null };
			withDescription.description = [withDescription.description, summary].filter(Boolean).join(' ');
		}
		throw failure;
	}
	return results.flat().filter((entry) => entry !== undefined);
}
