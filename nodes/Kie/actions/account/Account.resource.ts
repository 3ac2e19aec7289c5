/** The Account resource: its operation menu, its operations' parameters and their execute functions. */
import type { INodeProperties } from 'n8n-workflow';

import { operationMenu, type Operation } from '../menu';
import * as getCredits from './getCredits.operation';

export type AccountOperation = 'getCredits';

export const menu: INodeProperties = operationMenu('account', 'getCredits', [
		{ name: 'Get Credits', value: 'getCredits', action: 'Get credits', description: 'Read the remaining credits of the account' },
]);

export const description: INodeProperties[] = [...getCredits.description];

export const operations: Record<AccountOperation, Operation> = { getCredits: getCredits.execute };
