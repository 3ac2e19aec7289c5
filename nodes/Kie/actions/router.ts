import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { executeGetCredits } from './account/getCredits.operation';
import { executeUpload } from './file/upload.operation';
import { executeCreate } from './task/create.operation';
import { executeGet } from './task/get.operation';
import { executeWait } from './task/wait.operation';
import { executeGetDownloadUrl } from './utility/getDownloadUrl.operation';

type Operation = (ctx: IExecuteFunctions, items: INodeExecutionData[]) => Promise<INodeExecutionData[]>;

const OPERATIONS: Record<string, Record<string, Operation>> = {
	task: { create: executeCreate, get: executeGet, wait: executeWait },
	file: { upload: executeUpload },
	account: { getCredits: executeGetCredits },
	utility: { getDownloadUrl: executeGetDownloadUrl },
};

export async function route(ctx: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = ctx.getInputData();
	const resource = ctx.getNodeParameter('resource', 0) as string;
	const operation = ctx.getNodeParameter('operation', 0) as string;
	const run = OPERATIONS[resource]?.[operation];
	if (!run) {
		throw new NodeOperationError(ctx.getNode(), `The operation "${operation}" of "${resource}" is not supported`);
	}
	return [await run(ctx, items)];
}
