/**
 * The family registry (nodes/Kie/families/specs.ts): every spec is whole, a spec that forgets its
 * callback shapes fails the check, and every spec's shapes detect its own callbacks — the documented
 * bodies of test/trigger/fixtures.ts and, for the Market (whose callback is the recordInfo `data`),
 * the records in the vendored KIE recordings (test/fixtures/kie-recordings).
 */
import { FAMILIES, FAMILY_IDS } from '../../nodes/Kie/families/specs';
import type { FamilyId, FamilySpec } from '../../nodes/Kie/families/types';
import { detectFamily, matchingShape } from '../../nodes/Kie/task/detect';
import { candidateFamilies } from '../../nodes/Kie/tool/family';
import { harEntries, harFiles, responseJson } from '../support/recordings';
import { FIXTURES } from '../trigger/fixtures';
import { registryProblems, specProblems } from './check';

/** Market records from real traffic, wrapped as KIE wraps a Market callback (docs/kie-api.md §4.3 (a)). */
function recordedMarketCallbacks(): Array<{ name: string; body: Record<string, unknown> }> {
	return harFiles().flatMap((file) =>
		harEntries(file)
			.filter((entry) => new URL(entry.request.url).pathname === '/api/v1/jobs/recordInfo')
			.map((entry) => responseJson(entry))
			.filter((json) => json.code === 200 && json.data !== null && typeof json.data === 'object')
			.map((json, i) => ({ name: `${file.split('kie-recordings/')[1]} #${i}`, body: { code: 200, msg: 'success', data: json.data } })),
	);
}

const own = (family: FamilyId) => FIXTURES.filter((fixture) => fixture.family === family && fixture.guessed !== true);

describe('family specs', () => {
	it('every registered spec is whole, and no two callback shapes share an order', () => {
		expect(registryProblems(FAMILIES)).toEqual([]);
	});

	it('a spec without callback shapes fails the check (a forgotten hint is loud)', () => {
		const forgotten: FamilySpec = { ...FAMILIES.veo, detect: { shapes: [] } };
		expect(specProblems(forgotten, FAMILY_IDS)).toEqual(['veo: no callback shapes (detect.shapes): the trigger could never detect it']);
		expect(registryProblems({ ...FAMILIES, veo: forgotten })).toContain('veo: no callback shapes (detect.shapes): the trigger could never detect it');
	});

	it('a spec whose shapes can only guess it, name an unknown family or reuse an order fails the check', () => {
		const guessOnly: FamilySpec = { ...FAMILIES.gpt4o, detect: { shapes: FAMILIES.gpt4o.detect.shapes.filter((shape) => shape.alsoFits) } };
		expect(specProblems(guessOnly, FAMILY_IDS)).toEqual(['gpt4o: no callback shape names it alone: the trigger could only ever guess it']);
		const unknown: FamilySpec = {
			...FAMILIES.runway,
			detect: { shapes: [{ ...FAMILIES.runway.detect.shapes[0] }, { order: 93, tests: [{ has: ['x'], at: 'data' }], reason: 'x', alsoFits: ['sora' as FamilyId] }] },
		};
		expect(specProblems(unknown, FAMILY_IDS)).toEqual(['runway: callback shape 93 names an unknown family sora']);
		const clash: FamilySpec = { ...FAMILIES.luma, detect: { shapes: [{ ...FAMILIES.luma.detect.shapes[0], order: 121 }] } };
		expect(registryProblems({ ...FAMILIES, luma: clash })).toEqual(['luma: callback shape order 121 is also used by midjourney']);
	});

	it('every spec has at least one documented callback that only it sends', () => {
		expect(FAMILY_IDS.filter((family) => own(family).length === 0)).toEqual([]);
	});

	describe.each(FAMILY_IDS.map((family) => [family] as const))('%s: its callback shapes detect its own callbacks', (family) => {
		it.each(own(family).map((fixture) => [fixture.name, fixture] as const))('%s', (_name, fixture) => {
			expect(matchingShape(fixture.body)?.family).toBe(family);
			expect(detectFamily(fixture.body)).toMatchObject({ family, source: 'detected', candidates: [family] });
		});
	});

	it('the Market shapes detect every recorded Market record as a callback', () => {
		const recorded = recordedMarketCallbacks();
		expect(recorded.length).toBeGreaterThanOrEqual(20);
		const wrong = recorded.filter(({ body }) => detectFamily(body)?.family !== 'market' || detectFamily(body)?.source !== 'detected');
		expect(wrong.map(({ name }) => name)).toEqual([]);
	});

	it('the task-id-only guess lists the families that rank themselves, in rank order', () => {
		const ranked = FAMILY_IDS.filter((family) => FAMILIES[family].detect.bareFailureRank !== undefined).sort(
			(a, b) => FAMILIES[a].detect.bareFailureRank! - FAMILIES[b].detect.bareFailureRank!,
		);
		expect(detectFamily({ code: 500, msg: 'failed', data: { taskId: 't' } })).toEqual({
			family: ranked[0],
			source: 'guessed',
			candidates: ranked,
			reason: 'no family-specific field',
		});
		expect(ranked).toEqual(['veo', 'gpt4o', 'fluxKontext', 'midjourney', 'luma', 'market', 'sunoCover', 'sunoMidi']);
	});

	it('a task id given without its API is looked up in the order the specs rank it', () => {
		expect(candidateFamilies('ee603959-1234-4abc-8def-0123456789ab')).toEqual([
			'runway', 'aleph', 'market', 'veo', 'gpt4o', 'fluxKontext', 'midjourney', 'luma', 'suno', 'sunoLyrics', 'sunoWav', 'sunoVocal', 'sunoMp4', 'sunoMidi', 'sunoCover',
		]);
		expect(candidateFamilies('5f488be792eafad4b066e21e5bc472c7')).toEqual([
			'market', 'veo', 'suno', 'gpt4o', 'fluxKontext', 'midjourney', 'luma', 'sunoLyrics', 'sunoWav', 'sunoVocal', 'sunoMp4', 'sunoMidi', 'sunoCover', 'runway', 'aleph',
		]);
		const clash = { ...FAMILIES, luma: { ...FAMILIES.luma, taskIds: { style: 'hex' as const, lookupRank: 1 } } };
		expect(registryProblems(clash)).toEqual(['luma: taskIds lookupRank 1 (hex) is also used by market']);
	});
});
