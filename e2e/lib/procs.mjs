/**
 * Child processes: every process the suite starts is registered here by pid, started in its own
 * process group, and stopped by that pid (SIGTERM, then SIGKILL to its group after a grace period).
 */
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { createServer, connect } from 'node:net';
import { withProgress } from './progress.mjs';

const running = new Map(); // pid -> { name, child, exited: Promise<{code, signal}> }

/** npm settings worth passing on to npm children (the rest of npm_config_* comes from `npm run`). */
const NPM_PASS = /^npm_config_(cache|registry|cafile|strict_ssl|userconfig|proxy|https_proxy|noproxy)$/i;

/**
 * Environment for child processes without the npm-run and n8n settings of the calling shell
 * (`npm run` exports the project's .npmrc, e.g. ignore-scripts=true; n8n reads N8N_*, DB_* …).
 * forNpm keeps proxy variables and a few npm settings (registry, cache) for npm children.
 */
export function cleanEnv(extra = {}, { forNpm = false } = {}) {
	const env = {};
	for (const [k, v] of Object.entries(process.env)) {
		if (forNpm && NPM_PASS.test(k)) {
			env[k] = v;
			continue;
		}
		if (/^(npm_|N8N_|DB_|WEBHOOK_URL$|GENERIC_TIMEZONE$|EXECUTIONS_|QUEUE_|NODE_OPTIONS$|NODE_PATH$)/i.test(k)) continue;
		if (!forNpm && /^(https?|no|all)_proxy$/i.test(k)) continue;
		env[k] = v;
	}
	return { ...env, ...extra };
}

/**
 * Runs a command to completion. Resolves { code, signal, stdout, stderr, ms }; never rejects on a
 * non-zero exit (the caller judges). `log` = a file that receives both streams.
 */
export function run(cmd, args, { cwd, env, log, timeoutMs = 15 * 60_000, input } = {}) {
	const what = `${cmd.split('/').pop()} ${args.map((a) => a.split('/').pop()).join(' ')}`.slice(0, 80);
	return withProgress(what, log, () => runQuietly(cmd, args, { cwd, env, log, timeoutMs, input }));
}

function runQuietly(cmd, args, { cwd, env, log, timeoutMs, input }) {
	const started = Date.now();
	return new Promise((resolve, reject) => {
		const child = spawn(cmd, args, { cwd, env: env ?? cleanEnv(), stdio: ['pipe', 'pipe', 'pipe'], detached: true });
		const entry = register(cmd, child);
		const out = [];
		const err = [];
		const file = log ? createWriteStream(log, { flags: 'a' }) : null;
		file?.write(`\n$ ${cmd} ${args.join(' ')}\n`);
		child.stdout.on('data', (d) => (out.push(d), file?.write(d)));
		child.stderr.on('data', (d) => (err.push(d), file?.write(d)));
		child.on('error', reject);
		if (input !== undefined) child.stdin.end(input);
		else child.stdin.end();
		const timer = setTimeout(() => stop(child.pid, { graceMs: 2000 }), timeoutMs);
		entry.exited.then(({ code, signal }) => {
			clearTimeout(timer);
			file?.end();
			resolve({
				code,
				signal,
				stdout: Buffer.concat(out).toString('utf8'),
				stderr: Buffer.concat(err).toString('utf8'),
				ms: Date.now() - started,
			});
		});
	});
}

/** Starts a long-running process with its output appended to `log`. Returns { pid, exited }. */
export function startDaemon(name, cmd, args, { cwd, env, log }) {
	const file = createWriteStream(log, { flags: 'a' });
	const child = spawn(cmd, args, { cwd, env: env ?? cleanEnv(), stdio: ['ignore', 'pipe', 'pipe'], detached: true });
	child.stdout.pipe(file);
	child.stderr.pipe(file);
	const entry = register(name, child);
	return { pid: child.pid, name, exited: entry.exited };
}

function register(name, child) {
	if (!child.pid) throw new Error(`could not start ${name}`);
	let done;
	const exited = new Promise((resolve) => (done = resolve));
	child.on('exit', (code, signal) => {
		running.delete(child.pid);
		done({ code, signal });
	});
	const entry = { name, child, exited };
	running.set(child.pid, entry);
	return entry;
}

function groupAlive(pid) {
	try {
		process.kill(-pid, 0);
		return true;
	} catch {
		return false;
	}
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** SIGTERM to the pid, wait up to graceMs, then SIGKILL to its process group. */
export async function stop(pid, { graceMs = 15_000 } = {}) {
	const entry = running.get(pid);
	try {
		process.kill(pid, 'SIGTERM');
	} catch {
		/* already gone */
	}
	const deadline = Date.now() + graceMs;
	if (entry) {
		let timer;
		await Promise.race([entry.exited, new Promise((r) => (timer = setTimeout(r, graceMs)))]);
		clearTimeout(timer);
	}
	// Children of the process (n8n's task runner) share its group: wait for them too.
	while (groupAlive(pid) && Date.now() < deadline) await sleep(100);
	if (groupAlive(pid)) {
		try {
			process.kill(-pid, 'SIGKILL');
		} catch {
			/* gone */
		}
		for (let i = 0; i < 50 && groupAlive(pid); i++) await sleep(100);
	}
	return !groupAlive(pid);
}

/** Stops everything still registered (the suite's finally-block and signal handlers). */
export async function stopAll() {
	const pids = [...running.keys()].reverse();
	for (const pid of pids) await stop(pid, { graceMs: 10_000 });
	return pids;
}

export function runningPids() {
	return [...running.entries()].map(([pid, e]) => ({ pid, name: e.name }));
}

/** True when the process group of this pid is gone. */
export function isGone(pid) {
	return !groupAlive(pid);
}

/** A free loopback TCP port (asked from the OS). */
export function freePort() {
	return new Promise((resolve, reject) => {
		const srv = createServer();
		srv.unref();
		srv.on('error', reject);
		srv.listen(0, '127.0.0.1', () => {
			const { port } = srv.address();
			srv.close(() => resolve(port));
		});
	});
}

/** Whether something accepts TCP connections on 127.0.0.1:port. */
export function isListening(port, host = '127.0.0.1') {
	return new Promise((resolve) => {
		const sock = connect({ port, host });
		sock.setTimeout(1000);
		sock.once('connect', () => (sock.destroy(), resolve(true)));
		sock.once('timeout', () => (sock.destroy(), resolve(false)));
		sock.once('error', () => resolve(false));
	});
}
