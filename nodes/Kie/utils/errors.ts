import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, INode } from 'n8n-workflow';

/** Makes sure an error carries the item index and is one of n8n's node errors. */
export function asNodeError(node: INode, error: unknown, itemIndex: number): Error {
	if (error instanceof Error && (error.name === 'NodeApiError' || error.name === 'NodeOperationError')) {
		const withContext = error as Error & { context?: IDataObject };
		if (withContext.context && withContext.context.itemIndex === undefined) withContext.context.itemIndex = itemIndex;
		return error;
	}
	return new NodeOperationError(node, error as Error, { itemIndex });
}
