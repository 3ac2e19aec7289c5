/** The Utility resource: its operation menu, its operations' parameters and their execute functions. */
import type { INodeProperties } from 'n8n-workflow';

import { operationMenu, type Operation } from '../menu';
import * as getDownloadUrl from './getDownloadUrl.operation';

export type UtilityOperation = 'getDownloadUrl';

export const menu: INodeProperties = operationMenu('utility', 'getDownloadUrl', [
		{ name: 'Get Download URL', value: 'getDownloadUrl', action: 'Get download URL', description: 'Get a fresh 20-minute link for a KIE result URL' },
]);

export const description: INodeProperties[] = [...getDownloadUrl.description];

export const operations: Record<UtilityOperation, Operation> = { getDownloadUrl: getDownloadUrl.execute };
