/** The KIE emulator as a separate process (its CLI) and a client for its control API. */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { REPO_DIR } from './paths.mjs';
import { cleanEnv, startDaemon, stop } from './procs.mjs';
import { waitFor } from './util.mjs';

const require = createRequire(join(REPO_DIR, 'package.json'));

/**
 * Starts `test/emulator/cli.ts` (through ts-node, on the Node running this script).
 * opts: { port, apiKey, hmacKey, rate ('20/10000' | 'off'), durationMs, log }.
 */
export async function startEmulatorProcess({ port, apiKey, hmacKey, rate, durationMs, log }) {
	const tsNode = require.resolve('ts-node/dist/bin.js');
	const args = [tsNode, '--transpile-only', join(REPO_DIR, 'test', 'emulator', 'cli.ts'), '--port', String(port)];
	if (apiKey) args.push('--api-key', apiKey);
	if (hmacKey) args.push('--hmac-key', hmacKey);
	if (rate) args.push('--rate', rate);
	if (durationMs !== undefined) args.push('--duration-ms', String(durationMs));
	const proc = startDaemon('kie-emulator', process.execPath, args, { cwd: REPO_DIR, env: cleanEnv({ TS_NODE_PROJECT: join(REPO_DIR, 'tsconfig.test.json') }), log });
	const url = `http://127.0.0.1:${port}`;
	const client = emulatorClient(url);
	let exited = false;
	proc.exited.then(() => (exited = true));
	await waitFor(
		async () => {
			if (exited) throw new Error(`the KIE emulator exited during start; see ${log}`);
			try {
				return (await client.info()).url === url;
			} catch {
				return false;
			}
		},
		{ timeoutMs: 60_000, what: 'the KIE emulator to listen' },
	);
	return { ...client, pid: proc.pid, url, uploadUrl: `${url}/redpanda`, stop: () => stop(proc.pid) };
}

/** The emulator's HTTP control API (GET log/callbacks/tasks, POST faults/configure/reset). */
export function emulatorClient(url) {
	const call = async (method, path, body) => {
		const res = await fetch(`${url}/__emulator/${path}`, {
			method,
			headers: body === undefined ? {} : { 'content-type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await res.text();
		if (!res.ok) throw new Error(`emulator ${method} ${path}: HTTP ${res.status} ${text.slice(0, 300)}`);
		return text ? JSON.parse(text) : null;
	};
	return {
		info: () => call('GET', 'info'),
		log: () => call('GET', 'log'),
		callbacks: () => call('GET', 'callbacks'),
		tasks: () => call('GET', 'tasks'),
		uploads: () => call('GET', 'uploads'),
		addFault: (spec) => call('POST', 'faults', spec),
		clearFaults: () => call('DELETE', 'faults'),
		configure: (patch) => call('POST', 'configure', patch),
		reset: () => call('POST', 'reset'),
		publishModel: (model) => call('POST', 'catalogue/models', model),
		retireModel: (id) => call('DELETE', `catalogue/models/${encodeURIComponent(id)}`),
	};
}
