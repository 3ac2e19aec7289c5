/* eslint-disable @n8n/community-nodes/no-restricted-globals */
/**
 * Wait for Task in poll mode through n8n-core's real engine against the emulator: many tasks in
 * one loop, the read cap, progress messages, the deadline, the not-visible grace, cancellation,
 * continueOnFail, and Create Task's "Wait for Completion".
 */
import { NodeOperationError } from 'n8n-workflow';

import { Kie } from '../../nodes/Kie/Kie.node';
import { resetLimiters } from '../../nodes/Kie/transport/limiter';
import { resetDurations } from '../../nodes/Kie/wait/durations';
import { startEmulator, type Emulator } from '../emulator';
import { readBinary, runNode } from '../harness';
import { afterReads, createMarket, createOn, credentials, FAST_POLL, PLACEHOLDER_CALLBACK, readsOf, runWait } from './support';

describe('Wait for Task, poll mode (engine + emulator)', () => {
	let kie: Emulator;

	beforeAll(async () => {
		kie = await startEmulator({ defaultDurationMs: 600, rateLimit: null });
	});
	afterAll(async () => await kie.close());
	beforeEach(() => {
		kie.reset();
		kie.configure({ rules: [], recordInfoNullMs: 0 });
		resetLimiters();
		resetDurations();
	});

	it('waits for 50 tasks of different durations together: about the slowest one’s time, not the sum', async () => {
		// Every task runs until the test finishes it. Waiting "together" means the node reads all 50
		// while none has finished; one after another, it would never read the second task while the
		// first still runs. Proven by counting reads, not by the clock.
		kie.configure({ rules: [{ match: {}, durationMs: 10 * 60_000 }] });
		const ids = await Promise.all(Array.from({ length: 50 }, (_, i) => createMarket(kie, 'grok-imagine/text-to-image', `task #${i}#`)));

		const waiting = runWait(
			kie,
			ids.map((taskId) => ({ taskId, api: 'market' })),
			{ pollOptions: { schedule: 'fixed', minIntervalSeconds: 0.2, readsPerSecond: 400 }, outputOptions: { download: false } },
		);
		for (const taskId of ids) await afterReads(kie, taskId, 1);
		expect(ids.filter((taskId) => kie.task(taskId)!.outcome === 'success')).toEqual([]);
		// They finish in a different order from the items (durations 100 ms … 3 s in the real world).
		const order = ids.map((taskId, i) => ({ taskId, at: (i * 397) % 2900 })).sort((a, b) => a.at - b.at);
		for (const { taskId } of order) kie.finishTask(taskId, {});
		const result = await waiting;

		expect(result.error).toBeUndefined();
		expect(result.output.map((item) => item.json.taskId)).toEqual(ids);
		expect(result.output.every((item) => item.json.status === 'success')).toBe(true);
		expect(result.output.map((item) => item.pairedItem)).toEqual(ids.map((_, item) => ({ item })));
		// Reading together costs a few reads per task, not one per poll interval of the whole batch.
		for (const taskId of ids) expect(readsOf(kie, taskId)).toBeGreaterThanOrEqual(2);
	});

	it('keeps status reads under the configured cap per second', async () => {
		kie.configure({ defaultDurationMs: 2500 });
		const ids = await Promise.all(Array.from({ length: 8 }, () => createMarket(kie)));
		const result = await runWait(kie, ids.map((taskId) => ({ taskId })), {
			pollOptions: { schedule: 'fixed', minIntervalSeconds: 0.05, readsPerSecond: 4 },
			outputOptions: { download: false },
		});
		expect(result.status).toBe('success');
		const times = kie.log.filter((entry) => entry.route === 'recordInfo').map((entry) => entry.time).sort((a, b) => a - b);
		expect(times.length).toBeGreaterThan(8);
		for (let i = 0; i + 4 < times.length; i++) expect(times[i + 4] - times[i]).toBeGreaterThanOrEqual(950);
		kie.configure({ defaultDurationMs: 600 });
	});

	it('reports each status change to the editor in manual runs, Suno stages included', async () => {
		// The tasks move on only after the node has read them, so every stage is seen, at any speed.
		kie.configure({ rules: [{ match: { family: 'suno' }, durationMs: 10 * 60_000 }, { match: { family: 'market' }, durationMs: 10 * 60_000, progress: true }] });
		const suno = await createOn(kie, '/api/v1/generate', { prompt: 'song', customMode: false, instrumental: true, model: 'V5', callBackUrl: PLACEHOLDER_CALLBACK });
		const market = await createMarket(kie);
		const running = runWait(kie, [{ taskId: suno, api: 'suno' }, { taskId: market, api: 'market' }], {
			pollOptions: { schedule: 'fixed', minIntervalSeconds: 0.1 },
			outputOptions: { download: false },
		});
		// Suno: PENDING → TEXT_SUCCESS (0.4) → FIRST_SUCCESS (0.7) → SUCCESS; Market: waiting → generating (0.4+) → success.
		for (const fraction of [0.5, 0.8, 1]) {
			await afterReads(kie, suno, readsOf(kie, suno) + 1);
			kie.advanceTask(suno, fraction);
		}
		for (const fraction of [0.5, 0.9, 1]) {
			await afterReads(kie, market, readsOf(kie, market) + 1);
			kie.advanceTask(market, fraction);
		}
		const result = await running;
		expect(result.status).toBe('success');
		const lines = result.uiMessages as string[];
		expect(lines).toContain(`task 1/2 text success · ${suno}`);
		expect(lines).toContain(`task 1/2 first success · ${suno}`);
		expect(lines).toContain(`task 1/2 success · ${suno}`);
		expect(lines.some((line) => new RegExp(`^task 2/2 generating \\(\\d+ %\\) · ${market}$`).test(line))).toBe(true);
		expect(lines).toContain(`task 2/2 success · ${market}`);
		// One line per change, not per read.
		expect(new Set(lines).size).toBe(lines.length);

		const production = await runWait(kie, [{ taskId: market }], { outputOptions: { download: false } }, { mode: 'trigger' });
		expect(production.uiMessages).toEqual([]);
	});

	it('gives up at the deadline with the task id and its last status', async () => {
		kie.configure({ rules: [{ match: {}, durationMs: 60000 }] });
		const taskId = await createMarket(kie);
		const started = Date.now();
		const result = await runWait(kie, [{ taskId }], { pollOptions: { ...FAST_POLL, timeoutMinutes: 0.02 } });
		// The task would run 60 s: the 1.2 s deadline ended the wait (a ceiling, not a speed target).
		expect(Date.now() - started).toBeLessThan(30_000);
		expect(result.status).toBe('error');
		expect(result.error).toBeInstanceOf(NodeOperationError);
		expect(result.error!.message).toMatch(new RegExp(`KIE task ${taskId} did not finish within \\d+ s \\(last status: (waiting|queuing|generating)\\)`));
		expect((result.error as NodeOperationError).description).toContain('Task → Get');
	});

	it('treats "recordInfo is null" right after creation as not visible yet, then as an unknown task', async () => {
		kie.configure({ recordInfoNullMs: 800 });
		const taskId = await createMarket(kie);
		const ok = await runWait(kie, [{ taskId }], { outputOptions: { download: false } });
		expect(ok.status).toBe('success');
		expect(ok.output[0].json.status).toBe('success');

		const started = Date.now();
		const unknown = await runWait(kie, [{ taskId: 'f'.repeat(32) }], { pollOptions: { ...FAST_POLL, notFoundGraceSeconds: 1 } });
		// The 1 s grace ended it, not the 30 s time-out of the wait.
		expect(Date.now() - started).toBeLessThan(20_000);
		expect(unknown.status).toBe('error');
		expect(unknown.error!.message).toBe(`KIE does not know Market (jobs/createTask) task ${'f'.repeat(32)}`);
		expect((unknown.error as NodeOperationError).description).toContain('KIE showed no such task for 1 s');
	});

	it.each(['veo', 'suno', 'runway', 'gpt4o'])('reports an unknown %s task after the grace period', async (api) => {
		const taskId = '0123456789abcdef0123456789abcdef';
		const result = await runWait(kie, [{ taskId, api }], { pollOptions: { ...FAST_POLL, notFoundGraceSeconds: 0.5 } });
		expect(result.status).toBe('error');
		expect(result.error!.message).toMatch(new RegExp(`^KIE does not know .+ task ${taskId}$`));
	});

	it('follows the adaptive schedule: seen by the first read after completion, with fewer reads than a fixed poller', async () => {
		kie.configure({ rules: [{ match: {}, durationMs: 4000 }] });
		const taskId = await createMarket(kie);
		// Expected 40 s for a 4 s task: the bound does not depend on the expectation.
		const result = await runWait(kie, [{ taskId }], {
			pollOptions: { expectedSeconds: 40, minIntervalSeconds: 0.1, maxIntervalSeconds: 30 },
			outputOptions: { download: false },
		});
		const seenAt = Date.now();
		expect(result.status).toBe('success');
		const reads = kie.log.filter((entry) => entry.route === 'recordInfo');
		const task = kie.task(taskId)!;
		// Seen at once: one read after completion, then no more. How soon after completion that read
		// comes is a timing property, checked on a virtual clock (schedule.test.ts, pollLoop.test.ts).
		expect(reads.filter((entry) => entry.time >= task.completeTime!)).toHaveLength(1);
		expect(seenAt).toBeGreaterThanOrEqual(task.completeTime!);
		// A fixed poller at the same minimum interval (0.1 s) reads 40 times; no two reads of the task
		// closer than that interval (KIE: 10 reads per second per task).
		expect(reads.length).toBeLessThan(4000 / 100);
		reads.forEach((read, i) => i === 0 || expect(read.time - reads[i - 1].time).toBeGreaterThanOrEqual(95));
	});

	it('stops within a second when the execution is cancelled mid-wait', async () => {
		kie.configure({ rules: [{ match: {}, durationMs: 60000 }] });
		const taskId = await createMarket(kie);
		const controller = new AbortController();
		const started = Date.now();
		const running = runWait(kie, [{ taskId }], { pollOptions: { expectedSeconds: 60, minIntervalSeconds: 30 } }, { signal: controller.signal });
		await afterReads(kie, taskId, 1);
		controller.abort();
		const cancelledAt = Date.now();
		const result = await running;
		// The next read would come after 30 s: the cancel, not the schedule, ended the wait.
		expect(Date.now() - cancelledAt).toBeLessThan(10_000);
		expect(Date.now() - started).toBeLessThan(25_000);
		expect(result.status).toBe('canceled');
		expect(readsOf(kie, taskId)).toBe(1);
	});

	it('with continueOnFail, outputs failed tasks and errors as items and keeps the others', async () => {
		kie.configure({ rules: [{ match: { promptIncludes: 'bad' }, fail: { code: '400', msg: 'flagged' } }] });
		const good = await createMarket(kie, 'grok-imagine/text-to-image', 'good');
		const bad = await createMarket(kie, 'grok-imagine/text-to-image', 'bad');
		const result = await runWait(
			kie,
			[{ taskId: good }, { taskId: bad }, { taskId: '' }, { taskId: good, api: 'nonsense' }],
			{ pollOptions: { ...FAST_POLL }, outputOptions: { download: false } },
			{ continueOnFail: true },
		);
		expect(result.status).toBe('success');
		expect(result.output).toHaveLength(4);
		expect(result.output[0].json).toMatchObject({ taskId: good, status: 'success' });
		expect(result.output[1].json).toMatchObject({ taskId: bad, status: 'failed', failCode: '400', failMsg: 'flagged' });
		expect(result.output[2].json.error).toBe('Task ID is empty');
		expect(String(result.output[3].json.error)).toContain('nonsense');
		expect(result.output.map((item) => item.pairedItem)).toEqual([0, 1, 2, 3].map((item) => ({ item })));
	});

	it('without continueOnFail, the first failed task stops the node at once', async () => {
		kie.configure({ rules: [{ match: { promptIncludes: 'bad' }, durationMs: 200, fail: { code: '400', msg: 'flagged' } }, { match: {}, durationMs: 30000 }] });
		const slow = await createMarket(kie, 'grok-imagine/text-to-image', 'slow');
		const bad = await createMarket(kie, 'grok-imagine/text-to-image', 'bad');
		const started = Date.now();
		const result = await runWait(kie, [{ taskId: slow }, { taskId: bad }], { pollOptions: { ...FAST_POLL, expectedSeconds: 0.2 } });
		// The slow task would run 30 s.
		expect(Date.now() - started).toBeLessThan(15_000);
		expect(result.status).toBe('error');
		expect(result.error!.message).toBe(`KIE task ${bad} failed (code 400): flagged`);
		expect((result.error as NodeOperationError).context.itemIndex).toBe(1);
	});

	it('reads a finished task once and outputs it at once', async () => {
		const taskId = await createMarket(kie);
		kie.finishTask(taskId, {});
		const result = await runWait(kie, [{ taskId }], { pollOptions: { expectedSeconds: 300 } });
		expect(result.status).toBe('success');
		expect(readsOf(kie, taskId)).toBe(1);
		expect(result.output[0].binary?.data.mimeType).toBe('image/png');
	});

	it('Create Task with "Wait for Completion" creates, waits together and outputs the files', async () => {
		const result = await runNode({
			node: new Kie(),
			parameters: {
				resource: 'task',
				operation: 'create',
				model: { __rl: true, mode: 'id', value: 'grok-imagine/text-to-image' },
				inputMode: 'json',
				inputJson: '={{ JSON.stringify({ prompt: $json.prompt }) }}',
				waitForCompletion: true,
				pollOptions: { ...FAST_POLL },
				outputOptions: { layout: 'perTask', binaryProperty: 'image' },
			},
			items: [{ json: { prompt: 'one' } }, { json: { prompt: 'two' } }],
			credentials: credentials(kie),
		});
		expect(result.error).toBeUndefined();
		expect(result.status).toBe('success');
		expect(result.output).toHaveLength(2);
		for (const [index, item] of result.output.entries()) {
			expect(item.json).toMatchObject({ status: 'success', api: 'market', model: 'grok-imagine/text-to-image' });
			expect(item.pairedItem).toEqual({ item: index });
			expect(item.binary?.image.mimeType).toBe('image/png');
			expect((await readBinary(item, 'image')).subarray(1, 4).toString()).toBe('PNG');
		}
		const creates = kie.log.filter((entry) => entry.route === 'createTask');
		expect(creates).toHaveLength(2);
	});
});
