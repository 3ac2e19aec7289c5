/* eslint-disable @n8n/community-nodes/no-restricted-globals */
/** The CLI process and the HTTP control API the e2e suite uses. */
import { spawn, type ChildProcess } from 'child_process';
import { resolve } from 'path';
import { call, startReceiver, waitFor } from './helpers';
import { parseArgs } from './cli';

const ROOT = resolve(__dirname, '../..');

function startCli(args: string[]): Promise<{ child: ChildProcess; url: string; output: () => string }> {
	const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', 'test/emulator/cli.ts', ...args], {
		cwd: ROOT,
		env: { ...process.env, TS_NODE_PROJECT: resolve(ROOT, 'tsconfig.json') },
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let out = '';
	child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
	child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
	return new Promise((resolveStart, reject) => {
		const timer = setTimeout(() => reject(new Error(`CLI did not start: ${out}`)), 120_000); // ts-node compiles the CLI first: slow on a busy machine (a ceiling, not a target)
		child.stdout!.on('data', () => {
			const m = /^KIE emulator listening on (http:\/\/127\.0\.0\.1:\d+)\n/.exec(out);
			if (m) {
				clearTimeout(timer);
				resolveStart({ child, url: m[1], output: () => out });
			}
		});
		child.on('exit', (code) => reject(new Error(`CLI exited with ${code}: ${out}`)));
	});
}

describe('KIE emulator: CLI and control API', () => {
	it('parses its flags', () => {
		expect(
			parseArgs([
				'--port',
				'8787',
				'--api-key',
				'a',
				'--api-key=b',
				'--hmac-key',
				'h',
				'--rate',
				'5/1000',
				'--duration-ms',
				'300',
			]),
		).toEqual({
			port: 8787,
			apiKeys: ['a', 'b'],
			hmacKey: 'h',
			rateLimit: { max: 5, windowMs: 1000 },
			defaultDurationMs: 300,
		});
		expect(parseArgs(['--rate', 'off'])).toEqual({ rateLimit: null });
		expect(() => parseArgs(['--rate', 'fast'])).toThrow();
		expect(() => parseArgs(['--bogus'])).toThrow();
	});

	it('starts, serves the API and the control API, and exits cleanly on SIGTERM', async () => {
		const { child, url, output } = await startCli([
			'--port',
			'0',
			'--api-key',
			'cli-key',
			'--duration-ms',
			'60000',
			'--hmac-key',
			'cli-hmac',
		]);
		const hook = await startReceiver();
		try {
			expect(output()).toBe(`KIE emulator listening on ${url}\n`);
			const credit = await call(url, 'GET', '/api/v1/chat/credit', undefined, { key: 'cli-key' });
			expect([credit.status, credit.json]).toEqual([200, { code: 200, msg: 'success', data: 1000.5 }]);
			expect((await call(url, 'GET', '/api/v1/chat/credit')).status).toBe(401); // default key not accepted

			const info = await call(url, 'GET', '/__emulator/info', undefined, { key: null });
			expect(info.json).toEqual({ url, uploadUrl: `${url}/redpanda`, credits: 1000.5 });

			// configure + create + finish → a signed callback
			await call(
				url,
				'POST',
				'/__emulator/configure',
				{ rules: [{ match: { model: 'slow' }, durationMs: 600000 }] },
				{ key: null },
			);
			const created = await call(
				url,
				'POST',
				'/api/v1/jobs/createTask',
				{ model: 'slow', input: { prompt: 'x' }, callBackUrl: hook.url },
				{ key: 'cli-key' },
			);
			const id = created.json.data.taskId as string;
			const tasks = await call(url, 'GET', '/__emulator/tasks', undefined, { key: null });
			expect(tasks.json).toEqual([expect.objectContaining({ taskId: id, durationMs: 600000, outcome: 'pending' })]);
			expect((await call(url, 'POST', `/__emulator/finish/${id}`, undefined, { key: null })).status).toBe(200);
			expect((await call(url, 'POST', '/__emulator/finish/unknown', undefined, { key: null })).status).toBe(404);
			await waitFor(() => hook.received.length === 1);
			expect(hook.received[0].headers['x-webhook-signature']).toBeTruthy();
			const callbacks = await call(url, 'GET', '/__emulator/callbacks', undefined, { key: null });
			expect(callbacks.json).toEqual([expect.objectContaining({ taskId: id, attempt: 1, status: 200 })]);

			// faults over HTTP
			await call(
				url,
				'POST',
				'/__emulator/faults',
				{ route: 'credit', fault: { type: 'status', status: 503 }, times: 1 },
				{ key: null },
			);
			expect((await call(url, 'GET', '/api/v1/chat/credit', undefined, { key: 'cli-key' })).status).toBe(503);
			await call(url, 'POST', '/__emulator/faults', { route: 'credit', fault: { type: 'html403' } }, { key: null });
			await call(url, 'DELETE', '/__emulator/faults', undefined, { key: null });
			expect((await call(url, 'GET', '/api/v1/chat/credit', undefined, { key: 'cli-key' })).status).toBe(200);

			// the log holds API traffic only
			const log = await call(url, 'GET', '/__emulator/log', undefined, { key: null });
			expect(log.json.map((e: { route: string }) => e.route)).toEqual([
				'credit',
				'credit',
				'createTask',
				'credit',
				'credit',
			]);
			expect(log.json.some((e: { path: string }) => e.path.startsWith('/__emulator'))).toBe(false);

			await call(url, 'POST', '/__emulator/reset', undefined, { key: null });
			expect((await call(url, 'GET', '/__emulator/tasks', undefined, { key: null })).json).toEqual([]);
			expect((await call(url, 'GET', '/__emulator/log', undefined, { key: null })).json).toEqual([]);
		} finally {
			await hook.close();
			const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
			child.kill('SIGTERM');
			expect(await exited).toBe(0);
		}
	}, 180_000);
});
