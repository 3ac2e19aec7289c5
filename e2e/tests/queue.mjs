/**
 * Scenarios of the queue leg (e2e/lib/queue-leg.mjs): a 600-item batch over 3 workers, Wait for
 * Task in callback mode across processes, the KIE Trigger with copies of a callback reaching two
 * processes, Redis restarted during a batch, and a worker SIGKILLed while its execution polls.
 */
import { assert, assertEqual } from '../lib/report.mjs';
import { nodeItems } from '../lib/results.mjs';
import { sleep, waitFor } from '../lib/util.mjs';
import { triggerUrl } from '../lib/workflows.mjs';
import { isCreate, postJson } from './helpers.mjs';

export const BATCH = { executions: 12, items: 50 };
const FINAL = ['success', 'error', 'crashed', 'canceled'];
const isRead = (e) => e.route === 'recordInfo' || e.route.endsWith('.record');

/** Activates a webhook-started workflow and waits until the webhook process knows it (GET → "POST request?" hint). */
async function activateWebhook(ctx, workflowId, url) {
	await ctx.n8n.rest.activate(workflowId);
	await waitFor(
		async () => {
			const res = await fetch(url);
			const text = await res.text();
			return res.status !== 404 || /POST/.test(text) ? true : null;
		},
		{ timeoutMs: 30_000, intervalMs: 300, what: `the webhook of ${workflowId} on the webhook process` },
	);
}

async function finalExecutions(ctx, workflowId, n, timeoutMs) {
	return waitFor(
		async () => {
			const list = await ctx.n8n.rest.executions(workflowId);
			const done = list.filter((e) => FINAL.includes(e.status));
			return done.length >= n ? done : null;
		},
		{ timeoutMs, intervalMs: 1000, what: `${n} finished executions of ${workflowId}` },
	);
}

/** Most events in any window of `ms` (times sorted or not). */
function densest(times, ms) {
	const t = [...times].sort((a, b) => a - b);
	let most = 0;
	for (let i = 0, j = 0; i < t.length; i++) {
		while (t[i] - t[j] >= ms) j++;
		most = Math.max(most, i - j + 1);
	}
	return most;
}

const promptOf = (e) => e.body?.input?.prompt ?? e.body?.prompt;

/** Which worker ran which execution ("Worker started execution N" in its log). */
function workerOf(ctx, executionId) {
	for (const w of ctx.cluster.workers()) if (new RegExp(`started execution ${executionId}\\b`).test(ctx.cluster.logOf(w.name))) return w.name;
	return null;
}

export const batch = {
	name: '600-item batch over 3 workers',
	async run(ctx, report) {
		const g = ctx.group;
		const wf = ctx.workflows.batch;
		const url = `${ctx.cluster.publicUrl}webhook/queue-batch`;
		await ctx.emulator.configure({ rateLimit: { max: ctx.rate.max, windowMs: ctx.rate.windowMs } });
		await activateWebhook(ctx, wf.id, url);
		const n = BATCH.executions * BATCH.items;
		await report.check(g, `${BATCH.executions} executions × ${BATCH.items} Create Task items at once, 3 workers: ${n} tasks, 0 failed items, 0 duplicate creates, 429s ≤ 10 % of creates (target 5 %)`, async () => {
			const started = Date.now();
			const answers = await Promise.all(
				Array.from({ length: BATCH.executions }, (_, e) =>
					postJson(url, { items: Array.from({ length: BATCH.items }, (_, i) => ({ prompt: `queue batch e${e} i${i}` })) }),
				),
			);
			for (const a of answers) assertEqual(a.status, 200, `webhook answer (${a.text.slice(0, 120)})`);
			const done = await finalExecutions(ctx, wf.id, BATCH.executions, 10 * 60_000);
			const wallMs = Math.max(...done.map((e) => Date.parse(e.stoppedAt))) - started;
			const statuses = done.map((e) => e.status);
			let failedItems = 0;
			let createdItems = 0;
			const byWorker = {};
			for (const summary of done) {
				const ex = await ctx.n8n.rest.execution(summary.id);
				const items = nodeItems(ex, 'Create tasks') ?? [];
				createdItems += items.filter((i) => typeof i.json.taskId === 'string').length;
				failedItems += BATCH.items - items.filter((i) => typeof i.json.taskId === 'string' && !i.json.error).length;
				const w = workerOf(ctx, summary.id) ?? 'unknown';
				byWorker[w] = (byWorker[w] ?? 0) + 1;
			}
			const log = await ctx.emulator.log();
			const creates = log.filter(isCreate);
			const accepted = creates.filter((e) => e.status === 200);
			const limited = creates.filter((e) => e.status === 429);
			const perPrompt = new Map();
			for (const e of accepted) perPrompt.set(promptOf(e), (perPrompt.get(promptOf(e)) ?? 0) + 1);
			const duplicates = [...perPrompt.values()].filter((c) => c > 1).length;
			const tasks = await ctx.emulator.tasks();
			const floorMs = (Math.ceil(n / ctx.rate.max) - 1) * ctx.rate.windowMs;
			const reads = log.filter(isRead);
			const readsByTask = new Map();
			for (const r of reads) {
				const id = r.query?.taskId ?? r.taskId ?? '';
				if (!readsByTask.has(id)) readsByTask.set(id, []);
				readsByTask.get(id).push(r.time);
			}
			const perTaskPeak = Math.max(0, ...[...readsByTask.values()].map((t) => densest(t, 1000)));
			const figures = {
				executions: BATCH.executions,
				statuses: Object.fromEntries([...new Set(statuses)].map((s) => [s, statuses.filter((x) => x === s).length])),
				byWorker,
				tasks: tasks.length,
				createdItems,
				failedItems,
				createRequests: creates.length,
				accepted: accepted.length,
				rateLimited: limited.length,
				rateLimitedShare: creates.length ? limited.length / creates.length : 0,
				duplicates,
				densestWindow: densest(accepted.map((e) => e.time), ctx.rate.windowMs),
				wallMs,
				floorMs,
				wallOverFloor: wallMs / floorMs,
				createSpanMs: accepted.length ? accepted.at(-1).time - accepted[0].time : 0,
				reads: reads.length,
				readsPeakPerSecond: densest(reads.map((r) => r.time), 1000),
				readsPeakPerTaskPerSecond: perTaskPeak,
			};
			ctx.figures = { ...(ctx.figures ?? {}), batch: figures };
			console.log(`  queue batch figures: ${JSON.stringify(figures)}`);
			assertEqual(statuses.filter((s) => s === 'success').length, BATCH.executions, `successful executions (${JSON.stringify(figures.statuses)})`);
			assertEqual(createdItems, n, 'Create Task items with a task id');
			assertEqual(failedItems, 0, 'failed items');
			assertEqual(tasks.length, n, 'tasks known to the emulator');
			assertEqual(accepted.length, n, 'creates accepted by the emulator');
			assertEqual(duplicates, 0, 'prompts created more than once');
			assertEqual(creates.length - accepted.length - limited.length, 0, 'creates answered with something other than 200 or 429');
			// The target is 5 % (README, "Scaling out"); how many answers are in flight when the window
			// fills depends on the machine's speed: loaded 2-core runs measured 7.7–8.5 % (bench P1-queue
			// and this leg), so 10 % is the tightest ceiling that keeps a margin (the naive per-process
			// limiter gets about half of all creates answered 429); the target is reported.
			assert(figures.rateLimitedShare <= 0.1, `${limited.length} of ${creates.length} creates answered 429 (${(100 * figures.rateLimitedShare).toFixed(1)} %), more than 10 %`);
			const target = figures.rateLimitedShare <= 0.05 ? '≤ 5 % target met' : '5 % target NOT met';
			return `${target}; ${n} tasks by ${JSON.stringify(byWorker)}; ${limited.length} × 429 of ${creates.length} creates (${(100 * figures.rateLimitedShare).toFixed(1)} %); wall ${(wallMs / 1000).toFixed(1)} s = ${figures.wallOverFloor.toFixed(2)}× the ${floorMs / 1000} s floor (bench figure, not asserted); reads peak ${figures.readsPeakPerSecond}/s overall, ${perTaskPeak}/s per task`;
		});
		await ctx.n8n.rest.deactivate(wf.id).catch(() => undefined);
		await ctx.emulator.configure({ rateLimit: { max: ctx.rate.max, windowMs: ctx.rate.windowMs } });
	},
};

export const callback = {
	name: 'callback mode across processes',
	async run(ctx, report) {
		const g = ctx.group;
		const wf = ctx.workflows.callback;
		const url = `${ctx.cluster.publicUrl}webhook/${ctx.callbackPath}`;
		await ctx.emulator.configure({ defaultDurationMs: 5000 });
		await activateWebhook(ctx, wf.id, url);
		await report.check(g, 'Wait for Task (callback): waits in Postgres, the callback reaches the webhook process, a worker resumes it, the video is stored in the database', async () => {
			const res = await postJson(url, { from: 'queue e2e' });
			assertEqual(res.status, 200, `webhook answer (${res.text.slice(0, 200)})`);
			const create = await waitFor(async () => (await ctx.emulator.log()).filter(isCreate)[0], { timeoutMs: 60_000, what: 'the create request' });
			const callBackUrl = create.body.callBackUrl;
			const u = new URL(callBackUrl);
			assertEqual(`${u.origin}/`, ctx.cluster.publicUrl, 'the resume URL points at the webhook process');
			const id = /\/webhook-waiting\/(\d+)$/.exec(u.pathname)?.[1];
			assert(id, `callBackUrl ${callBackUrl} is not a resume URL`);
			await waitFor(async () => ((await ctx.n8n.rest.execution(id)).status === 'waiting' ? true : null), { timeoutMs: 60_000, what: `execution ${id} to wait` });
			const firstWorker = workerOf(ctx, id);
			const done = await waitFor(
				async () => {
					const ex = await ctx.n8n.rest.execution(id);
					return FINAL.includes(ex.status) ? ex : null;
				},
				{ timeoutMs: 90_000, what: `execution ${id} to finish` },
			);
			assertEqual(done.status, 'success', `execution status (${done.data?.resultData?.error?.message ?? ''})`);
			const delivered = (await ctx.emulator.callbacks()).filter((c) => c.url === callBackUrl);
			assert(delivered.some((c) => c.status === 200), `no callback accepted by the webhook process: ${JSON.stringify(delivered.map((c) => c.status))}`);
			const out = nodeItems(done, 'Wait for video') ?? [];
			const entry = out[0]?.binary?.data;
			assert(entry, 'Wait for video output carries no binary data');
			assert(String(entry.mimeType).startsWith('video/'), `binary mime type ${entry.mimeType}`);
			assert(typeof entry.id === 'string' && entry.id.startsWith('database:'), `binary id ${entry.id}: not in database mode`);
			// Read the bytes back through the main process: written by a worker, stored in Postgres.
			const bin = await fetch(`${ctx.n8n.base}/rest/binary-data?id=${encodeURIComponent(entry.id)}&action=download`, { headers: { cookie: ctx.n8n.rest.cookie ?? '' } }).catch(() => null);
			let bytesNote = 'not read back';
			if (bin && bin.status === 200) {
				const bytes = Buffer.from(await bin.arrayBuffer());
				assert(bytes.length > 100 && bytes.toString('ascii', 4, 8) === 'ftyp', `bytes read from the main process are not an MP4 (${bytes.length} B)`);
				bytesNote = `${bytes.length} B MP4 read back through the main process`;
			}
			const resumedBy = (() => {
				for (const w of ctx.cluster.workers()) {
					const matches = ctx.cluster.logOf(w.name).match(new RegExp(`started execution ${id}\\b`, 'g'));
					if (matches && (w.name !== firstWorker || matches.length > 1)) return w.name;
				}
				return 'a worker';
			})();
			return `execution ${id}: paused on ${firstWorker ?? '?'}, callback → webhook process :${u.port}, resumed on ${resumedBy}; ${entry.mimeType} ${entry.id.split(':')[0]} mode; ${bytesNote}`;
		});
		await ctx.n8n.rest.deactivate(wf.id).catch(() => undefined);
	},
};

export const trigger = {
	name: 'KIE Trigger, copies to two processes',
	async run(ctx, report) {
		const g = ctx.group;
		const wf = ctx.workflows.trigger;
		const onWebhook = triggerUrl(ctx.cluster.publicUrl, wf);
		const onMain = triggerUrl(ctx.cluster.mainUrl, wf);
		await ctx.n8n.rest.activate(wf.id);
		await waitFor(async () => ((await postJson(onWebhook, {})).status === 400 ? true : null), { timeoutMs: 30_000, intervalMs: 300, what: 'the KIE Trigger on the webhook process' });
		await waitFor(async () => ((await postJson(onMain, {})).status === 400 ? true : null), { timeoutMs: 30_000, intervalMs: 300, what: 'the KIE Trigger on the main process' });
		const runs = async () => (await ctx.n8n.rest.executions(wf.id)).filter((e) => e.mode === 'webhook');
		await report.check(g, 'KIE Trigger: a signed callback on the webhook process starts one execution; a repeat to the same process starts none; a copy to the main process is counted', async () => {
			const created = await postJson(`${ctx.emulator.url}/api/v1/jobs/createTask`, { model: 'google/nano-banana', input: { prompt: 'queue trigger' }, callBackUrl: onWebhook }, { authorization: `Bearer ${ctx.credentialData.apiKey}` });
			const taskId = created.json?.data?.taskId;
			assert(taskId, `emulator create: ${created.text.slice(0, 200)}`);
			const cb = await waitFor(async () => (await ctx.emulator.callbacks()).find((c) => c.taskId === taskId && c.status), { timeoutMs: 60_000, what: 'the emulator callback' });
			assertEqual(cb.status, 200, 'webhook process answer to the signed callback');
			await waitFor(async () => ((await runs()).filter((e) => FINAL.includes(e.status)).length >= 1 ? true : null), { timeoutMs: 60_000, what: 'the trigger execution' });
			const headers = { 'X-Webhook-Timestamp': cb.headers['X-Webhook-Timestamp'], 'X-Webhook-Signature': cb.headers['X-Webhook-Signature'] };
			const again = await postJson(onWebhook, cb.body, headers);
			await sleep(3000);
			const afterRepeat = (await runs()).length;
			assertEqual(afterRepeat, 1, `trigger executions after the same callback came twice to the webhook process (answer ${again.status})`);
			const copy = await postJson(onMain, cb.body, headers);
			await sleep(3000);
			const afterCopy = (await runs()).length;
			assert(afterCopy <= 2, `${afterCopy} executions for one task`);
			ctx.figures = { ...(ctx.figures ?? {}), trigger: { sameProcessRepeat: afterRepeat, afterCopyToMain: afterCopy, copyAnswer: copy.status } };
			return `repeat to the webhook process: HTTP ${again.status}, still 1 execution; copy to the main process: HTTP ${copy.status}, ${afterCopy} execution(s) in all${afterCopy === 1 ? ' (duplicate memory shared across processes)' : ' (duplicate memory is per process)'}`;
		});
		await ctx.n8n.rest.deactivate(wf.id).catch(() => undefined);
	},
};

export const redisRestart = {
	name: 'Redis restarted during a batch',
	async run(ctx, report) {
		const g = ctx.group;
		const wf = ctx.workflows.redis;
		const url = `${ctx.cluster.publicUrl}webhook/queue-redis`;
		await activateWebhook(ctx, wf.id, url);
		await report.check(g, 'Redis restarted during a batch of 3 × 40: every execution ends (success or a clear error), no task created twice', async () => {
			const answers = await Promise.all(
				Array.from({ length: 3 }, (_, e) => postJson(url, { items: Array.from({ length: 40 }, (_, i) => ({ prompt: `queue redis e${e} i${i}` })) })),
			);
			for (const a of answers) assertEqual(a.status, 200, 'webhook answer');
			await waitFor(async () => ((await ctx.emulator.log()).filter((e) => isCreate(e) && e.status === 200).length >= 20 ? true : null), { timeoutMs: 60_000, what: 'the batch to be under way' });
			const before = (await ctx.emulator.log()).filter((e) => isCreate(e) && e.status === 200).length;
			await ctx.restartRedis();
			const done = await finalExecutions(ctx, wf.id, 3, 5 * 60_000);
			const log = await ctx.emulator.log();
			const accepted = log.filter((e) => isCreate(e) && e.status === 200);
			const perPrompt = new Map();
			for (const e of accepted) perPrompt.set(promptOf(e), (perPrompt.get(promptOf(e)) ?? 0) + 1);
			const duplicates = [...perPrompt.values()].filter((c) => c > 1).length;
			assertEqual(duplicates, 0, 'prompts created more than once');
			const detail = [];
			for (const summary of done) {
				const ex = await ctx.n8n.rest.execution(summary.id);
				const error = ex.data?.resultData?.error;
				if (ex.status !== 'success') assert(error?.message || ex.status === 'crashed', `execution ${ex.id} ended ${ex.status} without an error message`);
				detail.push(`${ex.id}: ${ex.status}${error ? ` (${String(error.message).slice(0, 80)})` : ''}`);
			}
			return `${before} creates before the restart, ${accepted.length} in all, 0 duplicates; ${detail.join('; ')}`;
		});
		await ctx.n8n.rest.deactivate(wf.id).catch(() => undefined);
	},
};

export const workerKill = {
	name: 'worker SIGKILLed while polling',
	async run(ctx, report) {
		const g = ctx.group;
		const wf = ctx.workflows.kill;
		const url = `${ctx.cluster.publicUrl}webhook/queue-kill`;
		const TASK_MS = 25_000;
		await ctx.emulator.configure({ defaultDurationMs: TASK_MS });
		await activateWebhook(ctx, wf.id, url);
		await activateWebhook(ctx, ctx.workflows.resume.id, `${ctx.cluster.publicUrl}webhook/queue-resume`);
		await report.check(g, 'a worker SIGKILLed while its execution polls 5 tasks: marked crashed or failed, its task ids in its log, no create repeated, Wait for Task resumes them (ids in the saved data reported)', async () => {
			const res = await postJson(url, { items: Array.from({ length: 5 }, (_, i) => ({ prompt: `queue kill i${i}` })) });
			assertEqual(res.status, 200, 'webhook answer');
			// The worker's log names every task it paid for, with the execution (Create Task logs it).
			const found = await waitFor(
				async () => {
					// The emulator was reset before this scenario: its tasks are this execution's.
					const emulated = new Set((await ctx.emulator.tasks()).map((t) => t.taskId));
					if (emulated.size < 5) return null;
					for (const w of ctx.cluster.workers()) {
						const ids = [...new Set([...ctx.cluster.logOf(w.name).matchAll(/KIE task created: ([0-9a-f]{32})/g)].map((m) => m[1]))].filter((id) => emulated.has(id));
						if (ids.length >= 5) return { worker: w.name, ids };
					}
					return null;
				},
				{ timeoutMs: 60_000, intervalMs: 500, what: 'the worker log lines of the 5 created tasks' },
			);
			const ids = found.ids;
			assertEqual(ids.length, 5, `task ids in ${found.worker}'s log that the emulator knows`);
			const summary = (await ctx.n8n.rest.executions(wf.id))[0];
			await sleep(2000); // polling is under way
			await ctx.cluster.kill(found.worker);
			const crashed = await waitFor(
				async () => {
					const ex = await ctx.n8n.rest.execution(summary.id);
					return FINAL.includes(ex.status) ? ex : null;
				},
				{ timeoutMs: 150_000, intervalMs: 2000, what: `execution ${summary.id} to be marked crashed` },
			);
			assert(['crashed', 'error'].includes(crashed.status), `execution ${crashed.id} ended ${crashed.status}`);
			const saved = (nodeItems(crashed, 'Create tasks') ?? []).map((i) => i.json.taskId);
			const creates = (await ctx.emulator.log()).filter((e) => isCreate(e) && e.status === 200);
			assertEqual(creates.length, 5, 'creates accepted after the kill (none repeated)');
			const resumed = await postJson(`${ctx.cluster.publicUrl}webhook/queue-resume`, { items: ids.map((taskId) => ({ taskId, api: 'market' })) });
			assertEqual(resumed.status, 200, `resume answer (${resumed.text.slice(0, 200)})`);
			const out = Array.isArray(resumed.json) ? resumed.json : [resumed.json];
			assertEqual(out.filter((o) => o?.status === 'success').length, 5, `tasks resumed with Wait for Task (${resumed.text.slice(0, 200)})`);
			assertEqual((await ctx.emulator.log()).filter((e) => isCreate(e) && e.status === 200).length, 5, 'creates after resuming');
			return `killed ${found.worker}; execution ${crashed.id} ${crashed.status}; ${ids.length} ids in its log, ${saved.filter(Boolean).length} in the saved execution data; 5 creates in all; 5 resumed by Wait for Task`;
		});
		await ctx.n8n.rest.deactivate(wf.id).catch(() => undefined);
		await ctx.n8n.rest.deactivate(ctx.workflows.resume.id).catch(() => undefined);
		await ctx.emulator.configure({ defaultDurationMs: ctx.taskMs });
	},
};

const ALL = [batch, callback, trigger, redisRestart, workerKill];
/** KIE_E2E_QUEUE_SCENARIOS=worker,redis picks scenarios by a word of their name (debugging). */
const picked = process.env.KIE_E2E_QUEUE_SCENARIOS?.split(',').map((w) => w.trim().toLowerCase()).filter(Boolean);
export const QUEUE_SCENARIOS = picked?.length ? ALL.filter((s) => picked.some((w) => s.name.toLowerCase().includes(w))) : ALL;
