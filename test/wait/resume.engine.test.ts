/* eslint-disable @n8n/community-nodes/no-restricted-globals */
/**
 * Wait for Task in callback mode through the real engine: the execution goes to waiting, KIE's
 * (the emulator's) callback delivered to the resume webhook resumes it with the re-read record;
 * forged, foreign and intermediate callbacks do not; a task already final is emitted at once.
 */
import { NodeOperationError } from 'n8n-workflow';
import type { IncomingHttpHeaders } from 'http';

import { Kie } from '../../nodes/Kie/Kie.node';
import { resetLimiters } from '../../nodes/Kie/transport/limiter';
import { kieSignature } from '../../nodes/Kie/callback/hmac';
import { startEmulator, type Emulator } from '../emulator';
import { startReceiver, type Receiver } from '../emulator/helpers';
import { readBinary, resumeWaiting, runNode, type RunNodeResult } from '../harness';
import { createMarket, createOn, credentials, readsOf, waitParameters } from './support';

const HMAC_KEY = 'whsec-callback-test-placeholder';

function signatureHeadersOf(headers: IncomingHttpHeaders): Record<string, string> {
	return {
		'x-webhook-timestamp': String(headers['x-webhook-timestamp']),
		'x-webhook-signature': String(headers['x-webhook-signature']),
	};
}

function signedFor(taskId: string): Record<string, string> {
	const timestamp = String(Math.floor(Date.now() / 1000));
	return { 'X-Webhook-Timestamp': timestamp, 'X-Webhook-Signature': kieSignature(taskId, timestamp, HMAC_KEY) };
}

describe('Wait for Task, callback mode (engine + emulator)', () => {
	let kie: Emulator;
	let receiver: Receiver;

	beforeAll(async () => {
		// Tasks run until a test finishes them (kie.finishTask), so a pause always comes first, however
		// slow the machine; the callback follows the finish.
		kie = await startEmulator({ hmacKey: HMAC_KEY, defaultDurationMs: 10 * 60_000, rateLimit: null, callbackDelaysMs: [50, 50] });
		receiver = await startReceiver();
	});
	afterAll(async () => {
		await receiver.close();
		await kie.close();
	});
	beforeEach(() => {
		kie.reset();
		kie.configure({ rules: [] });
		receiver.received.splice(0);
		resetLimiters();
	});

	async function pause(json: Record<string, unknown>, parameters: Record<string, unknown> = {}, hmac = true): Promise<RunNodeResult> {
		return await runNode({
			node: new Kie(),
			parameters: waitParameters({ waitMode: 'callback', ...parameters }),
			items: [{ json: json as never }],
			credentials: credentials(kie, hmac ? HMAC_KEY : undefined),
		});
	}

	async function callbacks(count: number) {
		await kie.waitForCallbacks(count, 10000);
		return receiver.received;
	}

	it('waits, and KIE’s callback resumes it with the result read back from the API', async () => {
		const taskId = await createMarket(kie, 'grok-imagine/text-to-image', 'a red panda', receiver.url);
		const before = Date.now();
		const waiting = await pause({ taskId, api: 'market' });
		expect(waiting.status).toBe('waiting');
		expect(waiting.downstream).toEqual([]);
		expect(waiting.resumeUrl).toBe(`http://127.0.0.1:5678/webhook-waiting/${waiting.executionId}`);
		expect(waiting.uiMessages).toEqual([`task 1/1 waiting for KIE to call ${waiting.resumeUrl} · ${taskId}`]);
		// Default wait limit: 60 minutes.
		const limit = waiting.run.waitTill!.getTime() - before;
		expect(limit).toBeGreaterThan(59 * 60000);
		expect(limit).toBeLessThan(61 * 60000);
		expect(readsOf(kie, taskId)).toBe(1);

		kie.finishTask(taskId);
		const [delivered] = await callbacks(1);
		// Someone who knows the URL changes the result: the output still comes from KIE's record.
		const body = JSON.parse(JSON.stringify(delivered.body));
		body.data.resultJson = JSON.stringify({ resultUrls: ['https://evil.example/fake.png'] });
		const resumed = await resumeWaiting(waiting, { body, headers: signatureHeadersOf(delivered.headers) });
		expect(resumed.resumed).toBe(true);
		expect(resumed.statusCode).toBe(200);
		const final = resumed.final!;
		expect(final.status).toBe('success');
		expect(final.output).toHaveLength(1);
		expect(final.output[0].json).toMatchObject({ taskId, status: 'success', url: `${kie.url}/media/${taskId}/0.png` });
		expect(final.output[0].binary!.data.mimeType).toBe('image/png');
		expect((await readBinary(final.output[0])).subarray(1, 4).toString()).toBe('PNG');
		expect(final.output[0].pairedItem).toEqual({ item: 0 });
		expect(final.downstream).toHaveLength(1);
		expect(readsOf(kie, taskId)).toBe(2);

		// One resume per execution: KIE's duplicate gets n8n's 409.
		const duplicate = await resumeWaiting(waiting, { body: delivered.body, headers: signatureHeadersOf(delivered.headers) });
		expect(duplicate.resumed).toBe(false);
		expect(duplicate.statusCode).toBe(409);
	});

	it('refuses a callback with a bad or missing signature, and keeps waiting', async () => {
		const taskId = await createMarket(kie, 'grok-imagine/text-to-image', 'x', receiver.url);
		const waiting = await pause({ taskId });
		expect(waiting.status).toBe('waiting');
		kie.finishTask(taskId);
		const [delivered] = await callbacks(1);

		const forged = await resumeWaiting(waiting, {
			body: delivered.body,
			headers: { 'x-webhook-timestamp': String(delivered.headers['x-webhook-timestamp']), 'x-webhook-signature': kieSignature(taskId, '1', 'wrong-key') },
		});
		expect(forged).toMatchObject({ resumed: false, statusCode: 401 });
		expect((forged.responseBody as { msg: string }).msg).toContain('signature does not match');

		const unsigned = await resumeWaiting(waiting, { body: delivered.body });
		expect(unsigned).toMatchObject({ resumed: false, statusCode: 401 });

		const replayedAt = String(Math.floor(Date.now() / 1000) - 3600);
		const replayed = await resumeWaiting(waiting, {
			body: delivered.body,
			headers: { 'x-webhook-timestamp': replayedAt, 'x-webhook-signature': kieSignature(taskId, replayedAt, HMAC_KEY) },
		});
		expect(replayed).toMatchObject({ resumed: false, statusCode: 401 });

		const genuine = await resumeWaiting(waiting, { body: delivered.body, headers: signatureHeadersOf(delivered.headers) });
		expect(genuine.resumed).toBe(true);
		expect(genuine.final!.output[0].json.status).toBe('success');
	});

	it('refuses a callback for another task (correctly signed), and keeps waiting', async () => {
		kie.configure({ rules: [{ match: { promptIncludes: 'awaited' }, durationMs: 60000 }] });
		const awaited = await createMarket(kie, 'grok-imagine/text-to-image', 'awaited', receiver.url);
		const other = await createMarket(kie, 'grok-imagine/text-to-image', 'other', receiver.url);
		const waiting = await pause({ taskId: awaited });
		expect(waiting.status).toBe('waiting');
		kie.finishTask(other);
		const [delivered] = await callbacks(1);
		expect(delivered.body.data.taskId).toBe(other);
		const foreign = await resumeWaiting(waiting, { body: delivered.body, headers: signatureHeadersOf(delivered.headers) });
		expect(foreign).toMatchObject({ resumed: false, statusCode: 409 });
		expect((foreign.responseBody as { msg: string }).msg).toContain('waits for another task');

		const noId = await resumeWaiting(waiting, { body: { code: 200, data: {} }, headers: signedFor(awaited) });
		expect(noId).toMatchObject({ resumed: false, statusCode: 400 });
	});

	it('acknowledges Suno’s intermediate stages without resuming, resumes on "complete"', async () => {
		const taskId = await createOn(kie, '/api/v1/generate', { prompt: 'a song', customMode: false, instrumental: true, model: 'V5', callBackUrl: receiver.url });
		const waiting = await pause({ taskId, api: 'suno' }, { outputOptions: { download: false } });
		expect(waiting.status).toBe('waiting');
		kie.finishTask(taskId);
		// The three stages leave together on a forced finish; they are taken here in KIE's order.
		const arrived = await callbacks(3);
		const stages = ['text', 'first', 'complete'];
		expect(arrived.map((entry) => entry.body.data.callbackType).sort()).toEqual([...stages].sort());
		const delivered = stages.map((type) => arrived.find((entry) => entry.body.data.callbackType === type)!);

		for (const stage of delivered.slice(0, 2)) {
			const ack = await resumeWaiting(waiting, { body: stage.body, headers: signatureHeadersOf(stage.headers) });
			expect(ack.resumed).toBe(false);
			expect(ack.statusCode).toBe(200);
			expect(ack.responseBody).toEqual({ code: 200, msg: `Stage "${stage.body.data.callbackType}" received; waiting for the final callback.` });
		}
		const complete = await resumeWaiting(waiting, { body: delivered[2].body, headers: signatureHeadersOf(delivered[2].headers) });
		expect(complete.resumed).toBe(true);
		expect(complete.final!.output[0].json).toMatchObject({ taskId, api: 'suno', status: 'success' });
		expect(complete.final!.output[0].json.resultUrls).toHaveLength(2);
	});

	it('turns away a final callback that KIE’s record does not confirm yet (KIE retries later)', async () => {
		kie.configure({ rules: [{ match: {}, durationMs: 60000 }] });
		const taskId = await createMarket(kie, 'grok-imagine/text-to-image', 'x', receiver.url);
		const waiting = await pause({ taskId });
		const early = { code: 200, msg: 'done', data: { taskId, state: 'success', resultJson: JSON.stringify({ resultUrls: ['https://evil.example/x.png'] }) } };
		const answer = await resumeWaiting(waiting, { body: early, headers: signedFor(taskId) });
		expect(answer).toMatchObject({ resumed: false, statusCode: 503 });
		expect((answer.responseBody as { msg: string }).msg).toMatch(/^The task is still (queued|running) in KIE's record/);
		expect(readsOf(kie, taskId)).toBe(4);
	});

	it('emits at once, without waiting, when the task is already final before the pause (race)', async () => {
		const taskId = await createMarket(kie, 'grok-imagine/text-to-image', 'fast', receiver.url);
		kie.finishTask(taskId, {});
		const result = await pause({ taskId });
		expect(result.status).toBe('success');
		expect(result.run.waitTill).toBeUndefined();
		expect(result.output[0].json).toMatchObject({ taskId, status: 'success' });
		expect(result.output[0].binary!.data.mimeType).toBe('image/png');
		expect(result.downstream).toHaveLength(1);
	});

	it('a failed task fails the execution on resume, or resumes with a failed item', async () => {
		kie.configure({ rules: [{ match: {}, fail: { code: '501', msg: 'Generation failed in test' } }] });
		const taskId = await createMarket(kie, 'grok-imagine/text-to-image', 'x', receiver.url);
		const waiting = await pause({ taskId });
		expect(waiting.status).toBe('waiting');
		kie.finishTask(taskId);
		const [delivered] = await callbacks(1);
		const failed = await resumeWaiting(waiting, { body: delivered.body, headers: signatureHeadersOf(delivered.headers) });
		expect(failed.resumed).toBe(false);
		expect(failed.statusCode).toBe(500);
		expect(failed.webhookError).toBeInstanceOf(NodeOperationError);
		expect(failed.webhookError!.message).toBe(`KIE task ${taskId} failed (code 501): Generation failed in test`);

		const taskId2 = await createMarket(kie, 'grok-imagine/text-to-image', 'y', receiver.url);
		const waiting2 = await pause({ taskId: taskId2 }, { outputOptions: { outputFailed: true } });
		kie.finishTask(taskId2);
		const delivered2 = (await callbacks(2))[1];
		const asItem = await resumeWaiting(waiting2, { body: delivered2.body, headers: signatureHeadersOf(delivered2.headers) });
		expect(asItem.resumed).toBe(true);
		expect(asItem.final!.output[0].json).toMatchObject({ taskId: taskId2, status: 'failed', failMsg: 'Generation failed in test' });
	});

	it('accepts unsigned callbacks when the credential has no webhook HMAC key', async () => {
		const taskId = await createMarket(kie, 'grok-imagine/text-to-image', 'x', receiver.url);
		const waiting = await pause({ taskId }, { outputOptions: { download: false } }, false);
		kie.finishTask(taskId);
		const [delivered] = await callbacks(1);
		const resumed = await resumeWaiting(waiting, { body: delivered.body });
		expect(resumed.resumed).toBe(true);
		expect(resumed.final!.output[0].json.status).toBe('success');
	});

	it('refuses several items, and a task whose callback goes elsewhere', async () => {
		const several = await runNode({
			node: new Kie(),
			parameters: waitParameters({ waitMode: 'callback' }),
			items: [{ json: { taskId: 'a' } }, { json: { taskId: 'b' } }],
			credentials: credentials(kie, HMAC_KEY),
		});
		expect(several.status).toBe('error');
		expect(several.error!.message).toBe('Callback mode waits for one task per execution, but 2 items arrived');

		const elsewhere = await pause({ taskId: 'a', callBackUrl: 'https://example.com/n8n-nodes-kie-ai/no-callback' });
		expect(elsewhere.status).toBe('error');
		expect(elsewhere.error!.message).toBe('Task a reports its result to another URL, so it can never resume this execution');
	});

	it('takes the wait limit from the node (0 = no limit)', async () => {
		kie.configure({ rules: [{ match: {}, durationMs: 60000 }] });
		const taskId = await createMarket(kie, 'grok-imagine/text-to-image', 'x', receiver.url);
		const before = Date.now();
		const limited = await pause({ taskId }, { waitLimitMinutes: 5 });
		const limit = limited.run.waitTill!.getTime() - before;
		expect(limit).toBeGreaterThanOrEqual(5 * 60000 - 100);
		expect(limit).toBeLessThan(5 * 60000 + 5000);
		const unlimited = await pause({ taskId }, { waitLimitMinutes: 0 });
		expect(unlimited.run.waitTill!.getUTCFullYear()).toBe(3000);
	});
});
