/**
 * Fault injection: specs match a route name or a path prefix; `skip` lets the first N matching
 * requests through, then the fault applies `times` times (default: forever). Delays stack and let
 * the request continue; any other fault answers (or kills the socket) instead of the handler.
 */
import type { IncomingMessage, ServerResponse } from 'http';
import type { Fault, FaultSpec } from './types';

interface ActiveFault {
	spec: FaultSpec;
	seen: number;
	applied: number;
}

export interface FaultRequest {
	route: string;
	path: string;
	/** Media requests carrying a valid download-url signature are immune to 'expired'. */
	signed: boolean;
}

export const CLOUDFLARE_403 = `<!DOCTYPE html>
<!--[if lt IE 7]> <html class="no-js ie6 oldie" lang="en-US"> <![endif]-->
<html class="no-js" lang="en-US">
<head>
<title>Attention Required! | Cloudflare</title>
<meta charset="UTF-8" />
</head>
<body>
<div id="cf-wrapper">
<h1 data-translate="block_headline">Sorry, you have been blocked</h1>
<h2 class="cf-subheadline"><span data-translate="unable_to_access">You are unable to access</span> api.kie.ai</h2>
<p>Error code: 1010</p>
<span class="cf-footer-item">Cloudflare Ray ID: <strong class="font-semibold">8f0e5c1d2a3b4c5d</strong></span>
</div>
</body>
</html>
`;

export const EXPIRED_XML =
	'<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>';

export class FaultRegistry {
	private faults: ActiveFault[] = [];

	add(spec: FaultSpec): void {
		if (!spec || typeof spec.route !== 'string' || !spec.fault || typeof spec.fault.type !== 'string') {
			throw new Error('KIE emulator: a FaultSpec needs route and fault.type');
		}
		this.faults.push({ spec: JSON.parse(JSON.stringify(spec)) as FaultSpec, seen: 0, applied: 0 });
	}

	clear(): void {
		this.faults = [];
	}

	/** Faults to apply to this request, in registration order (counters advance). */
	take(req: FaultRequest): Fault[] {
		const out: Fault[] = [];
		for (const f of this.faults) {
			const { route } = f.spec;
			const matches = route === req.route || (route.startsWith('/') && req.path.startsWith(route));
			if (!matches) continue;
			if (f.spec.fault.type === 'expired' && req.signed) continue;
			f.seen++;
			if (f.seen <= (f.spec.skip ?? 0)) continue;
			if (f.spec.times !== undefined && f.applied >= f.spec.times) continue;
			f.applied++;
			out.push(f.spec.fault);
		}
		return out;
	}
}

function send(
	res: ServerResponse,
	status: number,
	contentType: string,
	body: string,
	extra: Record<string, string> = {},
): void {
	res.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(body), ...extra });
	res.end(body);
}

/**
 * Applies faults; returns true when the request has been answered (or its socket destroyed) and
 * normal handling must stop.
 */
export async function applyFaults(faults: Fault[], req: IncomingMessage, res: ServerResponse): Promise<boolean> {
	const json = 'application/json;charset=UTF-8';
	for (const fault of faults) {
		switch (fault.type) {
			case 'delay':
				await new Promise((r) => setTimeout(r, fault.ms));
				continue;
			case 'status': {
				const body = fault.body ?? JSON.stringify({ code: fault.status, msg: 'Injected fault', data: null });
				send(res, fault.status, fault.contentType ?? (fault.body === undefined ? json : 'text/plain'), body, fault.headers);
				return true;
			}
			case 'bodyCode':
				send(res, 200, json, JSON.stringify({ code: fault.code, msg: fault.msg, data: null }));
				return true;
			case 'dataNull':
				send(res, 200, json, JSON.stringify({ code: 200, msg: 'success', data: null }));
				return true;
			case 'malformed':
				send(res, 200, json, '{"code":200,"msg":"success","data":{taskId: undefined,}');
				return true;
			case 'truncated':
				send(res, 200, json, '{"code":200,"msg":"success","data":{"taskId":"3f1c9a');
				return true;
			case 'html403':
				send(res, 403, 'text/html; charset=UTF-8', CLOUDFLARE_403, {
					server: 'cloudflare',
					'cf-ray': '8f0e5c1d2a3b4c5d-SIN',
				});
				return true;
			case 'expired':
				send(res, 403, 'application/xml', EXPIRED_XML);
				return true;
			case 'reset':
				req.socket.destroy();
				return true;
			default:
				continue;
		}
	}
	return false;
}
