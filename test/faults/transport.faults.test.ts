/* eslint-disable @n8n/community-nodes/no-restricted-globals */
/**
 * Fault matrix, transport side: 429 storms, 5xx / resets / timeouts / proxy pages / bad JSON /
 * `data: null` on creates and reads, through the real n8n-core engine against the emulator.
 */
import type { INodeParameters, NodeApiError } from 'n8n-workflow';

import type { Fault } from '../emulator';
import { MAYBE_CREATED } from '../../nodes/Kie/transport/errors';
import { DEFAULT_API_KEY } from '../emulator';
import { runKie } from '../support/kie';
import { createMarket } from '../wait/support';
import {
	caseTest,
	createParameters,
	emulatedTasks,
	expectEveryItem,
	FAST_REQUESTS,
	getParameters,
	itemsOf,
	nodeCreates,
	requestsTo,
	STORM_REQUESTS,
	useFaultEmulator,
} from './support';

const emulator = useFaultEmulator();

const MAYBE = /may or may not have been created/;

/** n8n's generic texts that must never replace or contradict ours (COMMON_ERRORS in n8n-workflow). */
const N8N_GENERIC = /retry the request immediately|The service refused the connection|The connection was aborted|closed unexpectedly|Retry on Fail/i;

/** Every create whose outcome is unknown says the same thing, and nothing that invites a re-run. */
function expectAmbiguousCreate(error: { message: string; description?: string | null }): void {
	expect(error.description).toContain(MAYBE_CREATED);
	expect(MAYBE_CREATED).toContain('before running it again');
	expect(`${error.message} ${error.description}`).not.toMatch(N8N_GENERIC);
	expect(`${error.message} ${error.description}`).not.toMatch(/try again|retry the request|run the workflow again|No credits were spent/i);
}

async function getTask(faults: () => void, requestOptions: INodeParameters = FAST_REQUESTS) {
	const taskId = await createMarket(emulator(), 'grok-imagine/text-to-image', `get ${Math.random()}`);
	emulator().finishTask(taskId, {});
	faults();
	const result = await runKie(emulator(), getParameters({ requestOptions }), { items: [{ json: { taskId, api: 'market' } }] });
	return { taskId, result, reads: requestsTo(emulator(), 'recordInfo').length };
}

/** A batch of creates; returns the result and the node's create requests. */
async function createBatch(count: number, requestOptions: INodeParameters = STORM_REQUESTS, extra: INodeParameters = {}, continueOnFail = false) {
	const result = await runKie(emulator(), createParameters(extra, requestOptions), { items: itemsOf(count), continueOnFail });
	return { result, creates: nodeCreates(emulator()) };
}

async function expectCreatedOnce(count: number) {
	const tasks = await emulatedTasks(emulator());
	expect(tasks).toHaveLength(count);
	expect(new Set(tasks.map((task) => JSON.stringify(task.request))).size).toBe(count);
}

describe('429 storms', () => {
	caseTest('create-429-http-storm', async () => {
		emulator().addFault({ route: 'createTask', fault: { type: 'status', status: 429 }, times: 12 });
		const { result, creates } = await createBatch(8);
		expectEveryItem(result, 8);
		expect(result.output.every((item) => typeof item.json.taskId === 'string' && item.json.error === undefined)).toBe(true);
		expect(creates).toHaveLength(8 + 12);
		expect(creates.filter((entry) => entry.status === 429)).toHaveLength(12);
		await expectCreatedOnce(8);
	});

	caseTest('create-429-body-storm', async () => {
		emulator().addFault({ route: 'createTask', fault: { type: 'bodyCode', code: 429, msg: 'Rate limit exceeded' }, times: 12 });
		const { result, creates } = await createBatch(8);
		expectEveryItem(result, 8);
		expect(result.output.every((item) => typeof item.json.taskId === 'string')).toBe(true);
		expect(creates).toHaveLength(8 + 12);
		await expectCreatedOnce(8);
	});

	caseTest('create-429-retry-after', async () => {
		emulator().addFault({ route: 'createTask', fault: { type: 'status', status: 429, headers: { 'retry-after': '1' } }, skip: 1, times: 1 });
		const { result, creates } = await createBatch(4, { ...STORM_REQUESTS, limitWindowSeconds: 10 }, { createOptions: { concurrency: 1 } });
		expectEveryItem(result, 4);
		const rejectedAt = creates.find((entry) => entry.status === 429)!.time;
		const after = creates.filter((entry) => entry.time > rejectedAt);
		expect(after).toHaveLength(3);
		// Nobody sends during the pause KIE asked for.
		for (const entry of after) expect(entry.time - rejectedAt).toBeGreaterThanOrEqual(950);
		await expectCreatedOnce(4);
	});

	caseTest('create-429-window-http', async () => {
		emulator().configure({ rateLimit: { max: 5, windowMs: 1000 } });
		const { result, creates } = await createBatch(15, { ...STORM_REQUESTS, limitMax: 20, limitWindowSeconds: 1 });
		expectEveryItem(result, 15);
		expect(result.output.every((item) => typeof item.json.taskId === 'string')).toBe(true);
		expect(creates.filter((entry) => entry.status === 429).length).toBeGreaterThan(0);
		await expectCreatedOnce(15);
	}, 30000);

	caseTest('create-429-window-body', async () => {
		emulator().configure({ rateLimit: { max: 5, windowMs: 1000 }, rateLimitStyle: 'body' });
		const { result } = await createBatch(15, { ...STORM_REQUESTS, limitMax: 20, limitWindowSeconds: 1 });
		expectEveryItem(result, 15);
		expect(result.output.every((item) => typeof item.json.taskId === 'string')).toBe(true);
		await expectCreatedOnce(15);
	}, 30000);

	caseTest('create-429-exhausted', async () => {
		emulator().addFault({ route: 'createTask', fault: { type: 'status', status: 429 } });
		const { result, creates } = await createBatch(2, { ...STORM_REQUESTS, maxAttempts: 3, maxTotalWaitSeconds: 1.5 }, {}, true);
		expectEveryItem(result, 2);
		for (const item of result.output) {
			expect(String(item.json.error)).toMatch(/^Rate limited by KIE \(429\)/);
			expect(String(item.json.errorDescription)).toMatch(/kept answering 429 for \d+ s, the Max Retry Wait.*costs nothing/);
		}
		// 429s are budgeted by time (Max Retry Wait), not by Max Attempts.
		expect(creates.length).toBeGreaterThan(2 * 3);
		await expectCreatedOnce(0);
	});

	caseTest('read-429-http', async () => {
		const { taskId, result, reads } = await getTask(() =>
			emulator().addFault({ route: 'recordInfo', fault: { type: 'status', status: 429 }, times: 3 }),
		);
		expect(result.status).toBe('success');
		expect(result.output[0].json).toMatchObject({ taskId, status: 'success' });
		expect(reads).toBe(4);
	});
});

describe('5xx and resets on reads', () => {
	caseTest('read-500-get', async () => {
		const { result, reads } = await getTask(() => emulator().addFault({ route: 'recordInfo', fault: { type: 'status', status: 500 }, times: 2 }));
		expect(result.output[0].json.status).toBe('success');
		expect(reads).toBe(3);
	});

	caseTest('read-455-maintenance', async () => {
		const { result, reads } = await getTask(() =>
			emulator().addFault({ route: 'recordInfo', fault: { type: 'bodyCode', code: 455, msg: 'Service maintenance' }, times: 2 }),
		);
		expect(result.output[0].json.status).toBe('success');
		expect(reads).toBe(3);
	});

	caseTest('read-body-500', async () => {
		const { result, reads } = await getTask(() =>
			emulator().addFault({ route: 'recordInfo', fault: { type: 'bodyCode', code: 500, msg: 'Server Error' }, times: 2 }),
		);
		expect(result.output[0].json.status).toBe('success');
		expect(reads).toBe(3);
	});

	caseTest('read-reset-exhausted', async () => {
		const { result, reads } = await getTask(
			() => emulator().addFault({ route: 'recordInfo', fault: { type: 'reset' } }),
			{ ...FAST_REQUESTS, maxAttempts: 3 },
		);
		expect(result.status).toBe('error');
		expect(result.error!.message).toMatch(/^Could not reach KIE: /);
		expect(result.error!.description).not.toMatch(MAYBE);
		expect(reads).toBe(3);
	});
});

describe('5xx, resets and timeouts on creates', () => {
	async function oneCreate(fault: Fault, requestOptions: INodeParameters = FAST_REQUESTS) {
		emulator().addFault({ route: 'createTask', fault, times: 1 });
		const { result, creates } = await createBatch(1, requestOptions);
		expect(result.status).toBe('error');
		expect(creates).toHaveLength(1);
		return result.error as NodeApiError;
	}

	caseTest('create-500', async () => {
		const error = await oneCreate({ type: 'status', status: 500 });
		expect(error.message).toMatch(/^KIE server error \(500\)/);
		expectAmbiguousCreate(error);
	});

	caseTest('create-502-text', async () => {
		const error = await oneCreate({ type: 'status', status: 502, body: 'Bad Gateway' });
		expect(error.message).toBe('KIE answered HTTP 502 with a non-JSON body: "Bad Gateway"');
		expect(error.description).toMatch(MAYBE);
	});

	caseTest('create-body-500', async () => {
		const error = await oneCreate({ type: 'bodyCode', code: 500, msg: 'Server Error' });
		expect(error.message).toMatch(/\(500\)/);
		expectAmbiguousCreate(error);
	});

	caseTest('create-reset-batch', async () => {
		emulator().addFault({ route: 'createTask', fault: { type: 'reset' }, skip: 1, times: 1 });
		const { result, creates } = await createBatch(3, FAST_REQUESTS, { createOptions: { concurrency: 1 } }, true);
		expectEveryItem(result, 3);
		const [first, second, third] = result.output;
		expect(typeof first.json.taskId).toBe('string');
		expect(second.json.error).toBe('Could not reach KIE: the connection was reset');
		expectAmbiguousCreate({ message: String(second.json.error), description: String(second.json.errorDescription) });
		expect(typeof third.json.taskId).toBe('string');
		expect(creates).toHaveLength(3);
	});

	caseTest('create-timeout', async () => {
		const error = await oneCreate({ type: 'delay', ms: 1500 }, { ...FAST_REQUESTS, timeoutSeconds: 0.5 });
		expect(error.message).toBe('Could not reach KIE: timed out after 0.5 s');
		expect(error.description).toContain('may or may not have been created');
		expectAmbiguousCreate(error);
		// KIE did create it once the slow answer was processed: exactly why the node must not retry.
		const deadline = Date.now() + 3000;
		while ((await emulatedTasks(emulator())).length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
		expect(await emulatedTasks(emulator())).toHaveLength(1);
	});

	caseTest('create-455-maintenance', async () => {
		const error = await oneCreate({ type: 'bodyCode', code: 455, msg: 'Service maintenance' });
		expect(error.message).toBe('KIE is under maintenance (455): Service maintenance');
		expectAmbiguousCreate(error);
		emulator().reset();
		const http = await oneCreate({ type: 'status', status: 455 });
		expect(http.message).toMatch(/^KIE is under maintenance \(455\)/);
		expectAmbiguousCreate(http);
	});

	caseTest('create-refused', async () => {
		const result = await runKie(emulator(), createParameters({}, FAST_REQUESTS), {
			items: itemsOf(1),
			credentials: { apiKey: DEFAULT_API_KEY, baseUrl: 'http://127.0.0.1:9' },
		});
		expect(result.status).toBe('error');
		expect(result.error!.message).toBe('Could not reach KIE: the connection was refused');
		expectAmbiguousCreate(result.error!);
	});

	caseTest('create-402-credits', async () => {
		const error = await oneCreate({ type: 'bodyCode', code: 402, msg: 'Credits insufficient.' });
		expect(error.message).toBe('Insufficient KIE credits (402): Credits insufficient');
		expect(error.description).toContain('KIE answered code 402: Credits insufficient. Top up your KIE account');
		expect(`${error.message} ${error.description}`).not.toContain('..');
	});

	caseTest('create-433-key-cap', async () => {
		const error = await oneCreate({ type: 'bodyCode', code: 433, msg: 'API key usage limit exceeded' });
		expect(error.message).toBe("The API key's usage limit on KIE is reached (433): API key usage limit exceeded");
		expect(error.description).toContain("hourly, daily or total usage cap, set in KIE's API-key settings (https://kie.ai/api-key)");
		expect(error.description).toContain('Nothing was created');
		// oneCreate asserts exactly one create request: 433 is not retried.
	});
});

describe('timeouts, proxy pages and bad JSON', () => {
	caseTest('read-timeout-recovered', async () => {
		const { result, reads } = await getTask(
			() => emulator().addFault({ route: 'recordInfo', fault: { type: 'delay', ms: 1500 }, times: 1 }),
			{ ...FAST_REQUESTS, timeoutSeconds: 0.5 },
		);
		expect(result.status).toBe('success');
		expect(result.output[0].json.status).toBe('success');
		expect(reads).toBe(2);
	});

	caseTest('create-html403', async () => {
		emulator().addFault({ route: 'createTask', fault: { type: 'html403' } });
		const { result, creates } = await createBatch(1, FAST_REQUESTS);
		expect(result.error!.message).toMatch(/^KIE answered HTTP 403 with a non-JSON body/);
		expect(result.error!.description).toMatch(/Cloudflare block/);
		expect(result.error!.description).not.toMatch(MAYBE);
		expect(creates).toHaveLength(1);
		await expectCreatedOnce(0);
	});

	caseTest('read-malformed-recovered', async () => {
		const { result, reads } = await getTask(() => emulator().addFault({ route: 'recordInfo', fault: { type: 'malformed' }, times: 2 }));
		expect(result.output[0].json.status).toBe('success');
		expect(reads).toBe(3);
	});

	caseTest('create-malformed', async () => {
		emulator().addFault({ route: 'createTask', fault: { type: 'malformed' }, times: 1 });
		const { result, creates } = await createBatch(1, FAST_REQUESTS);
		expect(result.error!.message).toMatch(/^KIE answered HTTP 200 with a non-JSON body/);
		expect(result.error!.description).toMatch(MAYBE);
		expect(creates).toHaveLength(1);
	});

	caseTest('create-truncated', async () => {
		emulator().addFault({ route: 'createTask', fault: { type: 'truncated' }, times: 1 });
		const { result, creates } = await createBatch(1, FAST_REQUESTS);
		expect(result.error!.message).toMatch(/^KIE answered HTTP 200 with a non-JSON body/);
		expect(result.error!.description).toMatch(MAYBE);
		expect(creates).toHaveLength(1);
	});

	caseTest('record-double-encoded', async () => {
		const taskId = 'a'.repeat(32);
		const url = `${emulator().url}/media/${taskId}/0.png`;
		const data = {
			taskId,
			state: 'success',
			param: JSON.stringify({ model: 'nano-banana-pro', input: JSON.stringify({ prompt: 'a fox' }) }),
			resultJson: JSON.stringify({ resultUrls: [url] }),
			failCode: null,
			failMsg: null,
		};
		emulator().addFault({
			route: 'recordInfo',
			fault: { type: 'status', status: 200, contentType: 'application/json', body: JSON.stringify({ code: 200, msg: 'success', data }) },
		});
		const result = await runKie(emulator(), getParameters({ taskId, api: 'market' }));
		expect(result.status).toBe('success');
		expect(result.output[0].json).toMatchObject({ taskId, status: 'success', final: true, resultUrls: [url], model: 'nano-banana-pro' });
		expect(result.output[0].json.raw).toMatchObject({ param: { model: 'nano-banana-pro', input: { prompt: 'a fox' } }, resultJson: { resultUrls: [url] } });
	});
});

describe('data: null', () => {
	caseTest('create-data-null', async () => {
		emulator().addFault({ route: 'createTask', fault: { type: 'dataNull' }, times: 1 });
		const { result, creates } = await createBatch(1, FAST_REQUESTS);
		expect(result.error!.message).toBe('KIE accepted the request for grok-imagine/text-to-image but returned no task ID');
		expect(result.error!.description).toMatch(/Check your KIE dashboard before retrying/);
		expect(creates).toHaveLength(1);
	});

	caseTest('get-data-null', async () => {
		const { taskId, result } = await getTask(() => emulator().addFault({ route: 'recordInfo', fault: { type: 'dataNull' } }));
		expect(result.status).toBe('error');
		expect(result.error!.message).toBe(`KIE has no Market (jobs/createTask) task ${taskId} (yet)`);
	});
});
