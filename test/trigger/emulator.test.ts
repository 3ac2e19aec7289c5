/**
 * End to end over loopback HTTP: the KIE emulator delivers its callbacks (HMAC-signed, with
 * retries) to a small HTTP server that hands each request to the KIE Trigger through n8n-core's
 * WebhookContext, and sends the trigger's answer back to the emulator.
 */
import { createServer, type Server } from 'http';
import type { AddressInfo } from 'net';
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { KieTrigger } from '../../nodes/Kie/KieTrigger.node';
import { DEFAULT_API_KEY, startEmulator, type Emulator } from '../emulator';
import { call as emulatorCall } from '../emulator/helpers';
import { createTriggerHarness, readBinary, type KieTestCredentials } from '../harness';

const HMAC_KEY = 'hmac-key-placeholder';

interface Delivery {
	path: string;
	statusCode: number;
	responseBody: unknown;
	items?: INodeExecutionData[];
}

interface Loopback {
	url: string;
	deliveries: Delivery[];
	/** Started workflows' items, in order. */
	started: () => INodeExecutionData[][];
	/** Drop the trigger's answer for the n-th request (0-based) and answer 502 instead, as a lost response. */
	loseAnswer: Set<number>;
	close(): Promise<void>;
}

async function startLoopback(parameters: INodeParameters, credentials?: KieTestCredentials): Promise<Loopback> {
	const trigger = createTriggerHarness({ node: new KieTrigger(), parameters, credentials });
	const deliveries: Delivery[] = [];
	const loseAnswer = new Set<number>();
	// n8n loads and saves static data per request; one request at a time keeps the test deterministic.
	let chain: Promise<unknown> = Promise.resolve();
	const server: Server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			chain = chain.then(async () => {
				const rawBody = Buffer.concat(chunks);
				let body: unknown;
				try {
					body = JSON.parse(rawBody.toString('utf8'));
				} catch {
					body = rawBody.toString('utf8');
				}
				const headers: Record<string, string> = {};
				for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers[name] = value;
				const url = new URL(req.url ?? '/', 'http://127.0.0.1');
				const result = await trigger.call({ body, rawBody, headers, query: Object.fromEntries(url.searchParams) });
				const n = deliveries.length;
				deliveries.push({ path: req.url ?? '/', statusCode: result.statusCode, responseBody: result.responseBody, items: result.workflowData?.[0] });
				if (loseAnswer.has(n)) {
					res.writeHead(502, { 'content-type': 'text/plain' }).end('Bad gateway');
					return;
				}
				res.writeHead(result.statusCode, { 'content-type': 'application/json' });
				res.end(result.responseBody === undefined ? '' : JSON.stringify(result.responseBody));
			});
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
	const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook/${trigger.webhookId}/callback`;
	return {
		url,
		deliveries,
		loseAnswer,
		started: () => deliveries.filter((d) => d.items !== undefined).map((d) => d.items!),
		close: () =>
			new Promise<void>((resolve) => {
				server.close(() => resolve());
				server.closeAllConnections();
			}),
	};
}

describe('KIE Trigger ← KIE emulator callbacks over HTTP (HMAC on)', () => {
	let emu: Emulator;
	let creds: KieTestCredentials;
	let hook: Loopback | undefined;

	beforeAll(async () => {
		emu = await startEmulator({ rateLimit: null, defaultDurationMs: 60000, hmacKey: HMAC_KEY, callbackDelaysMs: [30, 30] });
		creds = { apiKey: DEFAULT_API_KEY, baseUrl: emu.url, uploadBaseUrl: emu.uploadUrl, webhookHmacKey: HMAC_KEY };
	});
	afterAll(async () => await emu.close());
	beforeEach(() => {
		emu.reset();
		emu.configure({ hmacKey: HMAC_KEY, rules: [] });
	});
	afterEach(async () => {
		await hook?.close();
		hook = undefined;
	});

	async function create(path: string, body: Record<string, unknown>, callBackUrl = hook!.url): Promise<string> {
		const reply = await emulatorCall(emu.url, 'POST', path, { ...body, callBackUrl });
		expect(reply.json.code).toBe(200);
		return reply.json.data.taskId as string;
	}

	it('every family: signed callbacks start one workflow each with the normalised task', async () => {
		hook = await startLoopback({}, creds);
		const suno = await create('/api/v1/generate', { prompt: 'p', customMode: false, instrumental: false, model: 'V4_5' });
		emu.finishTask(suno, {});
		await emu.waitForCallbacks(3);
		const ids: Record<string, string> = {
			market: await create('/api/v1/jobs/createTask', { model: 'nano-banana-pro', input: { prompt: 'p' } }),
			veo: await create('/api/v1/veo/generate', { prompt: 'p' }),
			runway: await create('/api/v1/runway/generate', { prompt: 'p', duration: 5, quality: '720p', aspectRatio: '16:9' }),
			aleph: await create('/api/v1/aleph/generate', { prompt: 'p', videoUrl: 'https://x.invalid/v.mp4' }),
			gpt4o: await create('/api/v1/gpt4o-image/generate', { prompt: 'p', size: '1:1' }),
			fluxKontext: await create('/api/v1/flux/kontext/generate', { prompt: 'p' }),
			midjourney: await create('/api/v1/mj/generate', { taskType: 'mj_txt2img', prompt: 'p' }),
			luma: await create('/api/v1/modify/generate', { prompt: 'p', videoUrl: 'https://x.invalid/v.mp4' }),
			sunoLyrics: await create('/api/v1/lyrics', { prompt: 'p' }),
			sunoWav: await create('/api/v1/wav/generate', { taskId: suno, audioId: 'a1' }),
			sunoVocal: await create('/api/v1/vocal-removal/generate', { taskId: suno, audioId: 'a1', type: 'separate_vocal' }),
			sunoMp4: await create('/api/v1/mp4/generate', { taskId: suno, audioId: 'a1' }),
			sunoMidi: await create('/api/v1/midi/generate', { taskId: suno, audioId: 'a1' }),
			sunoCover: await create('/api/v1/suno/cover/generate', { taskId: suno }),
		};
		for (const id of Object.values(ids)) emu.finishTask(id, {});
		const attempts = await emu.waitForCallbacks(3 + Object.keys(ids).length);
		expect(attempts.every((a) => a.status === 200 && a.attempt === 1)).toBe(true);
		expect(attempts.every((a) => typeof a.headers['X-Webhook-Signature'] === 'string')).toBe(true);

		const started = hook.started().map((list) => list[0].json);
		// Suno's text and first stages are acknowledged without a workflow (default filter).
		expect(hook.deliveries.filter((d) => (d.responseBody as IDataObject).ignored !== undefined)).toHaveLength(2);
		expect(started).toHaveLength(1 + Object.keys(ids).length);
		expect(started[0]).toMatchObject({ taskId: suno, api: 'suno', status: 'success', callbackType: 'complete' });
		expect((started[0].resultUrls as string[]).length).toBe(2);
		for (const [family, taskId] of Object.entries(ids)) {
			const json = started.find((j) => j.taskId === taskId);
			expect(json).toMatchObject({ api: family, apiSource: 'detected', status: 'success', final: true });
			const expectedUrls = emu.task(taskId)!.resultUrls;
			// Vocal removal: the normaliser also lists the callback's origin_url (the input song).
			if (family === 'sunoVocal') expect(json!.resultUrls).toEqual(expect.arrayContaining(expectedUrls));
			else expect(json!.resultUrls).toEqual(expectedUrls);
		}
	});

	it('failures arrive as failure events; ?api= on the callback URL names the family', async () => {
		hook = await startLoopback({ events: 'failure' }, creds);
		const flux = await create('/api/v1/flux/kontext/generate', { prompt: 'p' }, `${hook.url}?api=fluxKontext`);
		const veo = await create('/api/v1/veo/generate', { prompt: 'p' });
		const ok = await create('/api/v1/gpt4o-image/generate', { prompt: 'p', size: '1:1' });
		emu.finishTask(flux, { fail: { code: '400', msg: 'Flagged' } });
		emu.finishTask(veo, { fail: { code: '400', msg: 'Your prompt was flagged' } });
		emu.finishTask(ok, {});
		await emu.waitForCallbacks(3);
		const started = hook.started().map((list) => list[0].json);
		expect(started).toHaveLength(2);
		expect(started.find((j) => j.taskId === flux)).toMatchObject({ api: 'fluxKontext', apiSource: 'query', status: 'failed', failCode: '400', failMsg: 'Flagged' });
		expect(started.find((j) => j.taskId === veo)).toMatchObject({ api: 'veo', status: 'failed', failMsg: 'Your prompt was flagged' });
		expect(hook.deliveries.find((d) => d.path.includes('api=') === false && (d.responseBody as IDataObject).ignored)).toBeDefined();
	});

	it('Suno with intermediate stages: text, first and complete each start a workflow', async () => {
		hook = await startLoopback({ includeIntermediate: true }, creds);
		const suno = await create('/api/v1/generate', { prompt: 'p', customMode: false, instrumental: false, model: 'V4_5' });
		emu.finishTask(suno, {});
		await emu.waitForCallbacks(3);
		expect(hook.started().map((list) => list[0].json.callbackType)).toEqual(['text', 'first', 'complete']);
	});

	it('a wrong HMAC key: 401 on every attempt, KIE gives up after 3, no workflow', async () => {
		emu.configure({ hmacKey: 'other-key-placeholder' });
		hook = await startLoopback({}, creds);
		const id = await create('/api/v1/veo/generate', { prompt: 'p' });
		emu.finishTask(id, {});
		const attempts = await emu.waitForCallbacks(3);
		expect(attempts.map((a) => [a.attempt, a.status])).toEqual([
			[1, 401],
			[2, 401],
			[3, 401],
		]);
		expect(hook.started()).toHaveLength(0);
	});

	it('a lost answer makes KIE deliver again: the repeat is acknowledged without a second workflow', async () => {
		hook = await startLoopback({}, creds);
		hook.loseAnswer.add(0);
		const id = await create('/api/v1/runway/generate', { prompt: 'p', duration: 5, quality: '720p', aspectRatio: '16:9' });
		emu.finishTask(id, {});
		const attempts = await emu.waitForCallbacks(2);
		expect(attempts.map((a) => a.status)).toEqual([502, 200]);
		expect(hook.deliveries.map((d) => d.responseBody)).toEqual([{ received: true }, { received: true, duplicate: true }]);
		expect(hook.started()).toHaveLength(1);
	});

	it('Verify with API + Download Results: the workflow gets the files from the emulator CDN', async () => {
		hook = await startLoopback({ verifyWithApi: true, downloadResults: true }, creds);
		const id = await create('/api/v1/jobs/createTask', { model: 'nano-banana-pro', input: { prompt: 'p' } });
		emu.finishTask(id, {});
		await emu.waitForCallbacks(1);
		const [list] = hook.started();
		expect(list).toHaveLength(1);
		expect(list[0].json).toMatchObject({ taskId: id, api: 'market', verified: true, url: emu.task(id)!.resultUrls[0], mimeType: 'image/png' });
		const bytes = await readBinary(list[0]);
		expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
		const routes = emu.log.map((entry) => entry.route);
		expect(routes).toContain('recordInfo');
		expect(routes).toContain('media');
	});
});
