/* eslint-disable @n8n/community-nodes/no-restricted-globals */
/**
 * The catalogue endpoints (`/api/v1/models…`): KIE's shapes and quirks, the shared discovery
 * budget, unknown ids, publishing/retiring models while running, the records' newer fields and
 * Suno on the Market. Facts: test/fixtures/catalogue/ORIGIN.md.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { request } from 'undici';
import { CATALOGUE_FIXTURES, TASK_PATH } from './catalogue-document';
import { call, KEY, startReceiver, waitFor } from './helpers';
import { parseArgs } from './cli';
import { startEmulator, type Emulator } from './index';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const IDS = readFileSync(join(CATALOGUE_FIXTURES, 'samples/tansilandre/model_ids_2026-10-02.txt'), 'utf8')
	.split('\n')
	.map((l) => l.trim())
	.filter(Boolean);
const SAMPLE = (f: string): Json =>
	JSON.parse(readFileSync(join(CATALOGUE_FIXTURES, 'samples/tansilandre', f), 'utf8'));
const TOO_FAST = { code: 429, msg: 'Your call frequency is too high. Please try again later.', data: null };
const UNKNOWN = {
	code: 404,
	msg: 'The model name you specified is not supported. Please verify your input and use one of the supported models provided by KIE.',
	data: null,
};

/** JSON-pointer resolution as KIE's documents need it: percent-decode, then ~1/~0, exact keys (no trimming). */
function resolveRef(doc: Json, ref: string): unknown {
	if (!ref.startsWith('#/')) return undefined;
	let node: Json = doc;
	for (const raw of ref.slice(2).split('/')) {
		const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
		if (node === null || typeof node !== 'object' || !(key in node)) return undefined;
		node = node[key];
	}
	return node;
}

function refsOf(v: unknown, out: string[] = []): string[] {
	if (Array.isArray(v)) v.forEach((x) => refsOf(x, out));
	else if (v && typeof v === 'object') {
		for (const [k, x] of Object.entries(v)) {
			if (k === '$ref' && typeof x === 'string') out.push(x);
			else refsOf(x, out);
		}
	}
	return out;
}

describe('KIE emulator: catalogue API', () => {
	let emu: Emulator;

	beforeAll(async () => {
		emu = await startEmulator({ discoveryRateLimit: null, rateLimit: null, defaultDurationMs: 60 });
	});
	afterAll(() => emu.close());
	beforeEach(() => emu.reset());

	const get = (path: string, key?: string | null) => call(emu.url, 'GET', path, undefined, { key });

	it('lists the 218 models of 2026-10-02 in the KIE envelope, with total', async () => {
		const r = await get('/api/v1/models');
		expect(r.status).toBe(200);
		expect(r.json.code).toBe(200);
		expect(r.json.msg).toBe('success');
		expect(r.json.data.total).toBe(218);
		expect(r.json.data.models.map((m: Json) => m.model)).toEqual(IDS);
		for (const m of r.json.data.models) {
			expect(Object.keys(m)).toEqual(['model', 'slug', 'title', 'provider', 'taskType', 'description', 'pricingDesc']);
			expect(m.taskType.length).toBeGreaterThan(0);
		}
		// The seven real entries are served as saved.
		const real = SAMPLE('models.json').data.models as Json[];
		for (const entry of real) expect(r.json.data.models).toContainEqual(entry);
		expect(r.json.data.models.filter((m: Json) => m.pricingDesc === null)).toHaveLength(8);
		expect(r.json.data.models.find((m: Json) => m.model === 'kling-3.0-omni/text-to-video').description).toBe('');
	});

	it('filters by taskType (any of, comma-separated), provider and q; no match is an empty list', async () => {
		const all = (await get('/api/v1/models')).json.data.models as Json[];
		const t = await get('/api/v1/models?taskType=Text%20to%20Video,Image%20to%20Video');
		expect(t.json.data.models.length).toBe(
			all.filter((m) => m.taskType.some((x: string) => x === 'Text to Video' || x === 'Image to Video')).length,
		);
		expect(t.json.data.total).toBe(t.json.data.models.length);
		const plus = await get('/api/v1/models?taskType=Text+to+Video');
		expect(plus.json.data.models.every((m: Json) => m.taskType.includes('Text to Video'))).toBe(true);
		const google = await get('/api/v1/models?provider=google');
		expect(google.json.data.models.length).toBeGreaterThan(0);
		expect(google.json.data.models.every((m: Json) => m.provider === 'Google')).toBe(true);
		const q = await get('/api/v1/models?q=KLING');
		expect(q.json.data.models.length).toBeGreaterThan(0);
		expect(q.json.data.models.every((m: Json) => JSON.stringify([m.model, m.title, m.provider]).toLowerCase().includes('kling'))).toBe(true);
		const none = await get('/api/v1/models?q=no-such-model-anywhere');
		expect(none.json).toEqual({ code: 200, msg: 'success', data: { total: 0, models: [] } });
	});

	it('needs the API key', async () => {
		const r = await get('/api/v1/models', null);
		expect(r.status).toBe(401);
		expect(r.json.code).toBe(401);
	});

	it('serves the real documents, ids with one slash, a null schema and the 404 body for unknown ids', async () => {
		const veo = await get('/api/v1/models/veo-3-1/schema');
		const saved = SAMPLE('schema_veo-3-1.json');
		const { 'x-source': source, ...info } = veo.json.data.openapi.info;
		expect(source.kind).toBe('kie-schema');
		expect({ ...veo.json, data: { ...veo.json.data, openapi: { ...veo.json.data.openapi, info } } }).toEqual(saved);

		const seedance = await get('/api/v1/models/bytedance/seedance-1.5-pro/schema');
		expect(seedance.json.data.model).toBe('bytedance/seedance-1.5-pro');
		expect(Object.keys(seedance.json.data.openapi.paths)).toEqual([TASK_PATH]);

		const tts = await get('/api/v1/models/google/gemini-3-8-flash-tts/schema');
		expect(tts.json).toEqual({ code: 200, msg: 'success', data: { model: 'google/gemini-3-8-flash-tts', openapi: null } });

		const price = await get('/api/v1/models/veo-3-1/price');
		expect(price.json).toEqual(SAMPLE('price_veo-3-1.json'));
		const nullPrice = await get('/api/v1/models/ideogram/v3-remix/price');
		expect(nullPrice.json.data).toEqual({ model: 'ideogram/v3-remix', pricingDesc: null });

		for (const suffix of ['schema', 'price', 'success-rate']) {
			for (const id of ['no-such-model', 'kling/no-such-model']) {
				const r = await get(`/api/v1/models/${id}/${suffix}`);
				expect({ id, suffix, status: r.status, body: r.json }).toEqual({ id, suffix, status: 200, body: UNKNOWN });
			}
		}
		const bare = await get('/api/v1/models/veo-3-1');
		expect(bare.status).toBe(404);
	});

	it('success rate: real points for veo-3-1, at most 144 ten-minute buckets with empty ones, points [] without monitoring', async () => {
		const veo = await get('/api/v1/models/veo-3-1/success-rate');
		expect(veo.json).toEqual(SAMPLE('success_rate_veo-3-1.json'));
		const kling = await get('/api/v1/models/kling/v2-1-master-text-to-video/success-rate');
		const points = kling.json.data.points as Json[];
		expect(kling.json.data.model).toBe('kling/v2-1-master-text-to-video');
		expect(points.length).toBeGreaterThan(0);
		expect(points.length).toBeLessThanOrEqual(144);
		for (const p of points) {
			expect(Object.keys(p)).toEqual(['start', 'end', 'successRate', 'errorRate', 'isNormal']);
			expect(Date.parse(p.end) - Date.parse(p.start)).toBe(600_000);
		}
		expect(points.some((p) => p.successRate === null && p.errorRate === null)).toBe(true);
		expect(points.some((p) => typeof p.successRate === 'number')).toBe(true);
		const none = await get('/api/v1/models/google/gemini-3-8-flash-tts/success-rate');
		expect(none.json.data).toEqual({ model: 'google/gemini-3-8-flash-tts', points: [] });
	});

	it('every served task document has exactly one path and every $ref resolves (percent-encoded, trailing spaces kept)', async () => {
		const kinds = { task: 0, sync: 0, null: 0, oneOf: 0 };
		let errorRefs = 0;
		for (const id of IDS) {
			const r = await get(`/api/v1/models/${id}/schema`);
			expect(r.json.code).toBe(200);
			const doc = r.json.data.openapi;
			if (doc === null) {
				kinds.null++;
				continue;
			}
			const paths = Object.keys(doc.paths);
			expect({ id, count: paths.length }).toEqual({ id, count: 1 });
			if (paths[0] !== TASK_PATH) {
				kinds.sync++;
				continue;
			}
			kinds.task++;
			const unresolved = refsOf(doc).filter((ref) => resolveRef(doc, ref) === undefined);
			expect({ id, unresolved }).toEqual({ id, unresolved: [] });
			errorRefs += refsOf(doc).filter((ref) => ref === '#/components/responses/Error ').length;
			const body = doc.paths[TASK_PATH].post.requestBody.content['application/json'].schema;
			const resolved = body.$ref ? resolveRef(doc, body.$ref) : body;
			const input = (resolved as Json).properties.input;
			expect({ id, hasInput: input !== undefined }).toEqual({ id, hasInput: true });
			if (input.oneOf) kinds.oneOf++;
		}
		// 2026-10-06 live counts (registry): 178 createTask, 39 synchronous, 1 not synced.
		expect(kinds).toMatchObject({ task: 178, sync: 39, null: 1 });
		expect(kinds.oneOf).toBeGreaterThanOrEqual(1);
		expect(errorRefs).toBeGreaterThan(100);
		// The trimmed key does not resolve: a resolver must not trim.
		const veo = (await get('/api/v1/models/veo-3-1/schema')).json.data.openapi;
		expect(resolveRef(veo, '#/components/responses/Error')).toBeUndefined();
		expect(resolveRef(veo, '#/components/responses/Error ')).toBeDefined();
	});

	it('records every document\'s source: sources.json and openapi.info x-source agree; sync models keep their chat paths', async () => {
		const sources = JSON.parse(readFileSync(join(CATALOGUE_FIXTURES, 'sources.json'), 'utf8')) as Record<string, Json>;
		expect(Object.keys(sources).sort()).toEqual([...IDS].sort());
		for (const id of ['claude-opus-5', 'gpt-5-5', 'gemini-3-8-flash', 'google/nano-banana', 'ai-music-api/generate']) {
			const doc = (await get(`/api/v1/models/${id}/schema`)).json.data.openapi;
			const path = Object.keys(doc.paths)[0];
			expect({ id, path, kind: doc.info['x-source'].kind }).toEqual({ id, path: sources[id].path, kind: sources[id].source });
		}
		expect(sources['claude-opus-5']).toMatchObject({ kind: 'sync', path: '/claude/v1/messages', source: 'kie-docs' });
		expect(sources['google/gemini-3-8-flash-tts']).toMatchObject({ kind: 'unsynced', path: null });
		expect(Object.values(sources).filter((s) => s.fullInput)).toHaveLength(217);
	});

	it('publishes a model while running: listed, with schema, price and success rate; createTask runs it to a video', async () => {
		const entry = emu.publishModel({
			model: 'acme/clip-9',
			title: 'Acme Clip 9',
			provider: 'Acme',
			taskType: ['Text to Video'],
			pricingDesc: '9 credits per clip.',
			input: {
				type: 'object',
				properties: { prompt: { type: 'string', maxLength: 100 }, seconds: { type: 'integer', enum: [4, 8] } },
				required: ['prompt'],
			},
		});
		expect(entry.slug).toBe('acme/clip-9');
		const list = await get('/api/v1/models?provider=Acme');
		expect(list.json.data.models).toEqual([entry]);
		expect((await get('/api/v1/models')).json.data.total).toBe(219);
		const schema = await get('/api/v1/models/acme/clip-9/schema');
		const doc = schema.json.data.openapi;
		expect(Object.keys(doc.paths)).toEqual([TASK_PATH]);
		const input = doc.paths[TASK_PATH].post.requestBody.content['application/json'].schema.properties.input;
		expect(input.required).toEqual(['prompt']);
		expect(input.properties.seconds.enum).toEqual([4, 8]);
		expect((await get('/api/v1/models/acme/clip-9/price')).json.data).toEqual({ model: 'acme/clip-9', pricingDesc: '9 credits per clip.' });

		const created = await call(emu.url, 'POST', '/api/v1/jobs/createTask', { model: 'acme/clip-9', input: { prompt: 'a cat' } });
		expect(created.json.code).toBe(200);
		const taskId = created.json.data.taskId as string;
		emu.finishTask(taskId, {});
		const rec = await get(`/api/v1/jobs/recordInfo?taskId=${taskId}`);
		expect(rec.json.data.response.resultUrls[0]).toMatch(/\.mp4$/);
		const media = await request(rec.json.data.response.resultUrls[0]);
		expect(media.headers['content-type']).toBe('video/mp4');
		await media.body.arrayBuffer();

		expect(emu.retireModel('acme/clip-9')).toBe(true);
		expect((await get('/api/v1/models/acme/clip-9/schema')).json).toEqual(UNKNOWN);
		expect((await get('/api/v1/models')).json.data.total).toBe(218);
	});

	it('retires a listed model, and reset() restores the fixture catalogue', async () => {
		expect(emu.retireModel('veo-3-1')).toBe(true);
		expect(emu.retireModel('veo-3-1')).toBe(false);
		const list = (await get('/api/v1/models')).json.data;
		expect(list.total).toBe(217);
		expect(list.models.some((m: Json) => m.model === 'veo-3-1')).toBe(false);
		expect((await get('/api/v1/models/veo-3-1/price')).json).toEqual(UNKNOWN);
		// A retired id is refused at createTask too, and costs nothing.
		const credits = (await get('/api/v1/chat/credit')).json.data;
		const refused = await call(emu.url, 'POST', '/api/v1/jobs/createTask', { model: 'veo-3-1', input: { prompt: 'a cat' } });
		expect(refused.json).toEqual({ code: 422, msg: 'model not supported', data: null });
		expect((await get('/api/v1/chat/credit')).json.data).toBe(credits);
		emu.reset();
		expect((await call(emu.url, 'POST', '/api/v1/jobs/createTask', { model: 'veo-3-1', input: { prompt: 'a cat' } })).json.code).toBe(200);
		expect((await get('/api/v1/models')).json.data.total).toBe(218);
		expect(emu.catalogueModels().some((m) => m.model === 'veo-3-1')).toBe(true);
	});

	it('control API: publish, list, retire and reset the catalogue out of process', async () => {
		const ctl = (method: string, path: string, body?: unknown) => call(emu.url, method, `/__emulator/${path}`, body, { key: null });
		const pub = await ctl('POST', 'catalogue/models', { model: 'acme/tune', taskType: ['Text to Music'], openapi: null });
		expect(pub.status).toBe(200);
		expect(pub.json.model).toBe('acme/tune');
		expect((await get('/api/v1/models/acme/tune/schema')).json.data).toEqual({ model: 'acme/tune', openapi: null });
		expect((await ctl('GET', 'catalogue/models')).json.some((m: Json) => m.model === 'acme/tune')).toBe(true);
		expect((await ctl('POST', 'catalogue/models', { model: 'a/b/c' })).status).toBe(400);
		expect((await ctl('DELETE', 'catalogue/models/acme/tune')).status).toBe(200);
		expect((await ctl('DELETE', 'catalogue/models/acme/tune')).status).toBe(404);
		await ctl('DELETE', 'catalogue/models/runway');
		expect((await get('/api/v1/models')).json.data.total).toBe(217);
		await ctl('POST', 'catalogue/reset');
		expect((await get('/api/v1/models')).json.data.total).toBe(218);
	});
});

describe('KIE emulator: catalogue discovery budget', () => {
	let emu: Emulator;

	beforeAll(async () => {
		// A long window: the second call inside it is always over budget, however slow the machine.
		emu = await startEmulator({ apiKeys: [KEY, 'other-key'], discoveryRateLimit: { max: 1, windowMs: 60_000 } });
	});
	afterAll(() => emu.close());
	beforeEach(() => emu.reset());

	const get = (path: string, key?: string) => call(emu.url, 'GET', path, undefined, { key });

	it('shares one budget per key across the four endpoints; over it: HTTP 200 with body code 429', async () => {
		expect((await get('/api/v1/models')).json.code).toBe(200);
		for (const path of [
			'/api/v1/models',
			'/api/v1/models/veo-3-1/schema',
			'/api/v1/models/veo-3-1/price',
			'/api/v1/models/veo-3-1/success-rate',
			'/api/v1/models/no-such-model/schema',
		]) {
			const r = await get(path);
			expect({ path, status: r.status, body: r.json }).toEqual({ path, status: 200, body: TOO_FAST });
		}
		// Another key has its own budget; other endpoints are not limited.
		expect((await get('/api/v1/models/veo-3-1/price', 'other-key')).json.code).toBe(200);
		expect((await get('/api/v1/chat/credit')).json.code).toBe(200);
		expect(emu.log.filter((e) => e.route.startsWith('models')).map((e) => e.route)).toEqual([
			'models',
			'models',
			'models.schema',
			'models.price',
			'models.successRate',
			'models.schema',
			'models.price',
		]);
	});

	it('CLI: --discovery-rate MAX/WINDOW_MS or off', () => {
		expect(parseArgs(['--discovery-rate', '2/5000'])).toEqual({ discoveryRateLimit: { max: 2, windowMs: 5000 } });
		expect(parseArgs(['--discovery-rate=off'])).toEqual({ discoveryRateLimit: null });
		expect(() => parseArgs(['--discovery-rate', 'fast'])).toThrow(/--discovery-rate expects/);
	});

	it('can be configured off (and back on) per instance', async () => {
		emu.configure({ discoveryRateLimit: null });
		for (let i = 0; i < 5; i++) expect((await get('/api/v1/models/veo-3-1/price')).json.code).toBe(200);
		emu.configure({ discoveryRateLimit: { max: 2, windowMs: 60_000 } });
		emu.reset();
		const codes = [];
		for (let i = 0; i < 3; i++) codes.push((await get('/api/v1/models/veo-3-1/price')).json.code);
		expect(codes).toEqual([200, 200, 429]);
		emu.configure({ discoveryRateLimit: { max: 1, windowMs: 60_000 } });
	});
});

describe('KIE emulator: Market records and Suno on the Market', () => {
	let emu: Emulator;

	beforeAll(async () => {
		emu = await startEmulator({ rateLimit: null, defaultDurationMs: 60_000 });
	});
	afterAll(() => emu.close());
	beforeEach(() => emu.reset());

	async function run(model: string, input: Record<string, unknown>, callBackUrl?: string): Promise<Json> {
		const created = await call(emu.url, 'POST', '/api/v1/jobs/createTask', { model, input, callBackUrl });
		expect(created.json.code).toBe(200);
		const taskId = created.json.data.taskId as string;
		const running = await call(emu.url, 'GET', `/api/v1/jobs/recordInfo?taskId=${taskId}`);
		expect(running.json.data).toMatchObject({ successFlag: 0, creditsConsumed: null, response: null, resultJson: '' });
		emu.finishTask(taskId, {});
		return (await call(emu.url, 'GET', `/api/v1/jobs/recordInfo?taskId=${taskId}`)).json.data;
	}

	it('recordInfo carries successFlag, creditsConsumed and response (= parsed resultJson)', async () => {
		const d = await run('nano-banana-pro', { prompt: 'x' });
		expect(d).toMatchObject({ state: 'success', successFlag: 1, creditsConsumed: 1 });
		expect(d.response).toEqual(JSON.parse(d.resultJson));
		expect(d.response.resultUrls[0]).toMatch(/\.png$/);

		const created = await call(emu.url, 'POST', '/api/v1/jobs/createTask', { model: 'nano-banana-pro', input: { prompt: 'y' } });
		emu.finishTask(created.json.data.taskId, { fail: { code: '500', msg: 'boom' } });
		const f = (await call(emu.url, 'GET', `/api/v1/jobs/recordInfo?taskId=${created.json.data.taskId}`)).json.data;
		expect(f).toMatchObject({ state: 'fail', successFlag: 3, creditsConsumed: 0, response: null });
	});

	it('Market callbacks carry creditsConsumed', async () => {
		const hook = await startReceiver();
		try {
			emu.configure({ rules: [{ match: { model: 'kling-3.0/video' }, credits: 7 }] });
			await run('kling-3.0/video', { prompt: 'x' }, hook.url);
			await waitFor(() => hook.received.length >= 1);
			expect(hook.received[0].body.data).toMatchObject({ state: 'success', creditsConsumed: 7 });
		} finally {
			emu.configure({ rules: [] });
			await hook.close();
		}
	});

	it('ai-music-api generate/extend: response.data[] tracks with audio, stream, image, title, duration', async () => {
		for (const model of ['ai-music-api/generate', 'ai-music-api/extend']) {
			const d = await run(model, { prompt: 'a song', model: 'V6', title: 'My Song', custom_mode: false, instrumental: false });
			expect(d.response.data).toHaveLength(2);
			for (const t of d.response.data) {
				expect(t).toMatchObject({ title: 'My Song', model_name: 'chirp-v6' });
				expect(t.audio_url).toMatch(/\.mp3$/);
				expect(t.stream_audio_url).toMatch(/\.mp3$/);
				expect(t.image_url).toMatch(/\.png$/);
				expect(typeof t.duration).toBe('number');
			}
			const audio = await request(d.response.data[0].audio_url);
			expect(audio.headers['content-type']).toBe('audio/mpeg');
			await audio.body.arrayBuffer();
		}
	});

	it('ai-music-api lyrics and analyses: response.resultObject; file utilities: resultUrls', async () => {
		const lyrics = await run('ai-music-api/generate-lyrics', { prompt: 'rain' });
		expect(lyrics.response.resultObject.lyricsData[0].text).toContain('rain');
		expect(lyrics.response.data).toBeUndefined();
		const stamped = await run('ai-music-api/timeStamped-lyrics', { task_id: 't', audio_id: 'a' });
		expect(Array.isArray(stamped.response.resultObject.alignedWords)).toBe(true);
		const wav = await run('ai-music-api/convert-to-wav-format', { task_id: 't', audio_id: 'a' });
		expect(wav.response.resultUrls[0]).toMatch(/\.wav$/);
		const video = await run('ai-music-api/create-music-video', { task_id: 't', audio_id: 'a' });
		expect(video.response.resultUrls[0]).toMatch(/\.mp4$/);
	});
});
