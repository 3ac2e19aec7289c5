/* eslint-disable @n8n/community-nodes/no-restricted-globals */
import { NodeApiError, NodeOperationError, VersionedNodeType, sleep } from 'n8n-workflow';

import { HarnessFixture } from './fixtures/HarnessFixture.node';
import { readBinary, resumeWaiting, runNode, sendJson, startTestServer } from './index';
import type { TestServer } from './index';

describe('runNode (real WorkflowExecute)', () => {
	let server: TestServer;
	const apiKey = 'test-key-123';

	beforeAll(async () => {
		server = await startTestServer();
		server.route('POST', '/api/v1/echo', (req, res) => sendJson(res, 200, { code: 200, got: req.json }));
		server.route('POST', '/api/v1/fail', (_req, res) => sendJson(res, 500, { code: 500, msg: 'boom' }));
		server.route('POST', '/api/v1/busy', (_req, res) =>
			sendJson(res, 429, { code: 429, msg: 'slow down' }, { 'retry-after': '7' }),
		);
	});
	afterAll(async () => await server.close());
	beforeEach(() => server.requests.splice(0));

	const credentials = () => ({ apiKey, baseUrl: `${server.url}/` });

	it('sends the generic Bearer authenticate, links items, writes binary and UI messages', async () => {
		const result = await runNode({
			node: new HarnessFixture(),
			parameters: { action: 'request' },
			items: [{ json: { n: 1 } }, { json: { n: 2 } }],
			credentials: credentials(),
		});

		expect(result.status).toBe('success');
		expect(server.requests).toHaveLength(2);
		for (const request of server.requests) {
			expect(request.headers.authorization).toBe(`Bearer ${apiKey}`);
		}
		expect(result.output).toHaveLength(2);
		expect(result.output[1].json).toEqual({ response: { code: 200, got: { item: 1, input: { n: 2 } } } });
		expect(result.output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		const binary = result.output[0].binary!.data;
		expect(binary.mimeType).toBe('image/png');
		expect(binary.fileName).toBe('out-0.png');
		expect(binary.id).toBeUndefined();
		expect((await readBinary(result.output[0])).toString()).toBe('bytes-of-item-0');
		expect(result.uiMessages).toEqual([
			{ item: 0, response: { code: 200, got: { item: 0, input: { n: 1 } } } },
			{ item: 1, response: { code: 200, got: { item: 1, input: { n: 2 } } } },
		]);
		// The engine forwarded output 0 to the downstream node.
		expect(result.downstream.map((item) => item.json)).toEqual(result.output.map((item) => item.json));
		expect(result.error).toBeUndefined();
	});

	it('stores binary data on disk in filesystem mode', async () => {
		const result = await runNode({
			node: new HarnessFixture(),
			parameters: { action: 'request' },
			credentials: credentials(),
			binaryMode: 'filesystem',
		});
		expect(result.status).toBe('success');
		const binary = result.output[0].binary!.data;
		expect(binary.id).toMatch(/^filesystem-v2:/);
		expect(binary.mimeType).toBe('image/png');
		expect(binary.fileName).toBe('out-0.png');
		expect((await readBinary(result.output[0])).toString()).toBe('bytes-of-item-0');

		// The previous (inline) binary data service is back afterwards.
		const after = await runNode({ node: new HarnessFixture(), parameters: { action: 'request' }, credentials: credentials() });
		expect(after.output[0].binary!.data.id).toBeUndefined();
	});

	it('runs a versioned node type at its current version by default', async () => {
		class V2 extends HarnessFixture {
			constructor() {
				super();
				this.description = { ...this.description, version: 2 };
			}
		}
		const versioned = new VersionedNodeType({ 1: new HarnessFixture(), 2: new V2() }, {
			displayName: 'Harness Fixture',
			name: 'harnessFixture',
			group: ['transform'],
			description: 'Versioned harness fixture',
			defaultVersion: 2,
		});
		const result = await runNode({ node: versioned, parameters: { action: 'request' }, credentials: credentials() });
		expect(result.status).toBe('success');
		const node = result.workflow.getNode(result.nodeName)!;
		expect(node.typeVersion).toBe(2);
		expect(node.type).toBe('n8n-nodes-kie-ai.harnessFixture');
	});

	it('sends no UI messages outside manual mode (like n8n)', async () => {
		const result = await runNode({
			node: new HarnessFixture(),
			parameters: { action: 'request' },
			credentials: credentials(),
			mode: 'trigger',
		});
		expect(result.status).toBe('success');
		expect(result.uiMessages).toEqual([]);
	});

	it('reports the NodeApiError instance, with httpCode as a string', async () => {
		const result = await runNode({
			node: new HarnessFixture(),
			parameters: { action: 'request', path: '/api/v1/busy' },
			credentials: credentials(),
		});
		expect(result.status).toBe('error');
		expect(result.error).toBeInstanceOf(NodeApiError);
		const error = result.error as NodeApiError;
		expect(error.httpCode).toBe('429');
		expect(error.message).toBe('The service is receiving too many requests from you');
		expect(error.context.data).toEqual({ code: 429, msg: 'slow down' });
		expect(result.output).toEqual([]);
		// What n8n stores in the run data is a plain copy of the error.
		const stored = result.run.data.resultData.runData[result.nodeName][0].error!;
		expect(stored).not.toBeInstanceOf(NodeApiError);
		expect((stored as NodeApiError).httpCode).toBe('429');
		expect(stored.message).toBe(error.message);
	});

	it('honours continueOnFail (node-level) and keeps item linking', async () => {
		const result = await runNode({
			node: new HarnessFixture(),
			parameters: { action: 'request', path: '/api/v1/fail' },
			items: [{ json: { n: 1 } }],
			credentials: credentials(),
			continueOnFail: true,
		});
		expect(result.status).toBe('success');
		expect(result.output).toHaveLength(1);
		expect(result.output[0].json.error).toEqual(expect.stringContaining('The service was not able to process your request'));
		expect(result.output[0].pairedItem).toEqual({ item: 0 });
	});

	it('fails without credentials the way n8n does', async () => {
		const result = await runNode({ node: new HarnessFixture(), parameters: { action: 'request' } });
		expect(result.status).toBe('error');
		expect(result.error).toBeInstanceOf(NodeOperationError);
		expect(result.error!.message).toBe('Node does not have any credentials set');
	});

	it('cancels the execution when the signal aborts (getExecutionCancelSignal fires)', async () => {
		const controller = new AbortController();
		const started = Date.now();
		const running = runNode({
			node: new HarnessFixture(),
			parameters: { action: 'sleep', sleepMs: 30000 },
			credentials: credentials(),
			signal: controller.signal,
		});
		await sleep(200);
		controller.abort();
		const result = await running;
		// The node would sleep 30 s.
		expect(Date.now() - started).toBeLessThan(15_000);
		// n8n persists 'canceled' (the workflowExecuteAfter hook run by WorkflowExecute's onCancel);
		// run.status itself depends on the error the node threw after the abort.
		expect(result.status).toBe('canceled');
		expect(result.output).toEqual([]);
	});

	it('waits, acknowledges a non-final callback, then resumes with the webhook data', async () => {
		const waitingBase = 'http://n8n.test:5678/webhook-waiting';
		const waiting = await runNode({
			node: new HarnessFixture(),
			parameters: { action: 'wait' },
			items: [{ json: { taskId: 'task-42' } }],
			credentials: credentials(),
			webhookWaitingBaseUrl: waitingBase,
		});
		expect(waiting.status).toBe('waiting');
		expect(waiting.run.waitTill?.getUTCFullYear()).toBe(3000);
		expect(waiting.resumeUrl).toBe(`${waitingBase}/${waiting.executionId}`);
		expect(waiting.uiMessages).toEqual([`waiting at ${waitingBase}/${waiting.executionId}`]);
		expect(waiting.additionalData.executionId).toBe(waiting.executionId);
		expect(waiting.downstream).toEqual([]);

		const ack = await resumeWaiting(waiting, { body: { stage: 'text' } });
		expect(ack.resumed).toBe(false);
		expect(ack.statusCode).toBe(200);
		expect(ack.responseBody).toEqual({ acknowledged: true, expectedTaskId: 'task-42' });

		const done = await resumeWaiting(waiting, { body: { stage: 'done', url: 'https://cdn/x.png' } });
		expect(done.resumed).toBe(true);
		expect(done.statusCode).toBe(200);
		expect(done.responseBody).toEqual({ message: 'Workflow was started' });
		expect(done.final!.status).toBe('success');
		const expected = { stage: 'done', url: 'https://cdn/x.png', expectedTaskId: 'task-42' };
		expect(done.final!.output.map((item) => item.json)).toEqual([expected]);
		expect(done.final!.downstream.map((item) => item.json)).toEqual([expected]);
		// The waiting node is not displayed as executed twice.
		expect(done.final!.run.data.resultData.runData[waiting.nodeName]).toHaveLength(1);

		const again = await resumeWaiting(waiting, { body: { stage: 'done' } });
		expect(again.resumed).toBe(false);
		expect(again.statusCode).toBe(409);
	});

	it('answers 404 for a method the waiting webhook does not accept', async () => {
		const waiting = await runNode({
			node: new HarnessFixture(),
			parameters: { action: 'wait' },
			credentials: credentials(),
		});
		const result = await resumeWaiting(waiting, { method: 'GET' });
		expect(result.statusCode).toBe(404);
		expect(result.resumed).toBe(false);
	});
});
