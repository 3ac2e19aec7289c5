/* eslint-disable @n8n/community-nodes/no-restricted-globals */
/**
 * Fault matrix, batches of creates: mixed outcomes with continueOnFail, the first failure without
 * it, and stopping the workflow while creates wait for KIE's Retry-After or in the limiter.
 */
import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { runKie } from '../support/kie';
import { caseTest, createParameters, emulatedTasks, expectEveryItem, FAST_REQUESTS, itemsOf, nodeCreates, sleep, useFaultEmulator } from './support';

const emulator = useFaultEmulator();

describe('mixed batches', () => {
	caseTest('batch-mixed-create', async () => {
		const items: INodeExecutionData[] = itemsOf(6);
		items[1].json.bad = true;
		// Requests, in order: item 0, item 2 (KIE says 422), item 3 (connection reset), items 4 and 5.
		emulator().addFault({ route: 'createTask', fault: { type: 'bodyCode', code: 422, msg: 'prompt is not allowed' }, skip: 1, times: 1 });
		emulator().addFault({ route: 'createTask', fault: { type: 'reset' }, skip: 2, times: 1 });
		const result = await runKie(emulator(), createParameters({ createOptions: { concurrency: 1 } }), { items, continueOnFail: true });
		expectEveryItem(result, 6);
		expect(result.output.map((item) => item.pairedItem)).toEqual([0, 1, 2, 3, 4, 5].map((item) => ({ item })));
		const [first, invalid, rejected, reset, fifth, sixth] = result.output.map((item) => item.json);
		for (const created of [first, fifth, sixth]) expect(created.taskId).toMatch(/^[0-9a-f]{32}$/);
		expect(invalid.error).toBe('Invalid input for grok-imagine/text-to-image: aspect_ratio');
		expect(rejected.error).toBe('KIE rejected the input (422): prompt is not allowed');
		expect(String(reset.error)).toMatch(/^Could not reach KIE/);
		expect(String(reset.errorDescription)).toMatch(/may or may not have been created/);
		expect(nodeCreates(emulator())).toHaveLength(5);
		expect(await emulatedTasks(emulator())).toHaveLength(3);
	});

	caseTest('batch-stop-on-failure', async () => {
		const items = itemsOf(8);
		items[2].json.bad = true;
		emulator().addFault({ route: 'createTask', fault: { type: 'delay', ms: 300 } });
		const started = Date.now();
		const result = await runKie(emulator(), createParameters({ createOptions: { concurrency: 3 } }), { items });
		expect(Date.now() - started).toBeGreaterThanOrEqual(280);
		expect(result.status).toBe('error');
		expect(result.error!.message).toBe('Invalid input for grok-imagine/text-to-image: aspect_ratio');
		const creates = nodeCreates(emulator());
		expect(creates.map((entry) => (entry.body as { input: { prompt: string } }).input.prompt).sort()).toEqual(['fault matrix item 0', 'fault matrix item 1']);
		expect(creates.every((entry) => entry.status === 200)).toBe(true);
		expect(await emulatedTasks(emulator())).toHaveLength(2);
	});

	caseTest('batch-stop-reports-created', async () => {
		emulator().addFault({ route: 'createTask', fault: { type: 'bodyCode', code: 422, msg: 'prompt is not allowed' }, skip: 2, times: 1 });
		const result = await runKie(emulator(), createParameters({ createOptions: { concurrency: 1 } }), { items: itemsOf(4) });
		expect(result.status).toBe('error');
		expect(result.error!.message).toMatch(/^KIE rejected the input \(422\)/);
		const created = (await emulatedTasks(emulator())).map((task) => task.taskId);
		expect(created).toHaveLength(2);
		const told = `${result.error!.message} ${result.error!.description ?? ''}`;
		for (const taskId of created) expect(told).toContain(taskId);
		// Not only in the message: the saved error keeps them as data (context.createdTasks).
		const context = (result.error as unknown as { context?: { createdTasks?: Array<{ taskId: string; itemIndex: number }> } }).context;
		expect(context?.createdTasks?.map((task) => task.taskId).sort()).toEqual([...created].sort());
		expect(context?.createdTasks?.map((task) => task.itemIndex)).toEqual([0, 1]);
	});
});

describe('stopping the workflow while creates wait', () => {
	/** Stops the run once the first create reached KIE (an event, whatever the machine's speed). */
	async function stopAfterFirstCreate(items: INodeExecutionData[], requestOptions: INodeParameters) {
		const controller = new AbortController();
		const running = runKie(emulator(), createParameters({}, requestOptions), { items, signal: controller.signal });
		while (nodeCreates(emulator()).length < 1) await sleep(10);
		await sleep(100);
		const stoppedAt = Date.now();
		controller.abort();
		const result = await running;
		return { result, stopMs: Date.now() - stoppedAt };
	}

	caseTest('cancel-during-create-backoff', async () => {
		emulator().addFault({ route: 'createTask', fault: { type: 'status', status: 429, headers: { 'retry-after': '30' } } });
		const { result, stopMs } = await stopAfterFirstCreate(itemsOf(1), { ...FAST_REQUESTS, maxAttempts: 5, maxTotalWaitSeconds: 100 });
		expect(result.status).toBe('canceled');
		// Retry-After asks for 30 s.
		expect(stopMs).toBeLessThan(10_000);
		expect(nodeCreates(emulator())).toHaveLength(1);
		await sleep(300);
		expect(nodeCreates(emulator())).toHaveLength(1);
		expect(await emulatedTasks(emulator())).toHaveLength(0);
	});

	caseTest('cancel-in-limiter-queue', async () => {
		const { result, stopMs } = await stopAfterFirstCreate(itemsOf(3), { ...FAST_REQUESTS, limitMax: 1, limitWindowSeconds: 30 });
		expect(result.status).toBe('canceled');
		// The next slot opens after 30 s.
		expect(stopMs).toBeLessThan(10_000);
		await sleep(300);
		expect(nodeCreates(emulator())).toHaveLength(1);
	});
});
