/**
 * The emulator's family table (test/emulator/apis/) checked against the node's specs
 * (nodes/Kie/families/): every spec has an emulator entry with the same endpoints, record path and
 * callback rule; every status word the emulator sends means what the spec says; and the callbacks
 * the emulator sends are detected as their family by the spec's callback shapes.
 */
import { FAMILIES, FAMILY_IDS } from '../../nodes/Kie/families/specs';
import type { FamilyId } from '../../nodes/Kie/families/types';
import { detectFamily } from '../../nodes/Kie/task/detect';
import { normaliseCallback } from '../../nodes/Kie/task/normalise';
import { apiRoutes } from './api';
import { FAMILY_BY_ID, type Ctx, type FamilyDef } from './apis';

/** Create fields a family cannot work without and that its callback echoes (Luma Modify: the video to modify). */
const REQUIRED: Partial<Record<FamilyId, Record<string, unknown>>> = { luma: { videoUrl: 'https://example.com/in.mp4' } };

/** A finished task of `def` as its builders see it (no server needed: the builders are pure). */
function finished(def: FamilyDef, outcome: 'success' | 'fail'): Ctx {
	const { path, kind } = def.creates[0];
	const request = { prompt: 'a lighthouse', callBackUrl: 'http://127.0.0.1:9/cb', ...REQUIRED[def.id] };
	return {
		task: {
			taskId: '0123456789abcdef0123456789abcdef',
			family: def.id,
			kind,
			endpoint: path,
			model: null,
			request,
			callBackUrl: request.callBackUrl,
			parentTaskId: null,
			createTime: 1_700_000_000_000,
			durationMs: 1000,
			fail: outcome === 'fail' ? { code: '500', msg: 'emulated failure' } : null,
			resultCount: def.resultCount(request, kind),
			progress: false,
			mediaKind: def.mediaKind(request, kind, null),
			creditsCharged: 1,
			ids: ['id-0', 'id-1', 'id-2', 'id-3'],
		},
		view: { word: outcome === 'success' ? def.successWord : def.failWord, outcome, fraction: 1, completeTime: 1_700_000_001_000, phase: -1 },
		base: 'http://127.0.0.1:9',
		credits: 10,
	};
}

const pairs = FAMILY_IDS.map((family) => [family] as const);

describe('emulator family table against the node specs', () => {
	it('has an entry for every node spec, and none for a family the node does not know', () => {
		expect(FAMILY_IDS.filter((family) => !FAMILY_BY_ID.has(family))).toEqual([]);
		expect([...FAMILY_BY_ID.keys()].filter((family) => !FAMILY_IDS.includes(family))).toEqual([]);
	});

	it.each(pairs)('%s: same create endpoints, record path, callback rule and task id style', (family: FamilyId) => {
		const def = FAMILY_BY_ID.get(family)!;
		const spec = FAMILIES[family];
		// Endpoints that answer with the result itself (Veo 1080p) create no task: api.ts serves them apart.
		const taskCreates = spec.endpoints.filter((endpoint) => !(spec.resultOnCreatePaths ?? []).includes(endpoint.path));
		expect(def.creates.map((create) => create.path).sort()).toEqual(taskCreates.map((endpoint) => endpoint.path).sort());
		const served = apiRoutes().map((route) => `${route.method} ${route.path}`);
		for (const endpoint of spec.endpoints) expect(served).toContain(`${endpoint.method ?? 'POST'} ${endpoint.path}`);
		expect(served).toContain(`GET ${spec.recordPath}`);
		expect(def.recordPath).toBe(spec.recordPath);
		expect(def.callbackRequired).toBe(spec.callbackRequired);
		expect(def.idStyle).toBe(spec.taskIds.style);
	});

	it.each(pairs)('%s: every status word the emulator sends means what the spec says', (family: FamilyId) => {
		const def = FAMILY_BY_ID.get(family)!;
		const spec = FAMILIES[family];
		expect(spec.statusMap[String(def.successWord)]).toBe('success');
		// Aleph reports a failure only through its error fields (failedWhenErrorSet).
		if (spec.failedWhenErrorSet !== true) expect(spec.statusMap[String(def.failWord)]).toBe('failed');
		if (def.callbackFailedWord !== undefined) expect(spec.statusMap[String(def.callbackFailedWord)]).toBe('success');
		for (const phase of def.phases) expect(['queued', 'running']).toContain(spec.statusMap[String(phase.word)]);
	});

	it.each(pairs)('%s: its success callback is detected as its family and normalises as a success', (family: FamilyId) => {
		const body = FAMILY_BY_ID.get(family)!.callback(finished(FAMILY_BY_ID.get(family)!, 'success'), 'complete');
		expect(detectFamily(body)).toMatchObject({ family, source: 'detected' });
		expect(normaliseCallback(family, body)?.task.status).toBe('success');
	});

	it.each(pairs)('%s: its failure callback is detected as its family or guessed with it among the candidates', (family: FamilyId) => {
		const body = FAMILY_BY_ID.get(family)!.callback(finished(FAMILY_BY_ID.get(family)!, 'fail'), 'error');
		expect(detectFamily(body)?.candidates).toContain(family);
		expect(normaliseCallback(family, body)?.task.status).toBe('failed');
	});
});
