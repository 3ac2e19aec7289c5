/**
 * The File Upload API (kieai.redpandaai.co) under `${url}/redpanda`: base64, multipart stream and
 * URL uploads. Files are kept in memory and served back from `${url}/tempfile/kieai/136592/...`.
 */
import { randomBytes } from 'crypto';
import type { ServerResponse } from 'http';
import { request } from 'undici';
import { isObject, sendJson } from './respond';
import type { RouteContext, RouteDef } from './routes';
import { TEMPFILE_PREFIX, UPLOAD_ACCOUNT_PREFIX, UPLOAD_PREFIX, type EmulatorState } from './state';

const MIME_BY_EXT: Record<string, string> = {
	png: 'image/png',
	jpg: 'image/jpeg',
	jpeg: 'image/jpeg',
	webp: 'image/webp',
	gif: 'image/gif',
	mp4: 'video/mp4',
	mov: 'video/quicktime',
	webm: 'video/webm',
	mp3: 'audio/mpeg',
	wav: 'audio/wav',
	m4a: 'audio/mp4',
	ogg: 'audio/ogg',
	txt: 'text/plain',
	json: 'application/json',
	pdf: 'application/pdf',
};

function extOf(name: string | undefined): string {
	const m = /\.([a-z0-9]+)$/i.exec(name ?? '');
	return m ? m[1].toLowerCase() : '';
}

function mimeFor(fileName: string | undefined, hint?: string): string {
	const clean = hint?.split(';')[0].trim();
	if (clean && clean !== 'application/octet-stream') return clean;
	return MIME_BY_EXT[extOf(fileName)] ?? clean ?? 'application/octet-stream';
}

function extForMime(mime: string): string {
	const found = Object.entries(MIME_BY_EXT).find(([, m]) => m === mime);
	return found ? found[0] : 'bin';
}

function uploadError(res: ServerResponse, status: number, msg: string): void {
	sendJson(res, status, { success: false, code: status, msg });
}

function text(v: unknown): string | undefined {
	return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}

/** Stores a file and answers with KIE's recorded upload response. */
function store(
	ctx: RouteContext,
	bytes: Buffer,
	fields: { uploadPath: string; fileName?: string; mimeType?: string; originalName?: string },
	via: 'base64' | 'stream' | 'url',
): void {
	const state: EmulatorState = ctx.state;
	const mimeType = mimeFor(fields.fileName ?? fields.originalName, fields.mimeType);
	const ext = extOf(fields.fileName ?? fields.originalName) || extForMime(mimeType);
	const fileName = fields.fileName ?? `${Date.now()}-${randomBytes(8).toString('hex').slice(0, 11)}.${ext}`;
	const uploadPath = fields.uploadPath.replace(/^\/+|\/+$/g, '');
	const filePath = `${UPLOAD_ACCOUNT_PREFIX}/${uploadPath}/${fileName}`;
	const file = { fileName, bytes, mimeType, via };
	const previous = state.uploadsByPath.get(filePath);
	if (previous) state.uploads.splice(state.uploads.indexOf(previous), 1); // same name overwrites
	state.uploads.push(file);
	state.uploadsByPath.set(filePath, file);
	sendJson(ctx.res, 200, {
		success: true,
		code: 200,
		msg: 'File uploaded successfully',
		data: {
			success: true,
			fileName,
			filePath,
			downloadUrl: `${state.url}${TEMPFILE_PREFIX}${filePath.split('/').map(encodeURIComponent).join('/')}`,
			fileSize: bytes.length,
			mimeType,
			uploadedAt: new Date().toISOString(),
		},
	});
}

async function base64Upload(ctx: RouteContext): Promise<void> {
	const body = isObject(ctx.body) ? ctx.body : {};
	const uploadPath = text(body.uploadPath);
	if (!uploadPath) return uploadError(ctx.res, 400, 'Missing required parameter: uploadPath');
	const raw = text(body.base64Data);
	if (!raw) return uploadError(ctx.res, 400, 'Missing required parameter: base64Data');
	const dataUrl = /^data:([^;,]*)(;base64)?,([\s\S]*)$/.exec(raw);
	const payload = (dataUrl ? dataUrl[3] : raw).replace(/\s+/g, '');
	if (!/^[A-Za-z0-9+/]*={0,2}$/.test(payload) || payload.length % 4 === 1) {
		return uploadError(ctx.res, 400, 'Base64 decoding failed: Invalid Base64 format');
	}
	store(
		ctx,
		Buffer.from(payload, 'base64'),
		{ uploadPath, fileName: text(body.fileName), mimeType: text(body.mimeType) ?? (dataUrl?.[1] || undefined) },
		'base64',
	);
}

async function streamUpload(ctx: RouteContext): Promise<void> {
	if (!ctx.parts) return uploadError(ctx.res, 400, 'Content type must be multipart/form-data');
	const field = (name: string): string | undefined =>
		text(ctx.parts!.find((p) => p.name === name && p.fileName === undefined)?.data.toString('utf8'));
	const file = ctx.parts.find((p) => p.name === 'file');
	const uploadPath = field('uploadPath');
	if (!uploadPath) return uploadError(ctx.res, 400, 'Missing required parameter: uploadPath');
	if (!file) return uploadError(ctx.res, 400, 'Missing required parameter: file');
	store(
		ctx,
		file.data,
		{ uploadPath, fileName: field('fileName'), mimeType: file.contentType, originalName: file.fileName },
		'stream',
	);
}

async function urlUpload(ctx: RouteContext): Promise<void> {
	const body = isObject(ctx.body) ? ctx.body : {};
	const uploadPath = text(body.uploadPath);
	if (!uploadPath) return uploadError(ctx.res, 400, 'Missing required parameter: uploadPath');
	const fileUrl = text(body.fileUrl);
	if (!fileUrl || !/^https?:\/\//i.test(fileUrl))
		return uploadError(ctx.res, 400, 'Missing required parameter: fileUrl');
	let bytes: Buffer;
	let contentType: string | undefined;
	try {
		const res = await request(fileUrl, { method: 'GET', headersTimeout: 30000, bodyTimeout: 30000 });
		if (res.statusCode < 200 || res.statusCode >= 300) {
			await res.body.dump();
			return uploadError(ctx.res, 500, `File download failed: HTTP ${res.statusCode}`);
		}
		bytes = Buffer.from(await res.body.arrayBuffer());
		const ct = res.headers['content-type'];
		contentType = Array.isArray(ct) ? ct[0] : ct;
	} catch (e) {
		return uploadError(ctx.res, 500, `File download failed: ${(e as Error).message}`);
	}
	const originalName = decodeURIComponent(new URL(fileUrl).pathname.split('/').pop() ?? '');
	store(ctx, bytes, { uploadPath, fileName: text(body.fileName), mimeType: contentType, originalName }, 'url');
}

export function uploadRoutes(): RouteDef[] {
	return [
		{
			method: 'POST',
			path: `${UPLOAD_PREFIX}/api/file-base64-upload`,
			name: 'upload.base64',
			auth: 'upload',
			handler: base64Upload,
		},
		{
			method: 'POST',
			path: `${UPLOAD_PREFIX}/api/file-stream-upload`,
			name: 'upload.stream',
			auth: 'upload',
			handler: streamUpload,
		},
		{
			method: 'POST',
			path: `${UPLOAD_PREFIX}/api/file-url-upload`,
			name: 'upload.url',
			auth: 'upload',
			handler: urlUpload,
		},
	];
}
