/* eslint-disable @n8n/community-nodes/no-restricted-globals */
/** The create rate limit: a sliding window shared by every family's create endpoints. */
import { call, sleep } from './helpers';
import { startEmulator, type Emulator } from './index';
import { SlidingWindow } from './ratelimit';

const LIMIT = { max: 20, windowMs: 60_000 };

describe('KIE emulator: rate limit', () => {
	let emu: Emulator;

	beforeAll(async () => {
		// A window of a minute: "quick" creates fall into it however slow the machine is. The sliding
		// itself is checked with explicit times in the SlidingWindow test below.
		emu = await startEmulator({ rateLimit: LIMIT, defaultDurationMs: 50 });
	});
	afterAll(() => emu.close());
	beforeEach(() => emu.reset());

	const market = () => call(emu.url, 'POST', '/api/v1/jobs/createTask', { model: 'm', input: { prompt: 'x' } });

	it('25 quick creates → exactly 5 HTTP 429s; after the window creates succeed again', async () => {
		const replies = await Promise.all(Array.from({ length: 25 }, market));
		const limited = replies.filter((r) => r.status === 429);
		expect(limited).toHaveLength(5);
		for (const r of limited) expect(r.json).toEqual({ code: 429, msg: 'Rate limit exceeded', data: null });
		expect(replies.filter((r) => r.status === 200 && r.json.code === 200)).toHaveLength(20);
		expect(emu.log.filter((e) => e.status === 429).every((e) => e.route === 'createTask')).toBe(true);

		expect((await market()).status).toBe(429);
		// A short window now, and a wait longer than it: every earlier create has left the window.
		emu.configure({ rateLimit: { max: 20, windowMs: 300 } });
		try {
			await sleep(400);
			const again = await market();
			expect([again.status, again.json.code]).toEqual([200, 200]);
		} finally {
			emu.configure({ rateLimit: LIMIT });
		}
	});

	it("counts every family's creates, but not polls, credits or uploads", async () => {
		emu.configure({ rateLimit: { max: 3, windowMs: 60_000 } });
		try {
			const cb = 'http://127.0.0.1:9/cb';
			expect((await call(emu.url, 'POST', '/api/v1/veo/generate', { prompt: 'x' })).json.code).toBe(200);
			expect(
				(await call(emu.url, 'POST', '/api/v1/generate', { prompt: 'x', model: 'V5', callBackUrl: cb })).json.code,
			).toBe(200);
			for (let i = 0; i < 5; i++) expect((await call(emu.url, 'GET', '/api/v1/chat/credit')).status).toBe(200);
			expect((await market()).json.code).toBe(200);
			const fourth = await call(emu.url, 'POST', '/api/v1/mj/generate', { prompt: 'x' });
			expect(fourth.status).toBe(429);
			expect(emu.log.find((e) => e.status === 429)?.route).toBe('midjourney.create');
		} finally {
			emu.configure({ rateLimit: LIMIT });
		}
	});

	it("style 'body' answers HTTP 200 with the 429 body; null turns the limit off", async () => {
		emu.configure({ rateLimit: { max: 1, windowMs: 60_000 }, rateLimitStyle: 'body' });
		try {
			await market();
			const r = await market();
			expect(r.status).toBe(200);
			expect(r.json).toEqual({ code: 429, msg: 'Rate limit exceeded', data: null });
			emu.configure({ rateLimit: null });
			const many = await Promise.all(Array.from({ length: 30 }, market));
			expect(many.every((x) => x.json.code === 200)).toBe(true);
		} finally {
			emu.configure({ rateLimit: LIMIT, rateLimitStyle: 'http' });
		}
	});

	it('SlidingWindow slides: old hits leave the window one by one', () => {
		const w = new SlidingWindow({ max: 2, windowMs: 100 });
		expect(w.tryAcquire(0)).toBe(true);
		expect(w.tryAcquire(50)).toBe(true);
		expect(w.tryAcquire(60)).toBe(false);
		expect(w.tryAcquire(100)).toBe(true); // the hit at 0 left
		expect(w.tryAcquire(120)).toBe(false);
		expect(w.tryAcquire(150)).toBe(true);
	});
});
