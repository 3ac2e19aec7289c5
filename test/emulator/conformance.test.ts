/* eslint-disable @n8n/community-nodes/no-restricted-globals */
/**
 * Conformance with recorded real KIE traffic: every recorded request to an endpoint the emulator
 * implements is replayed against the emulator (host swapped, emulator key, callBackUrl pointed at
 * a local receiver), and the response must have the same field names and JSON types, recursively
 * (JSON-encoded strings such as `param` and `resultJson` included). Values may differ.
 */
import { existsSync, readdirSync, readFileSync } from 'fs';
import { join, relative } from 'path';
import { request } from 'undici';
import { RECORDINGS_DIR } from '../support/recordings';
import { KEY, startReceiver, type Receiver } from './helpers';
import { startEmulator, type Emulator } from './index';

const RECORDINGS = RECORDINGS_DIR;

interface HarEntry {
	request: {
		method: string;
		url: string;
		headers: Array<{ name: string; value: string }>;
		postData?: { mimeType?: string; text?: string };
	};
	response: { status: number; headers: Array<{ name: string; value: string }>; content: { text?: string } };
}

function listHars(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
		e.isDirectory() ? listHars(join(dir, e.name)) : e.name === 'recording.har' ? [join(dir, e.name)] : [],
	);
}

if (!existsSync(RECORDINGS)) {
	// Present on every dev and CI machine: its absence is a broken checkout, not a reason to skip.
	throw new Error(`KIE recordings not found at ${RECORDINGS}: the conformance suite cannot run`);
}
const HARS = listHars(RECORDINGS).sort();

/** Endpoints the emulator implements, by method and path (host-relative). */
const IMPLEMENTED: Array<[string, RegExp]> = [
	['GET', /^\/api\/v1\/chat\/credit$/],
	['POST', /^\/api\/v1\/jobs\/createTask$/],
	['GET', /^\/api\/v1\/jobs\/recordInfo$/],
	['POST', /^\/api\/v1\/common\/download-url$/],
	['POST', /^\/api\/file-(base64|stream|url)-upload$/],
	['POST', /^\/api\/v1\/(generate|generate\/(extend|upload-cover|upload-extend|add-instrumental|add-vocals)|lyrics)$/],
	['POST', /^\/api\/v1\/(wav|vocal-removal|mp4|midi)\/generate$/],
	['GET', /^\/api\/v1\/(generate|lyrics|wav|vocal-removal|mp4|midi)\/record-info$/],
];

/**
 * recordInfo fields KIE documents since 2026-09 (kie-models skill; test/fixtures/catalogue/ORIGIN.md)
 * that the older recordings predate: the emulator sends them, a recording without them is no diff.
 */
const NEWER_THAN_RECORDINGS = new Set(
	['successFlag', 'response', 'creditsConsumed'].map((k) => `$.data.${k}: not in recording`),
);

function kindOf(v: unknown): string {
	return v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v;
}

function jsonContainer(v: unknown): unknown {
	if (typeof v !== 'string' || !/^\s*[[{]/.test(v)) return undefined;
	try {
		const p = JSON.parse(v) as unknown;
		return typeof p === 'object' && p !== null ? p : undefined;
	} catch {
		return undefined;
	}
}

/** Differences in field names / JSON types between a recorded and an emulated value. */
export function shapeDiff(recorded: unknown, actual: unknown, at = '$'): string[] {
	const rk = kindOf(recorded);
	const ak = kindOf(actual);
	if (rk !== ak) return [`${at}: recorded ${rk}, emulator ${ak}`];
	if (rk === 'string') {
		const rj = jsonContainer(recorded);
		const aj = jsonContainer(actual);
		if (rj !== undefined || aj !== undefined) {
			if (rj === undefined || aj === undefined) return [`${at}: JSON-encoded on one side only`];
			return shapeDiff(rj, aj, `${at}<json>`);
		}
		return [];
	}
	if (rk === 'array') {
		const r = recorded as unknown[];
		const a = actual as unknown[];
		if (r.length === 0 || a.length === 0) return [];
		return a.flatMap((x, i) => shapeDiff(r[Math.min(i, r.length - 1)], x, `${at}[${i}]`));
	}
	if (rk === 'object') {
		const r = recorded as Record<string, unknown>;
		const a = actual as Record<string, unknown>;
		const out: string[] = [];
		for (const k of Object.keys(r)) if (!(k in a)) out.push(`${at}.${k}: missing in emulator`);
		for (const k of Object.keys(a)) if (!(k in r)) out.push(`${at}.${k}: not in recording`);
		for (const k of Object.keys(r)) if (k in a) out.push(...shapeDiff(r[k], a[k], `${at}.${k}`));
		return out;
	}
	return [];
}

const TINY_PNG = Buffer.from(
	'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFCcSAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
	'base64',
);

/** Rebuilds a multipart upload from Polly's placeholder (the wire bytes were not recorded). */
function multipartFromPlaceholder(text: string | undefined): { body: Buffer; contentType: string } {
	let meta: {
		file?: { filename?: string; contentType?: string; size?: number };
		uploadPath?: string;
		fileName?: string;
	} = {};
	try {
		meta = JSON.parse(text ?? '') as typeof meta;
	} catch {
		// empty body in the recording: a small PNG to images/test-uploads
	}
	const file = meta.file ?? { filename: 'image.png', contentType: 'image/png', size: TINY_PNG.length };
	const bytes = file.size && file.size !== TINY_PNG.length ? Buffer.alloc(file.size, 7) : TINY_PNG;
	const boundary = '----conformance7b3c';
	const fields: Record<string, string> = { uploadPath: meta.uploadPath ?? 'images/test-uploads' };
	if (meta.fileName) fields.fileName = meta.fileName;
	const parts = Object.entries(fields).map(
		([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`,
	);
	const body = Buffer.concat([
		Buffer.from(parts.join('')),
		Buffer.from(
			`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.filename ?? 'image.png'}"\r\nContent-Type: ${file.contentType ?? 'image/png'}\r\n\r\n`,
		),
		bytes,
		Buffer.from(`\r\n--${boundary}--\r\n`),
	]);
	return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

describe('KIE emulator: conformance with recorded KIE traffic', () => {
	let emu: Emulator;
	let hook: Receiver;
	let replayed = 0;
	const skipped: string[] = [];

	beforeAll(async () => {
		// Long tasks: pending recorded states are compared while the emulated task is pending.
		emu = await startEmulator({ rateLimit: null, defaultDurationMs: 60000 });
		hook = await startReceiver();
	});
	afterAll(async () => {
		await emu.close();
		await hook.close();
		if (skipped.length) console.warn(`conformance: not implemented, not replayed:\n${skipped.join('\n')}`);
	});

	it('finds the recordings', () => {
		expect(HARS.length).toBeGreaterThanOrEqual(20);
	});

	it.each(HARS.map((f) => [relative(RECORDINGS, f), f]))('%s', async (_name, file) => {
		emu.reset();
		const har = JSON.parse(readFileSync(file, 'utf8')) as { log: { entries: HarEntry[] } };
		const ids = new Map<string, string>(); // recorded task id → emulator task id
		for (const [i, e] of har.log.entries.entries()) {
			const recordedUrl = new URL(e.request.url);
			const method = e.request.method;
			if (!IMPLEMENTED.some(([m, re]) => m === method && re.test(recordedUrl.pathname))) {
				skipped.push(`${relative(RECORDINGS, file)} #${i}: ${method} ${recordedUrl.pathname}`);
				continue;
			}
			const isUpload = recordedUrl.hostname === 'kieai.redpandaai.co';
			const target = new URL(`${isUpload ? emu.uploadUrl : emu.url}${recordedUrl.pathname}`);
			recordedUrl.searchParams.forEach((v, k) => target.searchParams.set(k, ids.get(v) ?? v));
			const recorded = JSON.parse(e.response.content.text ?? 'null') as Record<string, unknown>;

			// Bring the emulated task to the recorded state before polling it.
			const polled = target.searchParams.get('taskId');
			const state = (recorded?.data as Record<string, unknown> | null)?.state;
			if (polled && emu.task(polled) && (state === 'success' || state === 'fail')) {
				emu.finishTask(polled, state === 'fail' ? { fail: { code: '500', msg: 'recorded failure' } } : {});
			}

			const headers: Record<string, string> = { authorization: `Bearer ${KEY}` };
			let body: Buffer | string | undefined;
			if (recordedUrl.pathname === '/api/file-stream-upload') {
				const mp = multipartFromPlaceholder(e.request.postData?.text);
				body = mp.body;
				headers['content-type'] = mp.contentType;
			} else if (e.request.postData?.text) {
				const json = JSON.parse(e.request.postData.text) as Record<string, unknown>;
				if ('callBackUrl' in json) json.callBackUrl = hook.url; // never call out of the machine
				body = JSON.stringify(json);
				headers['content-type'] = 'application/json';
			}
			const res = await request(target, { method: method as 'GET', headers, body });
			const text = await res.body.text();
			const where = `${relative(RECORDINGS, file)} #${i} ${method} ${recordedUrl.pathname}`;
			expect({ where, status: res.statusCode }).toEqual({ where, status: e.response.status });
			expect(String(res.headers['content-type'])).toMatch(/^application\/json/);
			const actual = JSON.parse(text) as Record<string, unknown>;
			const diff = shapeDiff(recorded, actual).filter((d) => !NEWER_THAN_RECORDINGS.has(d));
			expect({ where, diff }).toEqual({ where, diff: [] });
			expect({ where, code: actual.code }).toEqual({ where, code: recorded.code });

			const recordedId = (recorded?.data as Record<string, unknown> | null)?.taskId;
			const emulatedId = (actual?.data as Record<string, unknown> | null)?.taskId;
			if (typeof recordedId === 'string' && typeof emulatedId === 'string' && !ids.has(recordedId)) {
				ids.set(recordedId, emulatedId);
			}
			replayed++;
		}
	});

	it('replayed (nearly) every recorded request', () => {
		expect(replayed).toBeGreaterThanOrEqual(75);
	});

	it('shapeDiff notices renamed fields, type changes and single-encoded JSON', () => {
		expect(shapeDiff({ a: 1, b: 'x' }, { a: 2, b: 'y' })).toEqual([]);
		expect(shapeDiff({ a: 1 }, { b: 1 })).toHaveLength(2);
		expect(shapeDiff({ a: null }, { a: 'x' })).toHaveLength(1);
		expect(shapeDiff({ p: '{"input":"{\\"x\\":1}"}' }, { p: '{"input":{"x":1}}' })).toEqual([
			'$.p<json>.input: recorded string, emulator object',
		]);
	});
});
