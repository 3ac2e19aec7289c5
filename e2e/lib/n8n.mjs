/**
 * One n8n host: environment (offline, loopback), CLI commands (import, export:nodes, execute),
 * the server (start, readiness, stop), and the owner/API-key/public-API plumbing.
 */
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { cleanEnv, freePort, run, startDaemon, stop } from './procs.mjs';
import { waitFor } from './util.mjs';

export const OWNER = { email: 'owner@kie-sandbox.local', firstName: 'KIE', lastName: 'Sandbox', password: 'KieSandbox1!' };
const ENCRYPTION_KEY = 'kie-e2e-encryption-key-0123456789abcdef';

/**
 * host: { version, n8nBin, nodeBin }. userFolder: N8N_USER_FOLDER. port: the server's port.
 * publicUrl: base for webhook and resume URLs (default http://127.0.0.1:port/).
 */
/** Folder (inside the n8n user folder) that Read/Write Files from Disk may write to. */
export const RESULTS_FOLDER = 'kie-results';

export function createN8n({ host, userFolder, port, publicUrl, editorUrl, logDir, listenAddress = '127.0.0.1', extraEnv = {} }) {
	const base = `http://127.0.0.1:${port}`;
	const webhookBase = publicUrl ?? `${base}/`;
	const modern = !host.version.startsWith('2.8.');
	mkdirSync(userFolder, { recursive: true });
	mkdirSync(logDir, { recursive: true });
	// n8n 2.x lets Read/Write Files from Disk touch only N8N_RESTRICT_FILE_ACCESS_TO (default
	// ~/.n8n-files, which a fresh machine lacks): allow the user folder's kie-results/, where the
	// save-to-disk example writes (relative paths resolve against n8n's working folder, userFolder).
	const resultsDir = join(userFolder, RESULTS_FOLDER);
	mkdirSync(resultsDir, { recursive: true });

	function env(brokerPort, extra = {}) {
		const e = {
			PATH: `${dirname(host.nodeBin)}:${process.env.PATH}`,
			N8N_USER_FOLDER: userFolder,
			N8N_ENCRYPTION_KEY: ENCRYPTION_KEY,
			N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
			N8N_HOST: '127.0.0.1',
			N8N_LISTEN_ADDRESS: listenAddress,
			N8N_PORT: String(port),
			N8N_PROTOCOL: 'http',
			WEBHOOK_URL: webhookBase,
			N8N_EDITOR_BASE_URL: editorUrl ?? webhookBase,
			N8N_SECURE_COOKIE: 'false',
			DB_TYPE: 'sqlite',
			N8N_RUNNERS_BROKER_PORT: String(brokerPort),
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_WHATS_NEW_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_HIRING_BANNER_ENABLED: 'false',
			N8N_DYNAMIC_BANNERS_ENABLED: 'false',
			N8N_LICENSE_AUTO_RENEW_ENABLED: 'false',
			N8N_AI_ENABLED: 'false',
			N8N_REINSTALL_MISSING_PACKAGES: 'false',
			EXTERNAL_FRONTEND_HOOKS_URLS: '',
			GENERIC_TIMEZONE: 'UTC',
			N8N_LOG_LEVEL: 'info',
			N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '10',
			SCARF_ANALYTICS: 'false',
			N8N_RESTRICT_FILE_ACCESS_TO: resultsDir,
			DO_NOT_TRACK: '1',
			...extraEnv,
			...extra,
		};
		if (modern) {
			e.N8N_WEBHOOK_URL = webhookBase;
			// Only in 2.41-era n8n (2.8.4 rejects the unknown module name): no calls to api.n8n.io.
			e.N8N_DISABLED_MODULES = 'mcp-registry';
		}
		return cleanEnv(e);
	}

	/** Runs `n8n <args>` to completion. */
	async function cli(args, { log = 'cli.log', timeoutMs = 5 * 60_000 } = {}) {
		return run(host.nodeBin, [host.n8nBin, ...args], { cwd: userFolder, env: env(await freePort()), log: join(logDir, log), timeoutMs });
	}

	async function cliOk(args, opts) {
		const res = await cli(args, opts);
		if (res.code !== 0) throw new Error(`n8n ${args.join(' ')} exited ${res.code ?? res.signal}:\n${tail(res.stdout + res.stderr)}`);
		return res;
	}

	/** `n8n execute --id=… --rawOutput`: { ok, status, data, code, signal, ms, output }. */
	async function execute(workflowId, { timeoutMs = 5 * 60_000 } = {}) {
		const res = await cli(['execute', `--id=${workflowId}`, '--rawOutput'], { log: `execute-${workflowId}.log`, timeoutMs });
		const data = parseRawOutput(res.stdout);
		const error = data?.data?.resultData?.error ?? data?.resultData?.error;
		return {
			ok: res.code === 0 && !!data && !error,
			code: res.code,
			signal: res.signal,
			ms: res.ms,
			data,
			error,
			failed: /Execution was NOT successful/.test(res.stdout + res.stderr),
			output: res.stdout + res.stderr,
		};
	}

	let server = null;
	let brokerPort = 0;
	async function start({ timeoutMs = 180_000 } = {}) {
		const log = join(logDir, 'n8n-server.log');
		brokerPort = await freePort();
		const offset = existsSync(log) ? statSync(log).size : 0; // the log is appended to across starts
		const newLog = () => readFileSync(log, 'utf8').slice(offset);
		server = startDaemon(`n8n ${host.version}`, host.nodeBin, [host.n8nBin, 'start'], { cwd: userFolder, env: env(brokerPort), log });
		let exited = null;
		server.exited.then((r) => (exited = r));
		await waitFor(
			async () => {
				if (exited) throw new Error(`n8n exited during start (${exited.code ?? exited.signal}):\n${tail(newLog())}`);
				const res = await fetch(`${base}/healthz/readiness`).catch(() => null);
				return res?.status === 200;
			},
			{ timeoutMs, intervalMs: 250, what: `n8n ${host.version} readiness` },
		);
		// Readiness comes before the webhooks are registered (2.8.4): wait for the editor line.
		await waitFor(() => /Editor is now accessible/.test(newLog()), { timeoutMs: 60_000, what: 'n8n "Editor is now accessible"' });
		return server;
	}

	async function stopServer() {
		if (!server) return true;
		const ok = await stop(server.pid, { graceMs: 20_000 });
		server = null;
		return ok;
	}

	const rest = restClient(base);
	return {
		host,
		base,
		webhookBase,
		userFolder,
		resultsDir,
		logDir,
		cli,
		cliOk,
		execute,
		/** The environment of this host's processes (other roles, e.g. queue-mode workers, start from it). */
		envFor: (brokerPort, extra) => env(brokerPort, extra),
		start,
		stop: stopServer,
		get pid() {
			return server?.pid;
		},
		/** The task broker's port of the running server. */
		get brokerPort() {
			return brokerPort;
		},
		serverLog: () => (existsSync(join(logDir, 'n8n-server.log')) ? readFileSync(join(logDir, 'n8n-server.log'), 'utf8') : ''),
		rest,
	};
}

/**
 * Extracts the JSON printed by `n8n execute --rawOutput` from the log lines around it: from the first
 * line that is exactly "{" to the last line that is exactly "}".
 */
export function parseRawOutput(stdout) {
	const lines = stdout.split('\n');
	const first = lines.findIndex((l) => l.trimEnd() === '{');
	let last = -1;
	for (let i = lines.length - 1; i > first; i--) {
		if (lines[i].trimEnd() === '}') {
			last = i;
			break;
		}
	}
	if (first < 0 || last < 0) return null;
	try {
		return JSON.parse(lines.slice(first, last + 1).join('\n'));
	} catch {
		return null;
	}
}

function tail(text, n = 40) {
	return text.split('\n').slice(-n).join('\n');
}

/** The owner session (internal /rest API) and the public API (/api/v1, X-N8N-API-KEY). */
function restClient(base) {
	let cookie = '';
	let apiKey = '';
	const browserId = 'kie-e2e-browser';

	async function call(method, path, { body, auth = 'session', headers = {} } = {}) {
		const h = { accept: 'application/json', 'browser-id': browserId, ...headers };
		if (body !== undefined) h['content-type'] = 'application/json';
		if (auth === 'session' && cookie) h.cookie = cookie;
		if (auth === 'apiKey') h['x-n8n-api-key'] = apiKey;
		const res = await fetch(`${base}${path}`, { method, headers: h, body: body === undefined ? undefined : JSON.stringify(body) });
		const setCookie = res.headers.getSetCookie?.() ?? [];
		const auth1 = setCookie.find((c) => c.startsWith('n8n-auth='));
		if (auth1) cookie = auth1.split(';')[0];
		const text = await res.text();
		let json = null;
		try {
			json = text ? JSON.parse(text) : null;
		} catch {
			/* not JSON */
		}
		return { status: res.status, json, text };
	}

	async function ok(method, path, opts) {
		const res = await call(method, path, opts);
		if (res.status < 200 || res.status >= 300) throw new Error(`${method} ${path}: HTTP ${res.status} ${res.text.slice(0, 500)}`);
		return res.json;
	}

	return {
		call,
		ok,
		/** Owner setup on a fresh database, else log in. */
		async ownerSession(owner = OWNER) {
			const setup = await call('POST', '/rest/owner/setup', { body: owner });
			if (setup.status === 200) return 'created';
			const login = await call('POST', '/rest/login', { body: { emailOrLdapLoginId: owner.email, email: owner.email, password: owner.password } });
			if (login.status !== 200) throw new Error(`owner setup (${setup.status} ${setup.text.slice(0, 200)}) and login (${login.status} ${login.text.slice(0, 200)}) failed`);
			return 'logged-in';
		},
		async createApiKey(label = `kie-e2e-${Date.now()}`) {
			const scopes = await call('GET', '/rest/api-keys/scopes');
			const body = { label, expiresAt: null };
			if (scopes.status === 200 && Array.isArray(scopes.json?.data)) body.scopes = scopes.json.data;
			const created = await ok('POST', '/rest/api-keys', { body });
			apiKey = created.data.rawApiKey ?? created.data.apiKey;
			if (!apiKey) throw new Error(`no API key in ${JSON.stringify(created).slice(0, 300)}`);
			return apiKey;
		},
		get apiKey() {
			return apiKey;
		},
		/** The owner's session cookie (for /rest calls made with fetch). */
		get cookie() {
			return cookie;
		},
		activate: (id) => ok('POST', `/api/v1/workflows/${id}/activate`, { auth: 'apiKey' }),
		deactivate: (id) => ok('POST', `/api/v1/workflows/${id}/deactivate`, { auth: 'apiKey' }),
		workflow: (id) => ok('GET', `/api/v1/workflows/${id}`, { auth: 'apiKey' }),
		/** All executions of a workflow (newest first), following the cursor. */
		async executions(workflowId, { includeData = false, status } = {}) {
			const out = [];
			let cursor = '';
			for (;;) {
				const qs = new URLSearchParams({ workflowId, limit: '250', includeData: String(includeData) });
				if (status) qs.set('status', status);
				if (cursor) qs.set('cursor', cursor);
				const page = await ok('GET', `/api/v1/executions?${qs}`, { auth: 'apiKey' });
				out.push(...page.data);
				if (!page.nextCursor) return out;
				cursor = page.nextCursor;
			}
		},
		execution: (id) => ok('GET', `/api/v1/executions/${id}?includeData=true`, { auth: 'apiKey' }),
	};
}
