/* eslint-disable @n8n/community-nodes/no-restricted-globals */
/**
 * Every family: create → status words progress → success with results where the family puts them;
 * a `fail` rule ends in the family's failure vocabulary. Plus unknown ids and create validation.
 */
import { call, sleep, startReceiver, type Receiver } from './helpers';
import { startEmulator, type Emulator } from './index';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Data = any;

interface Case {
	name: string;
	family: string;
	path: string;
	body: (parentId: string, cb: string) => Record<string, unknown>;
	record: string;
	status: (d: Data) => unknown;
	pending: unknown[];
	success: unknown;
	failWord: unknown;
	failMsg: (d: Data) => unknown;
	results: (d: Data) => string[];
	resultCount: number;
	parent?: { path: string; body: (cb: string) => Record<string, unknown> };
}

const sunoParent = {
	path: '/api/v1/generate',
	body: (cb: string) => ({
		prompt: 'parent song',
		customMode: false,
		instrumental: true,
		model: 'V4_5',
		callBackUrl: cb,
	}),
};
const veoParent = { path: '/api/v1/veo/generate', body: () => ({ prompt: 'parent video', model: 'veo3_fast' }) };

const flagCase = (
	name: string,
	family: string,
	path: string,
	record: string,
	results: (d: Data) => string[],
	resultCount = 1,
) => ({
	name,
	family,
	path,
	record,
	status: (d: Data) => d.successFlag,
	pending: [0],
	success: 1,
	failWord: 3,
	failMsg: (d: Data) => d.errorMessage,
	results,
	resultCount,
});

const sunoMusic = (kind: string): Case => ({
	name: `suno ${kind}`,
	family: 'suno',
	path: kind === 'generate' ? '/api/v1/generate' : `/api/v1/generate/${kind}`,
	body: (_p, cb) => ({
		prompt: 'a song',
		customMode: false,
		instrumental: true,
		model: 'V5',
		callBackUrl: cb,
		audioId: 'x',
		uploadUrl: 'https://x.invalid/a.mp3',
	}),
	record: '/api/v1/generate/record-info',
	status: (d) => d.status,
	pending: ['PENDING', 'TEXT_SUCCESS', 'FIRST_SUCCESS'],
	success: 'SUCCESS',
	failWord: 'GENERATE_AUDIO_FAILED',
	failMsg: (d) => d.errorMessage,
	results: (d) => d.response.sunoData.map((s: Data) => s.audioUrl),
	resultCount: 2,
});

const CASES: Case[] = [
	{
		name: 'market createTask',
		family: 'market',
		path: '/api/v1/jobs/createTask',
		body: () => ({ model: 'grok-imagine/text-to-image', input: { prompt: 'a red panda', aspect_ratio: '1:1' } }),
		record: '/api/v1/jobs/recordInfo',
		status: (d) => d.state,
		pending: ['waiting', 'queuing', 'generating'],
		success: 'success',
		failWord: 'fail',
		failMsg: (d) => d.failMsg,
		results: (d) => JSON.parse(d.resultJson).resultUrls,
		resultCount: 1,
	},
	{
		...flagCase('veo generate', 'veo', '/api/v1/veo/generate', '/api/v1/veo/record-info', (d) => d.response.resultUrls),
		body: () => ({ prompt: 'waves', model: 'veo3_fast' }),
	},
	{
		...flagCase('veo extend', 'veo', '/api/v1/veo/extend', '/api/v1/veo/record-info', (d) => d.response.resultUrls),
		body: (p) => ({ taskId: p, prompt: 'more waves' }),
		parent: veoParent,
	},
	{
		...flagCase('veo 4k', 'veo', '/api/v1/veo/get-4k-video', '/api/v1/veo/record-info', (d) => d.response.resultUrls),
		body: (p) => ({ taskId: p, index: 0 }),
		parent: veoParent,
	},
	{
		name: 'runway generate',
		family: 'runway',
		path: '/api/v1/runway/generate',
		body: (_p, cb) => ({ prompt: 'a cat', duration: 5, quality: '720p', aspectRatio: '16:9', callBackUrl: cb }),
		record: '/api/v1/runway/record-detail',
		status: (d) => d.state,
		pending: ['wait', 'queueing', 'generating'],
		success: 'success',
		failWord: 'fail',
		failMsg: (d) => d.failMsg,
		results: (d) => [d.videoInfo.videoUrl, d.videoInfo.imageUrl],
		resultCount: 2,
	},
	{
		name: 'runway extend',
		family: 'runway',
		path: '/api/v1/runway/extend',
		body: (_p, cb) => ({ taskId: 'any', prompt: 'more', quality: '720p', callBackUrl: cb }),
		record: '/api/v1/runway/record-detail',
		status: (d) => d.state,
		pending: ['wait', 'queueing', 'generating'],
		success: 'success',
		failWord: 'fail',
		failMsg: (d) => d.failMsg,
		results: (d) => [d.videoInfo.videoUrl],
		resultCount: 1,
	},
	{
		...flagCase(
			'aleph',
			'aleph',
			'/api/v1/aleph/generate',
			'/api/v1/aleph/record-info',
			(d) => [d.response.resultVideoUrl, d.response.resultImageUrl],
			2,
		),
		body: () => ({ prompt: 'snow', videoUrl: 'https://example.invalid/v.mp4' }),
		failWord: 0,
	},
	{
		...flagCase(
			'4o image',
			'gpt4o',
			'/api/v1/gpt4o-image/generate',
			'/api/v1/gpt4o-image/record-info',
			(d) => d.response.resultUrls,
			2,
		),
		body: () => ({ prompt: 'a fox', size: '1:1', nVariants: 2 }),
		failWord: 2,
	},
	{
		...flagCase(
			'flux kontext',
			'fluxKontext',
			'/api/v1/flux/kontext/generate',
			'/api/v1/flux/kontext/record-info',
			(d) => [d.response.resultImageUrl, d.response.originImageUrl],
			2,
		),
		body: () => ({ prompt: 'a castle' }),
	},
	{
		...flagCase(
			'midjourney generate',
			'midjourney',
			'/api/v1/mj/generate',
			'/api/v1/mj/record-info',
			(d) => d.resultInfoJson.resultUrls.map((r: Data) => r.resultUrl),
			4,
		),
		body: () => ({ taskType: 'mj_txt2img', prompt: 'a tower', speed: 'fast' }),
	},
	{
		...flagCase(
			'midjourney upscale',
			'midjourney',
			'/api/v1/mj/generateUpscale',
			'/api/v1/mj/record-info',
			(d) => d.resultInfoJson.resultUrls.map((r: Data) => r.resultUrl),
			1,
		),
		body: () => ({ taskId: 'mj-parent', imageIndex: 0 }),
	},
	{
		...flagCase(
			'midjourney vary',
			'midjourney',
			'/api/v1/mj/generateVary',
			'/api/v1/mj/record-info',
			(d) => d.resultInfoJson.resultUrls.map((r: Data) => r.resultUrl),
			4,
		),
		body: () => ({ taskId: 'mj-parent', imageIndex: 1 }),
	},
	{
		...flagCase(
			'luma modify',
			'luma',
			'/api/v1/modify/generate',
			'/api/v1/modify/record-info',
			(d) => d.response.resultUrls,
		),
		body: () => ({ prompt: 'neon', videoUrl: 'https://example.invalid/v.mp4' }),
	},
	...['generate', 'extend', 'upload-cover', 'upload-extend', 'add-instrumental', 'add-vocals'].map(sunoMusic),
	{
		name: 'suno lyrics',
		family: 'sunoLyrics',
		path: '/api/v1/lyrics',
		body: (_p, cb) => ({ prompt: 'coffee', callBackUrl: cb }),
		record: '/api/v1/lyrics/record-info',
		status: (d) => d.status,
		pending: ['PENDING'],
		success: 'SUCCESS',
		failWord: 'GENERATE_LYRICS_FAILED',
		failMsg: (d) => d.errorMessage,
		results: (d) => {
			expect(d.response.lyricsData[0].text).toContain('[Verse]');
			return [];
		},
		resultCount: 0,
	},
	{
		name: 'suno wav',
		family: 'sunoWav',
		path: '/api/v1/wav/generate',
		body: (p, cb) => ({ taskId: p, audioId: 'a', callBackUrl: cb }),
		record: '/api/v1/wav/record-info',
		status: (d) => d.successFlag,
		pending: ['PENDING'],
		success: 'SUCCESS',
		failWord: 'GENERATE_WAV_FAILED',
		failMsg: (d) => d.errorMessage,
		results: (d) => [d.response.audioWavUrl],
		resultCount: 1,
		parent: sunoParent,
	},
	{
		name: 'suno vocal removal',
		family: 'sunoVocal',
		path: '/api/v1/vocal-removal/generate',
		body: (p, cb) => ({ taskId: p, audioId: 'a', type: 'separate_vocal', callBackUrl: cb }),
		record: '/api/v1/vocal-removal/record-info',
		status: (d) => d.successFlag,
		pending: ['PENDING'],
		success: 'SUCCESS',
		failWord: 'GENERATE_AUDIO_FAILED',
		failMsg: (d) => d.errorMessage,
		results: (d) => [d.response.vocalUrl, d.response.instrumentalUrl],
		resultCount: 2,
		parent: sunoParent,
	},
	{
		name: 'suno mp4',
		family: 'sunoMp4',
		path: '/api/v1/mp4/generate',
		body: (p, cb) => ({ taskId: p, audioId: 'a', callBackUrl: cb }),
		record: '/api/v1/mp4/record-info',
		status: (d) => d.successFlag,
		pending: ['PENDING'],
		success: 'SUCCESS',
		failWord: 'GENERATE_MP4_FAILED',
		failMsg: (d) => d.errorMessage,
		results: (d) => [d.response.videoUrl],
		resultCount: 1,
		parent: sunoParent,
	},
	{
		...flagCase('suno midi', 'sunoMidi', '/api/v1/midi/generate', '/api/v1/midi/record-info', () => [], 0),
		body: (p, cb) => ({ taskId: p, callBackUrl: cb }),
		parent: sunoParent,
	},
	{
		...flagCase(
			'suno cover',
			'sunoCover',
			'/api/v1/suno/cover/generate',
			'/api/v1/suno/cover/record-info',
			(d) => d.response.images,
			2,
		),
		body: (p, cb) => ({ taskId: p, callBackUrl: cb }),
		parent: sunoParent,
	},
];

const CONTENT_TYPE: Record<string, string> = {
	png: 'image/png',
	mp4: 'video/mp4',
	mp3: 'audio/mpeg',
	wav: 'audio/wav',
};

describe('KIE emulator: task lifecycle per family', () => {
	let emu: Emulator;
	let hook: Receiver;

	beforeAll(async () => {
		emu = await startEmulator({ rateLimit: null });
		hook = await startReceiver();
		await call(emu.url, 'GET', '/api/v1/chat/credit'); // warm the connection
	});
	afterAll(async () => {
		await emu.close();
		await hook.close();
	});
	beforeEach(() => emu.reset());

	async function createOk(path: string, body: Record<string, unknown>): Promise<string> {
		const r = await call(emu.url, 'POST', path, body);
		expect(r.status).toBe(200);
		expect(r.json.code).toBe(200);
		expect(r.json.data.taskId).toMatch(/^[0-9a-f-]{32,36}$/);
		return r.json.data.taskId as string;
	}

	/** Polls until `done`, returning every distinct status seen and the final record data. */
	async function pollUntilDone(
		c: Case,
		id: string,
		done: (d: Data) => boolean,
	): Promise<{ seen: unknown[]; data: Data }> {
		const seen: unknown[] = [];
		for (let i = 0; i < 200; i++) {
			const r = await call(emu.url, 'GET', `${c.record}?taskId=${id}`);
			expect(r.status).toBe(200);
			expect(r.json.code).toBe(200);
			const d = r.json.data;
			const s = c.status(d);
			if (seen[seen.length - 1] !== s) seen.push(s);
			if (done(d)) return { seen, data: d };
			await sleep(20);
		}
		throw new Error(`${c.name}: task ${id} never finished`);
	}

	it.each(CASES.map((c) => [c.name, c] as const))(
		'%s: progresses to success, and a fail rule ends in failure',
		async (_n, c) => {
			let parentId = '';
			if (c.parent) {
				parentId = await createOk(c.parent.path, c.parent.body(hook.url));
				emu.finishTask(parentId, {});
			}
			emu.configure({
				rules: [
					{
						match: { family: c.family, promptIncludes: 'FAILME' },
						durationMs: 200,
						fail: { code: '500', msg: 'Emulated failure' },
					},
					{ match: { family: c.family, promptIncludes: 'SLOWME' }, durationMs: 60000 },
					{ match: { family: c.family }, durationMs: 300 },
				],
			});
			// A fresh task reports the family's first status word (checked on a slow task: timing-proof).
			const slowBody: Record<string, unknown> = { ...c.body(parentId, hook.url), prompt: 'SLOWME' };
			if (c.path.endsWith('get-4k-video')) slowBody.index = 2;
			const slowId = await createOk(c.path, slowBody);
			expect(c.status((await call(emu.url, 'GET', `${c.record}?taskId=${slowId}`)).json.data)).toBe(c.pending[0]);
			expect(emu.task(slowId)!.outcome).toBe('pending');

			const okId = await createOk(c.path, c.body(parentId, hook.url));
			const failBody: Record<string, unknown> = { ...c.body(parentId, hook.url), prompt: 'FAILME please' };
			if (c.path.endsWith('get-4k-video')) failBody.index = 1; // one 4K upgrade per (video, index)
			const failId = await createOk(c.path, failBody);

			const isDone = (d: Data) => c.status(d) === c.success || !!c.failMsg(d);
			const [okRun, failRun] = await Promise.all([pollUntilDone(c, okId, isDone), pollUntilDone(c, failId, isDone)]);

			// Success: the statuses seen are the family's pending words in order, then the success word.
			expect(okRun.seen[okRun.seen.length - 1]).toBe(c.success);
			const order = [...c.pending, c.success];
			const idx = okRun.seen.map((s) => order.indexOf(s));
			expect(idx.every((i) => i >= 0)).toBe(true);
			expect([...idx].sort((a, b) => a - b)).toEqual(idx);
			expect(c.failMsg(okRun.data) || null).toBeNull();

			const urls = c.results(okRun.data);
			expect(urls).toHaveLength(c.resultCount);
			for (const u of urls) {
				expect(u.startsWith(`${emu.url}/media/${okId}/`)).toBe(true);
				const m = await call(u, 'GET', '', undefined, { key: null });
				expect(m.status).toBe(200);
				expect(m.headers['content-type']).toBe(CONTENT_TYPE[u.slice(u.lastIndexOf('.') + 1)]);
			}
			expect(emu.task(okId)?.outcome).toBe('success');

			// Failure: the family's failure word and the rule's message.
			expect(c.status(failRun.data)).toBe(c.failWord);
			expect(c.failMsg(failRun.data)).toBe('Emulated failure');
			expect(emu.task(failId)?.outcome).toBe('fail');
		},
	);

	it('answers unknown task ids the way each family does', async () => {
		const market = await call(emu.url, 'GET', '/api/v1/jobs/recordInfo?taskId=nope');
		expect(market.json).toEqual({ code: 422, msg: 'recordInfo is null', data: null });
		for (const p of ['/api/v1/generate/record-info', '/api/v1/wav/record-info', '/api/v1/lyrics/record-info']) {
			expect((await call(emu.url, 'GET', `${p}?taskId=nope`)).json).toEqual({ code: 200, msg: 'success', data: null });
		}
		expect((await call(emu.url, 'GET', '/api/v1/veo/record-info?taskId=nope')).json.code).toBe(422);
	});

	it('reports "recordInfo is null" for recordInfoNullMs after a Market create', async () => {
		emu.configure({ recordInfoNullMs: 400, rules: [] });
		try {
			const id = await createOk('/api/v1/jobs/createTask', { model: 'nano-banana-pro', input: { prompt: 'x' } });
			expect((await call(emu.url, 'GET', `/api/v1/jobs/recordInfo?taskId=${id}`)).json).toEqual({
				code: 422,
				msg: 'recordInfo is null',
				data: null,
			});
			await sleep(450);
			expect((await call(emu.url, 'GET', `/api/v1/jobs/recordInfo?taskId=${id}`)).json.data.taskId).toBe(id);
		} finally {
			emu.configure({ recordInfoNullMs: 0 });
		}
	});

	it('double-encodes Market param.input, reports progress when a rule asks, costTime in seconds', async () => {
		emu.configure({ rules: [{ match: { model: 'sora-2-text-to-video' }, durationMs: 300, progress: true }] });
		const id = await createOk('/api/v1/jobs/createTask', {
			model: 'sora-2-text-to-video',
			input: { prompt: 'p', n_frames: '10' },
		});
		const first = (await call(emu.url, 'GET', `/api/v1/jobs/recordInfo?taskId=${id}`)).json.data;
		expect(typeof first.progress).toBe('number');
		const param = JSON.parse(first.param);
		expect(typeof param.input).toBe('string');
		expect(JSON.parse(param.input)).toEqual({ prompt: 'p', n_frames: '10' });
		expect(param.model).toBe('sora-2-text-to-video');
		emu.finishTask(id);
		const last = (await call(emu.url, 'GET', `/api/v1/jobs/recordInfo?taskId=${id}`)).json.data;
		expect(last.state).toBe('success');
		expect(last.progress).toBe(100);
		expect(Number.isInteger(last.costTime)).toBe(true);
		expect(last.costTime).toBeLessThan(5);
		expect(JSON.parse(last.resultJson).resultUrls[0]).toMatch(/\.mp4$/);
	});

	it('rejects creates the way KIE does (HTTP 200 + body code)', async () => {
		const noModel = await call(emu.url, 'POST', '/api/v1/jobs/createTask', { input: { prompt: 'x' } });
		expect([noModel.status, noModel.json.code]).toEqual([200, 422]);
		const emptyModel = await call(emu.url, 'POST', '/api/v1/jobs/createTask', { model: ' ', input: {} });
		expect(emptyModel.json.code).toBe(422);
		const sunoNoCb = await call(emu.url, 'POST', '/api/v1/generate', {
			prompt: 'x',
			model: 'V5',
			customMode: false,
			instrumental: true,
		});
		expect(sunoNoCb.json).toEqual({ code: 422, msg: 'Please enter callBackUrl.', data: null });
		const runwayNoCb = await call(emu.url, 'POST', '/api/v1/runway/generate', {
			prompt: 'x',
			duration: 5,
			quality: '720p',
		});
		expect(runwayNoCb.json).toEqual({ code: 422, msg: 'Please enter callBackUrl.', data: null });
		for (const p of [
			'/api/v1/wav/generate',
			'/api/v1/vocal-removal/generate',
			'/api/v1/mp4/generate',
			'/api/v1/midi/generate',
		]) {
			const r = await call(emu.url, 'POST', p, { taskId: 'bogus', audioId: 'bogus', callBackUrl: hook.url });
			expect(r.json).toEqual({ code: 422, msg: 'Record does not exist', data: null });
		}
		const notFound = await call(emu.url, 'GET', '/api/v1/jobs/getResult');
		expect(notFound.status).toBe(404);
		expect(notFound.json).toEqual({ status: 404, error: 'Not Found', path: '/api/v1/jobs/getResult' });
		expect(emu.log.filter((e) => e.route === 'createTask').map((e) => e.status)).toEqual([200, 200]);
	});

	it('charges credits and answers 402 when they would go below zero; refunds failed tasks', async () => {
		emu.configure({
			credits: 2.5,
			rules: [{ match: { promptIncludes: 'fail' }, durationMs: 60000, fail: { code: '500', msg: 'x' } }],
		});
		try {
			expect((await call(emu.url, 'GET', '/api/v1/chat/credit')).json).toEqual({
				code: 200,
				msg: 'success',
				data: 2.5,
			});
			const failing = await createOk('/api/v1/jobs/createTask', { model: 'm', input: { prompt: 'fail' } });
			await createOk('/api/v1/jobs/createTask', { model: 'm', input: { prompt: 'ok' } });
			expect((await call(emu.url, 'GET', '/api/v1/chat/credit')).json.data).toBe(0.5);
			const broke = await call(emu.url, 'POST', '/api/v1/jobs/createTask', { model: 'm', input: { prompt: 'ok' } });
			expect(broke.json).toEqual({ code: 402, msg: 'Credits insufficient', data: null });
			emu.finishTask(failing);
			expect((await call(emu.url, 'GET', '/api/v1/chat/credit')).json.data).toBe(1.5);
		} finally {
			emu.configure({ credits: 1000.5 });
		}
	});

	it('serves the Veo 1080p video after "processing", and refuses a second 4K request', async () => {
		emu.configure({ rules: [{ match: { family: 'veo' }, durationMs: 800 }] });
		const id = await createOk('/api/v1/veo/generate', { prompt: 'x' });
		const early = await call(emu.url, 'GET', `/api/v1/veo/get-1080p-video?taskId=${id}&index=0`);
		expect(early.json.code).not.toBe(200);
		emu.finishTask(id);
		const processing = await call(emu.url, 'GET', `/api/v1/veo/get-1080p-video?taskId=${id}&index=0`);
		expect(processing.json.code).toBe(400);
		await sleep(430);
		const ready = await call(emu.url, 'GET', `/api/v1/veo/get-1080p-video?taskId=${id}&index=0`);
		expect(ready.json.code).toBe(200);
		expect(ready.json.data.resultUrl).toMatch(/\.mp4$/);
		expect((await call(ready.json.data.resultUrl, 'GET', '')).status).toBe(200);
		await createOk('/api/v1/veo/get-4k-video', { taskId: id, index: 0 });
		expect((await call(emu.url, 'POST', '/api/v1/veo/get-4k-video', { taskId: id, index: 0 })).json.code).toBe(422);
	});
});
