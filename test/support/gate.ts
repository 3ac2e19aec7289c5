/* eslint-disable @n8n/community-nodes/no-restricted-globals */
/**
 * A loopback HTTP server for callback tests that must control timing by events, not clocks:
 * it logs every request (a sentinel: "was anything fetched from here?"), and requests whose path
 * matches `hold` wait until `release()`. Routes answer what `respond` says; by default a small
 * PNG-looking body.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'http';
import type { AddressInfo } from 'net';

export interface GateRequest {
	method: string;
	path: string;
}

export interface GateAnswer {
	status?: number;
	headers?: Record<string, string>;
	body: string | Buffer;
}

export interface Gate {
	url: string;
	log: GateRequest[];
	/** Paths (prefix match) whose answers are held until release(). */
	hold: string[];
	respond: (req: GateRequest) => GateAnswer;
	/** Resolves once `count` requests matching `path` have arrived (rejects after `ceilingMs`). */
	waitFor(path: string, count: number, ceilingMs?: number): Promise<void>;
	/** Answers every held request and stops holding. */
	release(): void;
	close(): Promise<void>;
}

export const PNG_BYTES = Buffer.concat([Buffer.from([0x89]), Buffer.from('PNG\r\n\x1a\n'), Buffer.alloc(64, 1)]);

const defaultAnswer = (): GateAnswer => ({ headers: { 'content-type': 'image/png' }, body: PNG_BYTES });

export async function startGate(): Promise<Gate> {
	const held: Array<() => void> = [];
	const waiters: Array<() => void> = [];
	const gate: Gate = {
		url: '',
		log: [],
		hold: [],
		respond: defaultAnswer,
		waitFor: async (path, count, ceilingMs = 20000) => {
			const reached = () => gate.log.filter((entry) => entry.path.startsWith(path)).length >= count;
			if (reached()) return;
			await new Promise<void>((resolve, reject) => {
				const timer = setTimeout(() => reject(new Error(`gate: ${count} request(s) to ${path} did not arrive; got ${JSON.stringify(gate.log)}`)), ceilingMs);
				const check = (): void => {
					if (!reached()) {
						waiters.push(check);
						return;
					}
					clearTimeout(timer);
					resolve();
				};
				waiters.push(check);
			});
		},
		release: () => {
			gate.hold = [];
			for (const answer of held.splice(0)) answer();
		},
		close: async () => undefined,
	};
	const answer = (req: IncomingMessage, res: ServerResponse, entry: GateRequest) => {
		const out = gate.respond(entry);
		res.writeHead(out.status ?? 200, out.headers ?? {});
		res.end(out.body);
	};
	const server = createServer((req, res) => {
		req.resume();
		const entry = { method: req.method ?? 'GET', path: req.url ?? '/' };
		gate.log.push(entry);
		for (const waiter of waiters.splice(0)) waiter();
		if (gate.hold.some((prefix) => entry.path.startsWith(prefix))) held.push(() => answer(req, res, entry));
		else answer(req, res, entry);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
	gate.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	gate.close = async () =>
		await new Promise<void>((resolve) => {
			gate.release();
			server.close(() => resolve());
			server.closeAllConnections();
		});
	return gate;
}

/** KIE's Market record for a task (what GET /api/v1/jobs/recordInfo answers), for a gate playing KIE. */
export function marketRecord(taskId: string, state: 'success' | 'generating', urls: string[]): GateAnswer {
	const data = { taskId, model: 'nano-banana-pro', state, param: '{}', resultJson: state === 'success' ? JSON.stringify({ resultUrls: urls }) : '', failCode: null, failMsg: null };
	return { headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code: 200, msg: 'success', data }) };
}
