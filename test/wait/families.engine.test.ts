/* eslint-disable @n8n/community-nodes/no-restricted-globals */
/**
 * Every KIE family's status vocabulary through the real engine: Get Task while the task runs
 * (intermediate words), Wait for Task until success (results where the family puts them), and a
 * failing task (the family's failure word, failCode/failMsg) as an error and as an item.
 */
import { NodeOperationError } from 'n8n-workflow';

import { Kie } from '../../nodes/Kie/Kie.node';
import type { FamilyId } from '../../nodes/Kie/families/types';
import { startEmulator, type Emulator } from '../emulator';
import { runNode } from '../harness';
import { createOn, credentials, finishAfterReads, PLACEHOLDER_CALLBACK, readsOf, runWait } from './support';

interface FamilyCase {
	family: FamilyId;
	path: string;
	body: (parentId: string) => Record<string, unknown>;
	/** Creates the parent task first (Suno derivatives, Veo extend). */
	parent?: { path: string; body: Record<string, unknown> };
	results: number;
	/** Text results instead of files: a word the result object contains. */
	text?: string;
}

const cb = PLACEHOLDER_CALLBACK;
const sunoParent = { path: '/api/v1/generate', body: { prompt: 'parent', customMode: false, instrumental: true, model: 'V4_5', callBackUrl: cb } };

const CASES: FamilyCase[] = [
	{ family: 'market', path: '/api/v1/jobs/createTask', body: () => ({ model: 'grok-imagine/text-to-image', input: { prompt: 'a red panda' } }), results: 1 },
	{ family: 'veo', path: '/api/v1/veo/generate', body: () => ({ prompt: 'waves', model: 'veo3_fast' }), results: 1 },
	{ family: 'runway', path: '/api/v1/runway/generate', body: () => ({ prompt: 'a cat', duration: 5, quality: '720p', aspectRatio: '16:9', callBackUrl: cb }), results: 1 },
	{ family: 'aleph', path: '/api/v1/aleph/generate', body: () => ({ prompt: 'snow', videoUrl: 'https://example.invalid/v.mp4' }), results: 1 },
	{ family: 'gpt4o', path: '/api/v1/gpt4o-image/generate', body: () => ({ prompt: 'a fox', size: '1:1', nVariants: 2 }), results: 2 },
	{ family: 'fluxKontext', path: '/api/v1/flux/kontext/generate', body: () => ({ prompt: 'a castle' }), results: 1 },
	{ family: 'midjourney', path: '/api/v1/mj/generate', body: () => ({ taskType: 'mj_txt2img', prompt: 'a tower', speed: 'fast' }), results: 4 },
	{ family: 'luma', path: '/api/v1/modify/generate', body: () => ({ prompt: 'neon', videoUrl: 'https://example.invalid/v.mp4' }), results: 1 },
	{ family: 'suno', path: '/api/v1/generate', body: () => sunoParent.body, results: 2 },
	{ family: 'sunoLyrics', path: '/api/v1/lyrics', body: () => ({ prompt: 'coffee', callBackUrl: cb }), results: 0, text: '[Verse]' },
	{ family: 'sunoWav', path: '/api/v1/wav/generate', body: (p) => ({ taskId: p, audioId: 'a', callBackUrl: cb }), parent: sunoParent, results: 1 },
	{ family: 'sunoVocal', path: '/api/v1/vocal-removal/generate', body: (p) => ({ taskId: p, audioId: 'a', type: 'separate_vocal', callBackUrl: cb }), parent: sunoParent, results: 2 },
	{ family: 'sunoMp4', path: '/api/v1/mp4/generate', body: (p) => ({ taskId: p, audioId: 'a', callBackUrl: cb }), parent: sunoParent, results: 1 },
	{ family: 'sunoMidi', path: '/api/v1/midi/generate', body: (p) => ({ taskId: p, audioId: 'a', callBackUrl: cb }), parent: sunoParent, results: 0, text: 'instruments' },
	{ family: 'sunoCover', path: '/api/v1/suno/cover/generate', body: (p) => ({ taskId: p, callBackUrl: cb }), parent: sunoParent, results: 2 },
];

describe('Get Task and Wait for Task across every family (engine + emulator)', () => {
	let kie: Emulator;

	beforeAll(async () => {
		// Tasks run until the test finishes them (finishAfterReads), so Get always sees them running.
		kie = await startEmulator({ defaultDurationMs: 10 * 60_000, rateLimit: null });
	});
	afterAll(async () => await kie.close());
	beforeEach(() => kie.reset());

	async function create(c: FamilyCase): Promise<string> {
		const parentId = c.parent ? await createOn(kie, c.parent.path, c.parent.body) : '';
		if (c.parent) kie.finishTask(parentId, {});
		return await createOn(kie, c.path, c.body(parentId));
	}

	it.each(CASES.map((c) => [c.family, c] as const))('%s: intermediate state through Get, then success through Wait', async (_name, c) => {
		const taskId = await create(c);
		const get = await runNode({
			node: new Kie(),
			parameters: { resource: 'task', operation: 'get', taskId: '={{ $json.taskId }}', api: c.family },
			items: [{ json: { taskId } }],
			credentials: credentials(kie),
		});
		expect(get.status).toBe('success');
		const running = get.output[0].json;
		expect(running).toMatchObject({ taskId, api: c.family, final: false });
		expect(['queued', 'running']).toContain(running.status);
		expect(running.resultUrls).toEqual([]);

		const waiting = runWait(kie, [{ taskId, api: c.family }], { outputOptions: { download: false } });
		await finishAfterReads(kie, taskId, readsOf(kie, taskId) + 1);
		const waited = await waiting;
		expect(waited.error).toBeUndefined();
		expect(waited.status).toBe('success');
		expect(waited.output).toHaveLength(1);
		const done = waited.output[0].json;
		expect(done).toMatchObject({ taskId, api: c.family, status: 'success', final: true });
		expect(done.resultUrls).toHaveLength(c.results);
		for (const url of done.resultUrls as string[]) expect(url).toContain(`/media/${taskId}/`);
		if (c.text) expect(JSON.stringify(done.resultObject)).toContain(c.text);
		expect(waited.output[0].pairedItem).toEqual({ item: 0 });
	});

	it.each(CASES.map((c) => [c.family, c] as const))('%s: a failed task is an error naming the task, or an item with "Output Failed Tasks"', async (_name, c) => {
		kie.configure({ rules: [{ match: { family: c.family }, fail: { code: '501', msg: 'Content flagged by the test' }, durationMs: 50 }] });
		const taskId = await create(c);
		const failed = await runWait(kie, [{ taskId, api: c.family }]);
		expect(failed.status).toBe('error');
		expect(failed.error).toBeInstanceOf(NodeOperationError);
		expect(failed.error!.message).toContain(taskId);
		expect(failed.error!.message).toContain('Content flagged by the test');

		const asItem = await runWait(kie, [{ taskId, api: c.family }], { outputOptions: { outputFailed: true } });
		expect(asItem.status).toBe('success');
		expect(asItem.output[0].json).toMatchObject({ taskId, status: 'failed', final: true, failMsg: 'Content flagged by the test' });
		expect(asItem.output[0].json.failCode).toBeDefined();
		kie.configure({ rules: [] });
	});
});
