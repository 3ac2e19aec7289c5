/**
 * The "CDN" side: result media (`/media/<taskId>/<file>`) and uploaded files
 * (`/tempfile/kieai/...`). Not authenticated, like KIE's file hosts. Media is streamed chunk by
 * chunk with back-pressure, so very large configured sizes never sit in memory.
 */
import { Readable } from 'stream';
import { pipeline } from 'stream/promises';
import { CONTENT_TYPES, mediaFor } from './media';
import type { RouteContext, RouteDef } from './routes';
import { MEDIA_PREFIX, TEMPFILE_PREFIX } from './state';

function notFound(ctx: RouteContext): void {
	const body =
		'<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>';
	ctx.res.writeHead(404, { 'content-type': 'application/xml', 'content-length': Buffer.byteLength(body) });
	ctx.res.end(body);
}

async function media(ctx: RouteContext): Promise<void> {
	const { state, res } = ctx;
	const [taskId, file, ...more] = decodeURIComponent(ctx.url.pathname.slice(MEDIA_PREFIX.length)).split('/');
	if (!taskId || !file || more.length > 0 || !state.tasks.get(taskId)) return notFound(ctx);
	const m = mediaFor(file, `${taskId}/${file}`, state.options.mediaBytes);
	if (!m) return notFound(ctx);
	res.writeHead(200, {
		'content-type': CONTENT_TYPES[m.format],
		'content-length': String(m.body.size),
		'cache-control': 'public, max-age=1209600',
	});
	if (ctx.req.method === 'HEAD') {
		res.end();
		return;
	}
	try {
		await pipeline(Readable.from(m.body.chunks()), res);
	} catch {
		// The client went away (e.g. it aborted a large download): nothing to do.
	}
}

async function tempfile(ctx: RouteContext): Promise<void> {
	const { state, res } = ctx;
	const file = state.uploadsByPath.get(decodeURIComponent(ctx.url.pathname.slice(TEMPFILE_PREFIX.length)));
	if (!file) return notFound(ctx);
	res.writeHead(200, { 'content-type': file.mimeType, 'content-length': String(file.bytes.length) });
	res.end(ctx.req.method === 'HEAD' ? undefined : file.bytes);
}

export function cdnRoutes(): RouteDef[] {
	return [
		{ method: 'GET', path: MEDIA_PREFIX, prefix: true, name: 'media', auth: 'none', handler: media },
		{ method: 'GET', path: TEMPFILE_PREFIX, prefix: true, name: 'media', auth: 'none', handler: tempfile },
	];
}
