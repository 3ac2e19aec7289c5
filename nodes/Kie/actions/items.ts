import type { IExecuteFunctions, INodeExecutionData, IDataObject } from 'n8n-workflow';

import { asNodeError } from '../utils/errors';

export type ItemResult = INodeExecutionData | INodeExecutionData[];

function errorItem(error: Error, itemIndex: number): INodeExecutionData {
	const description = (error as Error & { description?: string }).description;
	const json: IDataObject = { error: error.message };
	if (description) json.errorDescription = description;
	return { json, pairedItem: { item: itemIndex } };
}

/**
 * Runs `handler` for every input item, `concurrency` at a time, and returns the outputs in
 * input order with `pairedItem` set. With "Continue On Fail" a failing item becomes an item
 * holding the error; otherwise the first failure stops the node (after in-flight items end,
 * so no create is abandoned half-way).
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
	const continueOnFail = ctx.continueOnFail();
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
				const nodeError = asNodeError(ctx.getNode(), error, itemIndex);
				if (continueOnFail) {
					results[itemIndex] = [errorItem(nodeError, itemIndex)];
				} else {
					failure = failure ?? nodeError;
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
