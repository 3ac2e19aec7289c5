/* Suno on the Market (ai-music-api/*): tracks from response.data[].audio_url become binary items
 * with their title and duration; lyrics from response.resultObject stay JSON; creditsConsumed is read. */
import { FAST_REQUESTS, modelById, runKie, useEmulator } from '../support/kie';

const emulator = useEmulator({ defaultDurationMs: 200, rateLimit: null, discoveryRateLimit: null });

const create = (model: string, input: object) => ({
	resource: 'task',
	operation: 'create',
	model: modelById(model),
	inputMode: 'json',
	inputJson: JSON.stringify(input),
	waitForCompletion: true,
	pollOptions: { schedule: 'fixed', minIntervalSeconds: 0.05 },
	requestOptions: FAST_REQUESTS,
});

describe('Suno on the Market', () => {
	it('ai-music-api/generate: one binary item per track, with title and duration', async () => {
		const result = await runKie(emulator(), create('ai-music-api/generate', { custom_mode: false, instrumental: true, model: 'V5', prompt: 'calm piano' }));
		expect(result.status).toBe('success');
		expect(result.output.length).toBe(2);
		for (const item of result.output) {
			expect(item.binary?.data?.mimeType).toMatch(/^audio\//);
			expect(typeof item.json.title).toBe('string');
			expect(typeof item.json.duration).toBe('number');
			expect(item.json).toMatchObject({ api: 'market', status: 'success', model: 'ai-music-api/generate' });
			expect(typeof item.json.creditsConsumed).toBe('number');
		}
		const posted = emulator().log.filter((entry) => entry.route === 'createTask');
		expect(posted[0].body).toMatchObject({ model: 'ai-music-api/generate', input: { prompt: 'calm piano' } });
	});

	it('ai-music-api/generate-lyrics: the lyrics stay JSON', async () => {
		const result = await runKie(emulator(), create('ai-music-api/generate-lyrics', { prompt: 'a song about foxes' }));
		expect(result.status).toBe('success');
		expect(result.output).toHaveLength(1);
		expect(result.output[0].binary).toBeUndefined();
		expect(JSON.stringify(result.output[0].json.resultObject)).toContain('lyricsData');
	});
});
