/**
 * The control API for out-of-process users (the e2e suite runs the emulator via the CLI).
 * Under /__emulator/, not authenticated and never logged as API traffic.
 */
import { isObject, readBody, sendJson } from './respond';
import type { EmulatorState } from './state';
import type { IncomingMessage, ServerResponse } from 'http';
import type { EmulatorOptions, FaultSpec, PublishedModel } from './types';

export const CONTROL_PREFIX = '/__emulator/';

async function jsonBody(req: IncomingMessage): Promise<unknown> {
	const raw = await readBody(req);
	if (raw.length === 0) return undefined;
	return JSON.parse(raw.toString('utf8')) as unknown;
}

export async function handleControl(
	state: EmulatorState,
	req: IncomingMessage,
	res: ServerResponse,
	url: URL,
): Promise<void> {
	const path = url.pathname.slice(CONTROL_PREFIX.length).replace(/\/+$/, '');
	const method = req.method ?? 'GET';
	let body: unknown;
	try {
		body = await jsonBody(req);
	} catch {
		return sendJson(res, 400, { error: 'body is not valid JSON' });
	}
	try {
		if (method === 'GET' && path === 'log') return sendJson(res, 200, state.log);
		if (method === 'GET' && path === 'callbacks') return sendJson(res, 200, state.callbackLog);
		if (method === 'GET' && path === 'tasks') return sendJson(res, 200, state.tasks.all());
		if (method === 'GET' && path.startsWith('tasks/')) {
			const task = state.tasks.snapshot(decodeURIComponent(path.slice('tasks/'.length)));
			return task ? sendJson(res, 200, task) : sendJson(res, 404, { error: 'unknown task' });
		}
		if (method === 'GET' && path === 'uploads') {
			return sendJson(
				res,
				200,
				state.uploads.map((u) => ({ fileName: u.fileName, mimeType: u.mimeType, via: u.via, size: u.bytes.length })),
			);
		}
		if (method === 'GET' && path === 'info') {
			return sendJson(res, 200, { url: state.url, uploadUrl: state.uploadUrl, credits: state.credits });
		}
		if (method === 'POST' && path === 'faults') {
			state.faults.add(body as FaultSpec);
			return sendJson(res, 200, { ok: true });
		}
		if (method === 'DELETE' && path === 'faults') {
			state.faults.clear();
			return sendJson(res, 200, { ok: true });
		}
		if (method === 'POST' && path === 'configure') {
			if (!isObject(body)) return sendJson(res, 400, { error: 'body must be an object' });
			state.configure(body as Partial<EmulatorOptions>);
			return sendJson(res, 200, { ok: true });
		}
		if (method === 'POST' && path === 'reset') {
			state.reset();
			return sendJson(res, 200, { ok: true });
		}
		if (method === 'GET' && path === 'catalogue/models') return sendJson(res, 200, state.catalogue.list());
		if (method === 'POST' && path === 'catalogue/models') {
			if (!isObject(body)) return sendJson(res, 400, { error: 'body must be a PublishedModel object' });
			return sendJson(res, 200, state.catalogue.publish(body as unknown as PublishedModel));
		}
		if (method === 'DELETE' && path.startsWith('catalogue/models/')) {
			const id = decodeURIComponent(path.slice('catalogue/models/'.length));
			return state.catalogue.retire(id)
				? sendJson(res, 200, { ok: true })
				: sendJson(res, 404, { error: `model ${id} is not listed` });
		}
		if (method === 'POST' && path === 'catalogue/reset') {
			state.catalogue.reset();
			return sendJson(res, 200, { ok: true });
		}
		if (method === 'POST' && path.startsWith('finish/')) {
			const id = decodeURIComponent(path.slice('finish/'.length));
			if (!state.tasks.get(id)) return sendJson(res, 404, { error: 'unknown task' });
			state.tasks.finish(id, isObject(body) ? (body as { fail?: { code: string; msg: string } }) : undefined);
			return sendJson(res, 200, { ok: true });
		}
		sendJson(res, 404, { error: `unknown control route ${method} ${url.pathname}` });
	} catch (e) {
		sendJson(res, 400, { error: (e as Error).message });
	}
}
