import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { kieRequest } from '../../transport/request';
import { transportSettings } from '../common';
import { forEachItem } from '../items';

/** Get Credits takes no parameters. */
export const description: INodeProperties[] = [];

export async function execute(ctx: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await forEachItem(ctx, items, async (itemIndex) => {
		const response = await kieRequest<number>(ctx, {
			method: 'GET',
			path: '/api/v1/chat/credit',
			kind: 'read',
			action: 'read the account credits',
			itemIndex,
			settings: transportSettings(ctx, itemIndex),
		});
		return { json: { credits: Number(response.data) } };
	});
}
