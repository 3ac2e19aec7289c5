/* eslint-disable @n8n/community-nodes/no-restricted-globals */
import { randomBytes } from 'crypto';
import type { INodeExecutionData, INodeParameters, NodeOperationError } from 'n8n-workflow';

import { CALLBACK_PLACEHOLDER } from '../../nodes/Kie/actions/task/create.properties';
import { BASE64_MAX_BYTES } from '../../nodes/Kie/binary/upload';
import { FAST_REQUESTS, modelById, runKie, useEmulator } from '../support/kie';

const emulator = useEmulator();

function createParams(model: string, input: unknown, extra: INodeParameters = {}): INodeParameters {
	return {
		resource: 'task',
		operation: 'create',
		model: modelById(model),
		inputMode: 'json',
		inputJson: typeof input === 'string' ? input : JSON.stringify(input),
		requestOptions: FAST_REQUESTS,
		...extra,
	};
}

const creates = () => emulator().log.filter((entry) => entry.route === 'createTask' || entry.route.endsWith('.create'));

describe('Create Task — one request per family, as KIE expects it', () => {
	it.each([
		['veo3.1/generate', '/api/v1/veo/generate', { prompt: 'a fox', model: 'veo3_fast', aspect_ratio: '16:9' }, 'veo', false],
		['runway/generate', '/api/v1/runway/generate', { prompt: 'a fox', duration: 5, quality: '720p', aspectRatio: '16:9' }, 'runway', true],
		['runway/aleph', '/api/v1/aleph/generate', { prompt: 'make it snow', videoUrl: 'https://example.com/in.mp4' }, 'aleph', false],
		['luma/modify', '/api/v1/modify/generate', { prompt: 'make it snow', videoUrl: 'https://example.com/in.mp4' }, 'luma', false],
		['gpt4o-image/generate', '/api/v1/gpt4o-image/generate', { size: '1:1', prompt: 'a fox' }, 'gpt4o', false],
		['flux-kontext/generate', '/api/v1/flux/kontext/generate', { prompt: 'a fox' }, 'fluxKontext', false],
		['midjourney/generate', '/api/v1/mj/generate', { taskType: 'mj_txt2img', prompt: 'a fox' }, 'midjourney', false],
		['suno/generate', '/api/v1/generate', { customMode: false, instrumental: true, model: 'V4_5', prompt: 'calm piano' }, 'suno', true],
		['suno/lyrics', '/api/v1/lyrics', { prompt: 'a song about foxes' }, 'sunoLyrics', true],
	] as const)('%s → POST %s with a flat body', async (model, path, input, family, callbackRequired) => {
		const result = await runKie(emulator(), createParams(model, input));
		expect(result.status).toBe('success');
		const [sent] = creates();
		expect(sent.path).toBe(path);
		const expectedBody: Record<string, unknown> = { ...input };
		if (callbackRequired) expectedBody.callBackUrl = CALLBACK_PLACEHOLDER;
		expect(sent.body).toEqual(expectedBody);
		expect(result.output[0].json).toMatchObject({ api: family, model, input });
		expect(result.output[0].json.taskId).toEqual(expect.any(String));
		if (callbackRequired) expect(result.output[0].json.callBackUrl).toBe(CALLBACK_PLACEHOLDER);
		else expect(result.output[0].json.callBackUrl).toBeUndefined();
	});

	it('Market models get {model, callBackUrl, input} with the user\'s callback URL', async () => {
		const callbackUrl = 'https://n8n.example.com/webhook/abc/kie';
		const result = await runKie(
			emulator(),
			createParams('gpt-image-2-text-to-image', { prompt: 'a fox', aspect_ratio: '16:9', resolution: '1K' }, { callbackMode: 'url', callbackUrl }),
		);
		expect(result.status).toBe('success');
		expect(creates()[0].body).toEqual({
			model: 'gpt-image-2-text-to-image',
			callBackUrl: callbackUrl,
			input: { prompt: 'a fox', aspect_ratio: '16:9', resolution: '1K' },
		});
		expect(result.output[0].json).toMatchObject({
			api: 'market',
			callBackUrl: callbackUrl,
			recordId: expect.any(String),
			priceText: expect.stringContaining('credits'),
			catalogue: { schema: 'live', schemaFrom: expect.stringContaining('/api/v1/models/gpt-image-2-text-to-image/schema') },
		});
	});

	it('sends models unknown to the catalogue as given (ID mode)', async () => {
		const result = await runKie(emulator(), createParams('brand-new/model-2099', { anything: [1, 'two'], prompt: 'x' }));
		expect(result.status).toBe('success');
		expect(creates()[0].body).toEqual({ model: 'brand-new/model-2099', input: { anything: [1, 'two'], prompt: 'x' } });
		expect(result.output[0].json.catalogue).toMatchObject({ schema: 'none', notice: expect.stringContaining("brand-new/model-2099 is not in KIE's model catalogue") });
	});

	it('Fields mode: the resource mapper values become the input, empty fields left out', async () => {
		const result = await runKie(emulator(), {
			resource: 'task',
			operation: 'create',
			model: { __rl: true, mode: 'list', value: 'nano-banana-pro' },
			inputMode: 'fields',
			fields: { mappingMode: 'defineBelow', value: { prompt: 'a fox', resolution: '2K', aspect_ratio: null, image_input: '' } },
			requestOptions: FAST_REQUESTS,
		});
		expect(result.status).toBe('success');
		expect(creates()[0].body).toEqual({ model: 'nano-banana-pro', input: { prompt: 'a fox', resolution: '2K' } });
	});

	it('this execution\'s resume URL is sent whole', async () => {
		const result = await runKie(emulator(), createParams('nano-banana-pro', { prompt: 'a fox' }, { callbackMode: 'resume' }));
		expect(result.status).toBe('success');
		const sent = creates()[0].body as { callBackUrl: string };
		expect(sent.callBackUrl).toMatch(/\/webhook-waiting\/\d+$/);
		expect(result.output[0].json.callBackUrl).toBe(sent.callBackUrl);
	});

	it('accepts an object as JSON input (AI-agent tool calls)', async () => {
		const result = await runKie(emulator(), { ...createParams('nano-banana-pro', '{}'), inputJson: { prompt: 'from an agent', resolution: '1K' } });
		expect(result.status).toBe('success');
		expect(creates()[0].body).toEqual({ model: 'nano-banana-pro', input: { prompt: 'from an agent', resolution: '1K' } });
	});

	it('surfaces a KIE 422 for a derived Suno task of an unknown parent', async () => {
		const result = await runKie(emulator(), createParams('suno/wav', { taskId: 'nope', audioId: 'nope' }));
		expect(result.error?.message).toBe('KIE rejected the input (422): Record does not exist');
	});
});

describe('Create Task — validation before any request', () => {
	it.each([
		['a missing required field', 'nano-banana-pro', { resolution: '2K' }, /prompt/],
		['a list where the model takes text', 'kling-3.0/video', { prompt: 'x', duration: [5], mode: 'std', multi_shots: false }, /duration: expected text/],
		['a word where the model takes a whole number', 'wan/2-7-image-to-video', { prompt: 'x', first_frame_url: 'https://example.com/a.png', duration: 'five' }, /duration: .*"five"/],
		['a value outside the enum', 'nano-banana-pro', { prompt: 'x', aspect_ratio: '7:3' }, /aspect_ratio: .*7:3.*allowed/],
		['a misspelt field', 'seedream/4.5-edit', { prompt: 'x', image_url: ['https://example.com/a.png'], aspect_ratio: '1:1', quality: 'basic' }, /image_url: not a field of seedream\/4.5-edit.*still bills/s],
	] as const)('%s → NodeOperationError naming the field, no create sent', async (_name, model, input, pattern) => {
		const result = await runKie(emulator(), createParams(model, input));
		expect(result.status).toBe('error');
		const error = result.error as NodeOperationError;
		expect(error.name).toBe('NodeOperationError');
		expect(`${error.message}\n${error.description}`).toMatch(pattern);
		expect(error.context.itemIndex).toBe(0);
		// Only the model's schema was read (KIE's catalogue API); nothing was created or uploaded.
		expect(emulator().log.filter((entry) => !entry.route.startsWith('models'))).toEqual([]);
	});

	it('reports the index of the bad item in a batch', async () => {
		const items = [{ json: { p: 'ok' } }, { json: { p: 'ok' } }, { json: { p: '' } }];
		const result = await runKie(emulator(), createParams('nano-banana-pro', '={{ JSON.stringify({ prompt: $json.p || undefined }) }}'), { items });
		expect((result.error as NodeOperationError).context.itemIndex).toBe(2);
	});

	it('rejects invalid JSON and non-object JSON clearly', async () => {
		const bad = await runKie(emulator(), createParams('nano-banana-pro', '{"prompt": '));
		expect(bad.error?.message).toMatch(/^Input \(JSON\) is not valid JSON/);
		const list = await runKie(emulator(), createParams('nano-banana-pro', '[1,2]'));
		expect(list.error?.message).toBe('Input (JSON) must be a JSON object');
		expect(emulator().log).toEqual([]);
	});
});

describe('Create Task — binary inputs', () => {
	const png = Buffer.from(
		'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
		'base64',
	);
	const withBinary = (bytes: Buffer, fileName: string, mimeType: string): INodeExecutionData[] => [
		{ json: {}, binary: { data: { data: bytes.toString('base64'), fileName, mimeType } } },
	];

	it('uploads a small file as base64 and puts its URL into the list field', async () => {
		const result = await runKie(
			emulator(),
			createParams('grok-imagine/image-to-image', { prompt: 'make it blue' }, { binaryInputs: { mappings: [{ binaryProperty: 'data', field: 'image_urls' }] } }),
			{ items: withBinary(png, 'cat.png', 'image/png') },
		);
		expect(result.status).toBe('success');
		const [upload] = emulator().uploads;
		expect(upload.via).toBe('base64');
		expect(upload.bytes.equals(png)).toBe(true);
		const [log] = emulator().log.filter((entry) => entry.route === 'upload.base64');
		const downloadUrl = (result.output[0].json.input as { image_urls: string[] }).image_urls[0];
		expect(downloadUrl).toContain('/tempfile/');
		expect(log.path).toBe('/redpanda/api/file-base64-upload');
		expect((creates()[0].body as { input: { image_urls: string[] } }).input.image_urls).toEqual([downloadUrl]);
	});

	it.each(['default', 'filesystem'] as const)('streams a large file as multipart (%s binary mode), bytes intact', async (binaryMode) => {
		const big = randomBytes(BASE64_MAX_BYTES + 200 * 1024);
		const result = await runKie(
			emulator(),
			createParams('runway/aleph', { prompt: 'make it snow' }, { binaryInputs: { mappings: [{ binaryProperty: 'data', field: 'videoUrl' }] } }),
			{ items: withBinary(big, 'clip.mp4', 'video/mp4'), binaryMode },
		);
		expect(result.status).toBe('success');
		const [upload] = emulator().uploads;
		expect(upload.via).toBe('stream');
		expect(upload.fileName).toBe('clip.mp4');
		expect(upload.bytes.equals(big)).toBe(true);
		expect((creates()[0].body as { videoUrl: string }).videoUrl).toContain('/tempfile/');
	});

	it('refuses a mapping to a field that takes no URL, before uploading', async () => {
		const result = await runKie(
			emulator(),
			createParams('nano-banana-pro', { prompt: 'x' }, { binaryInputs: { mappings: [{ binaryProperty: 'data', field: 'prompt' }] } }),
			{ items: withBinary(png, 'cat.png', 'image/png') },
		);
		expect(result.error?.message).toBe('"prompt" is not a URL field of nano-banana-pro');
		expect(emulator().log).toEqual([]);
	});

	it('names a missing binary property', async () => {
		const result = await runKie(
			emulator(),
			createParams('grok-imagine/image-to-image', { prompt: 'x' }, { binaryInputs: { mappings: [{ binaryProperty: 'photo', field: 'image_urls' }] } }),
		);
		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(/photo/);
		expect(emulator().log).toEqual([]);
	});
});

describe('Create Task — batches', () => {
	const items = (n: number) => Array.from({ length: n }, (_, i) => ({ json: { prompt: `fox ${i}` } }));
	const batchParams = (extra: INodeParameters = {}) =>
		createParams('nano-banana-pro', '={{ JSON.stringify({ prompt: $json.prompt }) }}', {
			requestOptions: { ...FAST_REQUESTS, limitMax: 20, limitWindowSeconds: 1 },
			...extra,
		});

	it('100 items against a 20-per-window KIE: 100 tasks, 0 failures, no 429', async () => {
		emulator().configure({ rateLimit: { max: 20, windowMs: 1000 } });
		const result = await runKie(emulator(), batchParams(), { items: items(100) });
		expect(result.status).toBe('success');
		expect(result.output).toHaveLength(100);
		expect(new Set(result.output.map((item) => item.json.taskId)).size).toBe(100);
		result.output.forEach((item, index) => {
			expect(item.pairedItem).toEqual({ item: index });
			expect((item.json.input as { prompt: string }).prompt).toBe(`fox ${index}`);
		});
		expect(creates().filter((entry) => entry.status === 429)).toEqual([]);
		expect(creates()).toHaveLength(100);
	});

	it('402 on item 37 with Continue On Fail: 99 tasks and one error item in place', async () => {
		emulator().addFault({ route: 'createTask', fault: { type: 'bodyCode', code: 402, msg: 'Credits insufficient' }, skip: 36, times: 1 });
		const result = await runKie(emulator(), batchParams({ createOptions: { concurrency: 1 } }), { items: items(100), continueOnFail: true });
		expect(result.status).toBe('success');
		expect(result.output).toHaveLength(100);
		expect(result.output[36].json.error).toBe('Insufficient KIE credits (402): Credits insufficient');
		expect(result.output[36].json.errorDescription).toMatch(/Top up/);
		expect(result.output[36].pairedItem).toEqual({ item: 36 });
		expect(result.output.filter((item) => item.json.taskId)).toHaveLength(99);
	});

	it('402 on item 37 without Continue On Fail: the node stops there with the item index', async () => {
		emulator().addFault({ route: 'createTask', fault: { type: 'bodyCode', code: 402, msg: 'Credits insufficient' }, skip: 36, times: 1 });
		const result = await runKie(emulator(), batchParams({ createOptions: { concurrency: 1 } }), { items: items(100) });
		expect(result.status).toBe('error');
		expect(result.error?.message).toBe('Insufficient KIE credits (402): Credits insufficient');
		expect((result.error as NodeOperationError).context.itemIndex).toBe(36);
		expect(creates()).toHaveLength(37);
	});

	describe('Minimum Balance (Credits)', () => {
		it('reads the balance before the first create and every 20 creates; below the floor the rest become error items', async () => {
			emulator().configure({ credits: 25 });
			const result = await runKie(emulator(), batchParams({ createOptions: { concurrency: 1, minimumBalance: 10 } }), { items: items(30), continueOnFail: true });
			expect(result.status).toBe('success');
			expect(creates()).toHaveLength(20);
			expect(result.output.filter((item) => item.json.taskId)).toHaveLength(20);
			const stopped = result.output.slice(20);
			expect(stopped).toHaveLength(10);
			expect(stopped[0].json.error).toBe('Balance 5 credits is below the minimum of 10 credits: no more tasks are created');
			expect(String(stopped[0].json.errorDescription)).toContain('Tasks already created in this execution (charged)');
			expect(stopped.map((item) => item.pairedItem)).toEqual(Array.from({ length: 10 }, (_, i) => ({ item: 20 + i })));
			expect(emulator().log.filter((entry) => entry.path === '/api/v1/chat/credit')).toHaveLength(2);
		});

		it('stops before spending anything when the balance is already below the floor', async () => {
			emulator().configure({ credits: 3 });
			const result = await runKie(emulator(), batchParams({ createOptions: { minimumBalance: 10 } }), { items: items(3) });
			expect(result.status).toBe('error');
			expect(result.error?.message).toBe('Balance 3 credits is below the minimum of 10 credits: no more tasks are created');
			expect((result.error as NodeOperationError).description).toContain('No task was created');
			expect(creates()).toHaveLength(0);
		});
	});
});
