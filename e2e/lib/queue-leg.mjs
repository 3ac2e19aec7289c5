/**
 * The queue leg: Postgres + Redis from Debian, n8n 2.41 main + webhook process + 3 workers in
 * queue mode, the package installed like a community package, the KIE emulator; then the
 * scenarios in e2e/tests/queue.mjs, then everything stopped by pid and the ports checked.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { startEmulatorProcess } from './emulator.mjs';
import { EMULATOR_API_KEY, EMULATOR_HMAC_KEY, TASK_MS } from './leg.mjs';
import { installIntoUserFolder } from './pack.mjs';
import { freePort, isGone, isListening } from './procs.mjs';
import { createCluster } from './queue.mjs';
import { batchWorkflow, waitWorkflow } from './queue-workflows.mjs';
import { ensureServicePackages, startPostgres, startRedis } from './services.mjs';
import { waitFor } from './util.mjs';
import { examples, webhookVariant, writeCredentialFile, writeImportDir } from './workflows.mjs';

export const QUEUE_WORKERS = 3;
/** The emulator's create window in this leg: KIE's 20 per 10 s scaled to 20 per 2 s. */
export const QUEUE_RATE = { max: 20, windowMs: 2000 };

export async function runQueueLeg({ host, tarball, workDir, report, scenarios }) {
	const group = `queue n8n ${host.version}`;
	const dir = join(workDir, `queue-${host.version}`);
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(dir, { recursive: true });
	const logDir = join(dir, 'logs');
	mkdirSync(logDir, { recursive: true });
	const pids = [];
	const ports = [];
	let emulator;
	let pg;
	let redis;
	let cluster;
	try {
		await report.step(group, 'Postgres + Redis packages (apt-get install when missing)', () => ensureServicePackages({ log: join(logDir, 'apt.log') }));
		pg = await report.step(group, 'start Postgres (initdb in the run folder)', () => startPostgres(join(dir, 'pg'), { log: join(logDir, 'postgres.log') }));
		pids.push(pg.pid);
		ports.push(pg.port);
		const redisDir = join(dir, 'redis');
		redis = await report.step(group, 'start Redis', () => startRedis(redisDir, { log: join(logDir, 'redis.log') }));
		pids.push(redis.pid);
		ports.push(redis.port);
		const emuPort = await freePort();
		ports.push(emuPort);
		emulator = await report.step(group, `start KIE emulator on :${emuPort} (creates: ${QUEUE_RATE.max} per ${QUEUE_RATE.windowMs / 1000} s)`, () =>
			startEmulatorProcess({ port: emuPort, apiKey: EMULATOR_API_KEY, hmacKey: EMULATOR_HMAC_KEY, rate: `${QUEUE_RATE.max}/${QUEUE_RATE.windowMs}`, durationMs: TASK_MS, log: join(logDir, 'emulator.log') }),
		);
		pids.push(emulator.pid);
		const mainPort = await freePort();
		const webhookPort = await freePort();
		ports.push(mainPort, webhookPort);
		cluster = createCluster({ host, userFolder: join(dir, 'home'), logDir, pg, redisPort: redis.port, mainPort, webhookPort });
		const { n8n } = cluster;
		await report.step(group, 'install the packed package into .n8n/nodes (installer style; one user folder for every process)', () =>
			installIntoUserFolder(n8n.userFolder, tarball.tarball, { name: tarball.name, log: join(logDir, 'install.log') }),
		);
		const credentialData = { apiKey: EMULATOR_API_KEY, baseUrl: emulator.url, uploadBaseUrl: emulator.uploadUrl, webhookHmacKey: EMULATOR_HMAC_KEY };
		await report.step(group, 'import:credentials (Postgres migrations)', () =>
			n8n.cliOk(['import:credentials', `--input=${writeCredentialFile(join(dir, 'credentials.json'), credentialData)}`]),
		);
		const limit = { limitMax: QUEUE_RATE.max, limitWindowSeconds: QUEUE_RATE.windowMs / 1000 };
		const exampleList = examples();
		const callbackVariant = webhookVariant(exampleList.find((w) => w.id === 'kieExWaitCallback01'));
		const workflows = {
			batch: batchWorkflow({ id: 'kieQueueBatch0001', path: 'queue-batch', ...limit }),
			kill: batchWorkflow({ id: 'kieQueueKill00001', path: 'queue-kill', ...limit }),
			redis: batchWorkflow({ id: 'kieQueueRedis0001', path: 'queue-redis', ...limit }),
			resume: waitWorkflow({ id: 'kieQueueResume001', path: 'queue-resume' }),
			callback: callbackVariant.workflow,
			trigger: exampleList.find((w) => w.id === 'kieExBatchTrigger01'),
		};
		await report.step(group, `import:workflow (${Object.keys(workflows).length} workflows)`, () =>
			n8n.cliOk(['import:workflow', '--separate', `--input=${writeImportDir(join(dir, 'workflows'), Object.values(workflows))}`]),
		);
		await report.step(group, 'n8n start (main, queue mode)', () => n8n.start());
		pids.push(n8n.pid);
		// The webhook process and the workers start side by side (each takes tens of seconds on 2 cores).
		await report.step(group, `n8n webhook + ${QUEUE_WORKERS} × n8n worker --concurrency=5`, async () => {
			const started = await Promise.all([cluster.startWebhook(), ...Array.from({ length: QUEUE_WORKERS }, (_, i) => cluster.startWorker(`worker${i + 1}`))]);
			for (const role of started) pids.push(role.pid);
		});
		for (const role of cluster.roles.values()) ports.push(role.brokerPort);
		ports.push(n8n.brokerPort);
		await report.step(group, 'owner setup + API key', async () => {
			await n8n.rest.ownerSession();
			await n8n.rest.createApiKey();
		});
		const ctx = {
			group,
			host,
			n8n,
			cluster,
			emulator,
			redis,
			restartRedis: async () => {
				await redis.stop();
				redis = await startRedis(redisDir, { log: join(logDir, 'redis.log'), port: redis.port });
				pids.push(redis.pid);
				return redis;
			},
			credentialData,
			workflows,
			callbackPath: callbackVariant.path,
			rate: QUEUE_RATE,
			taskMs: TASK_MS,
		};
		for (const scenario of scenarios) {
			try {
				await emulator.reset();
				await emulator.clearFaults();
				await emulator.configure({ defaultDurationMs: TASK_MS });
				await scenario.run(ctx, report);
			} catch (error) {
				report.fail(group, `${scenario.name} (aborted)`, error.message);
			}
		}
	} catch (error) {
		if (!report.steps.some((s) => !s.ok)) report.fail(group, 'setup', error.message);
		if (cluster) console.log(`--- n8n main log tail (${group}) ---\n${cluster.n8n.serverLog().split('\n').slice(-40).join('\n')}`);
	} finally {
		await report.step(group, 'stop n8n (workers, webhook, main), the emulator, Redis, Postgres', async () => {
			if (cluster) await cluster.stopAll();
			if (emulator) await emulator.stop();
			if (redis) await redis.stop();
			if (pg) await pg.stop();
		}).catch(() => undefined);
		await report.check(group, 'every process stopped, nothing left listening', async () => {
			const alive = pids.filter((pid) => !isGone(pid));
			if (alive.length) throw new Error(`still running: ${alive.join(', ')}`);
			await waitFor(async () => {
				const open = [];
				for (const p of ports) if (p && (await isListening(p))) open.push(p);
				if (open.length) throw new Error(`ports still listening: ${open.join(', ')}`);
				return true;
			}, { timeoutMs: 10_000, what: 'ports to close' });
			return `${pids.length} pids gone; ${ports.length} ports closed`;
		});
	}
}
