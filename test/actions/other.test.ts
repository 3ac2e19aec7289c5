import type { INodeParameters } from 'n8n-workflow';

import { FAMILIES } from '../../nodes/Kie/families/specs';
import type { FamilyId } from '../../nodes/Kie/families/types';
import { FAST_REQUESTS, modelById, runKie, useEmulator } from '../support/kie';

// Tasks run until a test finishes them (createAndFinish), so a chosen outcome is never overtaken by the clock.
const emulator = useEmulator({ defaultDurationMs: 10 * 60_000 });

async function createAndFinish(model: string, input: object, fail?: { code: string; msg: string }) {
	const created = await runKie(emulator(), {
		resource: 'task',
		operation: 'create',
		model: modelById(model),
		inputMode: 'json',
		inputJson: JSON.stringify(input),
		requestOptions: FAST_REQUESTS,
	});
	expect(created.status).toBe('success');
	const taskId = String(created.output[0].json.taskId);
	emulator().finishTask(taskId, fail ? { fail } : {});
	return created.output[0].json;
}

const getParams = (extra: INodeParameters = {}): INodeParameters => ({ resource: 'task', operation: 'get', requestOptions: FAST_REQUESTS, ...extra });

describe('Get Task', () => {
	it.each([
		['nano-banana-pro', 'market', { prompt: 'a fox' }],
		['veo3.1/generate', 'veo', { prompt: 'a fox' }],
		['runway/generate', 'runway', { prompt: 'a fox', duration: 5, quality: '720p', aspectRatio: '16:9' }],
		['runway/aleph', 'aleph', { prompt: 'snow', videoUrl: 'https://example.com/a.mp4' }],
		['gpt4o-image/generate', 'gpt4o', { size: '1:1', prompt: 'a fox' }],
		['flux-kontext/generate', 'fluxKontext', { prompt: 'a fox' }],
		['midjourney/generate', 'midjourney', { taskType: 'mj_txt2img', prompt: 'a fox' }],
		['luma/modify', 'luma', { prompt: 'snow', videoUrl: 'https://example.com/a.mp4' }],
		['suno/generate', 'suno', { customMode: false, instrumental: true, model: 'V4_5', prompt: 'piano' }],
		['suno/lyrics', 'sunoLyrics', { prompt: 'foxes' }],
	] as const)('%s: reads the %s record through the item\'s api field and normalises it', async (model, family, input) => {
		const created = await createAndFinish(model, input);
		const result = await runKie(emulator(), getParams(), { items: [{ json: created }] });
		expect(result.status).toBe('success');
		const task = result.output[0].json;
		expect(task).toMatchObject({ taskId: created.taskId, api: family, status: 'success', final: true });
		const [read] = emulator().log.filter((entry) => entry.route.endsWith('.record') || entry.route === 'recordInfo');
		expect(read.path).toBe(FAMILIES[family as FamilyId].recordPath);
		if (family === 'sunoLyrics') expect(task.resultObject).toBeTruthy();
		else expect((task.resultUrls as string[]).length).toBeGreaterThan(0);
	});

	it('reports a failed task with KIE\'s failCode and failMsg', async () => {
		const created = await createAndFinish('nano-banana-pro', { prompt: 'x' }, { code: '422', msg: 'prompt contains prohibited content' });
		const result = await runKie(emulator(), getParams(), { items: [{ json: created }] });
		expect(result.output[0].json).toMatchObject({ status: 'failed', failCode: '422', failMsg: 'prompt contains prohibited content' });
	});

	it('explains an unknown task id', async () => {
		const result = await runKie(emulator(), getParams({ taskId: 'nope', api: 'market' }));
		expect(result.error?.message).toBe('KIE has no Market (jobs/createTask) task nope (yet)');
	});

	it('refuses an item whose api field is not a KIE API', async () => {
		const result = await runKie(emulator(), getParams(), { items: [{ json: { taskId: 't', api: 'dall-e' } }] });
		expect(result.error?.message).toMatch(/"dall-e", which is not a KIE API/);
		expect(emulator().log).toEqual([]);
	});
});

describe('Upload File', () => {
	it('uploads a binary property and returns the download URL', async () => {
		const bytes = Buffer.from('hello kie');
		const result = await runKie(
			emulator(),
			{ resource: 'file', operation: 'upload', source: 'binary', binaryProperty: 'data', uploadOptions: { uploadPath: 'tests', fileName: 'hi.txt' } },
			{ items: [{ json: {}, binary: { data: { data: bytes.toString('base64'), mimeType: 'text/plain', fileName: 'x.txt' } } }] },
		);
		expect(result.status).toBe('success');
		expect(result.output[0].json).toMatchObject({ fileName: 'hi.txt', size: bytes.length, uploadMethod: 'base64', downloadUrl: expect.stringContaining('/tests/hi.txt') });
		expect(result.output[0].json.expiresAt).toEqual(expect.any(String));
		expect(emulator().uploads[0].bytes.equals(bytes)).toBe(true);
	});

	it('has KIE fetch a URL (file-url-upload)', async () => {
		const created = await createAndFinish('nano-banana-pro', { prompt: 'x' });
		const record = emulator().task(String(created.taskId))!;
		const result = await runKie(emulator(), { resource: 'file', operation: 'upload', source: 'url', fileUrl: record.resultUrls[0] });
		expect(result.status).toBe('success');
		expect(result.output[0].json).toMatchObject({ uploadMethod: 'url', downloadUrl: expect.any(String) });
		expect(emulator().uploads[0].via).toBe('url');
	});
});

describe('Get Download URL', () => {
	it('returns a fresh link for a KIE result URL', async () => {
		const created = await createAndFinish('nano-banana-pro', { prompt: 'x' });
		const url = emulator().task(String(created.taskId))!.resultUrls[0];
		const result = await runKie(emulator(), { resource: 'utility', operation: 'getDownloadUrl', url });
		expect(result.output[0].json).toMatchObject({ url, downloadUrl: expect.stringMatching(/^http/) });
	});

	it('passes on KIE\'s 422 for a URL KIE did not generate', async () => {
		const result = await runKie(emulator(), { resource: 'utility', operation: 'getDownloadUrl', url: 'https://cdn.kie.ai/files/sample-test-file.mp4' });
		expect(result.error?.message).toBe('KIE rejected the input (422): url is wrong');
	});
});
