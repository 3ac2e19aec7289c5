/**
 * One n8n version end to end: emulator + n8n on loopback ports, the package installed like a
 * community package, credential and workflows imported, the server started with an owner and an
 * API key, then every test in e2e/tests/, then everything stopped and the ports checked.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startEmulatorProcess } from './emulator.mjs';
import { startFakeOpenAI } from './fake-openai.mjs';
import { createN8n } from './n8n.mjs';
import { installIntoUserFolder } from './pack.mjs';
import { freePort, isGone, isListening } from './procs.mjs';
import { customApiCallWorkflow, examples, fixtures, KIE_TRIGGER_TYPE, KIE_TYPE, webhookVariant, writeCredentialFile, writeImportDir } from './workflows.mjs';
import { waitFor } from './util.mjs';

export const EMULATOR_API_KEY = 'kie-e2e-api-key';
export const EMULATOR_HMAC_KEY = 'kie-e2e-webhook-hmac-key';
export const EMULATOR_RATE = '20/10000';
/** Default task duration in the emulator: short, but long enough for a poll to see "running" first. */
export const TASK_MS = 1500;

/**
 * host: { version, n8nBin, nodeBin }, tarball: { tarball, name }, tests: [{ name, run(ctx) }].
 * Returns nothing; results go to the report.
 */
export async function runLeg({ host, tarball, workDir, report, tests }) {
	const group = `n8n ${host.version}`;
	const dir = join(workDir, `n8n-${host.version}`);
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(dir, { recursive: true });
	const logDir = join(dir, 'logs');
	const pids = [];
	const ports = [];
	let emulator;
	let n8n;
	let fakeOpenAI;
	try {
		const emuPort = await freePort();
		const n8nPort = await freePort();
		ports.push(emuPort, n8nPort);
		emulator = await report.step(group, `start KIE emulator on :${emuPort}`, () =>
			startEmulatorProcess({ port: emuPort, apiKey: EMULATOR_API_KEY, hmacKey: EMULATOR_HMAC_KEY, rate: EMULATOR_RATE, durationMs: TASK_MS, log: join(dir, 'emulator.log') }),
		);
		pids.push(emulator.pid);
		n8n = createN8n({ host, userFolder: join(dir, 'home'), port: n8nPort, logDir });

		await report.step(group, 'install the packed package into .n8n/nodes (installer style)', () =>
			installIntoUserFolder(n8n.userFolder, tarball.tarball, { name: tarball.name, log: join(logDir, 'install.log') }),
		);
		const credentialData = { apiKey: EMULATOR_API_KEY, baseUrl: emulator.url, uploadBaseUrl: emulator.uploadUrl, webhookHmacKey: EMULATOR_HMAC_KEY };
		await report.step(group, 'import:credentials (emulator credential; runs the DB migrations)', () =>
			n8n.cliOk(['import:credentials', `--input=${writeCredentialFile(join(dir, 'credentials.json'), credentialData)}`]),
		);
		// The AI Agent example's chat model: a fake OpenAI-compatible server of ours on loopback.
		fakeOpenAI = await report.step(group, 'start the fake OpenAI-compatible server', () => startFakeOpenAI());
		ports.push(fakeOpenAI.port);
		const openAiFile = join(dir, 'credentials-openai.json');
		writeFileSync(openAiFile, JSON.stringify([{ id: 'kieExOpenAiCred01', name: 'OpenAI', type: 'openAiApi', data: { apiKey: 'sk-fake-e2e-placeholder', url: fakeOpenAI.url } }]));
		await report.step(group, 'import:credentials (OpenAI credential → fake server)', () => n8n.cliOk(['import:credentials', `--input=${openAiFile}`]));
		const exampleList = examples();
		const variants = exampleList.filter((w) => w.id === 'kieExWaitCallback01').map((w) => webhookVariant(w));
		const all = [...exampleList, ...fixtures(), ...variants.map((v) => v.workflow), customApiCallWorkflow(emulator.url)];
		await report.step(group, `import:workflow (${all.length} workflows)`, () =>
			n8n.cliOk(['import:workflow', '--separate', `--input=${writeImportDir(join(dir, 'workflows'), all)}`]),
		);
		const nodeTypes = await report.step(group, 'export:nodes', async () => {
			await n8n.cliOk(['export:nodes', `--output=${join(dir, 'nodes.json')}`]);
			return JSON.parse(readFileSync(join(dir, 'nodes.json'), 'utf8')).map((n) => n.name);
		});
		await report.step(group, 'n8n start (until the editor is accessible)', () => n8n.start(), join(logDir, 'n8n-server.log'));
		pids.push(n8n.pid);
		ports.push(n8n.brokerPort);
		await report.step(group, 'owner setup + API key', async () => {
			await n8n.rest.ownerSession();
			await n8n.rest.createApiKey();
		});

		const ctx = {
			group,
			host,
			n8n,
			emulator,
			dir,
			nodeTypes,
			credentialData,
			examples: Object.fromEntries(exampleList.map((w) => [w.id, w])),
			fixtures: Object.fromEntries(fixtures().map((w) => [w.id, w])),
			variants: Object.fromEntries(variants.map((v) => [v.workflow.id, v])),
			types: { kie: KIE_TYPE, trigger: KIE_TRIGGER_TYPE },
			/** n8n ≥ 2.14 signs resume URLs. */
			signedResume: !host.version.startsWith('2.8.'),
			taskMs: TASK_MS,
			fakeOpenAI,
			/** Example ids that ran green in this leg (tests add to it). */
			green: new Set(),
		};
		for (const test of tests) {
			try {
				await emulator.reset();
				await emulator.clearFaults();
				await test.run(ctx, report);
			} catch (error) {
				report.fail(group, `${test.name} (aborted)`, error.message);
			}
		}
		await report.check(group, 'every workflow in examples/ ran green', () => {
			const missing = exampleList.map((w) => w.id).filter((id) => !ctx.green.has(id));
			if (missing.length) throw new Error(`not green: ${missing.join(', ')}`);
			return `${exampleList.length} examples`;
		});
	} catch (error) {
		// A failed setup step is already in the report.
		if (!report.steps.some((s) => !s.ok)) report.fail(group, 'setup', error.message);
		if (n8n) console.log(`--- n8n log tail (${group}) ---\n${n8n.serverLog().split('\n').slice(-40).join('\n')}`);
	} finally {
		await report.step(group, 'stop n8n and the emulator', async () => {
			if (n8n) await n8n.stop();
			if (emulator) await emulator.stop();
			if (fakeOpenAI) await fakeOpenAI.close();
		}).catch(() => undefined);
		await report.check(group, 'every process stopped, nothing left listening', async () => {
			const alive = pids.filter((pid) => !isGone(pid));
			if (alive.length) throw new Error(`still running: ${alive.join(', ')}`);
			await waitFor(async () => {
				const open = [];
				for (const p of ports) if (await isListening(p)) open.push(p);
				if (open.length) throw new Error(`ports still listening: ${open.join(', ')}`);
				return true;
			}, { timeoutMs: 5000, what: 'ports to close' });
			return `pids ${pids.join(', ')} gone; ports ${ports.join(', ')} closed`;
		});
	}
}
