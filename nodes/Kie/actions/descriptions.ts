import type { INodeProperties } from 'n8n-workflow';

import { createProperties } from './task/create.properties';
import { getProperties } from './task/get.operation';
import { waitProperties } from './task/wait.operation';
import { uploadProperties } from './file/upload.operation';
import { getDownloadUrlProperties } from './utility/getDownloadUrl.operation';
import { requestOptionsProperty } from './common';
import { toolDescriptionProperties } from '../tool/properties';

export const resourceProperty: INodeProperties = {
	displayName: 'Resource',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	default: 'task',
	options: [
		{ name: 'Account', value: 'account' },
		{ name: 'File', value: 'file' },
		{ name: 'Task', value: 'task' },
		{ name: 'Utility', value: 'utility' },
	],
};

export const operationProperties: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		default: 'create',
		displayOptions: { show: { resource: ['task'] } },
		options: [
			{ name: 'Create', value: 'create', action: 'Create task', description: 'Start a generation with any KIE model' },
			{ name: 'Get', value: 'get', action: 'Get task', description: 'Read the current status and results of a task' },
			{ name: 'Wait', value: 'wait', action: 'Wait for task', description: 'Wait until a task ends and output its results as files' },
		],
	},
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		default: 'upload',
		displayOptions: { show: { resource: ['file'] } },
		options: [{ name: 'Upload', value: 'upload', action: 'Upload file', description: 'Upload a file to KIE and get a public URL for model inputs' }],
	},
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		default: 'getCredits',
		displayOptions: { show: { resource: ['account'] } },
		options: [{ name: 'Get Credits', value: 'getCredits', action: 'Get credits', description: 'Read the remaining credits of the account' }],
	},
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		default: 'getDownloadUrl',
		displayOptions: { show: { resource: ['utility'] } },
		options: [
			{ name: 'Get Download URL', value: 'getDownloadUrl', action: 'Get download URL', description: 'Get a fresh 20-minute link for a KIE result URL' },
		],
	},
];

export const nodeProperties: INodeProperties[] = [
	resourceProperty,
	...operationProperties,
	...toolDescriptionProperties,
	...createProperties,
	...getProperties,
	...waitProperties,
	...uploadProperties,
	...getDownloadUrlProperties,
	requestOptionsProperty,
];
