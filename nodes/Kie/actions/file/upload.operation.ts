import { updateDisplayOptions } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { uploadBinary, uploadFromUrl } from '../../binary/upload';
import { transportSettings } from '../common';
import { forEachItem } from '../items';


export const description: INodeProperties[] = updateDisplayOptions({ show: { resource: ['file'], operation: ['upload'] } }, [
	{
		displayName: 'Source',
		name: 'source',
		type: 'options',
		default: 'binary',
		options: [
			{ name: 'Binary File', value: 'binary', description: 'A binary property of the input item' },
			{ name: 'URL', value: 'url', description: 'KIE downloads a public URL into its upload storage' },
		],
	},
	{
		displayName: 'Input Binary Field',
		name: 'binaryProperty',
		type: 'string',
		default: 'data',
		required: true,
		description: 'Name of the binary property holding the file',
		displayOptions: { show: { source: ['binary'] } },
	},
	{
		displayName: 'File URL',
		name: 'fileUrl',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'https://example.com/photo.jpg',
		displayOptions: { show: { source: ['url'] } },
	},
	{
		displayName: 'Options',
		name: 'uploadOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{ displayName: 'File Name', name: 'fileName', type: 'string', default: '', description: 'Name on KIE (a file of the same name is replaced)' },
			{ displayName: 'Upload Path', name: 'uploadPath', type: 'string', default: 'n8n', description: 'Folder on KIE\'s upload storage' },
		],
	},
	{
		displayName: 'KIE deletes uploaded files after about 3 days. Use the returned downloadUrl in a model input.',
		name: 'uploadNotice',
		type: 'notice',
		default: '',
	},
]);

export async function execute(ctx: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await forEachItem(ctx, items, async (itemIndex) => {
		const options = ctx.getNodeParameter('uploadOptions', itemIndex, {}) as { fileName?: string; uploadPath?: string };
		const uploadOptions = { uploadPath: options.uploadPath || 'n8n', fileName: options.fileName || undefined, settings: transportSettings(ctx, itemIndex) };
		const source = ctx.getNodeParameter('source', itemIndex, 'binary') as string;
		const uploaded =
			source === 'url'
				? await uploadFromUrl(ctx, itemIndex, String(ctx.getNodeParameter('fileUrl', itemIndex, '')).trim(), uploadOptions)
				: await uploadBinary(ctx, itemIndex, String(ctx.getNodeParameter('binaryProperty', itemIndex, 'data')), uploadOptions);
		return { json: uploaded as unknown as IDataObject };
	});
}
