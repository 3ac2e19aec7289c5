import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { freshDownloadUrl } from '../../binary/download';
import { transportSettings } from '../common';
import { forEachItem } from '../items';

export const description: INodeProperties[] = updateDisplayOptions({ show: { resource: ['utility'], operation: ['getDownloadUrl'] } }, [
	{
		displayName: 'Result URL',
		name: 'url',
		type: 'string',
		default: '={{ $json.url }}',
		required: true,
		description: 'A result URL KIE generated (KIE refuses other URLs). The new link is valid for 20 minutes.',
	},
]);

export async function execute(ctx: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await forEachItem(ctx, items, async (itemIndex) => {
		const url = String(ctx.getNodeParameter('url', itemIndex, '') ?? '').trim();
		if (!/^https?:\/\//i.test(url)) {
			throw new NodeOperationError(ctx.getNode(), `Result URL must be an http(s) URL, got "${url}"`, { itemIndex });
		}
		const downloadUrl = await freshDownloadUrl(ctx, url, itemIndex, transportSettings(ctx, itemIndex));
		return { json: { url, downloadUrl, expiresAt: new Date(Date.now() + 20 * 60 * 1000).toISOString() } };
	});
}
