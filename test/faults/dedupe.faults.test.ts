/**
 * Fault matrix, callback integrity: exactly one workflow per task and stage whatever the timing of
 * duplicates (concurrent copies, a copy during a slow verify or download, re-delivery of a batch,
 * a restart), the reservation given back after a failed attempt, no fetch of a URL KIE did not
 * confirm, no secret in the output, and one resume per waiting execution. Through n8n-core's real
 * webhook context (test/harness); timing is controlled by events on a gate server
 * (test/support/gate.ts), never by the clock.
 */
import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { Kie } from '../../nodes/Kie/Kie.node';
import { KieTrigger } from '../../nodes/Kie/KieTrigger.node';
import { REDACTED } from '../../nodes/Kie/task/redact';
import { forgetReservations } from '../../nodes/Kie/callback/once';
import { DEFAULT_API_KEY } from '../emulator';
import { startReceiver, type Receiver } from '../emulator/helpers';
import { createTriggerHarness, readBinary, resumeWaiting, runNode, type KieTestCredentials, type TriggerCallResult } from '../harness';
import { marketRecord, PNG_BYTES, startGate, type Gate } from '../support/gate';
import { runKie } from '../support/kie';
import { createMarket, credentials, waitParameters } from '../wait/support';
import { caseTest, useFaultEmulator } from './support';

const emulator = useFaultEmulator({ callbackDelaysMs: [50, 50] });
const TOKEN = 'dedupe-shared-token-7f3a9c';
const QUERY = { token: TOKEN };

let gate: Gate;
let receiver: Receiver;
beforeAll(async () => {
	gate = await startGate();
	receiver = await startReceiver();
});
afterAll(async () => {
	await gate.close();
	await receiver.close();
});
beforeEach(() => {
	gate.release();
	gate.log.splice(0);
	gate.respond = () => ({ headers: { 'content-type': 'image/png' }, body: PNG_BYTES });
	receiver.received.splice(0);
});

/** A signed-by-token KIE Trigger: the harness keeps static data between calls like n8n does. */
function trigger(parameters: INodeParameters = {}, creds?: KieTestCredentials) {
	return createTriggerHarness({ node: new KieTrigger(), parameters: { ...parameters, options: { sharedToken: TOKEN } }, credentials: creds });
}

/** A Market success callback naming `urls` (the body's claim, whoever sent it). */
function marketCallback(taskId: string, urls: string[], extraData: Record<string, unknown> = {}): Record<string, unknown> {
	return {
		code: 200,
		msg: 'Playground task completed successfully.',
		data: { taskId, model: 'nano-banana-pro', state: 'success', param: '{}', resultJson: JSON.stringify({ resultUrls: urls }), ...extraData },
	};
}

const started = (results: TriggerCallResult[]) => results.filter((result) => result.workflowData !== undefined);
const duplicates = (results: TriggerCallResult[]) =>
	results.filter((result) => JSON.stringify(result.responseBody) === JSON.stringify({ received: true, duplicate: true }));
const taskIdOf = (result: TriggerCallResult) => String(result.workflowData![0][0].json.taskId);

describe('concurrent and repeated deliveries to the KIE Trigger', () => {
	caseTest('callback-concurrent-copies', async () => {
		for (const copies of [2, 5, 10]) {
			for (let round = 0; round < 3; round++) {
				const h = trigger();
				const body = marketCallback(`concurrent-${copies}-${round}`, [`${gate.url}/file/${copies}.png`]);
				const results = await Promise.all(Array.from({ length: copies }, async () => await h.call({ body, query: QUERY })));
				expect(results.map((result) => result.statusCode)).toEqual(Array(copies).fill(200));
				expect(started(results)).toHaveLength(1);
				expect(duplicates(results)).toHaveLength(copies - 1);
			}
		}
	});

	caseTest('callback-duplicate-during-verify', async () => {
		const taskId = 'slow-verify-0001';
		gate.respond = (req) => (req.path.startsWith('/api/') ? marketRecord(taskId, 'success', [`${gate.url}/file/v.png`]) : { body: PNG_BYTES });
		gate.hold = ['/api/v1/jobs/recordInfo'];
		const h = trigger({ verifyWithApi: true }, { apiKey: DEFAULT_API_KEY, baseUrl: gate.url });
		const body = marketCallback(taskId, [`${gate.url}/file/v.png`]);
		const first = h.call({ body, query: QUERY });
		await gate.waitFor('/api/v1/jobs/recordInfo', 1);
		// The first copy is verifying (its record read is held): a second copy arrives.
		const second = await h.call({ body, query: QUERY });
		expect(second.responseBody).toEqual({ received: true, duplicate: true });
		gate.release();
		const firstResult = await first;
		expect(firstResult.statusCode).toBe(200);
		expect(firstResult.workflowData![0][0].json).toMatchObject({ taskId, verified: true });
		expect(gate.log.filter((entry) => entry.path.startsWith('/api/'))).toHaveLength(1);
	});

	caseTest('callback-duplicate-during-download', async () => {
		gate.hold = ['/file/'];
		const h = trigger({ downloadResults: true });
		const body = marketCallback('slow-download-0001', [`${gate.url}/file/d.png`]);
		const first = h.call({ body, query: QUERY });
		await gate.waitFor('/file/', 1);
		// The first copy was answered 200 and is downloading: KIE's second copy arrives.
		const second = await h.call({ body, query: QUERY });
		expect(second.statusCode).toBe(200);
		expect(second.responseBody).toEqual({ received: true, duplicate: true });
		expect(second.workflowData).toBeUndefined();
		gate.release();
		const firstResult = await first;
		expect(firstResult.workflowData![0]).toHaveLength(1);
		expect(await readBinary(firstResult.workflowData![0][0])).toEqual(PNG_BYTES);
		expect(gate.log.filter((entry) => entry.path.startsWith('/file/'))).toHaveLength(1);
	});

	caseTest('callback-redelivery-30', async () => {
		gate.hold = ['/file/'];
		const h = trigger({ downloadResults: true });
		const bodies = Array.from({ length: 30 }, (_, i) => marketCallback(`redelivery-${String(i).padStart(2, '0')}`, [`${gate.url}/file/r${i}.png`]));
		const send = async () => await Promise.all(bodies.map(async (body) => await h.call({ body, query: QUERY })));
		const firstRound = send();
		await gate.waitFor('/file/', 30);
		// All 30 are downloading; KIE delivers all 30 again.
		const overlapping = await send();
		expect(started(overlapping)).toHaveLength(0);
		expect(duplicates(overlapping)).toHaveLength(30);
		gate.release();
		const first = await firstRound;
		expect(started(first)).toHaveLength(30);
		expect(new Set(started(first).map(taskIdOf)).size).toBe(30);
		// Minutes later, and after a restart (the process memory is gone, static data is not).
		expect(started(await send())).toHaveLength(0);
		forgetReservations();
		const afterRestart = await send();
		expect(started(afterRestart)).toHaveLength(0);
		expect(duplicates(afterRestart)).toHaveLength(30);
		expect(gate.log.filter((entry) => entry.path.startsWith('/file/'))).toHaveLength(30);
	});

	caseTest('callback-released-after-failure', async () => {
		const taskId = 'released-0001';
		let state: 'generating' | 'success' = 'generating';
		gate.respond = (req) => (req.path.startsWith('/api/') ? marketRecord(taskId, state, [`${gate.url}/file/x.png`]) : { body: PNG_BYTES });
		const h = trigger({ verifyWithApi: true }, { apiKey: DEFAULT_API_KEY, baseUrl: gate.url });
		const body = marketCallback(taskId, [`${gate.url}/file/x.png`]);
		const failed = await h.call({ body, query: QUERY });
		expect(failed.statusCode).toBe(503);
		expect(failed.workflowData).toBeUndefined();
		state = 'success';
		const retried = await h.call({ body, query: QUERY });
		expect(retried.statusCode).toBe(200);
		expect(retried.workflowData![0][0].json).toMatchObject({ taskId, status: 'success', verified: true });
		expect((await h.call({ body, query: QUERY })).responseBody).toEqual({ received: true, duplicate: true });
	});
});

describe('no fetch of a URL KIE did not confirm', () => {
	caseTest('callback-unverified-no-fetch', async () => {
		const sentinel = (name: string) => `${gate.url}/sentinel/${name}.png`;
		const creds = { apiKey: DEFAULT_API_KEY, baseUrl: emulator().url };
		const h = createTriggerHarness({ node: new KieTrigger(), parameters: { verifyWithApi: true, downloadResults: true }, credentials: creds });
		// A task KIE does not know.
		const unknown = await h.call({ body: marketCallback('f'.repeat(32), [sentinel('unknown')]) });
		expect(unknown.statusCode).toBe(503);
		expect(unknown.workflowData).toBeUndefined();
		// A task KIE still runs.
		emulator().configure({ rules: [{ match: { promptIncludes: 'slow' }, durationMs: 600000 }] });
		const running = await createMarket(emulator(), 'grok-imagine/text-to-image', 'slow fox');
		const notFinal = await h.call({ body: marketCallback(running, [sentinel('running')]) });
		expect(notFinal.statusCode).toBe(503);
		expect(String((notFinal.responseBody as { error: string }).error)).toMatch(/still reports task/);
		// Neither HMAC, token nor Verify: the combination is refused before anything is fetched.
		const open = await createTriggerHarness({ node: new KieTrigger(), parameters: { downloadResults: true } }).call({ body: marketCallback('open-0001', [sentinel('open')]) });
		expect(open.statusCode).toBe(500);
		expect(open.webhookError?.message).toMatch(/^The KIE Trigger refused the callback: Download Results needs the callbacks to be authenticated or verified/);
		expect(gate.log).toEqual([]);
	});
});

describe('no secret in outputs', () => {
	caseTest('callback-token-redacted', async () => {
		const callBackUrl = `${receiver.url}?token=${TOKEN}&api=market`;
		const taskId = await createMarket(emulator(), 'grok-imagine/text-to-image', 'a fox', callBackUrl);
		emulator().finishTask(taskId, {});
		await emulator().waitForCallbacks(1, 5000);
		const delivered = receiver.received.find((entry) => entry.body?.data?.taskId === taskId)!;
		expect(JSON.stringify(delivered.body)).toContain(TOKEN);
		const creds = { ...credentials(emulator(), 'hmac-key-never-echoed-1234'), apiKey: DEFAULT_API_KEY };
		const h = trigger({ verifyWithApi: true }, { apiKey: creds.apiKey, baseUrl: creds.baseUrl });
		const result = await h.call({ body: delivered.body, query: QUERY });
		const output = JSON.stringify(result.workflowData);
		expect(result.workflowData![0][0].json).toMatchObject({ taskId, verified: true });
		expect(output).not.toContain(TOKEN);
		expect(output).not.toContain(DEFAULT_API_KEY);
		expect(output).toContain(`token=${REDACTED}`);
		// The KIE node's Get Task shows the same record: no token either.
		const got = await runKie(emulator(), { resource: 'task', operation: 'get', taskId, api: 'market' });
		expect(JSON.stringify(got.output)).not.toContain(TOKEN);
		expect(JSON.stringify(got.output)).toContain(`token=${REDACTED}`);
	});
});

describe('one resume per waiting execution', () => {
	caseTest('callback-concurrent-resume', async () => {
		const taskId = await createMarket(emulator(), 'grok-imagine/text-to-image', 'resume copies', receiver.url);
		const waiting = await runNode({
			node: new Kie(),
			parameters: waitParameters({ waitMode: 'callback' }),
			items: [{ json: { taskId, api: 'market' } as never }],
			credentials: credentials(emulator()),
		});
		expect(waiting.status).toBe('waiting');
		emulator().finishTask(taskId, {});
		await emulator().waitForCallbacks(1, 5000);
		const delivery = receiver.received.find((entry) => entry.body?.data?.taskId === taskId)!;
		const copies = await Promise.all(Array.from({ length: 5 }, async () => await resumeWaiting(waiting, { body: delivery.body })));
		const resumed = copies.filter((copy) => copy.resumed);
		expect(resumed).toHaveLength(1);
		expect(copies.filter((copy) => !copy.resumed).map((copy) => copy.statusCode)).toEqual([409, 409, 409, 409]);
		expect((resumed[0].final!.output as INodeExecutionData[])[0].json).toMatchObject({ taskId, status: 'success' });
	});
});
