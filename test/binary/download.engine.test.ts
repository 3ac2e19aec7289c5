/* eslint-disable @n8n/community-nodes/no-restricted-globals */
/**
 * Binary output of Wait for Task through the real engine: PNG, MP4 and WAV results with their
 * mime types and names, both layouts, an expired URL recovered through download-url, the size
 * limit, filesystem binary mode, and JSON-only output.
 */
import { NodeOperationError } from 'n8n-workflow';

import { resetLimiters } from '../../nodes/Kie/transport/limiter';
import { startEmulator, type Emulator } from '../emulator';
import { readBinary } from '../harness';
import { createMarket, createOn, PLACEHOLDER_CALLBACK, runWait } from '../wait/support';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47]);

describe('Wait for Task binary output (engine + emulator)', () => {
	let kie: Emulator;

	beforeAll(async () => {
		kie = await startEmulator({ defaultDurationMs: 300, rateLimit: null });
	});
	afterAll(async () => await kie.close());
	beforeEach(() => {
		kie.reset();
		kie.clearFaults();
		kie.configure({ mediaBytes: {} });
		resetLimiters();
	});

	async function finished(path: string, body: Record<string, unknown>): Promise<string> {
		const taskId = await createOn(kie, path, body);
		kie.finishTask(taskId, {});
		return taskId;
	}

	it('PNG: one item per file with binary.data and taskId, url, index, mimeType, fileName', async () => {
		const taskId = await finished('/api/v1/jobs/createTask', { model: 'grok-imagine/text-to-image', input: { prompt: 'x' } });
		const result = await runWait(kie, [{ taskId }]);
		expect(result.status).toBe('success');
		expect(result.output).toHaveLength(1);
		const item = result.output[0];
		const url = `${kie.url}/media/${taskId}/0.png`;
		// Named after what it is (model, task, 1-based file number), not the CDN's "0.png".
		const fileName = `grok-imagine-text-to-image-${taskId}-1.png`;
		expect(item.json).toMatchObject({ taskId, url, index: 0, mimeType: 'image/png', fileName, status: 'success' });
		expect(item.binary!.data).toMatchObject({ mimeType: 'image/png', fileName, fileExtension: 'png' });
		expect((await readBinary(item)).subarray(0, 4)).toEqual(PNG);
		expect(item.pairedItem).toEqual({ item: 0 });
		// Result hosts never see the API key.
		const media = kie.log.filter((entry) => entry.route === 'media');
		expect(media).toHaveLength(1);
		expect(media[0].headers.authorization).toBeUndefined();
	});

	it('MP4 (Veo) and WAV (Suno WAV) with their mime types and names', async () => {
		const veo = await finished('/api/v1/veo/generate', { prompt: 'waves', model: 'veo3_fast' });
		const parent = await finished('/api/v1/generate', { prompt: 'p', customMode: false, instrumental: true, model: 'V5', callBackUrl: PLACEHOLDER_CALLBACK });
		const wav = await finished('/api/v1/wav/generate', { taskId: parent, audioId: 'a', callBackUrl: PLACEHOLDER_CALLBACK });
		const result = await runWait(kie, [
			{ taskId: veo, api: 'veo' },
			{ taskId: wav, api: 'sunoWav' },
		]);
		expect(result.status).toBe('success');
		const [video, audio] = result.output;
		expect(video.binary!.data).toMatchObject({ mimeType: 'video/mp4', fileName: expect.stringMatching(new RegExp(`^(veo3_fast-)?${veo}-1\\.mp4$`)) });
		expect((await readBinary(video)).subarray(4, 8).toString()).toBe('ftyp');
		expect(video.pairedItem).toEqual({ item: 0 });
		expect(audio.binary!.data).toMatchObject({ mimeType: 'audio/wav', fileName: expect.stringMatching(new RegExp(`(^|-)${wav}-1\\.wav$`)) });
		expect((await readBinary(audio)).subarray(0, 4).toString()).toBe('RIFF');
		expect(audio.pairedItem).toEqual({ item: 1 });
	});

	it('all files of a task on one item: data, data_1, … and a "files" list', async () => {
		const taskId = await finished('/api/v1/mj/generate', { taskType: 'mj_txt2img', prompt: 'a tower', speed: 'fast' });
		const result = await runWait(kie, [{ taskId, api: 'midjourney' }], { outputOptions: { layout: 'perTask' } });
		expect(result.status).toBe('success');
		expect(result.output).toHaveLength(1);
		const item = result.output[0];
		expect(Object.keys(item.binary!).sort()).toEqual(['data', 'data_1', 'data_2', 'data_3']);
		expect(item.json.files).toHaveLength(4);
		expect((item.json.files as Array<{ binaryProperty: string }>).map((file) => file.binaryProperty)).toEqual(['data', 'data_1', 'data_2', 'data_3']);
		for (const property of Object.keys(item.binary!)) expect(item.binary![property].mimeType).toBe('image/png');
		expect(Object.values(item.binary!).map((file) => file.fileName?.replace(`${taskId}-`, ''))).toEqual(expect.arrayContaining([expect.stringMatching(/1\.png$/), expect.stringMatching(/4\.png$/)]));

		const perFile = await runWait(kie, [{ taskId, api: 'midjourney' }], { outputOptions: { binaryProperty: 'image' } });
		expect(perFile.output).toHaveLength(4);
		expect(perFile.output.map((entry) => entry.json.index)).toEqual([0, 1, 2, 3]);
		expect(perFile.output.every((entry) => entry.binary?.image !== undefined && entry.pairedItem !== undefined)).toBe(true);
	});

	it('recovers an expired result URL once through KIE’s download-url endpoint', async () => {
		const taskId = await finished('/api/v1/jobs/createTask', { model: 'grok-imagine/text-to-image', input: { prompt: 'x' } });
		kie.addFault({ route: 'media', fault: { type: 'expired' } });
		const result = await runWait(kie, [{ taskId }]);
		expect(result.error).toBeUndefined();
		expect(result.output[0].binary!.data).toMatchObject({ mimeType: 'image/png', fileName: `grok-imagine-text-to-image-${taskId}-1.png` });
		expect((await readBinary(result.output[0])).subarray(0, 4)).toEqual(PNG);
		expect(kie.log.filter((entry) => entry.route === 'downloadUrl')).toHaveLength(1);
		expect(kie.log.filter((entry) => entry.route === 'media').map((entry) => entry.status)).toEqual([403, 200]);
	});

	it('enforces the maximum file size', async () => {
		kie.configure({ mediaBytes: { video: 300000 } });
		const taskId = await finished('/api/v1/veo/generate', { prompt: 'waves', model: 'veo3_fast' });
		const refused = await runWait(kie, [{ taskId, api: 'veo' }], { outputOptions: { maxFileSizeMb: 0.1 } });
		expect(refused.status).toBe('error');
		expect(refused.error).toBeInstanceOf(NodeOperationError);
		expect(refused.error!.message).toBe(
			`KIE task ${taskId} succeeded, but its result from ${new URL(kie.url).host} could not be downloaded: the file is larger than the maximum of ${Math.round(0.1 * 1024 * 1024)} bytes`,
		);
		expect(refused.error!.description).toContain('"Max File Size"');

		const accepted = await runWait(kie, [{ taskId, api: 'veo' }], { outputOptions: { maxFileSizeMb: 1 } });
		expect(accepted.status).toBe('success');
		expect((await readBinary(accepted.output[0])).length).toBe(300000);
	});

	it('streams into n8n’s filesystem binary store', async () => {
		kie.configure({ mediaBytes: { video: 2 * 1024 * 1024 } });
		const taskId = await finished('/api/v1/veo/generate', { prompt: 'waves', model: 'veo3_fast' });
		const result = await runWait(kie, [{ taskId, api: 'veo' }], {}, { binaryMode: 'filesystem' });
		expect(result.status).toBe('success');
		const binary = result.output[0].binary!.data;
		expect(binary.id).toMatch(/^filesystem-v2:/);
		expect(binary.mimeType).toBe('video/mp4');
		expect((await readBinary(result.output[0])).length).toBe(2 * 1024 * 1024);
	});

	it('outputs JSON only when "Download Results" is off, and text results stay JSON', async () => {
		const image = await createMarket(kie);
		kie.finishTask(image, {});
		const lyrics = await finished('/api/v1/lyrics', { prompt: 'coffee', callBackUrl: PLACEHOLDER_CALLBACK });
		const result = await runWait(kie, [{ taskId: image }, { taskId: lyrics, api: 'sunoLyrics' }], { outputOptions: { download: false } });
		expect(result.output.map((item) => item.binary)).toEqual([undefined, undefined]);
		expect(result.output[0].json.resultUrls).toEqual([`${kie.url}/media/${image}/0.png`]);
		const withDownload = await runWait(kie, [{ taskId: lyrics, api: 'sunoLyrics' }]);
		expect(withDownload.output[0].binary).toBeUndefined();
		expect(JSON.stringify(withDownload.output[0].json.resultObject)).toContain('[Verse]');
		expect(kie.log.filter((entry) => entry.route === 'media')).toHaveLength(0);
	});
});
