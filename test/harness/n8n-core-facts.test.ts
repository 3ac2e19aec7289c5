/* eslint-disable @n8n/community-nodes/no-restricted-globals */
/**
 * Canary tests: behaviour of n8n-core 2.8.1 / n8n-workflow 2.8.0 that node code must live with.
 * If one of these fails after a dependency bump, re-read the note in test/harness/README.md.
 */
import { ManualExecutionCancelledError, NodeApiError, sleep, sleepWithAbort } from 'n8n-workflow';

import { HarnessFixture } from './fixtures/HarnessFixture.node';
import { runNode, sendJson, startTestServer } from './index';
import type { TestServer } from './index';

describe('n8n-core 2.8.1 facts', () => {
	let server: TestServer;

	beforeAll(async () => {
		server = await startTestServer();
		server.route('POST', '/busy', (_req, res) => sendJson(res, 429, { code: 429, msg: 'slow down' }, { 'retry-after': '7' }));
		server.route('POST', '/unauthorised', (_req, res) => sendJson(res, 401, { code: 401, msg: 'no' }));
	});
	afterAll(async () => await server.close());
	beforeEach(() => server.requests.splice(0));

	const credentials = () => ({ apiKey: 'k', baseUrl: server.url });

	it("n8n-workflow 2.8's sleep(ms) takes no signal; sleepWithAbort(ms, signal) does", async () => {
		const controller = new AbortController();
		controller.abort();
		const started = Date.now();
		// The extra argument is ignored at runtime (and is a type error against 2.8's typings).
		await (sleep as (ms: number, signal?: AbortSignal) => Promise<void>)(150, controller.signal);
		expect(Date.now() - started).toBeGreaterThanOrEqual(140);
		await expect(sleepWithAbort(10_000, controller.signal)).rejects.toBeInstanceOf(ManualExecutionCancelledError);
	});

	it('NodeApiError from httpRequestWithAuthentication has no cause: Retry-After is lost', async () => {
		const result = await runNode({
			node: new HarnessFixture(),
			parameters: { action: 'request', path: '/busy' },
			credentials: credentials(),
		});
		const error = result.error as NodeApiError;
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.httpCode).toBe('429');
		expect(error.context.data).toEqual({ code: 429, msg: 'slow down' });
		// ExecutionBaseError declares a `cause` class field that overwrites Error's cause.
		expect(error.cause).toBeUndefined();
		expect(error.errorResponse).toBeUndefined();
		expect(JSON.stringify(error)).not.toContain('retry-after');
	});

	it('returnFullResponse + ignoreHttpStatusErrors gives status and headers without throwing', async () => {
		const result = await runNode({
			node: new HarnessFixture(),
			parameters: { action: 'request', path: '/busy', fullResponse: true },
			credentials: credentials(),
		});
		expect(result.status).toBe('success');
		const response = result.output[0].json.response as { statusCode: number; headers: Record<string, string>; body: unknown };
		expect(response.statusCode).toBe(429);
		expect(response.headers['retry-after']).toBe('7');
		expect(response.body).toEqual({ code: 429, msg: 'slow down' });
	});

	it('httpRequestWithAuthentication sends a request twice when it gets HTTP 401', async () => {
		const result = await runNode({
			node: new HarnessFixture(),
			parameters: { action: 'request', path: '/unauthorised' },
			credentials: credentials(),
		});
		expect(result.status).toBe('error');
		expect((result.error as NodeApiError).httpCode).toBe('401');
		expect(result.error!.message).toBe('Authorization failed - please check your credentials');
		expect(server.requests.map((request) => request.path)).toEqual(['/unauthorised', '/unauthorised']);
	});

	it('continueOnFail is read from node.onError (legacy node.continueOnFail as fallback)', async () => {
		const result = await runNode({
			node: new HarnessFixture(),
			parameters: { action: 'request', path: '/busy' },
			credentials: credentials(),
			continueOnFail: true,
		});
		const node = result.workflow.getNode(result.nodeName)!;
		expect(node.onError).toBe('continueRegularOutput');
		expect(result.output[0].json.error).toBe('The service is receiving too many requests from you');
	});

	it('getExecutionCancelSignal() is the WorkflowExecute abort signal (not aborted while running)', async () => {
		const result = await runNode({
			node: new HarnessFixture(),
			parameters: { action: 'sleep', sleepMs: 1 },
			credentials: credentials(),
		});
		expect(result.status).toBe('success');
		expect(result.output[0].json).toEqual({ slept: 1 });
	});
});
