import type { INodeProperties } from 'n8n-workflow';

import { requestOptionsProperty } from './common';
import * as account from './account/Account.resource';
import * as file from './file/File.resource';
import * as task from './task/Task.resource';
import * as utility from './utility/Utility.resource';
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
	task.menu,
	file.menu,
	account.menu,
	utility.menu,
	...toolDescriptionProperties,
	...task.description,
	...file.description,
	...account.description,
	...utility.description,
	requestOptionsProperty,
];
