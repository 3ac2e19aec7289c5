import type { INodeProperties } from 'n8n-workflow';

import { requestOptionsProperty } from './common';
import { RESOURCES } from './resources';
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

/**
 * The KIE node's parameters. The menus come first and the tool descriptions before the operations'
 * parameters, so the editor lists them in this order for every resource
 * (test/package/properties.test.ts holds names, places and order).
 */
export const nodeProperties: INodeProperties[] = [
	resourceProperty,
	...Object.values(RESOURCES).map((resource) => resource.menu),
	...toolDescriptionProperties,
	...Object.values(RESOURCES).flatMap((resource) => resource.description),
	requestOptionsProperty,
];
