import { normaliseRecord } from '../../nodes/Kie/task/normalise';
import { recording, responseJson } from '../support/recordings';

describe('normaliseRecord — recorded Market traffic', () => {
	it('follows grok-imagine text-to-image from waiting to success with 6 result URLs', () => {
		const entries = recording('grok-imagine-lifecycle_987245430/step-1-text-to-image_2242046631').filter((entry) =>
			entry.request.url.includes('/jobs/recordInfo'),
		);
		expect(entries.length).toBeGreaterThan(1);
		const tasks = entries.map((entry) => normaliseRecord('market', 'x', responseJson(entry).data));
		expect(tasks[0]?.status).toBe('queued');
		expect(tasks[0]?.final).toBe(false);
		expect(tasks[0]?.resultUrls).toEqual([]);
		const last = tasks[tasks.length - 1]!;
		expect(last.status).toBe('success');
		expect(last.final).toBe(true);
		expect(last.resultUrls).toHaveLength(6);
		expect(last.resultUrls[0]).toMatch(/^https:\/\/tempfile\.aiquickdraw\.com\//);
		expect(last.model).toBe('grok-imagine/text-to-image');
		expect(last.costTime).toBe(12);
		expect(last.failCode).toBeUndefined();
		// param is double-encoded in real traffic: both layers are decoded.
		const raw = last.raw as { param: { input: { prompt: string } } };
		expect(typeof raw.param.input.prompt).toBe('string');
	});

	it('reads generating → success for seedream 5 lite', () => {
		const entries = recording('seedream-5-lite-text-to-image_2845388950').filter((entry) => entry.request.url.includes('/jobs/recordInfo'));
		const statuses = entries.map((entry) => normaliseRecord('market', 'x', responseJson(entry).data)?.status);
		expect(statuses[0]).toBe('running');
		expect(statuses[statuses.length - 1]).toBe('success');
	});

	it('treats Suno data:null for an unknown task as not visible', () => {
		const [entry] = recording('suno_690832138/record-info-not-found_962848366');
		expect(normaliseRecord('suno', 'x', responseJson(entry).data)).toBeUndefined();
	});
});

describe('normaliseRecord — every family vocabulary (docs/kie-api.md §5)', () => {
	it('Market failure keeps failCode/failMsg', () => {
		const task = normaliseRecord('market', 't1', {
			taskId: 't1',
			state: 'fail',
			resultJson: '',
			failCode: '422',
			failMsg: 'Invalid prompt',
		})!;
		expect(task).toMatchObject({ status: 'failed', final: true, failCode: '422', failMsg: 'Invalid prompt', resultUrls: [] });
	});

	it('Market text results land in resultObject; progress is kept', () => {
		const running = normaliseRecord('market', 't', { state: 'generating', progress: 40 })!;
		expect(running).toMatchObject({ status: 'running', progress: 40 });
		const done = normaliseRecord('market', 't', { state: 'success', resultJson: '{"resultObject":{"text":"hello"}}' })!;
		expect(done.resultObject).toEqual({ text: 'hello' });
		expect(done.resultUrls).toEqual([]);
	});

	it.each([
		[0, 'running'],
		[1, 'success'],
		[2, 'failed'],
		[3, 'failed'],
	])('Veo successFlag %s → %s, resultUrls as array or JSON string', (flag, status) => {
		const task = normaliseRecord('veo', 'v', {
			taskId: 'v',
			successFlag: flag,
			response: flag === 1 ? { resultUrls: '["https://cdn.example/v.mp4"]' } : null,
			errorCode: flag >= 2 ? 500 : null,
			errorMessage: flag >= 2 ? 'Generation failed' : null,
		})!;
		expect(task.status).toBe(status);
		if (flag === 1) expect(task.resultUrls).toEqual(['https://cdn.example/v.mp4']);
		if (flag >= 2) expect(task).toMatchObject({ failCode: '500', failMsg: 'Generation failed' });
	});

	it('Veo resultUrls in the documented non-JSON "[url]" form', () => {
		const task = normaliseRecord('veo', 'v', { successFlag: 1, response: { resultUrls: '[http://example.com/video1.mp4]' } })!;
		expect(task.resultUrls).toEqual(['http://example.com/video1.mp4']);
	});

	it('Runway state and videoInfo', () => {
		expect(normaliseRecord('runway', 'r', { state: 'wait' })!.status).toBe('queued');
		expect(normaliseRecord('runway', 'r', { state: 'queueing' })!.status).toBe('queued');
		expect(normaliseRecord('runway', 'r', { state: 'generating' })!.status).toBe('running');
		const done = normaliseRecord('runway', 'r', { state: 'success', videoInfo: { videoUrl: 'https://cdn.example/r.mp4', imageUrl: 'https://cdn.example/r.png' } })!;
		expect(done.resultUrls).toEqual(['https://cdn.example/r.mp4']);
		expect(normaliseRecord('runway', 'r', { state: 'fail', failCode: 400, failMsg: 'moderation' })!).toMatchObject({ status: 'failed', failCode: '400' });
	});

	it('Aleph: successFlag 0 with an error set is a failure', () => {
		expect(normaliseRecord('aleph', 'a', { successFlag: 0, errorCode: null, errorMessage: null })!.status).toBe('running');
		expect(normaliseRecord('aleph', 'a', { successFlag: 0, errorCode: 400, errorMessage: 'caught by moderator' })!).toMatchObject({
			status: 'failed',
			failMsg: 'caught by moderator',
		});
		expect(normaliseRecord('aleph', 'a', { successFlag: 1, response: { resultVideoUrl: 'https://cdn.example/a.mp4' } })!.resultUrls).toEqual([
			'https://cdn.example/a.mp4',
		]);
	});

	it('4o Image progress "0.40" → 40 %', () => {
		expect(normaliseRecord('gpt4o', 'g', { successFlag: 0, status: 'GENERATING', progress: '0.40' })!).toMatchObject({ status: 'running', progress: 40 });
		expect(normaliseRecord('gpt4o', 'g', { successFlag: 1, response: { resultUrls: ['https://cdn.example/g.png'] } })!.resultUrls).toHaveLength(1);
		expect(normaliseRecord('gpt4o', 'g', { successFlag: 2, errorMessage: 'flagged' })!.status).toBe('failed');
	});

	it('Flux Kontext, Midjourney and Luma result locations', () => {
		expect(normaliseRecord('fluxKontext', 'f', { successFlag: 1, response: { resultImageUrl: 'https://cdn.example/f.jpg', originImageUrl: 'https://cdn.example/o.jpg' } })!.resultUrls).toEqual([
			'https://cdn.example/f.jpg',
		]);
		expect(
			normaliseRecord('midjourney', 'm', {
				successFlag: 1,
				resultInfoJson: { resultUrls: [{ resultUrl: 'https://cdn.example/1.png' }, { resultUrl: 'https://cdn.example/2.png' }] },
			})!.resultUrls,
		).toEqual(['https://cdn.example/1.png', 'https://cdn.example/2.png']);
		// Luma 4 = CALLBACK_FAILED: the video exists, only KIE's callback failed.
		expect(normaliseRecord('luma', 'l', { successFlag: 4, response: { resultUrls: ['https://cdn.example/l.mp4'] } })!).toMatchObject({ status: 'success' });
	});

	it('Suno status strings with the intermediate stages', () => {
		expect(normaliseRecord('suno', 's', { status: 'PENDING' })!.status).toBe('queued');
		expect(normaliseRecord('suno', 's', { status: 'TEXT_SUCCESS' })!.status).toBe('running');
		const first = normaliseRecord('suno', 's', { status: 'FIRST_SUCCESS', response: { sunoData: [{ id: 'a1', audioUrl: 'https://cdn.example/1.mp3' }] } })!;
		expect(first).toMatchObject({ status: 'running', final: false, stage: 'FIRST_SUCCESS' });
		const done = normaliseRecord('suno', 's', {
			status: 'SUCCESS',
			response: { sunoData: [{ id: 'a1', audioUrl: 'https://cdn.example/1.mp3' }, { id: 'a2', audioUrl: 'https://cdn.example/2.mp3' }] },
		})!;
		expect(done.resultUrls).toEqual(['https://cdn.example/1.mp3', 'https://cdn.example/2.mp3']);
		expect(normaliseRecord('suno', 's', { status: 'SENSITIVE_WORD_ERROR', errorMessage: 'bad words' })!).toMatchObject({ status: 'failed', failMsg: 'bad words' });
	});

	it('Suno WAV and vocal removal report successFlag as strings', () => {
		expect(normaliseRecord('sunoWav', 'w', { successFlag: 'PENDING' })!.status).toBe('queued');
		expect(normaliseRecord('sunoWav', 'w', { successFlag: 'SUCCESS', response: { audioWavUrl: 'https://cdn.example/a.wav' } })!.resultUrls).toEqual([
			'https://cdn.example/a.wav',
		]);
		expect(normaliseRecord('sunoWav', 'w', { successFlag: 'GENERATE_WAV_FAILED' })!.status).toBe('failed');
		const stems = normaliseRecord('sunoVocal', 'v', {
			successFlag: 'SUCCESS',
			response: { vocalUrl: 'https://cdn.example/v.mp3', instrumentalUrl: 'https://cdn.example/i.mp3', originUrl: null },
		})!;
		expect(stems.resultUrls).toEqual(['https://cdn.example/v.mp3', 'https://cdn.example/i.mp3']);
	});

	it('Suno lyrics are a text result', () => {
		const task = normaliseRecord('sunoLyrics', 'l', { status: 'SUCCESS', response: { lyricsData: [{ text: '[Verse] hi', title: 'Hi' }] } })!;
		expect(task.resultObject).toEqual([{ text: '[Verse] hi', title: 'Hi' }]);
		expect(task.resultUrls).toEqual([]);
	});
});
