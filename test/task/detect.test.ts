import { chooseFamily, detectFamily, familyFromQuery } from '../../nodes/Kie/task/detect';
import { normaliseCallback } from '../../nodes/Kie/task/normalise';
import { FIXTURES, fixture } from '../trigger/fixtures';

describe('detectFamily — every documented callback body (docs/kie-api.md §4.3)', () => {
	it.each(FIXTURES.map((f) => [f.name, f] as const))('%s', (_name, f) => {
		const detected = detectFamily(f.body)!;
		expect(detected.family).toBe(f.family);
		expect(detected.source).toBe(f.guessed ? 'guessed' : 'detected');
		expect(detected.candidates[0]).toBe(f.family);
		if (!f.guessed) expect(detected.candidates).toEqual([f.family]);
	});

	it.each(FIXTURES.map((f) => [f.name, f] as const))('normalises %s with the detected family', (_name, f) => {
		const cb = normaliseCallback(detectFamily(f.body)!.family, f.body)!;
		expect(cb.task.taskId).toBe(f.taskId);
		expect(cb.task.status).toBe(f.status);
		expect(cb.final).toBe(f.final);
		expect(cb.stage).toBe(f.stage);
		expect(cb.task.resultUrls).toEqual(f.resultUrls);
		if (f.failCode !== undefined) expect(cb.task.failCode).toBe(f.failCode);
		if (f.failMsg !== undefined) expect(cb.task.failMsg).toBe(f.failMsg);
	});

	it('lists the families a bare failure body could come from', () => {
		expect(detectFamily(fixture('Flux Kontext failure (info: null — guessed as 4o unless ?api=)').body)!.candidates).toEqual(['gpt4o', 'fluxKontext']);
		expect(detectFamily(fixture('Veo 4K failure (only a task id: guessed)').body)!.candidates).toContain('gpt4o');
		expect(detectFamily({ code: 500, msg: 'x', data: { task_id: 'abc' } })!.candidates).toEqual(['runway', 'veo', 'sunoMp4', 'sunoWav', 'sunoVocal']);
		expect(detectFamily(fixture('Suno error stage').body)!.candidates).toEqual(['suno', 'sunoLyrics']);
	});

	it('tells Luma from Midjourney without promptJson hints by the result type', () => {
		expect(detectFamily({ code: 200, data: { taskId: 't', resultUrls: ['https://x/a.mp4'] } })).toMatchObject({ family: 'luma', source: 'guessed' });
		expect(detectFamily({ code: 200, data: { taskId: 't', resultUrls: ['https://x/a.png'] } })).toMatchObject({ family: 'midjourney', source: 'detected' });
		// promptJson as an object, and unreadable promptJson text.
		expect(detectFamily({ code: 200, data: { taskId: 't', promptJson: { videoUrl: 'https://x/in.mp4' }, resultUrls: [] } })!.family).toBe('luma');
		expect(detectFamily({ code: 200, data: { taskId: 't', promptJson: '{not json', resultUrls: [] } })).toMatchObject({ family: 'midjourney', source: 'guessed' });
		// A Midjourney video task (mp4 results) is still Midjourney when promptJson says so.
		expect(
			detectFamily({ code: 200, data: { taskId: 't', promptJson: JSON.stringify({ taskType: 'mj_video' }), resultUrls: ['https://x/a.mp4'] } })!.family,
		).toBe('midjourney');
	});

	it('returns undefined for non-objects', () => {
		expect(detectFamily('text')).toBeUndefined();
		expect(detectFamily(null)).toBeUndefined();
		expect(detectFamily([1, 2])).toBeUndefined();
	});
});

describe('chooseFamily — ?api= beats the API setting, which beats detection', () => {
	const body = fixture('4o Image failure (info: null — guessed)').body;

	it('uses ?api= first, in any case', () => {
		expect(chooseFamily({ body, query: 'fluxkontext', parameter: 'veo' })).toMatchObject({ family: 'fluxKontext', source: 'query', candidates: ['fluxKontext'] });
		expect(familyFromQuery(' SUNO ')).toBe('suno');
		expect(familyFromQuery('')).toBeUndefined();
		expect(familyFromQuery(['veo'])).toBeUndefined();
	});

	it('then the API setting', () => {
		expect(chooseFamily({ body, parameter: 'fluxKontext' })).toMatchObject({ family: 'fluxKontext', source: 'parameter' });
	});

	it('then the body shape', () => {
		expect(chooseFamily({ body, parameter: 'auto' })).toMatchObject({ family: 'gpt4o', source: 'guessed' });
	});

	it('ignores an unknown ?api= with a warning instead of refusing the callback', () => {
		const choice = chooseFamily({ body: fixture('Runway success').body, query: 'sora', parameter: 'auto' })!;
		expect(choice).toMatchObject({ family: 'runway', source: 'detected' });
		expect(choice.warning).toContain('?api=sora');
	});
});
