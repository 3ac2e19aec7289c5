import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type { INode } from 'n8n-workflow';

import { errorItem, itemFailures } from '../../nodes/Kie/utils/items';
import { asNodeError } from '../../nodes/Kie/utils/errors';
import { isPlainObject, nonNegative, positive, single } from '../../nodes/Kie/utils/values';

const node: INode = { id: '1', name: 'KIE', type: 'n8n-nodes-kie-ai.kie', typeVersion: 1, position: [0, 0], parameters: {} };

describe('the one error item', () => {
	it('holds the message, the description when there is one, and pairs with its item', () => {
		const plain = errorItem(new NodeOperationError(node, 'Task ID is empty'), 2);
		expect(plain).toEqual({ json: { error: 'Task ID is empty' }, pairedItem: { item: 2 } });
		const described = errorItem(new NodeOperationError(node, 'Task ID is empty', { description: 'Give a task ID' }), 0);
		expect(described.json).toEqual({ error: 'Task ID is empty', errorDescription: 'Give a task ID' });
	});

	it('names the task and its last status, in the order error, taskId, api, errorDescription, lastStatus', () => {
		const item = errorItem(new NodeOperationError(node, 'timed out', { description: 'check later' }), 1, { taskId: 't1', api: 'veo', lastStatus: 'running' });
		expect(Object.entries(item.json)).toEqual([
			['error', 'timed out'],
			['taskId', 't1'],
			['api', 'veo'],
			['errorDescription', 'check later'],
			['lastStatus', 'running'],
		]);
		expect(Object.keys(errorItem(new Error('x'), 0, { taskId: 't', api: 'market' }).json)).toEqual(['error', 'taskId', 'api']);
	});
});

describe('item failures', () => {
	it('with continueOnFail, turn any error into the error item of its index', () => {
		const failures = itemFailures(node, true);
		expect(failures.continueOnFail).toBe(true);
		expect(failures.fail(new Error('boom'), 3, { taskId: 't', api: 'suno' })).toEqual([
			{ json: { error: 'boom', taskId: 't', api: 'suno' }, pairedItem: { item: 3 } },
		]);
	});

	it('without it, throw the failure as a node error carrying the item index', () => {
		const failures = itemFailures(node, false);
		let thrown: unknown;
		try {
			failures.fail(new Error('boom'), 4);
		} catch (error) {
			thrown = error;
		}
		expect(thrown).toBeInstanceOf(NodeOperationError);
		expect((thrown as NodeOperationError).message).toBe('boom');
		expect((thrown as NodeOperationError).context.itemIndex).toBe(4);
	});

	it('keep n8n node errors as they are, adding the item index where it is missing', () => {
		const apiError = new NodeApiError(node, { message: 'KIE said no' }, { message: 'KIE said no' });
		expect(asNodeError(node, apiError, 5)).toBe(apiError);
		expect(apiError.context.itemIndex).toBe(5);
		const own = new NodeOperationError(node, 'bad', { itemIndex: 1 });
		expect(asNodeError(node, own, 7)).toBe(own);
		expect(own.context.itemIndex).toBe(1);
	});
});

describe('small value helpers', () => {
	it('read the first string of a query or header value', () => {
		expect(single(['a', 'b'])).toBe('a');
		expect(single('x')).toBe('x');
		expect(single(3)).toBeUndefined();
	});

	it('read numbers with a fallback', () => {
		expect(positive('2.5', 9)).toBe(2.5);
		expect(positive(0, 9)).toBe(9);
		expect(positive('x', 9)).toBe(9);
		expect(nonNegative(0, 9)).toBe(0);
		expect(nonNegative(-1, 9)).toBe(9);
	});

	it('tell JSON objects from arrays, null and bytes', () => {
		expect(isPlainObject({ a: 1 })).toBe(true);
		expect(isPlainObject([])).toBe(false);
		expect(isPlainObject(null)).toBe(false);
		expect(isPlainObject(Buffer.from('{}'))).toBe(false);
	});
});
