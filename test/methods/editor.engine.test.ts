import { createHash } from 'crypto';
/* The editor's model search and Fields form through n8n-core's LoadOptionsContext against the
 * emulator's catalogue API: live, from the cache, from the snapshot, under a 429 storm. Fake clock. */
import type { ILoadOptionsFunctions, INodeParameters } from 'n8n-workflow';

import { Kie } from '../../nodes/Kie/Kie.node';
import { accountCache, LIST_TTL_MS, resetDiscoveryCaches } from '../../nodes/Kie/catalogue/discovery';
import { setDiscoveryClock } from '../../nodes/Kie/catalogue/fetch';
import { resetDiscoveryLimiters } from '../../nodes/Kie/catalogue/limiter';
import { snapshot } from '../../nodes/Kie/catalogue/snapshot';
import { getInputOptions, getModelFields } from '../../nodes/Kie/methods/getModelFields';
import { searchModels } from '../../nodes/Kie/methods/searchModels';
import { DEFAULT_API_KEY, startEmulator, type Emulator } from '../emulator';
import { loadOptionsContext } from '../harness/load-options';
import { credentialsFor } from '../support/kie';
import { FakeClock } from '../catalogue/fake-catalogue';

let kie: Emulator;
let clock: FakeClock;

beforeAll(async () => {
	// The fake clock jumps minutes ahead; the emulator's 1 rps budget runs on real time, so it is
	// off here except where a test injects 429s itself.
	kie = await startEmulator({ rateLimit: null, discoveryRateLimit: null });
});
afterAll(async () => {
	setDiscoveryClock(undefined);
	await kie.close();
});
beforeEach(() => {
	kie.reset();
	resetDiscoveryCaches();
	resetDiscoveryLimiters();
	clock = new FakeClock(Date.now());
	setDiscoveryClock(clock);
});

const create = (model: string, extra: INodeParameters = {}): INodeParameters => ({
	resource: 'task',
	operation: 'create',
	model: { __rl: true, mode: 'list', value: model },
	inputMode: 'fields',
	...extra,
});

function ctx(parameters: INodeParameters = create('')): ILoadOptionsFunctions {
	return loadOptionsContext(new Kie(), parameters, credentialsFor(kie));
}

const catalogueRequests = () => kie.log.filter((entry) => entry.route.startsWith('models'));

describe('model search (listSearch)', () => {
	it('lists the live catalogue, searchable by title, id, provider and task type, with the price\'s first line', async () => {
		const all = await searchModels.call(ctx());
		// Every task model of the catalogue; KIE's synchronous chat models are not offered.
		expect(all.results.length).toBe(snapshot().models.filter((model) => model.kind !== 'chat').length);
		const veo = all.results.find((entry) => entry.value === 'veo-3-1')!;
		expect(veo.name).toBe('Text to Video / Image to Video · Veo 3.1');
		expect(veo.description).toMatch(/^veo-3-1 — Lite mode/);
		expect(veo.description).not.toContain('\n');
		expect((await searchModels.call(ctx(), 'seedance 1.5')).results.map((entry) => entry.value)).toContain('bytedance/seedance-1.5-pro');
		expect((await searchModels.call(ctx(), 'bytedance/seedance-1.5')).results.map((entry) => entry.value)).toContain('bytedance/seedance-1.5-pro');
		const byProvider = (await searchModels.call(ctx(), 'bytedance')).results;
		expect(byProvider.length).toBeGreaterThan(3);
		const byTaskType = (await searchModels.call(ctx(), 'text to music')).results;
		expect(byTaskType.some((entry) => /Text to Music/i.test(entry.name))).toBe(true);
		expect(byTaskType.every((entry) => /music/i.test(`${entry.name} ${entry.description}`))).toBe(true);
		// Typing is answered from the cache: one list request for all of the above.
		expect(catalogueRequests().filter((entry) => entry.route === 'models')).toHaveLength(1);
	});

	it('leaves out KIE\'s synchronous chat models', async () => {
		const chat = snapshot().models.filter((model) => model.kind === 'chat').map((model) => model.id);
		expect(chat.length).toBeGreaterThan(0);
		const listed = (await searchModels.call(ctx())).results.map((entry) => entry.value);
		for (const id of chat) expect(listed).not.toContain(id);
	});

	it('shows a model published after the package was built, and drops a retired one, once the cache expires', async () => {
		await searchModels.call(ctx());
		kie.publishModel({ model: 'acme/new-video', title: 'Acme New Video', provider: 'Acme', taskType: ['Text to Video'], pricingDesc: '5 credits per second', input: { type: 'object', required: ['prompt'], properties: { prompt: { type: 'string', description: 'What happens' } } } });
		expect(kie.retireModel('veo-3-1')).toBe(true);
		expect((await searchModels.call(ctx(), 'acme')).results).toEqual([]);
		clock.advance(LIST_TTL_MS + 1);
		const after = (await searchModels.call(ctx())).results.map((entry) => entry.value);
		expect(after).toContain('acme/new-video');
		expect(after).not.toContain('veo-3-1');
		expect(snapshot().models.map((model) => model.id)).not.toContain('acme/new-video');
	});

	it('a discovery 429 storm never reaches the user: 30 searches in 10 s are answered, from the cache', async () => {
		await searchModels.call(ctx());
		clock.advance(LIST_TTL_MS + 1);
		kie.addFault({ route: 'models', fault: { type: 'bodyCode', code: 429, msg: 'Your call frequency is too high. Please try again later.' } });
		for (let i = 0; i < 30; i++) {
			const found = await searchModels.call(ctx(), i % 2 ? 'kling' : 'veo');
			expect(found.results.length).toBeGreaterThan(0);
			clock.advance(333);
		}
		// After the cache expired, one list request refused and asked once more after the back-off
		// (refused again); then the cooldown holds: nothing more is sent during the storm.
		expect(emulatorAccount().rateLimited).toBe(2);
		expect(emulatorAccount().sent.list).toBe(3);
	});

	it('no network: the shipped snapshot answers', async () => {
		const offline = loadOptionsContext(new Kie(), create(''), { apiKey: DEFAULT_API_KEY, baseUrl: 'http://127.0.0.1:9', uploadBaseUrl: 'http://127.0.0.1:9' });
		const found = await searchModels.call(offline, 'veo');
		expect(found.results.map((entry) => entry.value)).toContain('veo-3-1');
	});
});

/** The discovery cache of the emulator's account (same key as nodes/Kie/catalogue/fetch.ts). */
function emulatorAccount() {
	return accountCache(`${kie.url}#${createHash('sha256').update(DEFAULT_API_KEY).digest('hex').slice(0, 16)}`);
}

describe('Fields form (resourceMapper) from the model\'s schema', () => {
	it('one field per input property: types, enums with KIE\'s default, required markers, lists as text, price on top', async () => {
		const { fields } = await getModelFields.call(ctx(create('bytedance/seedance-1.5-pro')));
		const byId = new Map(fields.map((field) => [field.id, field]));
		expect(byId.get('prompt')).toMatchObject({ displayName: 'Prompt', required: true, type: 'string' });
		expect(byId.get('input_urls')).toMatchObject({ displayName: 'Input URLs (public URLs, comma-separated)', type: 'string', required: false });
		expect(byId.get('aspect_ratio')).toMatchObject({ type: 'options', required: true, defaultValue: '1:1' });
		expect(byId.get('aspect_ratio')!.options).toContainEqual({ name: '1:1 (KIE default)', value: '1:1' });
		expect(byId.get('duration')).toMatchObject({ type: 'number', required: true });
		expect(byId.get('fixed_lens')).toMatchObject({ type: 'boolean' });
		expect(fields[0]).toMatchObject({ id: '__kiePrice', readOnly: true });
		expect(String(fields[0].defaultValue)).toContain('480p: 1.75 credits/s');
	});

	it('shows the fields a model cannot work without (required, called needed by KIE, the prompt); the rest wait under "Add field"', async () => {
		const shown = async (model: string) => {
			const { fields } = await getModelFields.call(ctx(create(model)));
			return fields.filter((field) => field.removed === false).map((field) => field.id);
		};
		// Suno on the Market requires only custom_mode, instrumental and model; the prompt (needed
		// unless custom mode is on) is shown too, not required, so it can be removed.
		const suno = await getModelFields.call(ctx(create('ai-music-api/generate')));
		const byId = new Map(suno.fields.map((field) => [field.id, field]));
		expect(byId.get('prompt')).toMatchObject({ required: false, removed: false, display: true });
		expect(byId.get('lyrics')).toMatchObject({ required: false, removed: true, display: true });
		expect(await shown('ai-music-api/generate')).toEqual(['__kiePrice', 'prompt', 'custom_mode', 'instrumental', 'model']);
		for (const id of ['ai-music-api/extend', 'ai-music-api/upload-and-cover-audio', 'ai-music-api/add-vocals']) expect(await shown(id)).toContain('prompt');
		// KIE's description says "(required)" / "at least one frame is required", the schema does not.
		expect(await shown('bytedance/seedance-2')).toEqual(expect.arrayContaining(['prompt', 'web_search']));
		expect(await shown('minimax-h3/image-to-video')).toContain('first_frame_url');
		// A prompt KIE calls optional waits under "Add field", as does every other optional field.
		expect(await shown('kling-3.0/motion-control')).not.toContain('prompt');
		const seedance = await getModelFields.call(ctx(create('bytedance/seedance-1.5-pro')));
		for (const field of seedance.fields) expect(field.removed).toBe(!field.required);
	});

	it('a model KIE has not synced, a chat model and an unknown id explain themselves', async () => {
		const unsynced = await getModelFields.call(ctx(create('google/gemini-3-8-flash-tts')));
		expect(unsynced).toEqual({ fields: [], emptyFieldsNotice: expect.stringContaining('has not published the schema') });
		const chatId = snapshot().models.find((model) => model.kind === 'chat')!.id;
		expect((await getModelFields.call(ctx(create(chatId)))).emptyFieldsNotice).toContain('synchronous chat model');
		expect((await getModelFields.call(ctx(create('nobody/none')))).emptyFieldsNotice).toContain('not in KIE\'s catalogue');
	});

	it('a oneOf input becomes a choice of options, each with its own fields', async () => {
		kie.publishModel({
			model: 'acme/upscale',
			title: 'Acme Upscale',
			taskType: ['Image to Image'],
			input: {
				oneOf: [
					{ type: 'object', title: 'From a task', required: ['task_id'], properties: { task_id: { type: 'string' } } },
					{ type: 'object', title: 'From an image', required: ['image_url'], properties: { image_url: { type: 'string', format: 'uri' }, scale: { type: 'integer', enum: [2, 4] } } },
				],
			},
		});
		const options = await getInputOptions.call(ctx(create('acme/upscale')));
		expect(options.map((option) => option.name)).toEqual(['From a task', 'From an image']);
		const second = await getModelFields.call(ctx(create('acme/upscale', { inputOption: '1' })));
		expect(second.fields.map((field) => field.id)).toEqual(['image_url', 'scale']);
		expect(second.fields[0]).toMatchObject({ displayName: 'Image URL (public URL)', required: true });
	});

	it('the form is read from the cache and the snapshot when KIE refuses (429)', async () => {
		kie.addFault({ route: 'models.schema', fault: { type: 'bodyCode', code: 429, msg: 'Your call frequency is too high. Please try again later.' } });
		const { fields } = await getModelFields.call(ctx(create('veo-3-1')));
		expect(fields.map((field) => field.id)).toContain('prompt');
	});
});
