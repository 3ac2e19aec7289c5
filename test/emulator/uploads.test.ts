/* eslint-disable @n8n/community-nodes/no-restricted-globals */
/** File Upload API: base64, multipart stream (binary, ~5 MB, exact round trip) and URL uploads. */
import { createHash, randomBytes } from 'crypto';
import { Readable } from 'stream';
import { request } from 'undici';
import { call, KEY } from './helpers';
import { startEmulator, type Emulator } from './index';
import { MultipartParser } from './multipart';

const sha = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

function multipart(
	boundary: string,
	fields: Record<string, string>,
	file?: { name: string; type: string; bytes: Buffer },
): Buffer[] {
	const parts: Buffer[] = [];
	for (const [k, v] of Object.entries(fields)) {
		parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
	}
	if (file) {
		parts.push(
			Buffer.from(
				`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
			),
			file.bytes,
			Buffer.from('\r\n'),
		);
	}
	parts.push(Buffer.from(`--${boundary}--\r\n`));
	return parts;
}

/** Sends chunks of at most 64 KiB, so the server really parses a stream. */
async function* chunked(buffers: Buffer[]): AsyncGenerator<Buffer> {
	for (const b of buffers) for (let i = 0; i < b.length; i += 65536) yield b.subarray(i, i + 65536);
}

describe('KIE emulator: File Upload API', () => {
	let emu: Emulator;

	beforeAll(async () => {
		emu = await startEmulator({ rateLimit: null });
	});
	afterAll(() => emu.close());
	beforeEach(() => emu.reset());

	it('lives under uploadUrl, not under the API base URL', async () => {
		expect(emu.uploadUrl).toBe(`${emu.url}/redpanda`);
		const wrongHost = await call(emu.url, 'POST', '/api/file-base64-upload', { base64Data: 'AA==', uploadPath: 'x' });
		expect(wrongHost.status).toBe(404);
	});

	it('base64: answers the recorded shape and serves the bytes back', async () => {
		const r = await call(emu.uploadUrl, 'POST', '/api/file-base64-upload', {
			base64Data: 'SGVsbG8gV29ybGQ=',
			uploadPath: 'documents/test-uploads',
			fileName: 'test.txt',
		});
		expect(r.status).toBe(200);
		expect(r.json).toEqual({
			success: true,
			code: 200,
			msg: 'File uploaded successfully',
			data: {
				success: true,
				fileName: 'test.txt',
				filePath: 'kieai/136592/documents/test-uploads/test.txt',
				downloadUrl: expect.stringMatching(
					/^http:\/\/127\.0\.0\.1:\d+\/tempfile\/kieai\/136592\/documents\/test-uploads\/test\.txt$/,
				),
				fileSize: 11,
				mimeType: 'text/plain',
				uploadedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
			},
		});
		const back = await call(r.json.data.downloadUrl, 'GET', '', undefined, { key: null });
		expect([back.status, back.text, back.headers['content-type']]).toEqual([200, 'Hello World', 'text/plain']);
		expect(emu.uploads).toEqual([
			{ fileName: 'test.txt', bytes: Buffer.from('Hello World'), mimeType: 'text/plain', via: 'base64' },
		]);
		const link = await call(emu.url, 'POST', '/api/v1/common/download-url', { url: r.json.data.downloadUrl });
		expect(link.json.code).toBe(200);
	});

	it('base64: accepts a data: URL, rejects bad base64 and a missing uploadPath', async () => {
		const png = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFCcSAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
		const r = await call(emu.uploadUrl, 'POST', '/api/file-base64-upload', {
			base64Data: `data:image/png;base64,${png}`,
			uploadPath: '/images/x/',
		});
		expect(r.json.data).toMatchObject({
			mimeType: 'image/png',
			fileSize: 70,
			filePath: expect.stringMatching(/^kieai\/136592\/images\/x\/\d+-[0-9a-z]+\.png$/),
		});
		const bad = await call(emu.uploadUrl, 'POST', '/api/file-base64-upload', {
			base64Data: '!!!not base64',
			uploadPath: 'x',
		});
		expect([bad.status, bad.json]).toEqual([
			400,
			{ success: false, code: 400, msg: 'Base64 decoding failed: Invalid Base64 format' },
		]);
		const noPath = await call(emu.uploadUrl, 'POST', '/api/file-base64-upload', { base64Data: png });
		expect([noPath.status, noPath.json]).toEqual([
			400,
			{ success: false, code: 400, msg: 'Missing required parameter: uploadPath' },
		]);
	});

	it('answers an unknown key with the upload API 401 body', async () => {
		const r = await call(
			emu.uploadUrl,
			'POST',
			'/api/file-base64-upload',
			{ base64Data: 'AA==', uploadPath: 'x' },
			{ key: 'nope' },
		);
		expect([r.status, r.json]).toEqual([
			401,
			{ success: false, code: 401, msg: 'Authentication failed: Invalid API Key' },
		]);
		const none = await call(emu.uploadUrl, 'POST', '/api/file-stream-upload', undefined, { key: null });
		expect(none.status).toBe(401);
	});

	it('stream: a ~5 MB binary multipart upload round-trips byte for byte', async () => {
		const bytes = randomBytes(5 * 1024 * 1024 + 123);
		// Plant boundary-like sequences inside the file.
		const boundary = '----kieEmulatorBoundary7MA4YWxkTrZu0gW';
		bytes.write(`\r\n--${boundary.slice(0, 20)}`, 1000, 'latin1');
		bytes.write('\r\n\r\n--', 4_000_000, 'latin1');
		const body = multipart(
			boundary,
			{ uploadPath: 'images/test-uploads', fileName: 'big.bin' },
			{ name: 'big.bin', type: 'application/octet-stream', bytes },
		);
		const res = await request(`${emu.uploadUrl}/api/file-stream-upload`, {
			method: 'POST',
			headers: { authorization: `Bearer ${KEY}`, 'content-type': `multipart/form-data; boundary=${boundary}` },
			body: Readable.from(chunked(body)),
		});
		const json = (await res.body.json()) as { data: { downloadUrl: string; fileSize: number; fileName: string } };
		expect(res.statusCode).toBe(200);
		expect(json.data.fileSize).toBe(bytes.length);
		expect(json.data.fileName).toBe('big.bin');
		expect(emu.uploads).toHaveLength(1);
		expect(emu.uploads[0].via).toBe('stream');
		expect(sha(emu.uploads[0].bytes)).toBe(sha(bytes));
		const entry = emu.log.find((e) => e.route === 'upload.stream')!;
		expect(entry.body).toEqual({
			uploadPath: 'images/test-uploads',
			fileName: 'big.bin',
			file: { fileName: 'big.bin', contentType: 'application/octet-stream', size: bytes.length },
		});
		expect(entry.rawBodyLength).toBe(body.reduce((n, b) => n + b.length, 0));
		const back = await request(json.data.downloadUrl);
		expect(sha(Buffer.from(await back.body.arrayBuffer()))).toBe(sha(bytes));
	});

	it('stream: without fileName the server names the file; missing parts are 400', async () => {
		const boundary = 'b0undary';
		const png = Buffer.from('89504e470d0a1a0a', 'hex');
		const r = await request(`${emu.uploadUrl}/api/file-stream-upload`, {
			method: 'POST',
			headers: { authorization: `Bearer ${KEY}`, 'content-type': `multipart/form-data; boundary="${boundary}"` },
			body: Buffer.concat(
				multipart(boundary, { uploadPath: 'images/test-uploads' }, { name: 'cat1.png', type: 'image/png', bytes: png }),
			),
		});
		const json = (await r.body.json()) as { data: { fileName: string; mimeType: string } };
		expect(json.data.fileName).toMatch(/^\d{13}-[0-9a-z]{11}\.png$/);
		expect(json.data.mimeType).toBe('image/png');
		const noFile = await call(
			emu.uploadUrl,
			'POST',
			'/api/file-stream-upload',
			Buffer.concat(multipart(boundary, { uploadPath: 'x' })),
			{
				headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
			},
		);
		expect([noFile.status, noFile.json.msg]).toEqual([400, 'Missing required parameter: file']);
	});

	it('url: fetches the file (here: a result on the emulator itself)', async () => {
		const id = (await call(emu.url, 'POST', '/api/v1/jobs/createTask', { model: 'm', input: { prompt: 'x' } })).json
			.data.taskId;
		emu.finishTask(id);
		const media = `${emu.url}/media/${id}/0.png`;
		const direct = await request(media);
		const want = Buffer.from(await direct.body.arrayBuffer());
		const r = await call(emu.uploadUrl, 'POST', '/api/file-url-upload', {
			fileUrl: media,
			uploadPath: 'from-url',
			fileName: 'copy.png',
		});
		expect(r.json.data).toMatchObject({ fileName: 'copy.png', fileSize: want.length, mimeType: 'image/png' });
		expect(emu.uploads[0].via).toBe('url');
		expect(emu.uploads[0].bytes.equals(want)).toBe(true);
		const missing = await call(emu.uploadUrl, 'POST', '/api/file-url-upload', {
			fileUrl: `${emu.url}/media/nope/0.png`,
			uploadPath: 'x',
		});
		expect([missing.status, missing.json.success]).toEqual([500, false]);
	});

	it('MultipartParser copes with any chunking of the body', () => {
		const boundary = 'XyZ';
		const file = Buffer.from('line1 --XyZ inline\r\n--Xy\r\n-\r\n--X\0end'); // partial delimiters only (RFC 2046)
		const body = Buffer.concat(
			multipart(boundary, { a: '1', b: 'two words' }, { name: 'f.txt', type: 'text/plain', bytes: file }),
		);
		for (const size of [1, 2, 3, 7, 13, body.length]) {
			const p = new MultipartParser(boundary);
			for (let i = 0; i < body.length; i += size) p.write(body.subarray(i, i + size));
			p.end();
			expect(p.parts.map((x) => [x.name, x.data.toString()])).toEqual([
				['a', '1'],
				['b', 'two words'],
				['file', file.toString()],
			]);
			expect(p.parts[2]).toMatchObject({ fileName: 'f.txt', contentType: 'text/plain' });
		}
		const cut = new MultipartParser(boundary);
		cut.write(body.subarray(0, 40));
		expect(() => cut.end()).toThrow();
	});
});
