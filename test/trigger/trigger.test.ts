/**
 * The KIE Trigger through n8n-core's real WebhookContext (test/harness): every family's callback,
 * event filters, HMAC and token checks, duplicates, refused bodies, Verify with API and binary
 * downloads against the KIE emulator.
 */
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { KieTrigger } from '../../nodes/Kie/KieTrigger.node';
import { DELIVERIES_KEY } from '../../nodes/Kie/trigger/dedupe';
import { kieSignature } from '../../nodes/Kie/callback/hmac';
import { DEFAULT_API_KEY, startEmulator, type Emulator } from '../emulator';
import { call as emulatorCall } from '../emulator/helpers';
import { createTriggerHarness, readBinary, type HttpRequestLike, type KieTestCredentials } from '../harness';
import { FIXTURES, fixture } from './fixtures';

const HMAC_KEY = 'hmac-key-placeholder';
/** Download Results needs an authenticated (or verified) callback: a Shared Token here. */
const TOKEN = { options: { sharedToken: 'trigger-test-token-placeholder' } };
const TOKEN_QUERY = { token: 'trigger-test-token-placeholder' };

interface Result {
	statusCode: number;
	responseBody: unknown;
	workflowData?: INodeExecutionData[][];
	webhookError?: Error;
}

function harness(parameters: INodeParameters = {}, credentials?: KieTestCredentials, mode: 'webhook' | 'manual' = 'webhook') {
	const h = createTriggerHarness({ node: new KieTrigger(), parameters, credentials, mode });
	return {
		...h,
		send: async (request: HttpRequestLike): Promise<Result> => (await h.call(request)) as Result,
	};
}

function items(result: Result): INodeExecutionData[] {
	expect(result.workflowData).toBeDefined();
	return result.workflowData![0];
}

function only(result: Result): IDataObject {
	const list = items(result);
	expect(list).toHaveLength(1);
	return list[0].json;
}

function signed(taskId: string, key = HMAC_KEY, ageSeconds = 0): Record<string, string> {
	const ts = String(Math.floor(Date.now() / 1000) - ageSeconds);
	return { 'X-Webhook-Timestamp': ts, 'X-Webhook-Signature': kieSignature(taskId, ts, key) };
}

describe('KIE Trigger — node description', () => {
	const node = new KieTrigger();
	const d = node.description;

	it('follows the trigger conventions', () => {
		expect(d.name).toBe('kieTrigger');
		expect(d.displayName).toBe('KIE Trigger');
		expect(d.group).toEqual(['trigger']);
		expect(d.inputs).toEqual([]);
		expect(d.usableAsTool).toBeUndefined();
		expect(d.credentials).toEqual([{ name: 'kieApi', required: false }]);
		expect(d.icon).toEqual({ light: 'file:kie.svg', dark: 'file:kie.dark.svg' });
		expect(d.webhooks).toEqual([
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', responseData: 'noData', path: 'callback' },
		]);
	});

	function hookContext(parameters: Record<string, unknown>, credentials?: Record<string, unknown>) {
		return {
			getNodeParameter: (name: string, fallback: unknown) => parameters[name] ?? fallback,
			getNode: () => ({ name: 'KIE Trigger', credentials: credentials ? { kieApi: { id: '1', name: 'KIE' } } : undefined }),
			getCredentials: async () => credentials,
		} as never;
	}

	it('has lifecycle methods with nothing remote to do', async () => {
		const methods = node.webhookMethods.default;
		await expect(methods.checkExists.call(hookContext({}))).resolves.toBe(true);
		await expect(methods.create.call({} as never)).resolves.toBe(true);
		await expect(methods.delete.call({} as never)).resolves.toBe(true);
	});

	it('refuses to activate with Download Results on and neither HMAC key, Shared Token nor Verify', async () => {
		const check = node.webhookMethods.default.checkExists;
		await expect(check.call(hookContext({ downloadResults: true }))).rejects.toThrow(
			'KIE Trigger: Download Results needs the callbacks to be authenticated or verified: set the webhook HMAC key in the KIE credential, or a Shared Token (Options), or turn on Verify with API. Otherwise anyone who knows the URL could make n8n download from any host.',
		);
		await expect(check.call(hookContext({ downloadResults: true }, { apiKey: 'k', webhookHmacKey: '' }))).rejects.toThrow(/Download Results needs/);
		await expect(check.call(hookContext({ downloadResults: true, options: { sharedToken: 'tok-123456' } }))).resolves.toBe(true);
		await expect(check.call(hookContext({ downloadResults: true }, { apiKey: 'k', webhookHmacKey: 'h-key-1234' }))).resolves.toBe(true);
		await expect(check.call(hookContext({ downloadResults: true, verifyWithApi: true }, { apiKey: 'k' }))).resolves.toBe(true);
		await expect(check.call(hookContext({ verifyWithApi: true }))).rejects.toThrow(
			'KIE Trigger: Verify with API needs a KIE credential on the trigger: select one, or turn Verify with API off.',
		);
	});

	it('explains production vs test URL, WEBHOOK_URL and the ?token= / ?api= suffixes', () => {
		const notice = d.properties.find((p) => p.type === 'notice')!.displayName;
		for (const text of ['Production URL', '2 minutes', 'WEBHOOK_URL', '?token=', 'api=']) expect(notice).toContain(text);
	});

	it('has the documented defaults', () => {
		const byName = Object.fromEntries(d.properties.map((p) => [p.name, p]));
		expect(byName.api.default).toBe('auto');
		expect(byName.events.default).toBe('final');
		expect(byName.includeIntermediate.default).toBe(false);
		expect(byName.verifyWithApi.default).toBe(false);
		expect(byName.downloadResults.default).toBe(false);
		const options = Object.fromEntries((byName.options.options as Array<{ name: string; default: unknown }>).map((o) => [o.name, o.default]));
		expect(options).toEqual({
			duplicateMemoryHours: 24,
			ignoreDuplicates: true,
			maxBodySizeKb: 1024,
			sharedToken: '',
			signatureToleranceSeconds: 300,
		});
	});
});

describe('KIE Trigger — every family, success and failure (docs/kie-api.md §4.3)', () => {
	it.each(FIXTURES.map((f) => [f.name, f] as const))('%s', async (_name, f) => {
		const h = harness();
		const result = await h.send({ body: f.body });
		expect(result.statusCode).toBe(200);
		if (!f.final) {
			expect(result.workflowData).toBeUndefined();
			expect(result.responseBody).toEqual({ received: true, ignored: `intermediate stage "${f.stage}"` });
			return;
		}
		expect(result.responseBody).toEqual({ received: true });
		const json = only(result);
		expect(json).toMatchObject({
			taskId: f.taskId,
			api: f.family,
			status: f.status,
			final: true,
			resultUrls: f.resultUrls,
			callbackType: f.stage,
			apiSource: f.guessed ? 'guessed' : 'detected',
			callback: f.body,
		});
		if (f.failCode !== undefined) expect(json.failCode).toBe(f.failCode);
		if (f.failMsg !== undefined) expect(json.failMsg).toBe(f.failMsg);
		if (f.guessed) expect((json.apiCandidates as string[])[0]).toBe(f.family);
		expect(items(result)[0].pairedItem).toBeUndefined();
	});

	it('?api= on the URL names the family when the body cannot', async () => {
		const f = fixture('Flux Kontext failure (info: null — guessed as 4o unless ?api=)');
		const json = only(await harness().send({ body: f.body, query: { api: 'fluxKontext' } }));
		expect(json).toMatchObject({ api: 'fluxKontext', apiSource: 'query', status: 'failed', failCode: '501' });
		expect(json.apiCandidates).toBeUndefined();
	});

	it('the API setting names the family when there is no ?api=', async () => {
		const f = fixture('Flux Kontext failure (info: null — guessed as 4o unless ?api=)');
		const json = only(await harness({ api: 'fluxKontext' }).send({ body: f.body }));
		expect(json).toMatchObject({ api: 'fluxKontext', apiSource: 'parameter' });
		const overridden = only(await harness({ api: 'veo' }).send({ body: f.body, query: { api: 'fluxKontext' } }));
		expect(overridden).toMatchObject({ api: 'fluxKontext', apiSource: 'query' });
	});

	it('an unknown ?api= is ignored with a warning', async () => {
		const json = only(await harness().send({ body: fixture('Runway success').body, query: { api: 'nope' } }));
		expect(json).toMatchObject({ api: 'runway', apiSource: 'detected', warning: expect.stringContaining('?api=nope') });
	});
});

describe('KIE Trigger — events', () => {
	const stages = ['Suno text stage', 'Suno first stage', 'Suno complete stage'].map((name) => fixture(name).body);

	it('Suno: only the final stage starts the workflow by default', async () => {
		const h = harness();
		const results = [];
		for (const body of stages) results.push(await h.send({ body }));
		expect(results.map((r) => r.workflowData !== undefined)).toEqual([false, false, true]);
		expect(results.map((r) => r.statusCode)).toEqual([200, 200, 200]);
		expect(only(results[2])).toMatchObject({ callbackType: 'complete', status: 'success', final: true });
	});

	it('Suno: with intermediate stages, text / first / complete each start the workflow', async () => {
		const h = harness({ includeIntermediate: true });
		const out = [];
		for (const body of stages) out.push(only(await h.send({ body })));
		expect(out.map((j) => [j.callbackType, j.status, j.final, (j.resultUrls as string[]).length])).toEqual([
			['text', 'running', false, 0],
			['first', 'running', false, 1],
			['complete', 'success', true, 2],
		]);
	});

	it('Success Only / Failure Only', async () => {
		const ok = fixture('Market (a) success').body;
		const bad = fixture('Market (a) failure').body;
		const successOnly = harness({ events: 'success' });
		expect((await successOnly.send({ body: ok })).workflowData).toBeDefined();
		const ignored = await successOnly.send({ body: bad });
		expect(ignored.workflowData).toBeUndefined();
		expect(ignored.responseBody).toMatchObject({ received: true, ignored: expect.stringContaining('failed') });
		const failureOnly = harness({ events: 'failure' });
		expect((await failureOnly.send({ body: ok })).workflowData).toBeUndefined();
		expect(only(await failureOnly.send({ body: bad }))).toMatchObject({ status: 'failed' });
		// A Suno error stage is a failure event.
		expect(only(await failureOnly.send({ body: fixture('Suno error stage').body }))).toMatchObject({ callbackType: 'error', status: 'failed' });
	});
});

describe('KIE Trigger — security', () => {
	const creds: KieTestCredentials = { apiKey: DEFAULT_API_KEY, baseUrl: 'http://127.0.0.1:9', webhookHmacKey: HMAC_KEY };
	const f = fixture('Runway success');

	it('HMAC: a valid signature starts the workflow (task id from data.task_id)', async () => {
		const result = await harness({}, creds).send({ body: f.body, headers: signed(f.taskId) });
		expect(result.statusCode).toBe(200);
		expect(only(result).taskId).toBe(f.taskId);
	});

	it('HMAC: Aleph signs its top-level taskId', async () => {
		const aleph = fixture('Aleph success');
		expect((await harness({}, creds).send({ body: aleph.body, headers: signed(aleph.taskId) })).workflowData).toBeDefined();
	});

	it.each([
		['missing headers', {}, /X-Webhook-Timestamp header is missing/],
		['a wrong key', signed(f.taskId, 'other-key-placeholder'), /signature does not match/],
		['another task id', signed('another-task'), /signature does not match/],
		['a stale timestamp', signed(f.taskId, HMAC_KEY, 301), /away from now/],
		['a timestamp in ms', { 'X-Webhook-Timestamp': String(Date.now()), 'X-Webhook-Signature': 'x' }, /unix seconds/i],
	])('HMAC: %s → 401 without a workflow', async (_name, headers, reason) => {
		const result = await harness({}, creds).send({ body: f.body, headers: headers as Record<string, string> });
		expect(result.statusCode).toBe(401);
		expect(result.workflowData).toBeUndefined();
		expect(result.responseBody).toMatchObject({ received: false, error: expect.stringMatching(reason) });
	});

	it('HMAC: the window is configurable', async () => {
		const h = harness({ options: { signatureToleranceSeconds: 3600 } }, creds);
		expect((await h.send({ body: f.body, headers: signed(f.taskId, HMAC_KEY, 1800) })).statusCode).toBe(200);
		const strict = harness({ options: { signatureToleranceSeconds: 10 } }, creds);
		expect((await strict.send({ body: f.body, headers: signed(f.taskId, HMAC_KEY, 60) })).statusCode).toBe(401);
	});

	it('HMAC: not required when the credential has no key, or without a credential', async () => {
		const noKey = harness({}, { apiKey: DEFAULT_API_KEY, baseUrl: 'http://127.0.0.1:9' });
		expect((await noKey.send({ body: f.body })).statusCode).toBe(200);
		expect((await harness().send({ body: f.body })).statusCode).toBe(200);
	});

	it('token: ?token= must match the Shared Token option', async () => {
		const h = harness({ options: { sharedToken: 'shared-token-placeholder' } });
		const good = await h.send({ body: f.body, query: { token: 'shared-token-placeholder', api: 'runway' } });
		expect(good.statusCode).toBe(200);
		expect(only(good)).toMatchObject({ apiSource: 'query' });
		for (const query of [{ token: 'wrong' }, {}, { token: '' }] as Array<Record<string, string>>) {
			const bad = await h.send({ body: fixture('Runway failure').body, query });
			expect(bad.statusCode).toBe(401);
			expect(bad.workflowData).toBeUndefined();
		}
	});

	it('token and HMAC together: both must pass', async () => {
		const h = harness({ options: { sharedToken: 'shared-token-placeholder' } }, creds);
		expect((await h.send({ body: f.body, headers: signed(f.taskId), query: { token: 'wrong' } })).statusCode).toBe(401);
		expect((await h.send({ body: f.body, query: { token: 'shared-token-placeholder' } })).statusCode).toBe(401);
		expect((await h.send({ body: f.body, headers: signed(f.taskId), query: { token: 'shared-token-placeholder' } })).statusCode).toBe(200);
	});
});

describe('KIE Trigger — refused bodies', () => {
	it.each([
		['not JSON', { body: 'task done', rawBody: Buffer.from('task done'), headers: { 'content-type': 'text/plain' } }, 'not valid JSON'],
		['a JSON array', { body: [{ taskId: 'x' }], rawBody: Buffer.from('[{"taskId":"x"}]') }, 'must be a JSON object'],
		['empty', { body: {}, rawBody: Buffer.alloc(0) }, 'empty'],
		['no task id', { body: { code: 200, msg: 'success', data: { info: { resultUrls: ['https://x/a.mp4'] } } } }, 'no task id'],
	])('%s → 400 without a workflow', async (_name, request, reason) => {
		const result = await harness().send(request as HttpRequestLike);
		expect(result.statusCode).toBe(400);
		expect(result.workflowData).toBeUndefined();
		expect(result.responseBody).toMatchObject({ received: false, error: expect.stringContaining(reason) });
	});

	it('reads JSON sent with a wrong content type from the raw body', async () => {
		const body = fixture('Veo generate success').body;
		const raw = Buffer.from(JSON.stringify(body));
		const json = only(await harness().send({ body: raw.toString(), rawBody: raw, headers: { 'content-type': 'text/plain' } }));
		expect(json).toMatchObject({ api: 'veo', status: 'success' });
	});

	it('over the size limit → 400 (default 1 MB, configurable)', async () => {
		const big = { ...fixture('Market (a) success').body, padding: 'x'.repeat(1024 * 1024) };
		const result = await harness().send({ body: big });
		expect(result.statusCode).toBe(400);
		expect(result.responseBody).toMatchObject({ error: expect.stringContaining('at most 1048576') });
		const small = harness({ options: { maxBodySizeKb: 1 } });
		const twoKb = { ...fixture('Market (a) success').body, padding: 'x'.repeat(2048) };
		expect((await small.send({ body: twoKb })).statusCode).toBe(400);
		expect((await small.send({ body: fixture('Veo generate success').body })).statusCode).toBe(200);
		expect((await harness({ options: { maxBodySizeKb: 2048 } }).send({ body: big })).statusCode).toBe(200);
	});
});

describe('KIE Trigger — duplicates', () => {
	const body = fixture('Market (a) success').body;

	it('the same task and stage starts one workflow; repeats get 200 without one', async () => {
		const h = harness();
		expect((await h.send({ body })).workflowData).toBeDefined();
		const again = await h.send({ body });
		expect(again.statusCode).toBe(200);
		expect(again.responseBody).toEqual({ received: true, duplicate: true });
		expect(again.workflowData).toBeUndefined();
		expect(Object.keys(h.staticData[`node:${h.nodeName}`] !== undefined ? ((h.staticData[`node:${h.nodeName}`] as IDataObject)[DELIVERIES_KEY] as IDataObject) : {})).toEqual([
			'e989621f54392584b05867f87b160672|final|success',
		]);
	});

	it('different Suno stages of one task are not duplicates', async () => {
		const h = harness({ includeIntermediate: true });
		for (const name of ['Suno text stage', 'Suno first stage', 'Suno complete stage']) {
			expect((await h.send({ body: fixture(name).body })).workflowData).toBeDefined();
		}
		expect((await h.send({ body: fixture('Suno first stage').body })).responseBody).toEqual({ received: true, duplicate: true });
	});

	it('refused or filtered callbacks are not remembered', async () => {
		const h = harness({ events: 'failure' });
		await h.send({ body });
		expect(h.staticData).toEqual({});
		const open = harness();
		expect((await open.send({ body })).workflowData).toBeDefined();
	});

	it('can be switched off; test URLs (manual mode) never de-duplicate', async () => {
		const off = harness({ options: { ignoreDuplicates: false } });
		expect((await off.send({ body })).workflowData).toBeDefined();
		expect((await off.send({ body })).workflowData).toBeDefined();
		const manual = harness({}, undefined, 'manual');
		expect((await manual.send({ body })).workflowData).toBeDefined();
		expect((await manual.send({ body })).workflowData).toBeDefined();
	});
});

describe('KIE Trigger — Verify with API and Download Results (KIE emulator)', () => {
	let emu: Emulator;
	let creds: KieTestCredentials;

	beforeAll(async () => {
		emu = await startEmulator({ rateLimit: null, defaultDurationMs: 60000 });
		creds = { apiKey: DEFAULT_API_KEY, baseUrl: emu.url, uploadBaseUrl: emu.uploadUrl };
	});
	afterAll(async () => await emu.close());
	beforeEach(() => emu.reset());

	async function create(path: string, body: Record<string, unknown>): Promise<string> {
		const reply = await emulatorCall(emu.url, 'POST', path, body);
		expect(reply.json.code).toBe(200);
		return reply.json.data.taskId as string;
	}

	function marketCallback(taskId: string, urls: string[]): Record<string, unknown> {
		return {
			code: 200,
			msg: 'Playground task completed successfully.',
			data: { taskId, model: 'nano-banana-pro', state: 'success', param: '{}', resultJson: JSON.stringify({ resultUrls: urls }), costTime: 1 },
		};
	}

	it("takes the record's values over the callback's", async () => {
		const taskId = await create('/api/v1/jobs/createTask', { model: 'nano-banana-pro', input: { prompt: 'a fox' } });
		emu.finishTask(taskId, {});
		const record = emu.task(taskId)!;
		// A callback claiming other files (forged, or stale): the API's record wins.
		const callback = marketCallback(taskId, ['https://attacker.invalid/x.png']);
		const json = only(await harness({ verifyWithApi: true }, creds).send({ body: callback }));
		expect(json).toMatchObject({ taskId, api: 'market', status: 'success', verified: true, resultUrls: record.resultUrls, callback });
		expect(json.resultUrls).not.toContain('https://attacker.invalid/x.png');
		expect(json.verifyNote).toBeUndefined();
		expect(emu.log.some((entry) => entry.route === 'recordInfo' && entry.query.taskId === taskId)).toBe(true);
	});

	it('reports when the record disagrees on the outcome', async () => {
		const taskId = await create('/api/v1/jobs/createTask', { model: 'nano-banana-pro', input: { prompt: 'a fox' } });
		emu.finishTask(taskId, { fail: { code: '500', msg: 'Internal error' } });
		const json = only(await harness({ verifyWithApi: true }, creds).send({ body: marketCallback(taskId, ['https://x.invalid/a.png']) }));
		expect(json).toMatchObject({ status: 'failed', verified: true, callbackStatus: 'success', failMsg: 'Internal error', resultUrls: [] });
	});

	it("answers 503 (KIE retries) and starts nothing when KIE's API does not know the task", async () => {
		const result = await harness({ verifyWithApi: true }, creds).send({ body: marketCallback('unknown-task-0001', ['https://x.invalid/a.png']) });
		expect(result.statusCode).toBe(503);
		expect(result.workflowData).toBeUndefined();
		expect(result.responseBody).toEqual({
			received: false,
			error: "Callback not taken yet: KIE's API does not know task unknown-task-0001. Nothing was started or downloaded; send it again later.",
		});
	});

	it('answers 503 while the API still says the task is running, and takes the retry once it is final', async () => {
		const taskId = await create('/api/v1/jobs/createTask', { model: 'nano-banana-pro', input: { prompt: 'slow' } });
		const h = harness({ verifyWithApi: true }, creds);
		const early = await h.send({ body: marketCallback(taskId, ['https://x.invalid/a.png']) });
		expect(early.statusCode).toBe(503);
		expect(early.workflowData).toBeUndefined();
		expect(String((early.responseBody as IDataObject).error)).toMatch(/still reports task .* as "(waiting|queuing|generating)"/);
		// The 503 released the reservation: KIE's retry starts the workflow.
		emu.finishTask(taskId, {});
		expect(only(await h.send({ body: marketCallback(taskId, ['https://x.invalid/a.png']) }))).toMatchObject({ verified: true, status: 'success' });
	});

	it('tries each candidate family when the body only carried a task id', async () => {
		const taskId = await create('/api/v1/flux/kontext/generate', { prompt: 'a red door' });
		emu.finishTask(taskId, { fail: { code: '501', msg: 'Image generation failed' } });
		const json = only(await harness({ verifyWithApi: true }, creds).send({ body: { code: 501, msg: 'Image generation failed', data: { taskId, info: null } } }));
		expect(json).toMatchObject({ api: 'fluxKontext', apiSource: 'verified', verified: true, status: 'failed', failMsg: 'Image generation failed' });
		const reads = emu.log.filter((entry) => entry.query.taskId === taskId).map((entry) => entry.route);
		expect(reads).toEqual(['gpt4o.record', 'fluxKontext.record']);
	});

	it('without a credential, refuses the callback (and activation) instead of trusting it', async () => {
		const result = await harness({ verifyWithApi: true }).send({ body: fixture('Veo generate success').body });
		expect(result.statusCode).toBe(500);
		expect(result.workflowData).toBeUndefined();
		expect(result.webhookError?.message).toBe(
			'The KIE Trigger refused the callback: Verify with API needs a KIE credential on the trigger: select one, or turn Verify with API off.',
		);
	});

	it('an unreadable API answers 503 so KIE retries; nothing starts', async () => {
		const result = await harness({ verifyWithApi: true }, { apiKey: 'wrong-key-placeholder', baseUrl: emu.url }).send({ body: marketCallback('t-err', ['https://x.invalid/a.png']) });
		expect(result.statusCode).toBe(503);
		expect(result.workflowData).toBeUndefined();
		expect(String((result.responseBody as IDataObject).error)).toContain("KIE's API could not be read");
	});

	it('downloads the result files as binary data, one item per file', async () => {
		const taskId = await create('/api/v1/mj/generate', { taskType: 'mj_txt2img', prompt: 'four foxes' });
		emu.finishTask(taskId, {});
		const urls = emu.task(taskId)!.resultUrls;
		expect(urls).toHaveLength(4);
		const body = { code: 200, msg: 'success', data: { taskId, promptJson: JSON.stringify({ taskType: 'mj_txt2img' }), resultUrls: urls } };
		const result = await harness({ downloadResults: true, ...TOKEN }).send({ body, query: TOKEN_QUERY });
		const out = items(result);
		expect(out).toHaveLength(4);
		for (const [index, item] of out.entries()) {
			expect(item.json).toMatchObject({ taskId, api: 'midjourney', url: urls[index], index, callbackType: 'final', callback: body });
			expect(item.binary!.data.mimeType).toBe('image/png');
			const bytes = await readBinary(item);
			expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
			expect(item.pairedItem).toBeUndefined();
		}
	});

	it('one item per task, custom binary field', async () => {
		const taskId = await create('/api/v1/mj/generate', { taskType: 'mj_txt2img', prompt: 'four foxes' });
		emu.finishTask(taskId, {});
		const body = { code: 200, msg: 'success', data: { taskId, promptJson: '{"taskType":"mj_txt2img"}', resultUrls: emu.task(taskId)!.resultUrls } };
		const out = items(await harness({ downloadResults: true, outputOptions: { layout: 'perTask', binaryProperty: 'image' }, ...TOKEN }).send({ body, query: TOKEN_QUERY }));
		expect(out).toHaveLength(1);
		expect(Object.keys(out[0].binary!)).toEqual(['image', 'image_1', 'image_2', 'image_3']);
		expect((out[0].json.files as IDataObject[]).map((f) => f.binaryProperty)).toEqual(['image', 'image_1', 'image_2', 'image_3']);
	});

	it('uses the shared Output options (max file size)', async () => {
		emu.configure({ mediaBytes: { image: 4096 } });
		try {
			const taskId = await create('/api/v1/jobs/createTask', { model: 'nano-banana-pro', input: { prompt: 'a fox' } });
			emu.finishTask(taskId, {});
			const body = marketCallback(taskId, emu.task(taskId)!.resultUrls);
			const json = only(await harness({ downloadResults: true, outputOptions: { maxFileSizeMb: 0.001 }, ...TOKEN }).send({ body, query: TOKEN_QUERY }));
			expect(json).toMatchObject({ taskId, downloadError: expect.stringContaining('larger than') });
			const fine = items(await harness({ downloadResults: true, outputOptions: { maxFileSizeMb: 1 }, ...TOKEN }).send({ body, query: TOKEN_QUERY }));
			expect((await readBinary(fine[0])).length).toBe(4096);
		} finally {
			emu.configure({ mediaBytes: {} });
		}
	});

	it('Verify with API + Download Results downloads what the record says', async () => {
		const taskId = await create('/api/v1/jobs/createTask', { model: 'nano-banana-pro', input: { prompt: 'a fox' } });
		emu.finishTask(taskId, {});
		const out = items(await harness({ verifyWithApi: true, downloadResults: true }, creds).send({ body: marketCallback(taskId, ['https://attacker.invalid/x.png']) }));
		expect(out).toHaveLength(1);
		expect(out[0].json).toMatchObject({ verified: true, url: emu.task(taskId)!.resultUrls[0] });
		expect((await readBinary(out[0])).length).toBeGreaterThan(0);
	});

	it('a failed download keeps the event and says why', async () => {
		const body = fixture('Veo generate success').body;
		const broken = { ...body, data: { ...(body.data as IDataObject), info: { resultUrls: ['http://127.0.0.1:9/video.mp4'] } } };
		const result = await harness({ downloadResults: true, ...TOKEN }).send({ body: broken, query: TOKEN_QUERY });
		expect(result.statusCode).toBe(200);
		const json = only(result);
		expect(json).toMatchObject({ api: 'veo', status: 'success', downloadError: expect.stringMatching(/refused|download/i) });
		expect(items(result)[0].binary).toBeUndefined();
	});

	it('failed tasks and text results produce one JSON item, nothing to download', async () => {
		const out = items(await harness({ downloadResults: true, ...TOKEN }).send({ body: fixture('Suno lyrics complete').body, query: TOKEN_QUERY }));
		expect(out).toHaveLength(1);
		expect(out[0].binary).toBeUndefined();
		expect(out[0].json.resultObject).toEqual([{ error_message: '', status: 'complete', text: '[Verse]\nStarry night', title: 'Starry Night Dreams' }]);
	});
});
