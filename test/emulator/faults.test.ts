/* eslint-disable @n8n/community-nodes/no-restricted-globals */
/** Fault injection: each fault type is observable, skip/times semantics, route names and path prefixes. */
import { request } from 'undici';
import { call } from './helpers';
import { startEmulator, type Emulator } from './index';

describe('KIE emulator: faults', () => {
	let emu: Emulator;

	beforeAll(async () => {
		emu = await startEmulator({ rateLimit: null });
	});
	afterAll(() => emu.close());
	beforeEach(() => emu.reset());

	const credit = () => call(emu.url, 'GET', '/api/v1/chat/credit');

	it('delay: answers normally, later', async () => {
		emu.addFault({ route: 'credit', fault: { type: 'delay', ms: 150 } });
		const t0 = Date.now();
		const r = await credit();
		expect(Date.now() - t0).toBeGreaterThanOrEqual(140);
		expect(r.json.code).toBe(200);
	});

	it('status: any HTTP status with any body', async () => {
		emu.addFault({
			route: 'credit',
			fault: { type: 'status', status: 502, body: 'Bad Gateway', contentType: 'text/plain' },
			times: 1,
		});
		emu.addFault({ route: 'credit', fault: { type: 'status', status: 500 }, skip: 1, times: 1 });
		const a = await credit();
		expect([a.status, a.text, a.headers['content-type']]).toEqual([502, 'Bad Gateway', 'text/plain']);
		const b = await credit();
		expect(b.status).toBe(500);
		expect(b.json.code).toBe(500);
		expect(emu.log.map((e) => e.status)).toEqual([502, 500]);
	});

	it('bodyCode and dataNull: HTTP 200 envelopes', async () => {
		emu.addFault({ route: 'createTask', fault: { type: 'bodyCode', code: 455, msg: 'Service unavailable' }, times: 1 });
		emu.addFault({ route: 'recordInfo', fault: { type: 'dataNull' }, times: 1 });
		const c = await call(emu.url, 'POST', '/api/v1/jobs/createTask', { model: 'm', input: {} });
		expect([c.status, c.json]).toEqual([200, { code: 455, msg: 'Service unavailable', data: null }]);
		const r = await call(emu.url, 'GET', '/api/v1/jobs/recordInfo?taskId=x');
		expect([r.status, r.json]).toEqual([200, { code: 200, msg: 'success', data: null }]);
	});

	it('malformed and truncated: HTTP 200 whose JSON does not parse', async () => {
		emu.addFault({ route: 'credit', fault: { type: 'malformed' }, times: 1 });
		emu.addFault({ route: 'credit', fault: { type: 'truncated' }, skip: 1, times: 1 });
		for (const r of [await credit(), await credit()]) {
			expect(r.status).toBe(200);
			expect(r.headers['content-type']).toMatch(/json/);
			expect(() => JSON.parse(r.text)).toThrow();
		}
		expect((await credit()).json.code).toBe(200);
	});

	it('html403: a Cloudflare-like HTML page', async () => {
		emu.addFault({ route: 'credit', fault: { type: 'html403' }, times: 1 });
		const r = await credit();
		expect(r.status).toBe(403);
		expect(r.headers['content-type']).toMatch(/text\/html/);
		expect(r.text).toContain('Cloudflare');
		expect(r.json).toBeUndefined();
	});

	it('reset: the socket is destroyed without an answer', async () => {
		emu.addFault({ route: 'createTask', fault: { type: 'reset' }, times: 1 });
		await expect(
			request(`${emu.url}/api/v1/jobs/createTask`, {
				method: 'POST',
				headers: { authorization: 'Bearer test-api-key-placeholder', 'content-type': 'application/json' },
				body: JSON.stringify({ model: 'm', input: {} }),
			}),
		).rejects.toThrow();
		expect(emu.log[0]).toMatchObject({ route: 'createTask', status: 0 });
		expect((await call(emu.url, 'POST', '/api/v1/jobs/createTask', { model: 'm', input: {} })).json.code).toBe(200);
	});

	it('skip + times: let N through, fail M times, then normal again', async () => {
		emu.addFault({ route: 'credit', fault: { type: 'status', status: 503 }, skip: 2, times: 2 });
		const statuses: number[] = [];
		for (let i = 0; i < 6; i++) statuses.push((await credit()).status);
		expect(statuses).toEqual([200, 200, 503, 503, 200, 200]);
	});

	it('path prefixes match; faults run before auth; clearFaults removes them', async () => {
		emu.addFault({ route: '/api/v1/veo/', fault: { type: 'status', status: 500 } });
		expect((await call(emu.url, 'GET', '/api/v1/veo/record-info?taskId=x', undefined, { key: 'wrong' })).status).toBe(
			500,
		);
		expect((await call(emu.url, 'POST', '/api/v1/veo/generate', { prompt: 'x' })).status).toBe(500);
		expect((await credit()).status).toBe(200);
		emu.clearFaults();
		expect((await call(emu.url, 'POST', '/api/v1/veo/generate', { prompt: 'x' })).json.code).toBe(200);
	});

	it('expired: media answers 403 while fresh download-url links keep working', async () => {
		const id = (await call(emu.url, 'POST', '/api/v1/jobs/createTask', { model: 'm', input: { prompt: 'x' } })).json
			.data.taskId;
		emu.finishTask(id);
		const rec = (await call(emu.url, 'GET', `/api/v1/jobs/recordInfo?taskId=${id}`)).json.data;
		const url = JSON.parse(rec.resultJson).resultUrls[0] as string;
		emu.addFault({ route: 'media', fault: { type: 'expired' } });
		const denied = await call(url, 'GET', '', undefined, { key: null });
		expect(denied.status).toBe(403);
		expect(denied.text).toContain('AccessDenied');
		const fresh = await call(emu.url, 'POST', '/api/v1/common/download-url', { url });
		expect(fresh.json.code).toBe(200);
		expect(fresh.json.data).toMatch(/\?sig=[0-9a-f]+&expires=\d+$/);
		const ok = await call(fresh.json.data, 'GET', '', undefined, { key: null });
		expect(ok.status).toBe(200);
		expect(ok.headers['content-type']).toBe('image/png');
		const tampered = await call(
			fresh.json.data.replace(/sig=[0-9a-f]+/, `sig=${'0'.repeat(64)}`),
			'GET',
			'',
			undefined,
			{ key: null },
		);
		expect(tampered.status).toBe(403);
	});

	it('rejects malformed specs', () => {
		expect(() => emu.addFault({ route: 'credit' } as never)).toThrow();
	});
});
