/* eslint-disable @n8n/community-nodes/no-restricted-globals */
/**
 * Fault matrix, waiting side: faults on status reads while Wait for Task polls, "recordInfo is
 * null" grace and expiry, unknown ids, and stopping the workflow while it waits.
 */
import type { INodeParameters } from 'n8n-workflow';

import { readBinary, type RunNodeResult } from '../harness';
import { runKie } from '../support/kie';
import { createMarket, readsOf, runWait } from '../wait/support';
import {
	caseTest,
	createParameters,
	expectEveryItem,
	FAST_POLL,
	FAST_REQUESTS,
	getParameters,
	itemsOf,
	nodeCreates,
	sleep,
	useFaultEmulator,
} from './support';
import type { Fault } from '../emulator';

const emulator = useFaultEmulator();

const poll = (extra: INodeParameters = {}): INodeParameters => ({ pollOptions: { ...FAST_POLL, ...extra }, requestOptions: FAST_REQUESTS });

/** One task, faults on its status reads, waited for with downloads on. */
async function waitThrough(fault: Fault, times: number): Promise<{ taskId: string; result: RunNodeResult }> {
	const taskId = await createMarket(emulator(), 'grok-imagine/text-to-image', `wait ${fault.type}`);
	emulator().addFault({ route: 'recordInfo', fault, times });
	const result = await runWait(emulator(), [{ taskId }], poll());
	return { taskId, result };
}

async function expectDownloaded(result: RunNodeResult, taskId: string) {
	expectEveryItem(result, 1);
	expect(result.output[0].json).toMatchObject({ taskId, status: 'success' });
	expect((await readBinary(result.output[0])).subarray(1, 4).toString()).toBe('PNG');
}

describe('faults on status reads while polling', () => {
	caseTest('read-429-body-poll', async () => {
		const { taskId, result } = await waitThrough({ type: 'bodyCode', code: 429, msg: 'Rate limit exceeded' }, 3);
		await expectDownloaded(result, taskId);
	});

	caseTest('read-502-text-poll', async () => {
		const { taskId, result } = await waitThrough({ type: 'status', status: 502, body: 'Bad Gateway' }, 2);
		await expectDownloaded(result, taskId);
	});

	caseTest('read-reset-poll', async () => {
		const { taskId, result } = await waitThrough({ type: 'reset' }, 2);
		await expectDownloaded(result, taskId);
	});

	caseTest('read-truncated-poll', async () => {
		const { taskId, result } = await waitThrough({ type: 'truncated' }, 2);
		await expectDownloaded(result, taskId);
	});

	caseTest('read-data-null-poll', async () => {
		const { taskId, result } = await waitThrough({ type: 'dataNull' }, 2);
		await expectDownloaded(result, taskId);
		expect(readsOf(emulator(), taskId)).toBeGreaterThanOrEqual(3);
	});

	caseTest('read-html403-poll', async () => {
		const { taskId, result } = await waitThrough({ type: 'html403' }, 1);
		expect(result.status).toBe('error');
		expect(result.error!.message).toMatch(/^KIE answered HTTP 403 with a non-JSON body/);
		expect(result.error!.description).toMatch(/Cloudflare/);
		expect(readsOf(emulator(), taskId)).toBe(1);
	});
});

describe('"recordInfo is null" and unknown tasks', () => {
	caseTest('record-null-grace', async () => {
		emulator().configure({ recordInfoNullMs: 700 });
		const result = await runKie(emulator(), createParameters({ waitForCompletion: true, ...poll() }), { items: itemsOf(1) });
		expectEveryItem(result, 1);
		expect(result.output[0].json).toMatchObject({ status: 'success', api: 'market' });
		expect(result.output[0].binary?.data.mimeType).toBe('image/png');
		const taskId = String(result.output[0].json.taskId);
		expect(emulator().log.some((entry) => entry.query.taskId === taskId && entry.route === 'recordInfo' && entry.time - emulator().task(taskId)!.createTime < 700)).toBe(true);
		expect(nodeCreates(emulator())).toHaveLength(1);
	});

	caseTest('record-null-expiry', async () => {
		const taskId = 'f'.repeat(32);
		const started = Date.now();
		const result = await runWait(emulator(), [{ taskId }], poll({ notFoundGraceSeconds: 0.5 }));
		// Ends with the 0.5 s grace, long before the wait's own time-out; a ceiling, not a speed target.
		expect(Date.now() - started).toBeLessThan(20_000);
		expect(result.status).toBe('error');
		expect(result.error!.message).toBe(`KIE does not know Market (jobs/createTask) task ${taskId}`);
		expect(result.error!.description).toContain('Check the task ID');
	});

	caseTest('unknown-task-wrong-api', async () => {
		const taskId = await createMarket(emulator(), 'grok-imagine/text-to-image', 'wrong api');
		const result = await runWait(emulator(), [{ taskId, api: 'veo' }], poll({ notFoundGraceSeconds: 0.5 }));
		expect(result.status).toBe('error');
		expect(result.error!.message).toBe(`KIE does not know Veo 3.1 task ${taskId}`);
		expect(result.error!.description).toContain('that the API (Veo 3.1) is the one the task was created with');
	});

	caseTest('unknown-task-batch', async () => {
		const known = await createMarket(emulator(), 'grok-imagine/text-to-image', 'known');
		emulator().finishTask(known, {});
		const result = await runKie(emulator(), getParameters(), {
			items: [{ json: { taskId: 'nope-0001', api: 'market' } }, { json: { taskId: known, api: 'market' } }],
			continueOnFail: true,
		});
		expectEveryItem(result, 2);
		expect(result.output[0].json.error).toBe('KIE has no Market (jobs/createTask) task nope-0001 (yet)');
		expect(result.output[1].json).toMatchObject({ taskId: known, status: 'success' });
	});
});

describe('stopping the workflow while it waits', () => {
	/** Stops the run once KIE served the first status read of the task (an event, at any speed). */
	async function stopAfterFirstRead(taskId: string, run: (signal: AbortSignal) => Promise<RunNodeResult>) {
		const controller = new AbortController();
		const running = run(controller.signal);
		while (readsOf(emulator(), taskId) < 1) await sleep(10);
		await sleep(100);
		const stoppedAt = Date.now();
		controller.abort();
		const result = await running;
		return { result, stopMs: Date.now() - stoppedAt };
	}

	caseTest('cancel-during-read-backoff', async () => {
		const taskId = await createMarket(emulator(), 'grok-imagine/text-to-image', 'backoff');
		emulator().addFault({ route: 'recordInfo', fault: { type: 'status', status: 500 } });
		const { result, stopMs } = await stopAfterFirstRead(taskId, async (signal) =>
			await runWait(emulator(), [{ taskId }], { ...poll(), requestOptions: { baseDelayMs: 20000, maxAttempts: 5, maxTotalWaitSeconds: 100 } }, { signal }),
		);
		expect(result.status).toBe('canceled');
		// The back-off would last 20 s.
		expect(stopMs).toBeLessThan(10_000);
		expect(readsOf(emulator(), taskId)).toBe(1);
	});

	caseTest('cancel-during-polling', async () => {
		emulator().configure({ rules: [{ match: {}, durationMs: 60000 }] });
		const taskId = await createMarket(emulator(), 'grok-imagine/text-to-image', 'long');
		const { result, stopMs } = await stopAfterFirstRead(taskId, async (signal) =>
			await runWait(emulator(), [{ taskId }], poll({ expectedSeconds: 60, minIntervalSeconds: 0.1, maxIntervalSeconds: 1 }), { signal }),
		);
		expect(result.status).toBe('canceled');
		// The task would run 60 s.
		expect(stopMs).toBeLessThan(10_000);
		// Polling stops: a read already on its way when the run was stopped may still reach KIE
		// (the stop does not wait for it, see wait/pollLoop.ts), but no new one starts. A poller
		// still running (Max Poll Interval 1 s) would read at least twice more in 3 s.
		const reads = readsOf(emulator(), taskId);
		await sleep(3000);
		expect(readsOf(emulator(), taskId)).toBeLessThanOrEqual(reads + 1);
	});
});
