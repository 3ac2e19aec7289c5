/**
 * n8n in queue mode: Postgres + Redis (services.mjs), a main process (`n8n start`), a webhook
 * process (`n8n webhook`) and workers (`n8n worker --concurrency=5`), all on loopback ports, one
 * user folder (so the package installed there is installed for every process), binary data in
 * the database (the processes share no filesystem in a real deployment).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createN8n } from './n8n.mjs';
import { freePort, startDaemon, stop } from './procs.mjs';
import { waitFor } from './util.mjs';

/** The settings a queue-mode deployment needs (README, "Scaling out"), plus quick crash detection for the tests. */
export function queueEnv({ pg, redisPort }) {
	return {
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: '127.0.0.1',
		DB_POSTGRESDB_PORT: String(pg.port),
		DB_POSTGRESDB_USER: pg.user,
		DB_POSTGRESDB_PASSWORD: '',
		DB_POSTGRESDB_DATABASE: pg.database,
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: '127.0.0.1',
		QUEUE_BULL_REDIS_PORT: String(redisPort),
		N8N_DEFAULT_BINARY_DATA_MODE: 'database',
		OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
		// Each finished node is saved, so a worker that dies mid-execution leaves Create Task's output.
		EXECUTIONS_DATA_SAVE_ON_PROGRESS: 'true',
		// Test speed only: a dead worker's job stalls after 10 s, the main process marks its execution
		// crashed at the next recovery check (every minute instead of every 3 hours).
		QUEUE_WORKER_LOCK_DURATION: '10000',
		QUEUE_WORKER_LOCK_RENEW_TIME: '2000',
		QUEUE_WORKER_STALLED_INTERVAL: '5000',
		N8N_EXECUTION_QUEUE_RECOVERY_INTERVAL: '1',
	};
}

export function createCluster({ host, userFolder, logDir, pg, redisPort, mainPort, webhookPort }) {
	const publicUrl = `http://127.0.0.1:${webhookPort}/`;
	const n8n = createN8n({ host, userFolder, port: mainPort, publicUrl, editorUrl: `http://127.0.0.1:${mainPort}/`, logDir, extraEnv: queueEnv({ pg, redisPort }) });
	const roles = new Map(); // name -> { pid, log, exited, brokerPort }

	async function startRole(name, args, ready, extra = {}) {
		const log = join(logDir, `${name}.log`);
		const offset = existsSync(log) ? statSync(log).size : 0;
		const brokerPort = await freePort();
		const proc = startDaemon(`n8n ${name}`, host.nodeBin, [host.n8nBin, ...args], { cwd: userFolder, env: n8n.envFor(brokerPort, extra), log });
		let exited = null;
		proc.exited.then((r) => (exited = r));
		await waitFor(
			() => {
				if (exited) throw new Error(`n8n ${name} exited during start (${exited.code ?? exited.signal}):\n${readFileSync(log, 'utf8').slice(offset).split('\n').slice(-30).join('\n')}`);
				return ready.test(readFileSync(log, 'utf8').slice(offset));
			},
			{ timeoutMs: 180_000, intervalMs: 300, what: `n8n ${name} to be ready` },
		);
		const role = { name, pid: proc.pid, log, exited: proc.exited, brokerPort };
		roles.set(name, role);
		return role;
	}

	return {
		n8n,
		publicUrl,
		mainUrl: `http://127.0.0.1:${mainPort}/`,
		roles,
		startWebhook: () => startRole('webhook', ['webhook'], /Webhook listener waiting for requests/, { N8N_PORT: String(webhookPort) }),
		startWorker: (name) => startRole(name, ['worker', '--concurrency=5'], /n8n worker is now ready/),
		workers: () => [...roles.values()].filter((r) => r.name.startsWith('worker')),
		/** SIGKILL one process (the crash under test); returns when it is gone. */
		async kill(name) {
			const role = roles.get(name);
			process.kill(role.pid, 'SIGKILL');
			await role.exited;
			await stop(role.pid, { graceMs: 1000 }); // its task runner child, if one is left in the group
			roles.delete(name);
		},
		logOf: (name) => (existsSync(join(logDir, `${name}.log`)) ? readFileSync(join(logDir, `${name}.log`), 'utf8') : ''),
		async stopAll() {
			for (const role of [...roles.values()].reverse()) await stop(role.pid, { graceMs: 15_000 });
			roles.clear();
			await n8n.stop();
		},
		pids: () => [n8n.pid, ...[...roles.values()].map((r) => r.pid)].filter(Boolean),
	};
}
