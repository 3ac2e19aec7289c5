/* eslint-disable @n8n/community-nodes/no-restricted-globals */
/**
 * Secret hygiene: the main flows run with a canary API key (and a canary webhook HMAC key), and
 * the canary must never show up in output items (JSON and binary metadata), error messages and
 * descriptions, anything n8n persists for the execution, UI messages, anything logged (n8n's
 * Logger and LoggerProxy, console, stdout/stderr), or any request the emulator sees except as the
 * `Authorization: Bearer …` header of API and upload requests. Result and upload-served media
 * requests must carry no trace of it at all.
 */
import { LoggerProxy } from 'n8n-workflow';
import type { INodeExecutionData, INodeParameters, Logger as WorkflowLogger } from 'n8n-workflow';

// Log everything n8n-core would log at any level (read when n8n's Logger is first created).
process.env.N8N_LOG_LEVEL = 'debug';

import { Kie } from '../../nodes/Kie/Kie.node';
import { KieTrigger } from '../../nodes/Kie/KieTrigger.node';
import { resetLimiters } from '../../nodes/Kie/transport/limiter';
import { resetDurations } from '../../nodes/Kie/wait/durations';
import { startEmulator, type Emulator, type RequestLogEntry } from '../emulator';
import { call, startReceiver, type Receiver } from '../emulator/helpers';
import { createTriggerHarness, readBinary, resumeWaiting, runNode, type KieTestCredentials, type RunNodeResult } from '../harness';
import { Container, Logger } from '../harness/core-deps';
import { modelById } from '../support/kie';

const CANARY = 'kie-canary-9d1f0c7ab3e54f62b8a0c4d2e6f81357';
const HMAC_CANARY = 'whsec-canary-3b7e1d9f05a24c68e0f7a1b2c3d4e5f6';
/** The KIE Trigger's Shared Token: it travels in the callBackUrl (to KIE, by design) but never back out. */
const TOKEN_CANARY = 'tok-canary-5e2a8c1f9b7d4036a1e8f2c4b6d0a9e7';

/** Every form a leaked key could take in text. */
const NEEDLES = [
	CANARY,
	CANARY.slice(11, 31),
	Buffer.from(CANARY).toString('base64').slice(0, 40),
	Buffer.from(CANARY).toString('hex').slice(0, 40),
	HMAC_CANARY,
	HMAC_CANARY.slice(13, 33),
	TOKEN_CANARY,
	TOKEN_CANARY.slice(11, 31),
];

/** All text reachable from a value: strings, keys, error fields, buffer bytes; cycles skipped. */
function textOf(value: unknown, out: string[] = [], seen = new WeakSet<object>()): string[] {
	if (value === null || value === undefined) return out;
	if (typeof value === 'string') {
		out.push(value);
		return out;
	}
	if (typeof value !== 'object' && typeof value !== 'function') {
		out.push(String(value));
		return out;
	}
	if (typeof value === 'function') return out;
	if (seen.has(value)) return out;
	seen.add(value);
	if (Buffer.isBuffer(value)) {
		out.push(value.toString('latin1'));
		return out;
	}
	if (value instanceof Error) {
		const e = value as Error & { description?: unknown; context?: unknown; cause?: unknown };
		for (const part of [e.name, e.message, e.stack, e.description, e.context, e.cause]) textOf(part, out, seen);
	}
	if (value instanceof Map) {
		for (const [key, entry] of value) {
			textOf(key, out, seen);
			textOf(entry, out, seen);
		}
		return out;
	}
	for (const key of Object.getOwnPropertyNames(value)) {
		out.push(key);
		let entry: unknown;
		try {
			entry = (value as Record<string, unknown>)[key];
		} catch {
			continue;
		}
		textOf(entry, out, seen);
	}
	return out;
}

/** Where a canary shows up in `value`, as short excerpts (empty = clean). */
function leaks(value: unknown): string[] {
	const found: string[] = [];
	for (const text of textOf(value)) {
		for (const needle of NEEDLES) {
			const at = text.indexOf(needle);
			if (at >= 0) found.push(`…${text.slice(Math.max(0, at - 60), at + needle.length + 20)}…`);
		}
	}
	return found;
}

// ---- everything logged --------------------------------------------------------------------------
const logged: unknown[] = [];
const record = (...args: unknown[]) => {
	logged.push(args);
};
const captureLogger = { error: record, warn: record, info: record, debug: record } as unknown as WorkflowLogger;

let kie: Emulator;
let receiver: Receiver;
/** What the current test's flows produced, checked after each test. */
let surfaces: unknown[] = [];

beforeAll(async () => {
	kie = await startEmulator({ apiKeys: [CANARY], hmacKey: HMAC_CANARY, rateLimit: null, defaultDurationMs: 300, callbackDelaysMs: [50, 50] });
	receiver = await startReceiver();
	jest.spyOn(Logger.prototype as unknown as { log: (...args: unknown[]) => void }, 'log').mockImplementation(record);
	LoggerProxy.init(captureLogger);
	for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) jest.spyOn(console, method).mockImplementation(record);
	for (const stream of [process.stdout, process.stderr]) {
		const write = stream.write.bind(stream);
		jest.spyOn(stream, 'write').mockImplementation(((chunk: unknown, ...rest: unknown[]) => {
			logged.push(chunk);
			return (write as (...args: unknown[]) => boolean)(chunk, ...rest);
		}) as typeof stream.write);
	}
});
afterAll(async () => {
	jest.restoreAllMocks();
	await receiver.close();
	await kie.close();
});
beforeEach(() => {
	kie.reset();
	kie.clearFaults();
	kie.configure({ apiKeys: [CANARY], mediaBytes: {}, rules: [] });
	receiver.received.splice(0);
	resetLimiters();
	resetDurations();
	surfaces = [];
});
afterEach(() => {
	expect(leaks(surfaces)).toEqual([]);
	expect(leaks(logged)).toEqual([]);
	expect(requestLeaks(kie.log)).toEqual([]);
});

const API_ROUTES_WITHOUT_KEY = new Set(['media', 'notFound', 'methodNotAllowed']);

/** The key may travel only as the Authorization header of API and upload requests. */
function requestLeaks(log: RequestLogEntry[]): string[] {
	const problems: string[] = [];
	for (const entry of log) {
		const { authorization, ...otherHeaders } = entry.headers;
		const where = `${entry.method} ${entry.path} (${entry.route})`;
		if (API_ROUTES_WITHOUT_KEY.has(entry.route)) {
			if (leaks(entry).length > 0) problems.push(`${where} carries the key`);
			continue;
		}
		if (authorization !== undefined && authorization !== `Bearer ${CANARY}`) problems.push(`${where}: unexpected Authorization ${authorization}`);
		// The Shared Token is part of the callBackUrl the user gives KIE: allowed in API requests only.
		const keyLeaks = leaks({ ...entry, headers: otherHeaders }).filter((excerpt) => !excerpt.includes(TOKEN_CANARY.slice(11, 31)));
		if (keyLeaks.length > 0) problems.push(`${where} carries the key outside Authorization`);
	}
	return problems;
}

const credentials = (apiKey = CANARY): KieTestCredentials => ({ apiKey, baseUrl: kie.url, uploadBaseUrl: kie.uploadUrl, webhookHmacKey: HMAC_CANARY });
const FAST = { baseDelayMs: 20, maxAttempts: 3, maxTotalWaitSeconds: 5 };
const POLL = { expectedSeconds: 0.3, minIntervalSeconds: 0.05, maxIntervalSeconds: 0.2, readsPerSecond: 100 };

/** Runs the KIE node with the canary credential and keeps everything it produced for the check. */
async function run(parameters: INodeParameters, extra: Partial<Parameters<typeof runNode>[0]> = {}): Promise<RunNodeResult> {
	const result = await runNode({ node: new Kie(), parameters: { requestOptions: FAST, ...parameters }, credentials: credentials(), ...extra });
	surfaces.push(resultSurface(result));
	return result;
}

/** What a user, n8n's database or the editor can see of a run (not n8n's internals holding the credential). */
function resultSurface(result: RunNodeResult) {
	return { status: result.status, output: result.outputs, downstream: result.downstream, error: result.error, ui: result.uiMessages, run: result.run, resumeUrl: result.resumeUrl };
}

const routes = (route: string) => kie.log.filter((entry) => entry.route === route);
const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4b10000000049454e44ae426082', 'hex');

function expectAuthorised(route: string) {
	const entries = routes(route);
	expect(entries.length).toBeGreaterThan(0);
	for (const entry of entries) expect(entry.headers.authorization).toBe(`Bearer ${CANARY}`);
}

function expectMediaWithoutKey(minimum: number) {
	const media = routes('media');
	expect(media.length).toBeGreaterThanOrEqual(minimum);
	for (const entry of media) expect(entry.headers.authorization).toBeUndefined();
}

describe('the leak detector itself', () => {
	it('finds the canary (raw, in part, base64, hex) in nested values, errors and buffers', () => {
		const error = new Error('boom') as Error & { description?: string };
		error.description = `key ${CANARY}`;
		expect(leaks({ a: [{ b: `Bearer ${CANARY}` }] })).toHaveLength(2);
		expect(leaks(error).length).toBeGreaterThan(0);
		expect(leaks({ header: Buffer.from(CANARY).toString('base64') })).toHaveLength(1);
		expect(leaks(Buffer.from(`x${HMAC_CANARY}x`))).toHaveLength(2);
		expect(leaks({ clean: 'nothing here', n: 1 })).toEqual([]);
		expect(requestLeaks([{ time: 0, method: 'GET', path: `/media/x?k=${CANARY}`, query: {}, headers: {}, body: null, rawBodyLength: 0, status: 200, route: 'media' }])).toHaveLength(1);
		expect(requestLeaks([{ time: 0, method: 'POST', path: '/api/v1/jobs/createTask', query: {}, headers: { authorization: `Bearer ${CANARY}`, 'x-key': CANARY }, body: null, rawBodyLength: 0, status: 200, route: 'createTask' }])).toHaveLength(1);
	});

	it('sees what n8n logs through its Logger and LoggerProxy', () => {
		const before = logged.length;
		Container.get(Logger).debug('secret-hygiene probe (Logger.debug)');
		LoggerProxy.warn('secret-hygiene probe (LoggerProxy.warn)');
		const probes = textOf(logged.slice(before)).filter((text) => text.startsWith('secret-hygiene probe'));
		expect(probes).toEqual(['secret-hygiene probe (Logger.debug)', 'secret-hygiene probe (LoggerProxy.warn)']);
	});
});

describe('the canary API key stays out of everything but the Authorization header', () => {
	it('Create Task with a binary input (uploaded first), then Get Task', async () => {
		const created = await run(
			{
				resource: 'task',
				operation: 'create',
				model: modelById('grok-imagine/image-to-image'),
				inputMode: 'json',
				inputJson: '{"prompt":"make it blue"}',
				binaryInputs: { mappings: [{ binaryProperty: 'data', field: 'image_urls' }] },
			},
			{ items: [{ json: {}, binary: { data: { data: png.toString('base64'), mimeType: 'image/png', fileName: 'cat.png' } } }] },
		);
		expect(created.status).toBe('success');
		const taskId = String(created.output[0].json.taskId);
		kie.finishTask(taskId, {});
		const got = await run({ resource: 'task', operation: 'get' }, { items: created.output });
		expect(got.output[0].json).toMatchObject({ taskId, status: 'success' });
		expectAuthorised('upload.base64');
		expectAuthorised('createTask');
		expectAuthorised('recordInfo');
	});

	it('Wait for Task (poll) with downloads, an expired link recovered through download-url, filesystem binary mode', async () => {
		const created = await run({ resource: 'task', operation: 'create', model: modelById('nano-banana-pro'), inputMode: 'json', inputJson: '{"prompt":"a fox"}' });
		kie.addFault({ route: 'media', fault: { type: 'expired' } });
		const waited = await run({ resource: 'task', operation: 'wait', waitMode: 'poll', pollOptions: POLL }, { items: created.output, binaryMode: 'filesystem' });
		expect(waited.status).toBe('success');
		expect(waited.output[0].binary?.data.id).toMatch(/^filesystem-v2:/);
		surfaces.push(await readBinary(waited.output[0]));
		expectAuthorised('downloadUrl');
		expectMediaWithoutKey(2);
		expect(routes('media').some((entry) => entry.query.sig !== undefined)).toBe(true);
	});

	it('Create Task with Wait for Completion (default binary mode)', async () => {
		const result = await run(
			{
				resource: 'task',
				operation: 'create',
				model: modelById('grok-imagine/text-to-image'),
				inputMode: 'json',
				inputJson: '={{ JSON.stringify({ prompt: $json.prompt }) }}',
				waitForCompletion: true,
				pollOptions: POLL,
			},
			{ items: [{ json: { prompt: 'one' } }, { json: { prompt: 'two' } }] },
		);
		expect(result.status).toBe('success');
		expect(result.output).toHaveLength(2);
		expect(result.output.every((item) => item.binary?.data.data !== undefined)).toBe(true);
		expectMediaWithoutKey(2);
	});

	it('Wait for Task in callback mode: pause, then the signed callback resumes with the download', async () => {
		// The task runs until it is finished below, after the pause, however slow the machine.
		kie.configure({ rules: [{ match: { promptIncludes: 'callback' }, durationMs: 10 * 60_000 }] });
		const created = await run({
			resource: 'task',
			operation: 'create',
			model: modelById('grok-imagine/text-to-image'),
			inputMode: 'json',
			inputJson: '{"prompt":"callback"}',
			callbackMode: 'url',
			callbackUrl: receiver.url,
		});
		const taskId = String(created.output[0].json.taskId);
		const waiting = await run(
			{ resource: 'task', operation: 'wait', taskId: '={{ $json.taskId }}', api: 'auto', waitMode: 'callback' },
			{ items: [{ json: { taskId, api: 'market' } }] },
		);
		expect(waiting.status).toBe('waiting');
		kie.finishTask(taskId);
		kie.configure({ rules: [] });
		await kie.waitForCallbacks(1, 30_000);
		const [delivery] = receiver.received;
		const resumed = await resumeWaiting(waiting, {
			body: delivery.body,
			headers: { 'x-webhook-timestamp': String(delivery.headers['x-webhook-timestamp']), 'x-webhook-signature': String(delivery.headers['x-webhook-signature']) },
		});
		expect(resumed.resumed).toBe(true);
		surfaces.push({ response: resumed.responseBody, webhookResponse: resumed.webhookResponse, final: resultSurface(resumed.final!) });
		expect(resumed.final!.output[0].binary?.data.mimeType).toBe('image/png');
		expectMediaWithoutKey(1);
	});

	it('Upload File: base64, streamed (> 4 MB, filesystem mode) and from a URL; the uploaded file served back without the key', async () => {
		const small = await run(
			{ resource: 'file', operation: 'upload', source: 'binary', binaryProperty: 'data', uploadOptions: { uploadPath: 'canary' } },
			{ items: [{ json: {}, binary: { data: { data: png.toString('base64'), mimeType: 'image/png', fileName: 'p.png' } } }] },
		);
		const big = Buffer.alloc(5 * 1024 * 1024, 3);
		const streamed = await run(
			{ resource: 'file', operation: 'upload', source: 'binary', binaryProperty: 'data', uploadOptions: { uploadPath: 'canary' } },
			{ items: [{ json: {}, binary: { data: { data: big.toString('base64'), mimeType: 'video/mp4', fileName: 'big.mp4' } } }], binaryMode: 'filesystem' },
		);
		const fromUrl = await run({ resource: 'file', operation: 'upload', source: 'url', fileUrl: String(small.output[0].json.downloadUrl), uploadOptions: { uploadPath: 'canary' } });
		for (const result of [small, streamed, fromUrl]) expect(result.status).toBe('success');
		expect(streamed.output[0].json.uploadMethod).toBe('stream');
		const served = await call(kie.url, 'GET', new URL(String(small.output[0].json.downloadUrl)).pathname, undefined, { key: null });
		expect(served.status).toBe(200);
		expectAuthorised('upload.base64');
		expectAuthorised('upload.stream');
		expectAuthorised('upload.url');
	});

	it('Get Credits and Get Download URL', async () => {
		const credits = await run({ resource: 'account', operation: 'getCredits' });
		expect(credits.output[0].json.credits).toBeCloseTo(1000.5);
		const created = await run({ resource: 'task', operation: 'create', model: modelById('nano-banana-pro'), inputMode: 'json', inputJson: '{"prompt":"x"}' });
		const taskId = String(created.output[0].json.taskId);
		kie.finishTask(taskId, {});
		const link = await run({ resource: 'utility', operation: 'getDownloadUrl', url: kie.task(taskId)!.resultUrls[0] });
		expect(link.status).toBe('success');
		expectAuthorised('credit');
		expectAuthorised('downloadUrl');
	});

	it('KIE Trigger with Verify with API and Download Results', async () => {
		const created = await run({
			resource: 'task',
			operation: 'create',
			model: modelById('grok-imagine/text-to-image'),
			inputMode: 'json',
			inputJson: '{"prompt":"trigger"}',
			callbackMode: 'url',
			callbackUrl: receiver.url,
		});
		kie.finishTask(String(created.output[0].json.taskId), {});
		await kie.waitForCallbacks(1, 30_000);
		const [delivery] = receiver.received;
		const trigger = createTriggerHarness({ node: new KieTrigger(), parameters: { verifyWithApi: true, downloadResults: true }, credentials: credentials() });
		const result = await trigger.call({
			body: delivery.body,
			headers: { 'x-webhook-timestamp': String(delivery.headers['x-webhook-timestamp']), 'x-webhook-signature': String(delivery.headers['x-webhook-signature']) },
		});
		surfaces.push(result, trigger.staticData);
		expect(result.statusCode).toBe(200);
		const [item] = result.workflowData![0] as INodeExecutionData[];
		expect(item.json).toMatchObject({ verified: true, status: 'success' });
		expect(item.binary?.data.mimeType).toBe('image/png');
		expectAuthorised('recordInfo');
		expectMediaWithoutKey(1);
	});
});

describe('the Shared Token stays out of every output', () => {
	it('Create Task to a trigger URL with ?token=, Get Task, Wait for Task (poll) and the KIE Trigger with Verify + Download', async () => {
		const callbackUrl = `${receiver.url}?token=${TOKEN_CANARY}&api=market`;
		const created = await run({
			resource: 'task',
			operation: 'create',
			model: modelById('grok-imagine/text-to-image'),
			inputMode: 'json',
			inputJson: '{"prompt":"token"}',
			callbackMode: 'url',
			callbackUrl,
		});
		const taskId = String(created.output[0].json.taskId);
		expect(created.output[0].json.callBackUrl).toBe(`${receiver.url}?token=[redacted]&api=market`);
		kie.finishTask(taskId, {});
		await kie.waitForCallbacks(1, 5000);
		// KIE echoes the URL in its record and its callback: the token is in what arrives…
		const [delivery] = receiver.received;
		expect(JSON.stringify(delivery.body)).toContain(TOKEN_CANARY);
		expect(delivery.path).toContain(TOKEN_CANARY);
		// …and in none of the outputs.
		const got = await run({ resource: 'task', operation: 'get', taskId, api: 'market' });
		expect(JSON.stringify(got.output)).toContain('token=[redacted]');
		await run({ resource: 'task', operation: 'wait', taskId, api: 'market', waitMode: 'poll', pollOptions: POLL });
		const trigger = createTriggerHarness({
			node: new KieTrigger(),
			parameters: { verifyWithApi: true, downloadResults: true, options: { sharedToken: TOKEN_CANARY } },
			credentials: credentials(),
		});
		const result = await trigger.call({
			body: delivery.body,
			query: { token: TOKEN_CANARY, api: 'market' },
			headers: { 'x-webhook-timestamp': String(delivery.headers['x-webhook-timestamp']), 'x-webhook-signature': String(delivery.headers['x-webhook-signature']) },
		});
		surfaces.push(result, trigger.staticData);
		expect(result.statusCode).toBe(200);
		const [item] = result.workflowData![0] as INodeExecutionData[];
		expect(item.json).toMatchObject({ taskId, verified: true, status: 'success' });
		expect(item.binary?.data.mimeType).toBe('image/png');
		expectMediaWithoutKey(2);
	});
});

describe('errors never echo the key', () => {
	const create = (prompt: string, requestOptions: INodeParameters = FAST): INodeParameters => ({
		resource: 'task',
		operation: 'create',
		model: modelById('nano-banana-pro'),
		inputMode: 'json',
		inputJson: JSON.stringify({ prompt }),
		requestOptions,
	});

	it.each([
		['a connection reset on a create', { route: 'createTask', fault: { type: 'reset' } }, {}],
		['a timeout on a create', { route: 'createTask', fault: { type: 'delay', ms: 1500 } }, { timeoutSeconds: 0.3 }],
		['HTTP 500 on a create', { route: 'createTask', fault: { type: 'status', status: 500 } }, {}],
		['a Cloudflare HTML 403', { route: 'createTask', fault: { type: 'html403' } }, {}],
		['truncated JSON', { route: 'createTask', fault: { type: 'truncated' } }, {}],
		['body code 402', { route: 'createTask', fault: { type: 'bodyCode', code: 402, msg: 'Credits insufficient' } }, {}],
	] as const)('%s, with and without continueOnFail', async (_name, spec, options) => {
		kie.addFault(spec as never);
		const thrown = await run(create('fails', { ...FAST, ...options }));
		expect(thrown.status).toBe('error');
		expect(thrown.error).toBeDefined();
		const kept = await run(create('fails again', { ...FAST, ...options }), { continueOnFail: true, items: [{ json: { n: 1 } }, { json: { n: 2 } }] });
		expect(kept.status).toBe('success');
		expect(kept.output.map((item) => item.json.error)).toEqual([expect.any(String), expect.any(String)]);
	});

	it('reads that never get an answer (timeouts and resets until Max Attempts)', async () => {
		kie.addFault({ route: 'recordInfo', fault: { type: 'delay', ms: 1000 }, times: 2 });
		kie.addFault({ route: 'recordInfo', fault: { type: 'reset' } });
		const result = await run({ resource: 'task', operation: 'get', taskId: 'a'.repeat(32), api: 'market', requestOptions: { ...FAST, timeoutSeconds: 0.2, maxAttempts: 4 } }, { continueOnFail: true });
		expect(String(result.output[0].json.error)).toMatch(/^Could not reach KIE/);
		expect(routes('recordInfo')).toHaveLength(4);
	});

	it('a download whose host is down, and one refused even after download-url', async () => {
		const created = await run({ resource: 'task', operation: 'create', model: modelById('nano-banana-pro'), inputMode: 'json', inputJson: '{"prompt":"down"}' });
		const taskId = String(created.output[0].json.taskId);
		kie.finishTask(taskId, {});
		kie.addFault({ route: 'media', fault: { type: 'reset' }, times: 3 });
		const down = await run({ resource: 'task', operation: 'wait', waitMode: 'poll', pollOptions: POLL }, { items: created.output, continueOnFail: true });
		expect(String(down.output[0].json.error)).toMatch(/^KIE task \S+ succeeded, but its result from .* could not be downloaded/);
		kie.addFault({ route: 'media', fault: { type: 'status', status: 403, body: 'denied' } });
		const refused = await run({ resource: 'task', operation: 'wait', waitMode: 'poll', pollOptions: POLL }, { items: created.output });
		expect(refused.error?.message).toMatch(/fresh link HTTP 403/);
		expectMediaWithoutKey(3);
	});

	it('KIE refusing the canary key itself (401)', async () => {
		kie.configure({ apiKeys: ['some-other-key-placeholder'] });
		const result = await run({ resource: 'account', operation: 'getCredits' });
		expect(result.error?.message).toBe('KIE rejected the API key (401): You do not have access permissions');
		const listed = await run({ resource: 'task', operation: 'get', taskId: 'x', api: 'market' }, { continueOnFail: true });
		expect(String(listed.output[0].json.error)).toMatch(/401/);
		const trigger = createTriggerHarness({ node: new KieTrigger(), parameters: { verifyWithApi: true }, credentials: credentials() });
		const timestamp = String(Math.floor(Date.now() / 1000));
		const { kieSignature } = await import('../../nodes/Kie/callback/hmac');
		const body = { code: 200, msg: 'ok', data: { taskId: 'c'.repeat(32), state: 'success', resultJson: '{"resultUrls":[]}' } };
		const verified = await trigger.call({ body, headers: { 'x-webhook-timestamp': timestamp, 'x-webhook-signature': kieSignature('c'.repeat(32), timestamp, HMAC_CANARY) } });
		surfaces.push(verified);
		expect(verified.statusCode).toBe(503);
		expect(verified.workflowData).toBeUndefined();
		expect(String((verified.responseBody as { error: string }).error)).toContain("KIE's API could not be read (KIE rejected the API key (401)");
	});
});

describe('the log check is not vacuous', () => {
	it("captures n8n's own execution logs of a KIE run", async () => {
		const before = logged.length;
		await run({ resource: 'account', operation: 'getCredits' });
		const lines = textOf(logged.slice(before));
		expect(lines).toContain('Workflow execution started');
		expect(lines.filter((line) => /^Running node ".+" started$/.test(line) && !/"(Start|Downstream)"/.test(line))).toHaveLength(1);
	});
});
