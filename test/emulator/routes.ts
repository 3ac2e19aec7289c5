/** Route table types and lookup. Route names appear in the request log and select faults. */
import type { IncomingMessage, ServerResponse } from 'http';
import type { MultipartPart } from './multipart';
import type { EmulatorState } from './state';
import type { RequestLogEntry } from './types';

export interface RouteContext {
	state: EmulatorState;
	req: IncomingMessage;
	res: ServerResponse;
	url: URL;
	/** Parsed JSON body (or the raw text when not JSON, or null when empty). */
	body: unknown;
	/** multipart/form-data parts, when the request was multipart. */
	parts?: MultipartPart[];
	entry: RequestLogEntry;
}

export interface RouteDef {
	method: string;
	/** Exact path, or a prefix when `prefix` is set. */
	path: string;
	prefix?: boolean;
	/** With `prefix`: the path must also end with this (catalogue routes: `/schema`, `/price`, …). */
	suffix?: string;
	name: string;
	/** 'api': KIE 401 body; 'upload': File Upload API 401 body; 'none': a CDN route. */
	auth: 'api' | 'upload' | 'none';
	handler: (ctx: RouteContext) => Promise<void>;
}

export type Resolved = { route: RouteDef } | { notFound: true } | { methodNotAllowed: true };

export function resolveRoute(routes: RouteDef[], method: string, path: string): Resolved {
	const candidates = routes.filter((r) =>
		r.prefix
			? path.startsWith(r.path) && (!r.suffix || (path.endsWith(r.suffix) && path.length > r.path.length + r.suffix.length))
			: r.path === path,
	);
	if (candidates.length === 0) return { notFound: true };
	const m = method === 'HEAD' ? 'GET' : method;
	const route = candidates.find((r) => r.method === m);
	return route ? { route } : { methodNotAllowed: true };
}
