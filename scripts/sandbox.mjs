#!/usr/bin/env node
/**
 * The offline sandbox behind `npm start`: builds this package, installs n8n 2.8.4 (cached, runs on
 * the machine's Node 20+), starts the KIE emulator and n8n at http://localhost:5678 with the package
 * loaded, an owner account, a "KIE (sandbox)" credential and the examples imported. Ctrl-C stops
 * everything it started.
 *
 *   npm start                 # emulator-backed sandbox
 *   KIE_API_KEY=… npm start   # a real KIE credential instead of the emulator
 *   npm start -- --fresh      # start from an empty n8n user folder
 *   npm start -- --verify     # start, run the text-to-image example once with `n8n execute`, stop
 *
 * Environment: KIE_SANDBOX_PORT (5678), KIE_SANDBOX_EMULATOR_PORT (8787), KIE_SANDBOX_DIR (n8n user
 * folder, default next to the e2e install cache), KIE_API_KEY, KIE_WEBHOOK_HMAC_KEY, WEBHOOK_URL
 * (public address for real KIE callbacks), KIE_E2E_CACHE (install cache).
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { startEmulatorProcess } from '../e2e/lib/emulator.mjs';
import { ensureN8n } from '../e2e/lib/install.mjs';
import { createN8n, OWNER } from '../e2e/lib/n8n.mjs';
import { buildPackage, installIntoUserFolder, packPackage } from '../e2e/lib/pack.mjs';
import { cacheRoot } from '../e2e/lib/paths.mjs';
import { withProgress } from '../e2e/lib/progress.mjs';
import { isListening, stopAll } from '../e2e/lib/procs.mjs';
import { nodeItems } from '../e2e/lib/results.mjs';
import { seconds } from '../e2e/lib/util.mjs';
import { CREDENTIAL, examples, writeCredentialFile, writeImportDir } from '../e2e/lib/workflows.mjs';

const SANDBOX_API_KEY = 'sandbox-api-key';
const SANDBOX_HMAC_KEY = 'sandbox-webhook-hmac-key';
const HOST = '2.8.4';
/** Workflow activated in emulator mode so its KIE Trigger listens (with a real key it would spend credits daily). */
const ACTIVATE_WITH_EMULATOR = ['kieExBatchTrigger01'];

const args = new Set(process.argv.slice(2));
for (const a of args) if (!['--fresh', '--verify'].includes(a)) fail(`unknown option ${a} (use --fresh, --verify)`);

function fail(message) {
	console.error(`sandbox: ${message}`);
	process.exit(1);
}

function nodeOk() {
	const [major, minor] = process.versions.node.split('.').map(Number);
	return major > 20 || (major === 20 && minor >= 19);
}

async function main() {
	if (!nodeOk()) fail(`n8n ${HOST} needs Node >= 20.19; this is ${process.version}`);
	const started = Date.now();
	const port = Number(process.env.KIE_SANDBOX_PORT ?? 5678);
	const emuPort = Number(process.env.KIE_SANDBOX_EMULATOR_PORT ?? 8787);
	const realKey = process.env.KIE_API_KEY?.trim();
	const dir = process.env.KIE_SANDBOX_DIR ?? join(dirname(cacheRoot()), 'sandbox');
	const log = join(dir, 'logs', 'setup.log');
	if (args.has('--fresh')) rmSync(dir, { recursive: true, force: true });
	mkdirSync(join(dir, 'logs'), { recursive: true });

	for (const p of realKey ? [port] : [port, emuPort]) {
		if (await isListening(p)) fail(`port ${p} is in use (another sandbox?). Stop it or set KIE_SANDBOX_PORT / KIE_SANDBOX_EMULATOR_PORT.`);
	}

	// Progress lines (at least every 15 s) name what is running and the log to look at.
	const step = async (what, fn, stepLog = log) => {
		const t = Date.now();
		console.log(`• ${what} …`);
		const value = await withProgress(what, stepLog, fn);
		console.log(`• ${what}: ${seconds(Date.now() - t)}`);
		return value;
	};

	// The same install (same lockfile, same cache folder) as the e2e suite's 2.8.4 leg: one serves both.
	const n8nInstall = await step(`n8n ${HOST} (shared with the e2e 2.8.4 leg in ${cacheRoot()}; the first install can take 10+ min on a small machine)`, () =>
		ensureN8n(HOST, { nodeBin: process.execPath, log }),
	);
	await step('build n8n-nodes-kie-ai', () => buildPackage({ log }));
	const tarball = await step('pack', () => packPackage(join(dir, 'pack'), { log }));

	let emulator;
	let credential;
	if (realKey) {
		credential = {
			apiKey: realKey,
			baseUrl: 'https://api.kie.ai',
			uploadBaseUrl: 'https://kieai.redpandaai.co',
			webhookHmacKey: process.env.KIE_WEBHOOK_HMAC_KEY ?? '',
			name: 'KIE (real account)',
		};
	} else {
		emulator = await step(`KIE emulator on http://127.0.0.1:${emuPort}`, () =>
			startEmulatorProcess({ port: emuPort, apiKey: SANDBOX_API_KEY, hmacKey: SANDBOX_HMAC_KEY, durationMs: 4000, log: join(dir, 'logs', 'emulator.log') }),
		);
		credential = { apiKey: SANDBOX_API_KEY, baseUrl: emulator.url, uploadBaseUrl: emulator.uploadUrl, webhookHmacKey: SANDBOX_HMAC_KEY, name: CREDENTIAL.name };
	}

	const n8n = createN8n({
		host: { version: n8nInstall.version, n8nBin: n8nInstall.n8nBin, nodeBin: process.execPath },
		userFolder: join(dir, 'home'),
		port,
		publicUrl: process.env.WEBHOOK_URL ?? `http://127.0.0.1:${port}/`,
		editorUrl: `http://localhost:${port}/`,
		logDir: join(dir, 'logs'),
		// n8n 2.8.4 in filesystem mode deletes concurrent webhook executions' temporary files (KIE
		// Trigger downloads); the database mode keeps them.
		extraEnv: { N8N_DEFAULT_BINARY_DATA_MODE: 'database' },
	});
	await step('install the package into n8n (like Settings → Community Nodes)', () => installIntoUserFolder(n8n.userFolder, tarball.tarball, { name: tarball.name, log }));
	await step(`credential "${credential.name}"`, async () => {
		const file = writeCredentialFile(join(dir, 'credentials.json'), credential);
		try {
			await n8n.cliOk(['import:credentials', `--input=${file}`]);
		} finally {
			rmSync(file, { force: true }); // n8n stores it encrypted; do not leave a real key lying around
		}
	});
	// Examples are imported once per user folder, so edits made in the sandbox survive a restart.
	const list = examples();
	const marker = join(dir, 'imported-examples.json');
	const imported = new Set(existsSync(marker) ? JSON.parse(readFileSync(marker, 'utf8')) : []);
	const fresh = list.filter((w) => !imported.has(w.id));
	if (fresh.length > 0) {
		rmSync(join(dir, 'workflows'), { recursive: true, force: true });
		await step(`import ${fresh.length} example workflow(s)`, () => n8n.cliOk(['import:workflow', '--separate', `--input=${writeImportDir(join(dir, 'workflows'), fresh)}`]));
		if (!realKey) {
			// So the KIE Trigger listens for the emulator's callbacks (a real account would spend credits every morning).
			for (const w of fresh.filter((x) => ACTIVATE_WITH_EMULATOR.includes(x.id))) {
				await step(`activate "${w.name}"`, () => n8n.cliOk(['publish:workflow', `--id=${w.id}`]));
			}
		}
		writeFileSync(marker, JSON.stringify([...imported, ...fresh.map((w) => w.id)]));
	}
	await step('start n8n', () => n8n.start(), join(n8n.logDir, 'n8n-server.log'));
	const owner = await step('owner account', () => n8n.rest.ownerSession(OWNER));
	console.log(`
KIE sandbox ready in ${seconds(Date.now() - started)}:

  n8n        http://localhost:${port}
  login      ${OWNER.email} / ${OWNER.password}${owner === 'created' ? '' : ' (existing owner)'}
  credential "${credential.name}" → ${realKey ? 'the real KIE API (your KIE_API_KEY)' : `the KIE emulator at ${emulator.url}`}
  workflows  ${list.map((w) => w.name.replace(/^KIE example: /, '')).join('\n             ')}
  files      ${dir}
${realKey && !process.env.WEBHOOK_URL ? '\n  note: KIE cannot reach this n8n, so callbacks (KIE Trigger, callback mode) need WEBHOOK_URL set to a public address.\n' : ''}
Open a workflow and click "Execute workflow". Ctrl-C stops n8n${emulator ? ' and the emulator' : ''}.`);

	if (args.has('--verify')) {
		// The binary data lives in n8n's database (see extraEnv): check what the node recorded.
		const res = await n8n.execute('kieExTextToImage01');
		const files = (res.data ? nodeItems(res.data, 'Wait for image') ?? [] : []).map((i) => i.binary?.data).filter(Boolean);
		const ok = res.ok && files.length === 1 && files[0].mimeType === 'image/png' && Number(files[0].bytes) > 0;
		console.log(`\nverify: text-to-image example ${ok ? 'succeeded' : 'FAILED'}${files[0] ? ` (${files[0].mimeType}, ${files[0].bytes} bytes, ${files[0].id})` : ''}${res.error ? `: ${res.error.message}` : ''}`);
		await stopAll();
		process.exit(ok ? 0 : 1);
	}
}

let stopping = false;
async function shutdown(signal) {
	if (stopping) return;
	stopping = true;
	console.log(`\n${signal}: stopping …`);
	const pids = await stopAll();
	console.log(`stopped ${pids.length} process(es): ${pids.join(', ') || 'none'}`);
	process.exit(0);
}
process.on('SIGINT', () => shutdown('Ctrl-C'));
process.on('SIGTERM', () => shutdown('SIGTERM'));

main().catch(async (error) => {
	console.error(`\nsandbox failed: ${error.message}`);
	await stopAll();
	process.exit(1);
});
