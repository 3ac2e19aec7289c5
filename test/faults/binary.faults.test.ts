/* eslint-disable @n8n/community-nodes/no-restricted-globals */
/**
 * Fault matrix, files: expired result links (download-url recovery), result host down or slow,
 * oversized results, upload faults, stopping a large download, and a batch where every kind of
 * outcome happens at once.
 */
import { readBinary, type RunNodeResult } from '../harness';
import { runKie } from '../support/kie';
import { createMarket, createOn, runWait } from '../wait/support';
import {
	caseTest,
	createParameters,
	expectEveryItem,
	FAST_POLL,
	FAST_REQUESTS,
	itemsOf,
	nodeCreates,
	requestsTo,
	sleep,
	useFaultEmulator,
} from './support';

const emulator = useFaultEmulator();

const PNG = (bytes: Buffer) => bytes.subarray(1, 4).toString() === 'PNG';

/**
 * Every download failure after a successful task: the headline says the task succeeded and names
 * the task and the host; the description says how to get the file without paying again.
 */
function expectDownloadWording(message: string, description: unknown, taskId: string, detail: string): void {
	const host = new URL(emulator().url).host;
	expect(message).toBe(`KIE task ${taskId} succeeded, but its result from ${host} could not be downloaded: ${detail}`);
	const text = String(description);
	expect(text).toContain('Get Download URL');
	expect(text).toContain('https://kie.ai/logs within 14 days');
	expect(text).toContain('Do not create the task again');
	expect(text).not.toMatch(/No credits were spent|run again|retry the request immediately/);
}

async function finishedTask(prompt: string): Promise<string> {
	const taskId = await createMarket(emulator(), 'grok-imagine/text-to-image', prompt);
	emulator().finishTask(taskId, {});
	return taskId;
}

const wait = async (items: Array<Record<string, unknown>>, outputOptions = {}, extra = {}): Promise<RunNodeResult> =>
	await runWait(emulator(), items, { pollOptions: FAST_POLL, requestOptions: FAST_REQUESTS, outputOptions }, extra);

describe('expired result links', () => {
	caseTest('download-expired-batch', async () => {
		const ids = [await finishedTask('e1'), await finishedTask('e2'), await finishedTask('e3')];
		emulator().addFault({ route: 'media', fault: { type: 'expired' } });
		const result = await wait(ids.map((taskId) => ({ taskId })));
		expectEveryItem(result, 3);
		for (const [index, item] of result.output.entries()) {
			expect(item.json.taskId).toBe(ids[index]);
			expect(PNG(await readBinary(item))).toBe(true);
		}
		expect(requestsTo(emulator(), 'downloadUrl')).toHaveLength(3);
		expect(requestsTo(emulator(), 'media').map((entry) => entry.status).sort()).toEqual([200, 200, 200, 403, 403, 403]);
	});

	caseTest('download-expired-fresh-refused', async () => {
		const taskId = await finishedTask('refused');
		emulator().addFault({ route: 'media', fault: { type: 'expired' } });
		emulator().addFault({ route: 'media', fault: { type: 'status', status: 410, body: 'Gone' }, skip: 1 });
		const result = await wait([{ taskId }]);
		expect(result.status).toBe('error');
		expectDownloadWording(result.error!.message, result.error!.description, taskId, 'HTTP 403, fresh link HTTP 410');
		expect(result.error!.description).toContain(`${emulator().url}/media/${taskId}/0.png`);
		expect(requestsTo(emulator(), 'downloadUrl')).toHaveLength(1);
	});

	caseTest('download-url-refused-422', async () => {
		const taskId = await finishedTask('url is wrong');
		emulator().addFault({ route: 'media', fault: { type: 'expired' } });
		emulator().addFault({ route: 'downloadUrl', fault: { type: 'bodyCode', code: 422, msg: 'url is wrong' } });
		const result = await wait([{ taskId }]);
		expect(result.status).toBe('error');
		expectDownloadWording(
			result.error!.message,
			result.error!.description,
			taskId,
			'the link answered HTTP 403 and KIE refused a fresh link (KIE rejected the input (422): url is wrong)',
		);
		expect(`${result.error!.message} ${result.error!.description}`).not.toMatch(/No credits were spent|Fix the field/);
		expect(requestsTo(emulator(), 'downloadUrl')).toHaveLength(1);
	});

	caseTest('download-url-endpoint-500', async () => {
		const taskId = await finishedTask('endpoint');
		emulator().addFault({ route: 'media', fault: { type: 'expired' } });
		emulator().addFault({ route: 'downloadUrl', fault: { type: 'status', status: 500 }, times: 1 });
		const result = await wait([{ taskId }]);
		expectEveryItem(result, 1);
		expect(PNG(await readBinary(result.output[0]))).toBe(true);
		expect(requestsTo(emulator(), 'downloadUrl').map((entry) => entry.status)).toEqual([500, 200]);
	});
});

describe('result host down, slow or oversized', () => {
	caseTest('download-host-down', async () => {
		const taskId = await finishedTask('down');
		emulator().addFault({ route: 'media', fault: { type: 'reset' } });
		const result = await wait([{ taskId }], {}, { continueOnFail: true });
		expectEveryItem(result, 1);
		expect(result.output[0].json).toMatchObject({ taskId, api: 'market', lastStatus: 'success' });
		expectDownloadWording(String(result.output[0].json.error), result.output[0].json.errorDescription, taskId, 'the result host did not answer (the connection was reset)');
	});

	caseTest('download-host-503', async () => {
		const taskId = await finishedTask('503');
		emulator().addFault({ route: 'media', fault: { type: 'status', status: 503, body: 'Service Unavailable' } });
		const result = await wait([{ taskId }]);
		expect(result.status).toBe('error');
		expectDownloadWording(result.error!.message, result.error!.description, taskId, 'the result host answered HTTP 503');
		expect(requestsTo(emulator(), 'downloadUrl')).toHaveLength(0);
	});

	caseTest('download-503-once', async () => {
		const taskId = await finishedTask('blip');
		emulator().addFault({ route: 'media', fault: { type: 'status', status: 503, body: 'Service Unavailable' }, times: 1 });
		const result = await wait([{ taskId }]);
		expectEveryItem(result, 1);
		expect(PNG(await readBinary(result.output[0]))).toBe(true);
		expect(requestsTo(emulator(), 'media').map((entry) => entry.status)).toEqual([503, 200]);
	});

	caseTest('download-timeout', async () => {
		const taskId = await finishedTask('slow host');
		emulator().addFault({ route: 'media', fault: { type: 'delay', ms: 60_000 } });
		const started = Date.now();
		const result = await wait([{ taskId }], { downloadTimeoutSeconds: 1 });
		// The host would answer after 60 s: the 1 s timeout, not the host, ended the download.
		expect(Date.now() - started).toBeLessThan(30_000);
		expect(result.status).toBe('error');
		expectDownloadWording(result.error!.message, result.error!.description, taskId, 'the result host did not answer (timed out after 1 s)');
	});

	caseTest('download-oversized', async () => {
		emulator().configure({ mediaBytes: { image: 2 * 1024 * 1024 } });
		const taskId = await finishedTask('big');
		const result = await wait([{ taskId }], { maxFileSizeMb: 1 });
		expect(result.status).toBe('error');
		expectDownloadWording(result.error!.message, result.error!.description, taskId, `the file is larger than the maximum of ${1024 * 1024} bytes`);
		expect(result.output).toEqual([]);
	});
});

describe('uploads', () => {
	const upload = { resource: 'file', operation: 'upload', source: 'binary', binaryProperty: 'data', uploadOptions: { uploadPath: 'faults' }, requestOptions: FAST_REQUESTS };

	caseTest('upload-500-recovered', async () => {
		emulator().addFault({ route: 'upload.base64', fault: { type: 'status', status: 500 }, times: 1 });
		const bytes = Buffer.from('fault matrix upload');
		const result = await runKie(emulator(), upload, {
			items: [{ json: {}, binary: { data: { data: bytes.toString('base64'), mimeType: 'text/plain', fileName: 'f.txt' } } }],
		});
		expectEveryItem(result, 1);
		expect(result.output[0].json).toMatchObject({ uploadMethod: 'base64', size: bytes.length });
		expect(requestsTo(emulator(), 'upload.base64').map((entry) => entry.status)).toEqual([500, 200]);
		expect(emulator().uploads).toHaveLength(1);
	});

	caseTest('upload-stream-reset', async () => {
		emulator().addFault({ route: 'upload.stream', fault: { type: 'reset' } });
		const bytes = Buffer.alloc(5 * 1024 * 1024, 7);
		const result = await runKie(emulator(), upload, {
			items: [{ json: {}, binary: { data: { data: bytes.toString('base64'), mimeType: 'video/mp4', fileName: 'big.mp4' } } }],
			binaryMode: 'filesystem',
		});
		expect(result.status).toBe('error');
		expect(result.error!.message).toMatch(/^Could not reach KIE/);
		expect(requestsTo(emulator(), 'upload.stream')).toHaveLength(1);
		expect(emulator().uploads).toHaveLength(0);
	});
});

describe('stopping a download', () => {
	caseTest('cancel-during-download', async () => {
		emulator().configure({ mediaBytes: { video: 1024 * 1024 * 1024 } });
		const taskId = await createOn(emulator(), '/api/v1/veo/generate', { prompt: 'waves', model: 'veo3_fast' });
		emulator().finishTask(taskId, {});
		const controller = new AbortController();
		const running = wait([{ taskId, api: 'veo' }], {}, { signal: controller.signal, binaryMode: 'filesystem' });
		while (!emulator().log.some((entry) => entry.route === 'media')) await sleep(10);
		await sleep(200);
		const stoppedAt = Date.now();
		controller.abort();
		const result = await running;
		// 'canceled' (not success) shows the 1 GB download did not run to its end.
		expect(result.status).toBe('canceled');
		// A ceiling on the event, far below the natural end of the wait it interrupts; not a speed target.
		expect(Date.now() - stoppedAt).toBeLessThan(10_000);
	});
});

describe('everything at once', () => {
	caseTest('batch-mixed-wait', async () => {
		emulator().configure({
			rules: [
				{ match: { promptIncludes: 'item 0' }, durationMs: 200 },
				{ match: { promptIncludes: 'item 1' }, durationMs: 300, fail: { code: '400', msg: 'flagged' } },
				{ match: { promptIncludes: 'item 2' }, durationMs: 500, fail: { code: '501', msg: 'generation failed' } },
				{ match: { promptIncludes: 'item 3' }, durationMs: 900 },
				{ match: { promptIncludes: 'item 4' }, durationMs: 1600 },
			],
		});
		const running = runKie(
			emulator(),
			createParameters({ waitForCompletion: true, pollOptions: FAST_POLL }),
			{ items: itemsOf(5), continueOnFail: true },
		);
		// Task 3's first link has expired, task 4's host is down: the faults name each task's own
		// media path, so they hold whatever order the downloads happen in on a busy machine.
		const taskOf = async (n: number): Promise<string> => {
			for (;;) {
				const tasks = (await (await fetch(`${emulator().url}/__emulator/tasks`)).json()) as Array<{ taskId: string; request: { input?: { prompt?: string } } }>;
				const task = tasks.find((t) => String(t.request.input?.prompt ?? '').includes(`item ${n}`));
				if (task) return task.taskId;
				await sleep(10);
			}
		};
		emulator().addFault({ route: `/media/${await taskOf(3)}/`, fault: { type: 'expired' }, times: 1 });
		emulator().addFault({ route: `/media/${await taskOf(4)}/`, fault: { type: 'reset' } });
		const result = await running;
		expectEveryItem(result, 5);
		const [fine, flagged, failed, expired, down] = result.output;
		expect(PNG(await readBinary(fine))).toBe(true);
		expect(flagged.json).toMatchObject({ status: 'failed', failCode: '400', failMsg: 'flagged' });
		expect(failed.json).toMatchObject({ status: 'failed', failCode: '501' });
		expect(PNG(await readBinary(expired))).toBe(true);
		expect(String(down.json.error)).toMatch(/^KIE task \S+ succeeded, but its result from .* could not be downloaded: the result host did not answer \(the connection was reset\)$/);
		expect(down.json.taskId).toEqual(expect.any(String));
		expect(nodeCreates(emulator())).toHaveLength(5);
		expect(requestsTo(emulator(), 'downloadUrl')).toHaveLength(1);
	});
});
