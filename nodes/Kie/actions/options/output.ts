import type { IDataObject, IDisplayOptions, INodeProperties } from 'n8n-workflow';

import { DEFAULT_DOWNLOAD, type DownloadOptions, type OutputSettings } from '../../binary/download';
import type { TransportSettings } from '../../transport/request';

const MEGABYTE = 1024 * 1024;

/**
 * Download options as collection entries, shared by Wait for Task, Create Task's "Wait for
 * Completion" and the KIE Trigger, so the three behave and read alike.
 */
export const downloadOptionFields: INodeProperties[] = [
	{
		displayName: 'Download Results',
		name: 'download',
		type: 'boolean',
		default: true,
		description:
			'Whether to download every result file into binary data. When off, items carry the result URLs only (KIE deletes media after 14 days; links may expire sooner).',
	},
	{
		displayName: 'Put Output File in Field',
		name: 'binaryProperty',
		type: 'string',
		default: 'data',
		description: 'Binary property for the file. With all files on one item, later files get _1, _2, … (data, data_1, data_2).',
	},
	{
		displayName: 'Layout',
		name: 'layout',
		type: 'options',
		default: 'perFile',
		options: [
			{
				name: 'One Item per File',
				value: 'perFile',
				description: 'Each file on its own item, with taskId, URL, index, mimeType and fileName in its JSON',
			},
			{
				name: 'All Files of a Task on One Item',
				value: 'perTask',
				description: 'One item per task; its files in data, data_1, … and listed in "files"',
			},
		],
	},
	{
		displayName: 'Max File Size (MB)',
		name: 'maxFileSizeMb',
		type: 'number',
		typeOptions: { minValue: 0, numberPrecision: 3 },
		default: 0,
		description: 'Refuse larger result files (the download stops at the limit). 0 means no limit.',
	},
	{
		displayName: 'Download Timeout (Seconds)',
		name: 'downloadTimeoutSeconds',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 600,
		description: 'Longest time one file may take to download',
	},
];

/**
 * Reads the values of `downloadOptionFields` (as found in a collection) into download settings.
 * In an AI agent's tool call downloads are off unless "Download Results" is set: n8n drops binary
 * data before the model, so the agent would only wait for a file it cannot see.
 */
export function outputSettings(values: IDataObject, transport?: TransportSettings, toolCall = false): OutputSettings {
	const property = String(values.binaryProperty ?? '').trim() || DEFAULT_DOWNLOAD.binaryProperty;
	const layout = values.layout === 'perTask' ? 'perTask' : 'perFile';
	const maxMb = Number(values.maxFileSizeMb ?? 0);
	const timeoutSeconds = Number(values.downloadTimeoutSeconds ?? 0);
	const options: DownloadOptions = {
		binaryProperty: property,
		layout,
		maxBytes: Number.isFinite(maxMb) && maxMb > 0 ? Math.round(maxMb * MEGABYTE) : 0,
		timeoutMs: Number.isFinite(timeoutSeconds) && timeoutSeconds > 0 ? Math.round(timeoutSeconds * 1000) : DEFAULT_DOWNLOAD.timeoutMs,
	};
	if (transport) options.settings = transport;
	return { download: toolCall ? values.download === true : values.download !== false, options };
}

export function outputOptionsProperty(displayOptions?: IDisplayOptions): INodeProperties {
	return {
		displayName: 'Output',
		name: 'outputOptions',
		type: 'collection',
		placeholder: 'Add Output Option',
		default: {},
		...(displayOptions ? { displayOptions } : {}),
		options: [
			...downloadOptionFields,
			{
				displayName: 'Include Raw Record in Tool Results',
				name: 'toolRaw',
				type: 'boolean',
				default: false,
				description:
					'Whether an AI agent\'s tool call also gets KIE\'s full task record (`raw`). Off keeps tool results small: task ID, status, URLs, credits.',
			},
			{
				displayName: 'Output Failed Tasks',
				name: 'outputFailed',
				type: 'boolean',
				default: false,
				description:
					'Whether a task that failed on KIE becomes an item with status "failed" (and failCode, failMsg) instead of stopping the workflow with an error',
			},
		],
	};
}
