#!/usr/bin/env node
/**
 * `npm run test:ui`: the KIE nodes as a user meets them, in a real browser. Starts the KIE
 * emulator and n8n (the e2e install cache) with this package installed as users install it, then
 * drives Debian's Chromium with playwright-core (never a downloaded browser) through the editor:
 * log in, find "Wait for task" in the node panel and add it, check the canvas subtitle, open Create
 * Task, pick a model from the list, read its form, fill it, run the workflow and see the image in
 * the binary view. Every step leaves a screenshot in the run folder (printed at the start).
 *
 *   npm run test:ui                  # n8n 2.41 (KIE_UI_HOSTS=2.8.4,2.41 for both)
 *   KIE_E2E_WORK=dir npm run test:ui # keep the run folder there (CI artifacts)
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startEmulatorProcess } from '../lib/emulator.mjs';
import { ensureN8n, HOSTS, nodeFor } from '../lib/install.mjs';
import { createN8n, OWNER } from '../lib/n8n.mjs';
import { buildPackage, installIntoUserFolder, packPackage } from '../lib/pack.mjs';
import { workRoot } from '../lib/paths.mjs';
import { freePort, stopAll } from '../lib/procs.mjs';
import { seconds } from '../lib/util.mjs';
import { examples, writeCredentialFile, writeImportDir } from '../lib/workflows.mjs';
import { uiWorkflow, UI_WORKFLOW_ID } from './workflow.mjs';
import { runBrowserSteps } from './steps.mjs';

const API_KEY = 'kie-ui-api-key';
const BATCH_WORKFLOW_ID = 'kieExBatchStart01';
const CHROMIUM = process.env.KIE_UI_CHROMIUM ?? '/usr/bin/chromium';
const hosts = (process.env.KIE_UI_HOSTS ?? '2.41').split(',').map((h) => h.trim()).filter(Boolean);
for (const h of hosts) if (!HOSTS[h]) fail(`unknown host ${h} (known: ${Object.keys(HOSTS).join(', ')})`);

function fail(message) {
	console.error(`test:ui: ${message}`);
	process.exit(1);
}

/** Debian's Chromium, installed with apt-get when missing (needs root, as in CI). */
function ensureChromium() {
	if (existsSync(CHROMIUM)) return CHROMIUM;
	console.log('• chromium missing: apt-get install -y chromium');
	execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
	if (!existsSync(CHROMIUM)) fail(`apt-get did not provide ${CHROMIUM}`);
	return CHROMIUM;
}

async function leg(host, runDir, tarball, chromium) {
	const dir = join(runDir, `n8n-${host}`);
	const shots = join(dir, 'screenshots');
	mkdirSync(shots, { recursive: true });
	const log = join(dir, 'setup.log');
	const { nodeBin } = await nodeFor(host, { log });
	const install = await ensureN8n(host, { nodeBin, log });
	const emulator = await startEmulatorProcess({ port: await freePort(), apiKey: API_KEY, durationMs: 1500, log: join(dir, 'emulator.log') });
	const port = await freePort();
	const n8n = createN8n({
		host: { version: install.version, n8nBin: install.n8nBin, nodeBin },
		userFolder: join(dir, 'home'),
		port,
		logDir: join(dir, 'logs'),
		extraEnv: { N8N_DEFAULT_BINARY_DATA_MODE: 'database' },
	});
	await installIntoUserFolder(n8n.userFolder, tarball.tarball, { name: tarball.name, log });
	const credFile = writeCredentialFile(join(dir, 'credentials.json'), { apiKey: API_KEY, baseUrl: emulator.url, uploadBaseUrl: emulator.uploadUrl });
	await n8n.cliOk(['import:credentials', `--input=${credFile}`]);
	rmSync(credFile, { force: true });
	// The scheduled-batch example too: its main button must start the batch.
	const batch = examples().find((w) => w.id === BATCH_WORKFLOW_ID);
	await n8n.cliOk(['import:workflow', '--separate', `--input=${writeImportDir(join(dir, 'workflows'), [uiWorkflow(), batch])}`]);
	await n8n.start();
	await n8n.rest.ownerSession(OWNER);
	const results = await runBrowserSteps({ chromium, base: n8n.base, shots, owner: OWNER, workflowId: UI_WORKFLOW_ID, batchWorkflowId: BATCH_WORKFLOW_ID, emulator, host });
	await n8n.stop();
	await emulator.stop();
	return results;
}

async function main() {
	const started = Date.now();
	const runDir = join(workRoot(), `ui-${new Date().toISOString().replace(/[:.]/g, '-')}`);
	mkdirSync(runDir, { recursive: true });
	console.log(`test:ui run folder (screenshots, logs): ${runDir}`);
	const chromium = ensureChromium();
	await buildPackage({ log: join(runDir, 'build.log') });
	const tarball = await packPackage(join(runDir, 'pack'), { log: join(runDir, 'build.log') });
	const all = [];
	for (const host of hosts) {
		console.log(`\n== n8n ${host}`);
		const steps = await leg(host, runDir, tarball, chromium);
		for (const s of steps) console.log(`  ${s.ok ? 'ok  ' : 'FAIL'} ${s.name}${s.detail ? ` — ${s.detail}` : ''}${s.shot ? `  [${s.shot}]` : ''}`);
		all.push(...steps.map((s) => ({ host, ...s })));
	}
	writeFileSync(join(runDir, 'ui-report.json'), JSON.stringify(all, null, 2));
	const failed = all.filter((s) => !s.ok);
	console.log(`\ntest:ui: ${all.length - failed.length}/${all.length} steps ok in ${seconds(Date.now() - started)}; screenshots in ${runDir}`);
	await stopAll();
	process.exit(failed.length === 0 ? 0 : 1);
}

process.on('SIGINT', async () => {
	await stopAll();
	process.exit(130);
});
main().catch(async (error) => {
	console.error(`\ntest:ui failed: ${error.stack ?? error.message}`);
	await stopAll();
	process.exit(1);
});
