/* eslint-disable @n8n/community-nodes/no-restricted-globals */
/**
 * Fault matrix, callbacks: duplicate, forged, replayed, non-final, malformed, oversized and
 * double-encoded callbacks — delivered by the emulator (HMAC-signed) to the KIE Trigger and to a
 * Wait for Task execution paused in callback mode.
 */
import type { IncomingHttpHeaders } from 'http';
import type { INodeParameters } from 'n8n-workflow';

import { Kie } from '../../nodes/Kie/Kie.node';
import { KieTrigger } from '../../nodes/Kie/KieTrigger.node';
import { kieSignature } from '../../nodes/Kie/callback/hmac';
import { startReceiver, type Received, type Receiver } from '../emulator/helpers';
import { createTriggerHarness, readBinary, resumeWaiting, runNode, type RunNodeResult, type TriggerCallResult } from '../harness';
import { createMarket, createOn, credentials, waitParameters } from '../wait/support';
import { caseTest, useFaultEmulator } from './support';

const HMAC_KEY = 'whsec-fault-matrix-placeholder';
const emulator = useFaultEmulator({ hmacKey: HMAC_KEY, callbackDelaysMs: [50, 50] });

let receiver: Receiver;
beforeAll(async () => {
	receiver = await startReceiver();
});
afterAll(async () => await receiver.close());
beforeEach(() => {
	receiver.received.splice(0);
});

function signatureOf(headers: IncomingHttpHeaders): Record<string, string> {
	return { 'x-webhook-timestamp': String(headers['x-webhook-timestamp']), 'x-webhook-signature': String(headers['x-webhook-signature']) };
}

function signedNow(taskId: string, key = HMAC_KEY, ageSeconds = 0): Record<string, string> {
	const timestamp = String(Math.floor(Date.now() / 1000) - ageSeconds);
	return { 'x-webhook-timestamp': timestamp, 'x-webhook-signature': kieSignature(taskId, timestamp, key) };
}

/** A finished Market task whose (signed) final callback the receiver got. */
async function deliveredCallback(prompt = 'callback'): Promise<{ taskId: string; delivery: Received }> {
	const taskId = await createMarket(emulator(), 'grok-imagine/text-to-image', prompt, receiver.url);
	emulator().finishTask(taskId, {});
	await emulator().waitForCallbacks(1, 30_000);
	return { taskId, delivery: receiver.received.find((entry) => entry.body?.data?.taskId === taskId)! };
}

function trigger(parameters: INodeParameters = {}, withKey = true) {
	return createTriggerHarness({ node: new KieTrigger(), parameters, credentials: withKey ? credentials(emulator(), HMAC_KEY) : undefined });
}

function refused(result: TriggerCallResult, status: number) {
	expect(result.statusCode).toBe(status);
	expect(result.workflowData).toBeUndefined();
	expect((result.responseBody as { received: boolean }).received).toBe(false);
}

describe('callbacks to the KIE Trigger', () => {
	caseTest('callback-duplicate-trigger', async () => {
		const { taskId, delivery } = await deliveredCallback();
		const h = trigger();
		const first = await h.call({ body: delivery.body, headers: signatureOf(delivery.headers) });
		expect(first.statusCode).toBe(200);
		expect(first.workflowData![0][0].json).toMatchObject({ taskId, status: 'success' });
		const again = await h.call({ body: delivery.body, headers: signatureOf(delivery.headers) });
		expect(again.statusCode).toBe(200);
		expect(again.workflowData).toBeUndefined();
		expect(again.responseBody).toEqual({ received: true, duplicate: true });
	});

	caseTest('callback-forged-trigger', async () => {
		const { taskId, delivery } = await deliveredCallback();
		const result = await trigger().call({ body: delivery.body, headers: signedNow(taskId, 'not-the-key') });
		refused(result, 401);
		expect((result.responseBody as { error: string }).error).toContain('signature does not match');
	});

	caseTest('callback-replayed-trigger', async () => {
		const { taskId, delivery } = await deliveredCallback();
		const result = await trigger().call({ body: delivery.body, headers: signedNow(taskId, HMAC_KEY, 3600) });
		refused(result, 401);
		expect((result.responseBody as { error: string }).error).toMatch(/replayed or delayed/);
	});

	caseTest('callback-nonfinal-trigger', async () => {
		emulator().configure({ rules: [{ match: { family: 'suno' }, durationMs: 300 }] });
		const taskId = await createOn(emulator(), '/api/v1/generate', { prompt: 'a song', customMode: false, instrumental: true, model: 'V5', callBackUrl: receiver.url });
		await emulator().waitForCallbacks(3, 30_000);
		const text = receiver.received.find((entry) => entry.body.data.callbackType === 'text')!;
		const result = await trigger().call({ body: text.body, headers: signatureOf(text.headers) });
		expect(result.statusCode).toBe(200);
		expect(result.workflowData).toBeUndefined();
		expect(result.responseBody).toEqual({ received: true, ignored: 'intermediate stage "text"' });
		expect(text.body.data.task_id ?? text.body.data.taskId).toBe(taskId);
	});

	caseTest('callback-malformed-trigger', async () => {
		const h = trigger({}, false);
		const notJson = await h.call({ body: {}, rawBody: Buffer.from('{"code":200,"data":{"taskId":'), headers: { 'content-type': 'application/json' } });
		refused(notJson, 400);
		expect((notJson.responseBody as { error: string }).error).toContain('not valid JSON');
		const noId = await h.call({ body: { code: 200, msg: 'success', data: { state: 'success' } } });
		refused(noId, 400);
		expect((noId.responseBody as { error: string }).error).toContain('has no task id');
	});

	caseTest('callback-oversized-body', async () => {
		const { delivery } = await deliveredCallback();
		const body = { ...delivery.body, padding: 'x'.repeat(4096) };
		const result = await trigger({ options: { maxBodySizeKb: 1 } }).call({ body, headers: signatureOf(delivery.headers) });
		refused(result, 400);
		expect((result.responseBody as { error: string }).error).toMatch(/accepts at most 1024/);
	});

	caseTest('trigger-download-oversized', async () => {
		emulator().configure({ mediaBytes: { image: 4096 } });
		const { taskId, delivery } = await deliveredCallback();
		const result = await trigger({ downloadResults: true, outputOptions: { maxFileSizeMb: 0.001 } }).call({ body: delivery.body, headers: signatureOf(delivery.headers) });
		expect(result.statusCode).toBe(200);
		const [item] = result.workflowData![0];
		expect(item.json).toMatchObject({ taskId, status: 'success', downloadError: expect.stringContaining('larger than the maximum') });
		expect(item.binary).toBeUndefined();
	});

	caseTest('callback-double-encoded', async () => {
		const taskId = 'b'.repeat(32);
		const url = `${emulator().url}/media/${taskId}/0.png`;
		const body = {
			code: 200,
			msg: 'Playground task completed successfully.',
			data: {
				taskId,
				model: 'nano-banana-pro',
				state: 'success',
				param: JSON.stringify({ model: 'nano-banana-pro', input: JSON.stringify({ prompt: 'a fox' }) }),
				resultJson: JSON.stringify({ resultUrls: [url] }),
			},
		};
		const result = await trigger({}, false).call({ body });
		expect(result.statusCode).toBe(200);
		const [item] = result.workflowData![0];
		expect(item.json).toMatchObject({ taskId, api: 'market', status: 'success', resultUrls: [url] });
		expect(item.json.raw).toMatchObject({ param: { input: { prompt: 'a fox' } } });
	});
});

describe('callbacks to a waiting execution (Wait for Task, callback mode)', () => {
	async function pause(json: Record<string, unknown>, parameters: INodeParameters = {}): Promise<RunNodeResult> {
		const waiting = await runNode({
			node: new Kie(),
			parameters: waitParameters({ waitMode: 'callback', ...parameters }),
			items: [{ json: json as never }],
			credentials: credentials(emulator(), HMAC_KEY),
		});
		expect(waiting.status).toBe('waiting');
		return waiting;
	}

	async function waitingForDelivered(prompt: string, parameters: INodeParameters = {}) {
		// The task runs until it is finished here, after the pause, however slow the machine.
		emulator().configure({ rules: [{ match: { promptIncludes: prompt }, durationMs: 10 * 60_000 }] });
		const taskId = await createMarket(emulator(), 'grok-imagine/text-to-image', prompt, receiver.url);
		const waiting = await pause({ taskId, api: 'market' }, parameters);
		emulator().finishTask(taskId);
		await emulator().waitForCallbacks(1, 30_000);
		return { taskId, waiting, delivery: receiver.received.find((entry) => entry.body?.data?.taskId === taskId)! };
	}

	caseTest('callback-duplicate-resume', async () => {
		const { taskId, waiting, delivery } = await waitingForDelivered('duplicate resume');
		const first = await resumeWaiting(waiting, { body: delivery.body, headers: signatureOf(delivery.headers) });
		expect(first.resumed).toBe(true);
		expect(first.final!.output).toHaveLength(1);
		expect(first.final!.output[0].json).toMatchObject({ taskId, status: 'success' });
		const again = await resumeWaiting(waiting, { body: delivery.body, headers: signatureOf(delivery.headers) });
		expect(again.resumed).toBe(false);
		expect(again.statusCode).toBe(409);
	});

	caseTest('callback-forged-resume', async () => {
		const { taskId, waiting, delivery } = await waitingForDelivered('forged resume');
		const forged = await resumeWaiting(waiting, { body: delivery.body, headers: signedNow(taskId, 'not-the-key') });
		expect(forged).toMatchObject({ resumed: false, statusCode: 401 });
		const genuine = await resumeWaiting(waiting, { body: delivery.body, headers: signatureOf(delivery.headers) });
		expect(genuine.resumed).toBe(true);
		expect(genuine.final!.output[0].json).toMatchObject({ taskId, status: 'success' });
	});

	caseTest('callback-replayed-resume', async () => {
		const { taskId, waiting, delivery } = await waitingForDelivered('replayed resume');
		const replayed = await resumeWaiting(waiting, { body: delivery.body, headers: signedNow(taskId, HMAC_KEY, 3600) });
		expect(replayed).toMatchObject({ resumed: false, statusCode: 401 });
		expect((replayed.responseBody as { msg: string }).msg).toMatch(/replayed or delayed/);
	});

	caseTest('callback-nonfinal-resume', async () => {
		emulator().configure({ rules: [{ match: { family: 'suno' }, durationMs: 10 * 60_000 }] });
		const taskId = await createOn(emulator(), '/api/v1/generate', { prompt: 'a song', customMode: false, instrumental: true, model: 'V5', callBackUrl: receiver.url });
		const waiting = await pause({ taskId, api: 'suno' }, { outputOptions: { download: false } });
		emulator().finishTask(taskId);
		await emulator().waitForCallbacks(3, 30_000);
		// A forced finish sends the three stages together; they are taken here in KIE's order.
		const arrived = receiver.received.filter((entry) => (entry.body.data.task_id ?? entry.body.data.taskId) === taskId);
		const order = ['text', 'first', 'complete'];
		expect(arrived.map((entry) => entry.body.data.callbackType).sort()).toEqual([...order].sort());
		const stages = order.map((type) => arrived.find((entry) => entry.body.data.callbackType === type)!);
		for (const stage of stages.slice(0, 2)) {
			const ack = await resumeWaiting(waiting, { body: stage.body, headers: signatureOf(stage.headers) });
			expect(ack).toMatchObject({ resumed: false, statusCode: 200 });
		}
		const complete = await resumeWaiting(waiting, { body: stages[2].body, headers: signatureOf(stages[2].headers) });
		expect(complete.resumed).toBe(true);
		expect(complete.final!.output[0].json).toMatchObject({ taskId, api: 'suno', status: 'success' });
	});

	caseTest('callback-malformed-resume', async () => {
		const { taskId, waiting } = await waitingForDelivered('malformed resume');
		const noId = await resumeWaiting(waiting, { body: { code: 200, msg: 'success', data: { state: 'success' } }, headers: signedNow(taskId) });
		expect(noId).toMatchObject({ resumed: false, statusCode: 400 });
	});

	caseTest('callback-forged-body-resume', async () => {
		const { taskId, waiting, delivery } = await waitingForDelivered('forged body');
		const body = JSON.parse(JSON.stringify(delivery.body));
		body.data.resultJson = JSON.stringify({ resultUrls: ['https://attacker.invalid/x.png'] });
		const resumed = await resumeWaiting(waiting, { body, headers: signatureOf(delivery.headers) });
		expect(resumed.resumed).toBe(true);
		const [item] = resumed.final!.output;
		expect(item.json).toMatchObject({ taskId, url: `${emulator().url}/media/${taskId}/0.png` });
		expect(JSON.stringify(item.json)).not.toContain('attacker.invalid');
		expect((await readBinary(item)).subarray(1, 4).toString()).toBe('PNG');
	});
});
