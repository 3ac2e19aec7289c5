/* eslint-disable @n8n/community-nodes/no-restricted-globals */
/** Callbacks: per-family body shapes, Suno stages, HMAC headers, retries, forced completion. */
import { createHmac } from 'crypto';
import { call, sleep, startReceiver, waitFor, type Receiver } from './helpers';
import { startEmulator, type Emulator } from './index';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Body = any;

describe('KIE emulator: callbacks', () => {
	let emu: Emulator;
	let hook: Receiver;

	beforeAll(async () => {
		emu = await startEmulator({ rateLimit: null, defaultDurationMs: 150, callbackDelaysMs: [50, 100] });
	});
	afterAll(() => emu.close());
	beforeEach(async () => {
		emu.reset();
		emu.configure({ rules: [], hmacKey: undefined });
		hook = await startReceiver();
	});
	afterEach(() => hook.close());

	async function create(path: string, body: Record<string, unknown>): Promise<string> {
		const r = await call(emu.url, 'POST', path, { ...body, callBackUrl: hook.url });
		expect(r.json.code).toBe(200);
		return r.json.data.taskId as string;
	}

	async function bodies(n: number): Promise<Body[]> {
		await waitFor(() => hook.received.length >= n);
		await sleep(30); // nothing more should arrive
		expect(hook.received).toHaveLength(n);
		for (const r of hook.received) expect(r.headers['content-type']).toBe('application/json');
		return hook.received.map((r) => r.body);
	}

	it('Market: variant (a) with consumeCredits/remainedCredits; failure code 501', async () => {
		emu.configure({ rules: [{ match: { promptIncludes: 'bad' }, fail: { code: '422', msg: 'Invalid prompt' } }] });
		const ok = await create('/api/v1/jobs/createTask', { model: 'nano-banana-pro', input: { prompt: 'good' } });
		const [b] = await bodies(1);
		expect(b.code).toBe(200);
		expect(b.msg).toBe('Playground task completed successfully.');
		expect(b.data).toMatchObject({
			taskId: ok,
			model: 'nano-banana-pro',
			state: 'success',
			consumeCredits: 1,
			failCode: null,
		});
		expect(typeof b.data.remainedCredits).toBe('number');
		expect(JSON.parse(b.data.resultJson).resultUrls[0]).toContain(`/media/${ok}/`);
		expect(JSON.parse(b.data.param).callBackUrl).toBe(hook.url);

		hook.received.length = 0;
		const bad = await create('/api/v1/jobs/createTask', { model: 'nano-banana-pro', input: { prompt: 'bad' } });
		const [f] = await bodies(1);
		expect(f.code).toBe(501);
		expect(f.msg).toBe('Playground task failed.');
		expect(f.data).toMatchObject({
			taskId: bad,
			state: 'fail',
			failCode: '422',
			failMsg: 'Invalid prompt',
			consumeCredits: 0,
			resultJson: '',
		});
	});

	it('sends each family its documented body shape', async () => {
		const ids = {
			veo: await create('/api/v1/veo/generate', { prompt: 'p', aspect_ratio: '9:16' }),
			gpt4o: await create('/api/v1/gpt4o-image/generate', { prompt: 'p', size: '1:1' }),
			flux: await create('/api/v1/flux/kontext/generate', { prompt: 'p' }),
			runway: await create('/api/v1/runway/generate', { prompt: 'p', duration: 5, quality: '720p' }),
			aleph: await create('/api/v1/aleph/generate', { prompt: 'p', videoUrl: 'https://x.invalid/v.mp4' }),
			mj: await create('/api/v1/mj/generate', { taskType: 'mj_txt2img', prompt: 'p' }),
			luma: await create('/api/v1/modify/generate', { prompt: 'p', videoUrl: 'https://x.invalid/v.mp4' }),
			lyrics: await create('/api/v1/lyrics', { prompt: 'p' }),
		};
		const got = await bodies(8);
		const byId = (id: string): Body =>
			got.find((b) => b.data?.taskId === id || b.data?.task_id === id || b.taskId === id);

		const veo = byId(ids.veo);
		expect(veo).toMatchObject({
			code: 200,
			msg: 'Veo3.1 video generated successfully.',
			data: { fallbackFlag: false },
		});
		expect(veo.data.info.resultUrls[0]).toMatch(/\.mp4$/);
		expect(veo.data.info.originUrls).toHaveLength(1); // not 16:9
		expect(byId(ids.gpt4o).data.info.result_urls[0]).toMatch(/\.png$/);
		expect(byId(ids.flux).data.info).toEqual({
			originImageUrl: expect.stringMatching(/\.png$/),
			resultImageUrl: expect.stringMatching(/\.png$/),
		});
		const runway = byId(ids.runway);
		expect(runway.data).toMatchObject({
			task_id: ids.runway,
			video_url: expect.stringMatching(/\.mp4$/),
			image_url: expect.stringMatching(/\.png$/),
		});
		const aleph = byId(ids.aleph);
		expect(aleph.taskId).toBe(ids.aleph);
		expect(aleph.data.result_video_url).toMatch(/\.mp4$/);
		expect(byId(ids.mj).data.resultUrls).toHaveLength(4);
		expect(typeof byId(ids.mj).data.promptJson).toBe('string');
		expect(byId(ids.luma).data.resultUrls[0]).toMatch(/\.mp4$/);
		const lyrics = byId(ids.lyrics);
		expect(lyrics.data.callbackType).toBe('complete');
		expect(lyrics.data.data[0]).toMatchObject({
			error_message: '',
			status: 'complete',
			text: expect.any(String),
			title: expect.any(String),
		});
	});

	it('Suno: text → first → complete at those moments, snake_case tracks; record-info agrees', async () => {
		emu.configure({ rules: [{ match: { family: 'suno' }, durationMs: 300 }] });
		const id = await create('/api/v1/generate', {
			prompt: 'lofi',
			model: 'V4_5',
			customMode: false,
			instrumental: true,
		});
		const [text, first, complete] = await bodies(3);
		expect([text, first, complete].map((b) => b.data.callbackType)).toEqual(['text', 'first', 'complete']);
		for (const b of [text, first, complete]) {
			expect(b.code).toBe(200);
			expect(b.data.task_id).toBe(id);
			expect(b.data.data).toHaveLength(2);
			expect(Object.keys(b.data.data[0])).toEqual(
				expect.arrayContaining(['id', 'audio_url', 'stream_audio_url', 'image_url', 'title', 'duration', 'model_name']),
			);
		}
		expect(text.data.data.map((t: Body) => t.audio_url)).toEqual(['', '']);
		expect(first.data.data[0].audio_url).toMatch(/\.mp3$/);
		expect(first.data.data[1].audio_url).toBe('');
		expect(complete.data.data.every((t: Body) => /\.mp3$/.test(t.audio_url))).toBe(true);
		const at = hook.received.map((r) => r.at - emu.task(id)!.createTime);
		expect(at[0]).toBeGreaterThanOrEqual(100); // 'text' at 40 % of 300 ms
		expect(at[2]).toBeGreaterThanOrEqual(280);
		const rec = (await call(emu.url, 'GET', `/api/v1/generate/record-info?taskId=${id}`)).json.data;
		expect(rec.status).toBe('SUCCESS');
		expect(rec.response.sunoData.map((s: Body) => s.id)).toEqual(complete.data.data.map((t: Body) => t.id));
	});

	it('Suno failure: one "error" callback with the rule code', async () => {
		emu.configure({
			rules: [
				{
					match: { family: 'suno' },
					durationMs: 100,
					fail: { code: '531', msg: 'Generation failed, credits refunded' },
				},
			],
		});
		const id = await create('/api/v1/generate', { prompt: 'x', model: 'V5', customMode: false, instrumental: true });
		const [b] = await bodies(1);
		expect(b).toEqual({
			code: 531,
			msg: 'Generation failed, credits refunded',
			data: { callbackType: 'error', task_id: id, data: null },
		});
		expect(emu.callbacks[0].stage).toBe('error');
	});

	it('signs callbacks with the HMAC key: base64(HMAC-SHA256(taskId + "." + ts))', async () => {
		emu.configure({ hmacKey: 'whsec-test' });
		const ids = [
			await create('/api/v1/jobs/createTask', { model: 'm', input: { prompt: 'x' } }),
			await create('/api/v1/runway/generate', { prompt: 'x', duration: 5, quality: '720p' }),
			await create('/api/v1/aleph/generate', { prompt: 'x', videoUrl: 'https://x.invalid/v.mp4' }),
		];
		await bodies(3);
		for (const r of hook.received) {
			const taskId = r.body.data?.taskId ?? r.body.data?.task_id ?? r.body.taskId;
			expect(ids).toContain(taskId);
			const ts = String(r.headers['x-webhook-timestamp']);
			expect(Math.abs(Number(ts) - Date.now() / 1000)).toBeLessThan(10);
			const want = createHmac('sha256', 'whsec-test').update(`${taskId}.${ts}`).digest('base64');
			expect(r.headers['x-webhook-signature']).toBe(want);
		}
		emu.configure({ hmacKey: undefined });
		hook.received.length = 0;
		await create('/api/v1/jobs/createTask', { model: 'm', input: { prompt: 'x' } });
		const [plain] = await waitFor(() => hook.received.length >= 1 && hook.received);
		expect(plain.headers['x-webhook-signature']).toBeUndefined();
	});

	it('retries a failing receiver: 500, 500, 200 = 3 attempts with the configured waits', async () => {
		hook.respond = (n) => (n < 2 ? 500 : 200);
		const id = await create('/api/v1/jobs/createTask', { model: 'm', input: { prompt: 'x' } });
		const log = await emu.waitForCallbacks(3, 30_000);
		expect(log.map((e) => [e.attempt, e.status, e.taskId])).toEqual([
			[1, 500, id],
			[2, 500, id],
			[3, 200, id],
		]);
		const t = hook.received.map((r) => r.at);
		expect(t[1] - t[0]).toBeGreaterThanOrEqual(45);
		expect(t[2] - t[1]).toBeGreaterThanOrEqual(95);
		await sleep(200);
		expect(emu.callbacks).toHaveLength(3);
	});

	it('gives up after 3 tries, network errors included', async () => {
		const dead = await startReceiver();
		const deadUrl = dead.url;
		await dead.close();
		const r = await call(emu.url, 'POST', '/api/v1/jobs/createTask', {
			model: 'm',
			input: { prompt: 'x' },
			callBackUrl: deadUrl,
		});
		await emu.waitForCallbacks(3, 30_000);
		await sleep(250);
		expect(emu.callbacks.map((e) => [e.attempt, e.status, e.taskId])).toEqual([
			[1, 'error', r.json.data.taskId],
			[2, 'error', r.json.data.taskId],
			[3, 'error', r.json.data.taskId],
		]);
	});

	it('Luma reports successFlag 4 when the result callback could not be delivered', async () => {
		const dead = await startReceiver();
		await dead.close();
		const r = await call(emu.url, 'POST', '/api/v1/modify/generate', {
			prompt: 'x',
			videoUrl: 'https://x.invalid/v.mp4',
			callBackUrl: dead.url,
		});
		const id = r.json.data.taskId as string;
		await emu.waitForCallbacks(3, 30_000);
		const rec = await waitFor(async () => {
			const d = (await call(emu.url, 'GET', `/api/v1/modify/record-info?taskId=${id}`)).json.data;
			return d.successFlag === 4 && d;
		}, 2000);
		expect(rec.response.resultUrls).toHaveLength(1);
		expect(emu.task(id)?.outcome).toBe('success');
	});

	it('finishTask completes now and sends the remaining callbacks in order; no callBackUrl, no callback', async () => {
		emu.configure({ rules: [{ durationMs: 60000 }] });
		const id = await create('/api/v1/generate', { prompt: 'x', model: 'V5', customMode: false, instrumental: true });
		const m = await create('/api/v1/jobs/createTask', { model: 'm', input: { prompt: 'x' } });
		const silent = (await call(emu.url, 'POST', '/api/v1/jobs/createTask', { model: 'm', input: { prompt: 'x' } })).json
			.data.taskId;
		emu.finishTask(id);
		emu.finishTask(m, { fail: { code: '500', msg: 'forced' } });
		emu.finishTask(silent);
		const got = await bodies(4);
		const suno = got.filter((b) => b.data?.task_id === id).map((b) => b.data.callbackType);
		expect(suno).toEqual(['text', 'first', 'complete']);
		expect(got.find((b) => b.data?.taskId === m)).toMatchObject({ code: 501, data: { failMsg: 'forced' } });
		expect(emu.task(silent)?.outcome).toBe('success');
		expect(() => emu.finishTask('unknown')).toThrow();
	});
});
