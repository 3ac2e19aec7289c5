/* eslint-disable @n8n/community-nodes/no-restricted-globals */
/** Result media: real formats, exact padded sizes, CDN behaviour, and 1 GB responses that stream. */
import { crc32, inflateSync } from 'zlib';
import { request } from 'undici';
import { call } from './helpers';
import { startEmulator, type Emulator } from './index';

function pngChunks(b: Buffer): Array<{ type: string; data: Buffer }> {
	expect(b.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
	const out: Array<{ type: string; data: Buffer }> = [];
	let o = 8;
	while (o < b.length) {
		const len = b.readUInt32BE(o);
		const type = b.subarray(o + 4, o + 8);
		const data = b.subarray(o + 8, o + 8 + len);
		expect(b.readUInt32BE(o + 8 + len)).toBe(crc32(data, crc32(type)));
		out.push({ type: type.toString('latin1'), data });
		o += 12 + len;
	}
	expect(o).toBe(b.length);
	return out;
}

function mp4Boxes(b: Buffer, from = 0, to = b.length): Array<{ type: string; start: number; size: number }> {
	const out: Array<{ type: string; start: number; size: number }> = [];
	let o = from;
	while (o < to) {
		let size = b.readUInt32BE(o);
		if (size === 1) size = Number(b.readBigUInt64BE(o + 8));
		out.push({ type: b.subarray(o + 4, o + 8).toString('latin1'), start: o, size });
		expect(size).toBeGreaterThanOrEqual(8);
		o += size;
	}
	expect(o).toBe(to);
	return out;
}

function findBox(b: Buffer, path: string[], from = 0, to = b.length): { start: number; size: number } {
	const [head, ...rest] = path;
	const box = mp4Boxes(b, from, to).find((x) => x.type === head);
	if (!box) throw new Error(`no ${head} box`);
	if (rest.length === 0) return box;
	const headerEnd = box.start + 8 + (head === 'stsd' ? 8 : 0);
	return findBox(b, rest, headerEnd, box.start + box.size);
}

describe('KIE emulator: media', () => {
	let emu: Emulator;
	let taskId: string;

	beforeAll(async () => {
		emu = await startEmulator({ rateLimit: null });
	});
	afterAll(() => emu.close());
	beforeEach(async () => {
		emu.reset();
		emu.configure({ mediaBytes: {} });
		taskId = (await call(emu.url, 'POST', '/api/v1/jobs/createTask', { model: 'm', input: { prompt: 'x' } })).json.data
			.taskId;
		emu.finishTask(taskId);
	});

	async function get(name: string): Promise<{ status: number; type: string; length: number; bytes: Buffer }> {
		const r = await request(`${emu.url}/media/${taskId}/${name}`);
		const bytes = Buffer.from(await r.body.arrayBuffer());
		return {
			status: r.statusCode,
			type: String(r.headers['content-type']),
			length: Number(r.headers['content-length']),
			bytes,
		};
	}

	it('PNG: a valid 64x64 image, padded to an exact size with a private chunk', async () => {
		const small = await get('0.png');
		expect([small.status, small.type, small.length]).toEqual([200, 'image/png', small.bytes.length]);
		const chunks = pngChunks(small.bytes);
		expect(chunks.map((c) => c.type)).toEqual(['IHDR', 'IDAT', 'IEND']);
		expect([chunks[0].data.readUInt32BE(0), chunks[0].data.readUInt32BE(4)]).toEqual([64, 64]);
		expect(inflateSync(chunks[1].data)).toHaveLength(64 * (1 + 64 * 3));

		emu.configure({ mediaBytes: { image: 300_000 } });
		const big = await get('0.png');
		expect(big.bytes).toHaveLength(300_000);
		expect(big.length).toBe(300_000);
		expect(pngChunks(big.bytes).map((c) => c.type)).toEqual(['IHDR', 'IDAT', 'emPd', 'IEND']);
	});

	it('WAV: RIFF/WAVE PCM with consistent sizes', async () => {
		emu.configure({ mediaBytes: { audio: 50_000 } });
		const w = await get('0.wav');
		expect([w.status, w.type, w.bytes.length]).toEqual([200, 'audio/wav', 50_000]);
		expect(w.bytes.toString('latin1', 0, 4)).toBe('RIFF');
		expect(w.bytes.readUInt32LE(4)).toBe(50_000 - 8);
		expect(w.bytes.toString('latin1', 8, 16)).toBe('WAVEfmt ');
		expect(w.bytes.readUInt16LE(20)).toBe(1); // PCM
		expect(w.bytes.toString('latin1', 36, 40)).toBe('data');
		expect(w.bytes.readUInt32LE(40)).toBe(50_000 - 44);
		expect(w.bytes.subarray(44).some((x) => x !== 0)).toBe(true);
	});

	it('MP3: ID3v2 + MPEG-1 Layer III frames, exact size', async () => {
		emu.configure({ mediaBytes: { audio: 100_000 } });
		const m = await get('1.mp3');
		expect([m.status, m.type, m.bytes.length]).toEqual([200, 'audio/mpeg', 100_000]);
		expect(m.bytes.toString('latin1', 0, 3)).toBe('ID3');
		const tagSize = (m.bytes[6] << 21) | (m.bytes[7] << 14) | (m.bytes[8] << 7) | m.bytes[9];
		let frames = 0;
		for (let o = 10 + tagSize; o < m.bytes.length; o += 384) {
			expect(m.bytes.readUInt16BE(o) & 0xffe0).toBe(0xffe0); // frame sync
			frames++;
		}
		expect(10 + tagSize + frames * 384).toBe(100_000);
	});

	it('MP4: ftyp + moov (avc1 track) + mdat whose sample is an H.264 IDR NAL; padded with free', async () => {
		const v = await get('0.mp4');
		expect([v.status, v.type]).toEqual([200, 'video/mp4']);
		expect(mp4Boxes(v.bytes).map((b) => b.type)).toEqual(['ftyp', 'moov', 'mdat']);
		expect(v.bytes.toString('latin1', 8, 12)).toBe('isom');
		const stco = findBox(v.bytes, ['moov', 'trak', 'mdia', 'minf', 'stbl', 'stco']);
		const offset = v.bytes.readUInt32BE(stco.start + 16);
		const stsz = findBox(v.bytes, ['moov', 'trak', 'mdia', 'minf', 'stbl', 'stsz']);
		const sampleSize = v.bytes.readUInt32BE(stsz.start + 20);
		const mdat = findBox(v.bytes, ['mdat']);
		expect(offset).toBe(mdat.start + 8);
		expect(offset + sampleSize).toBe(mdat.start + mdat.size);
		expect(v.bytes.readUInt32BE(offset)).toBe(sampleSize - 4);
		expect(v.bytes[offset + 4]).toBe(0x65); // IDR slice
		const avcC = findBox(v.bytes, ['moov', 'trak', 'mdia', 'minf', 'stbl', 'stsd', 'avc1']);
		expect(v.bytes.indexOf(Buffer.from('avcC'), avcC.start)).toBeGreaterThan(0);

		emu.configure({ mediaBytes: { video: 2_000_000 } });
		const big = await get('0.mp4');
		expect(big.bytes).toHaveLength(2_000_000);
		expect(mp4Boxes(big.bytes).map((b) => b.type)).toEqual(['ftyp', 'moov', 'mdat', 'free']);
	});

	it('is a CDN: no auth needed, headers logged, HEAD works, unknown files 404', async () => {
		const r = await request(`${emu.url}/media/${taskId}/0.png`, { headers: { 'x-probe': 'yes' } });
		await r.body.dump();
		expect(r.statusCode).toBe(200);
		const entry = emu.log.filter((e) => e.route === 'media').pop()!;
		expect(entry.headers['x-probe']).toBe('yes');
		expect(entry.headers.authorization).toBeUndefined();
		const head = await request(`${emu.url}/media/${taskId}/0.mp4`, { method: 'HEAD' });
		expect([head.statusCode, Number(head.headers['content-length']) > 1000]).toEqual([200, true]);
		await head.body.dump();
		expect((await get('0.gif')).status).toBe(404);
		expect((await call(emu.url, 'GET', '/media/unknown/0.png', undefined, { key: null })).status).toBe(404);
	});

	it('download-url: fresh signed links for own URLs, "url is wrong" for others', async () => {
		const own = `${emu.url}/media/${taskId}/0.png`;
		const fresh = await call(emu.url, 'POST', '/api/v1/common/download-url', { url: own });
		expect(fresh.json).toEqual({
			code: 200,
			msg: 'success',
			data: expect.stringContaining(`/media/${taskId}/0.png?sig=`),
		});
		for (const url of [
			'https://cdn.kie.ai/files/sample-test-file.mp4',
			`${emu.url}/media/unknown/0.png`,
			'not a url',
		]) {
			const r = await call(emu.url, 'POST', '/api/v1/common/download-url', { url });
			expect([r.status, r.json]).toEqual([200, { code: 422, msg: 'url is wrong', data: null }]);
		}
	});

	it('streams a 1 GB video without holding it in memory', async () => {
		const GB = 1024 * 1024 * 1024;
		emu.configure({ mediaBytes: { video: GB } });
		global.gc?.();
		const rssBefore = process.memoryUsage().rss;
		const ac = new AbortController();
		const res = await request(`${emu.url}/media/${taskId}/0.mp4`, { signal: ac.signal });
		expect(res.statusCode).toBe(200);
		expect(Number(res.headers['content-length'])).toBe(GB);
		let read = 0;
		let head: Buffer | undefined;
		try {
			for await (const chunk of res.body) {
				head ??= chunk as Buffer;
				read += (chunk as Buffer).length;
				if (read >= 8 * 1024 * 1024) {
					ac.abort();
					break;
				}
			}
		} catch {
			// aborted
		}
		expect(read).toBeGreaterThanOrEqual(8 * 1024 * 1024);
		expect(head!.toString('latin1', 4, 8)).toBe('ftyp');
		const grown = process.memoryUsage().rss - rssBefore;
		expect(grown).toBeLessThan(150 * 1024 * 1024);
		// The server stops producing once the client is gone: it still answers promptly.
		const t0 = Date.now();
		expect((await call(emu.url, 'GET', '/api/v1/chat/credit')).status).toBe(200);
		expect(Date.now() - t0).toBeLessThan(10_000);
	});
});
