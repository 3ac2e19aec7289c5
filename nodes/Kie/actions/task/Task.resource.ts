/** The Task resource: its operation menu, its operations' parameters and their execute functions. */
import type { INodeProperties } from 'n8n-workflow';

import { operationMenu, type Operation } from '../menu';
import * as create from './create.operation';
import * as get from './get.operation';
import * as wait from './wait.operation';

export type TaskOperation = 'create' | 'get' | 'wait';

export const menu: INodeProperties = operationMenu('task', 'create', [
		{ name: 'Create', value: 'create', action: 'Create task', description: 'Start a generation with any KIE model' },
		{ name: 'Get', value: 'get', action: 'Get task', description: 'Read the current status and results of a task' },
		{ name: 'Wait', value: 'wait', action: 'Wait for task', description: 'Wait until a task ends and output its results as files' },
]);

export const description: INodeProperties[] = [...create.description, ...get.description, ...wait.description];

export const operations: Record<TaskOperation, Operation> = { create: create.execute, get: get.execute, wait: wait.execute };
