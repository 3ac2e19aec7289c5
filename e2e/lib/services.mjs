/**
 * Postgres and Redis for the queue leg, from Debian's packages: installed with apt-get when
 * missing, started on free loopback ports with their data in the run folder, stopped by pid.
 * Postgres refuses to run as root, so as root it runs as the `postgres` user the package creates
 * (setpriv execs in place, so the pid we hold is the server's own).
 */
import { chownSync, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { cleanEnv, freePort, isListening, run, startDaemon, stop } from './procs.mjs';
import { waitFor } from './util.mjs';

function postgresBin() {
	const root = '/usr/lib/postgresql';
	if (!existsSync(root)) return null;
	const versions = readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'postgres'))).sort((a, b) => Number(b) - Number(a));
	return versions.length ? join(root, versions[0], 'bin') : null;
}

const redisBin = () => ['/usr/bin/redis-server', '/usr/local/bin/redis-server'].find((p) => existsSync(p)) ?? null;

/** apt-get install postgresql redis-server when either is missing. Returns what was done. */
export async function ensureServicePackages({ log }) {
	if (postgresBin() && redisBin()) return { installed: false, postgres: postgresBin(), redis: redisBin() };
	if (process.getuid?.() !== 0) throw new Error('Postgres or Redis is missing and this is not root: run `sudo apt-get install -y postgresql redis-server`');
	const env = cleanEnv({ DEBIAN_FRONTEND: 'noninteractive' }, { forNpm: true });
	let res = await run('apt-get', ['install', '-y', '--no-install-recommends', 'postgresql', 'redis-server'], { env, log, timeoutMs: 10 * 60_000 });
	if (res.code !== 0) {
		await run('apt-get', ['update'], { env, log, timeoutMs: 10 * 60_000 });
		res = await run('apt-get', ['install', '-y', '--no-install-recommends', 'postgresql', 'redis-server'], { env, log, timeoutMs: 10 * 60_000 });
	}
	if (res.code !== 0 || !postgresBin() || !redisBin()) throw new Error(`apt-get install postgresql redis-server failed (exit ${res.code}); see ${log}`);
	return { installed: true, postgres: postgresBin(), redis: redisBin() };
}

/** A Postgres cluster in dir on a free port; user n8n (trust, loopback only), database postgres. */
export async function startPostgres(dir, { log }) {
	const bin = postgresBin();
	const data = join(dir, 'data');
	mkdirSync(dir, { recursive: true });
	const asRoot = process.getuid?.() === 0;
	let uid;
	let gid;
	if (asRoot) {
		const st = await run('id', ['-u', 'postgres']);
		const gt = await run('id', ['-g', 'postgres']);
		uid = Number(st.stdout.trim());
		gid = Number(gt.stdout.trim());
		chownSync(dir, uid, gid);
	}
	const as = (cmd, args) => (asRoot ? ['setpriv', [`--reuid=${uid}`, `--regid=${gid}`, '--clear-groups', cmd, ...args]] : [cmd, args]);
	const env = cleanEnv({ LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' });
	const init = await run(...as(join(bin, 'initdb'), ['-D', data, '-U', 'n8n', '--auth=trust', '--no-sync', '-E', 'UTF8']), { cwd: dir, env, log });
	if (init.code !== 0) throw new Error(`initdb failed (exit ${init.code}); see ${log}`);
	const port = await freePort();
	const [cmd, args] = as(join(bin, 'postgres'), ['-D', data, '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=200']);
	const proc = startDaemon('postgres', cmd, args, { cwd: dir, env, log });
	let exited = null;
	proc.exited.then((r) => (exited = r));
	await waitFor(
		async () => {
			if (exited) throw new Error(`postgres exited (${exited.code ?? exited.signal}); see ${log}`);
			const ready = await run(join(bin, 'pg_isready'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'n8n'], { env });
			return ready.code === 0;
		},
		{ timeoutMs: 60_000, intervalMs: 300, what: 'postgres to accept connections' },
	);
	return { pid: proc.pid, port, user: 'n8n', database: 'postgres', stop: () => stop(proc.pid, { graceMs: 15_000 }) };
}

/** Redis on a free (or the given) port, appendonly in dir, so a restart keeps the queue. */
export async function startRedis(dir, { log, port }) {
	mkdirSync(dir, { recursive: true });
	const p = port ?? (await freePort());
	const args = ['--port', String(p), '--bind', '127.0.0.1', '--dir', dir, '--appendonly', 'yes', '--save', '', '--daemonize', 'no', '--protected-mode', 'yes'];
	const proc = startDaemon('redis-server', redisBin(), args, { cwd: dir, env: cleanEnv(), log });
	let exited = null;
	proc.exited.then((r) => (exited = r));
	await waitFor(
		async () => {
			if (exited) throw new Error(`redis-server exited (${exited.code ?? exited.signal}); see ${log}`);
			return isListening(p);
		},
		{ timeoutMs: 30_000, intervalMs: 200, what: 'redis to listen' },
	);
	return { pid: proc.pid, port: p, stop: () => stop(proc.pid, { graceMs: 10_000 }) };
}

export function dirSize(dir) {
	let total = 0;
	for (const f of readdirSync(dir, { withFileTypes: true })) {
		const p = join(dir, f.name);
		total += f.isDirectory() ? dirSize(p) : statSync(p).size;
	}
	return total;
}
