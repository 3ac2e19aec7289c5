/** The File resource: its operation menu, its operations' parameters and their execute functions. */
import type { INodeProperties } from 'n8n-workflow';

import { operationMenu, type Operation } from '../menu';
import * as upload from './upload.operation';

export type FileOperation = 'upload';

export const menu: INodeProperties = operationMenu('file', 'upload', [
		{ name: 'Upload', value: 'upload', action: 'Upload file', description: 'Upload a file to KIE and get a public URL for model inputs' },
]);

export const description: INodeProperties[] = [...upload.description];

export const operations: Record<FileOperation, Operation> = { upload: upload.execute };
