/**
 * The HTTP server: log → body → faults → auth → route handler, for the API, upload and CDN routes;
 * the control API (/__emulator/) bypasses all of that.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'http';
import type { AddressInfo } from 'net';
import { apiRoutes } from './api';
import { catalogueRoutes } from './catalogue-routes';
import { cdnRoutes } from './cdn';
import { CONTROL_PREFIX, handleControl } from './control';
import { applyFaults, EXPIRED_XML } from './faults';
import { boundaryOf, parseMultipart, type MultipartPart } from './multipart';
import { flatHeaders, readBody, sendJson, spring } from './respond';
import { resolveRoute, type RouteDef } from './routes';
import { EmulatorState, MEDIA_PREFIX, TEMPFILE_PREFIX } from './state';
import type { CallbackLogEntry, Emulator, EmulatorOptions, RequestLogEntry } from './types';
import { uploadRoutes } from './uploads';

const ROUTES: RouteDef[] = [...apiRoutes(), ...catalogueRoutes(), ...uploadRoutes(), ...cdnRoutes()];

function authorised(state: EmulatorState, req: IncomingMessage): boolean {
	const m = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '');
	return !!m && state.options.apiKeys.includes(m[1].trim());
}

/** Records the status actually sent in the log entry. */
function trackStatus(res: ServerResponse, entry: RequestLogEntry): void {
	const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
	(res as unknown as { writeHead: (...args: unknown[]) => ServerResponse }).writeHead = (...args: unknown[]) => {
		entry.status = args[0] as number;
		return writeHead(...args);
	};
}

async function readRequest(
	req: IncomingMessage,
	entry: RequestLogEntry,
): Promise<{ body: unknown; parts?: MultipartPart[] }> {
	const boundary = /^multipart\/form-data/i.test(req.headers['content-type'] ?? '')
		? boundaryOf(req.headers['content-type'])
		: null;
	if (boundary) {
		const { parts, length } = await parseMultipart(req, boundary);
		entry.rawBodyLength = length;
		const logged: Record<string, unknown> = {};
		for (const p of parts) {
			logged[p.name] =
				p.fileName !== undefined || p.name === 'file'
					? { fileName: p.fileName ?? null, contentType: p.contentType ?? null, size: p.data.length }
					: p.data.toString('utf8');
		}
		entry.body = logged;
		return { body: logged, parts };
	}
	const raw = await readBody(req);
	entry.rawBodyLength = raw.length;
	let body: unknown = null;
	if (raw.length > 0) {
		const text = raw.toString('utf8');
		try {
			body = JSON.parse(text);
		} catch {
			body = text;
		}
	}
	entry.body = raw.length > LOG_BODY_LIMIT ? shortened(body) : body;
	return { body };
}

/** Bodies above this size are logged with long strings shortened (e.g. base64 uploads). */
const LOG_BODY_LIMIT = 100_000;

function shortened(v: unknown): unknown {
	if (typeof v === 'string') return v.length > 10_000 ? `${v.slice(0, 64)}…[${v.length} chars]` : v;
	if (Array.isArray(v)) return v.map(shortened);
	if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, shortened(x)]));
	return v;
}

async function handle(state: EmulatorState, req: IncomingMessage, res: ServerResponse): Promise<void> {
	const url = new URL(req.url ?? '/', 'http://127.0.0.1');
	if (url.pathname.startsWith(CONTROL_PREFIX)) return handleControl(state, req, res, url);

	const method = req.method ?? 'GET';
	const resolved = resolveRoute(ROUTES, method, url.pathname);
	const route = 'route' in resolved ? resolved.route : undefined;
	const query: Record<string, string> = {};
	url.searchParams.forEach((v, k) => (query[k] = v));
	const entry: RequestLogEntry = {
		time: Date.now(),
		method,
		path: url.pathname,
		query,
		headers: flatHeaders(req.headers),
		body: undefined,
		rawBodyLength: 0,
		status: 0,
		route: route?.name ?? ('notFound' in resolved ? 'notFound' : 'methodNotAllowed'),
	};
	state.log.push(entry);
	trackStatus(res, entry);

	let body: unknown;
	let parts: MultipartPart[] | undefined;
	try {
		({ body, parts } = await readRequest(req, entry));
	} catch {
		return sendJson(res, 400, { success: false, code: 400, msg: 'Malformed multipart/form-data body' });
	}

	const isCdn = url.pathname.startsWith(MEDIA_PREFIX) || url.pathname.startsWith(TEMPFILE_PREFIX);
	const faults = state.faults.take({
		route: entry.route,
		path: url.pathname,
		signed: isCdn && state.isSigned(url.pathname, query),
	});
	if (await applyFaults(faults, req, res)) return;

	if (!route) {
		return 'notFound' in resolved
			? spring(res, 404, 'Not Found', url.pathname)
			: spring(res, 405, 'Method Not Allowed', url.pathname);
	}
	if (isCdn && query.sig !== undefined && !state.isSigned(url.pathname, query)) {
		// A download-url link that expired or was tampered with.
		res.writeHead(403, { 'content-type': 'application/xml', 'content-length': Buffer.byteLength(EXPIRED_XML) });
		res.end(EXPIRED_XML);
		return;
	}
	if (route.auth === 'api' && !authorised(state, req)) {
		return sendJson(res, 401, { code: 401, msg: 'You do not have access permissions' });
	}
	if (route.auth === 'upload' && !authorised(state, req)) {
		return sendJson(res, 401, { success: false, code: 401, msg: 'Authentication failed: Invalid API Key' });
	}
	await route.handler({ state, req, res, url, body, parts, entry });
}

export async function startEmulator(opts: EmulatorOptions = {}): Promise<Emulator> {
	const state = new EmulatorState(opts);
	const server = createServer((req, res) => {
		handle(state, req, res).catch(() => {
			if (!res.headersSent) sendJson(res, 500, { code: 500, msg: 'Server Error', data: null });
			else res.destroy();
		});
	});
	server.keepAliveTimeout = 2000;
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(state.options.port, '127.0.0.1', () => resolve());
	});
	const { port } = server.address() as AddressInfo;
	state.url = `http://127.0.0.1:${port}`;

	let closed: Promise<void> | null = null;
	const emulator: Emulator = {
		url: state.url,
		uploadUrl: state.uploadUrl,
		log: state.log,
		callbacks: state.callbackLog,
		uploads: state.uploads,
		addFault: (spec) => state.faults.add(spec),
		clearFaults: () => state.faults.clear(),
		configure: (patch) => state.configure(patch),
		task: (taskId) => state.tasks.snapshot(taskId),
		finishTask: (taskId, outcome) => state.tasks.finish(taskId, outcome),
		advanceTask: (taskId, fraction) => state.tasks.advance(taskId, fraction),
		waitForCallbacks: (n, timeoutMs = 30_000) =>
			new Promise<CallbackLogEntry[]>((resolve, reject) => {
				if (state.callbackLog.length >= n) return resolve([...state.callbackLog]);
				const timer = setTimeout(() => {
					off();
					reject(
						new Error(`KIE emulator: ${state.callbackLog.length} of ${n} callback attempts after ${timeoutMs} ms`),
					);
				}, timeoutMs);
				const off = state.callbacks.onLog(() => {
					if (state.callbackLog.length < n) return;
					clearTimeout(timer);
					off();
					resolve([...state.callbackLog]);
				});
			}),
		publishModel: (model) => state.catalogue.publish(model),
		retireModel: (id) => state.catalogue.retire(id),
		catalogueModels: () => state.catalogue.list(),
		reset: () => state.reset(),
		close: () => {
			closed ??= (async () => {
				state.tasks.reset();
				await state.callbacks.close();
				await new Promise<void>((resolve) => {
					server.close(() => resolve());
					server.closeAllConnections();
				});
			})();
			return closed;
		},
	};
	return emulator;
}
