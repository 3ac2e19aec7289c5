#!/usr/bin/env node
/**
 * End-to-end tests against a real n8n: `npm run test:e2e` (see README, "End-to-end tests").
 *
 *   node e2e/run.mjs [--hosts 2.8.4,2.41] [--keep]
 *
 * Environment: KIE_E2E_HOSTS (same as --hosts), KIE_E2E_CACHE (install cache, default
 * ${XDG_CACHE_HOME:-~/.cache}/n8n-nodes-kie-ai/e2e), KIE_E2E_WORK (scratch folder, default a temp
 * folder, removed after a passing run unless --keep / KIE_E2E_KEEP=1).
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ensureN8n, HOSTS, nodeFor } from './lib/install.mjs';
import { runLeg } from './lib/leg.mjs';
import { runQueueLeg } from './lib/queue-leg.mjs';
import { buildPackage, packPackage } from './lib/pack.mjs';
import { cacheRoot, workRoot } from './lib/paths.mjs';
import { stopAll } from './lib/procs.mjs';
import { Report } from './lib/report.mjs';
import { TESTS } from './tests/index.mjs';
import { QUEUE_SCENARIOS } from './tests/queue.mjs';

/** The queue-mode leg (n8n 2.41 main + webhook + 3 workers, Postgres, Redis): `--hosts queue`, `--queue` or KIE_E2E_HOSTS=queue. */
const QUEUE = 'queue';
// KIE_E2E_QUEUE_HOST=2.8.4 runs it on the other pinned n8n (a smoke run; the leg is meant for 2.41).
const QUEUE_HOST = process.env.KIE_E2E_QUEUE_HOST ?? '2.41';

function options(argv) {
	const opts = { hosts: (process.env.KIE_E2E_HOSTS ?? Object.keys(HOSTS).join(',')).split(','), keep: process.env.KIE_E2E_KEEP === '1' };
	for (let i = 0; i < argv.length; i++) {
		if (argv[i] === '--hosts') opts.hosts = argv[++i].split(',');
		else if (argv[i].startsWith('--hosts=')) opts.hosts = argv[i].slice(8).split(',');
		else if (argv[i] === '--keep') opts.keep = true;
		else if (argv[i] === '--queue') opts.hosts = [...new Set([...opts.hosts.filter((h) => h !== QUEUE), QUEUE])];
		else throw new Error(`unknown option ${argv[i]}`);
	}
	for (const h of opts.hosts) if (!HOSTS[h] && h !== QUEUE) throw new Error(`unknown n8n host "${h}" (known: ${[...Object.keys(HOSTS), QUEUE].join(', ')})`);
	return opts;
}

async function main() {
	const started = Date.now();
	const opts = options(process.argv.slice(2));
	const report = new Report();
	const work = workRoot();
	rmSync(work, { recursive: true, force: true });
	const log = join(work, 'install.log');
	mkdirSync(work, { recursive: true });
	console.log(`e2e: n8n ${opts.hosts.join(' + ')}; Node ${process.version}; cache ${cacheRoot()}; work ${work}`);

	let interrupted = false;
	const onSignal = async (signal) => {
		if (interrupted) return;
		interrupted = true;
		console.log(`\n${signal}: stopping every process this run started …`);
		await stopAll();
		process.exit(130);
	};
	process.on('SIGINT', onSignal);
	process.on('SIGTERM', onSignal);

	try {
		const hosts = [];
		const queue = opts.hosts.includes(QUEUE);
		const installs = [...new Set(opts.hosts.map((h) => (h === QUEUE ? QUEUE_HOST : h)))];
		for (const h of installs) {
			const node = await report.step('install', `Node for n8n ${h}`, () => nodeFor(h, { log }));
			for (const s of node.steps) report.record('install', `  ${s.step}`, s.ms);
			const n8n = await report.step('install', `n8n ${h} (${HOSTS[h].lockDir})`, () => ensureN8n(h, { nodeBin: node.nodeBin, log }));
			for (const s of n8n.steps) report.record('install', `  ${s.step}`, s.ms);
			console.log(`  n8n ${n8n.version} on Node ${node.version}: ${n8n.reused ? 'reused from cache' : 'installed'} (${n8n.dir})`);
			hosts.push({ key: h, version: n8n.version, n8nBin: n8n.n8nBin, nodeBin: node.nodeBin });
		}
		await report.step('package', 'npm run build', () => buildPackage({ log: join(work, 'build.log') }));
		const tarball = await report.step('package', 'npm pack', () => packPackage(join(work, 'pack'), { log: join(work, 'build.log') }));
		for (const host of hosts) {
			if (!opts.hosts.includes(host.key)) continue;
			const legStarted = Date.now();
			await runLeg({ host, tarball, workDir: work, report, tests: TESTS });
			report.record(`n8n ${host.version}`, 'whole leg', Date.now() - legStarted);
		}
		if (queue) {
			const host = hosts.find((h) => h.key === QUEUE_HOST);
			const legStarted = Date.now();
			await runQueueLeg({ host, tarball, workDir: work, report, scenarios: QUEUE_SCENARIOS });
			const ms = Date.now() - legStarted;
			report.record(`queue n8n ${host.version}`, 'whole queue leg', ms);
			console.log(`queue leg: ${(ms / 1000).toFixed(1)} s`);
		}
	} catch (error) {
		if (!report.steps.some((s) => !s.ok)) report.fail('run', 'unexpected error', error.stack ?? error.message);
	} finally {
		const leftovers = await stopAll();
		if (leftovers.length) report.fail('run', 'processes left running at the end', leftovers.join(', '));
	}
	report.print(Date.now() - started);
	if (report.failed === 0 && !opts.keep) rmSync(work, { recursive: true, force: true });
	else console.log(`Logs and user folders kept in ${work}`);
	process.exitCode = report.failed === 0 ? 0 : 1;
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
