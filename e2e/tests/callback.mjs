/**
 * Wait for Task in callback mode (the wait-callback example, started by a webhook because a
 * waiting execution needs the server): the execution waits, the emulator's callback resumes it.
 * n8n ≥ 2.14: the callback URL is the signed resume URL, and a resume without ?signature= is refused.
 * Both versions: a callback without the KIE HMAC signature does not resume it.
 */
import { assert, assertEqual } from '../lib/report.mjs';
import { nodeItems } from '../lib/results.mjs';
import { sleep, waitFor } from '../lib/util.mjs';
import { activate, assertMedia, filesOf, isCreate, postJson } from './helpers.mjs';

const VARIANT = 'kieExWaitCallback01WH';
/** Long enough to poke at the waiting execution before the emulator calls back. */
const SLOW_TASK_MS = 6000;

export default {
	name: 'callback mode',
	async run(ctx, report) {
		const g = ctx.group;
		const { workflow, path } = ctx.variants[VARIANT];
		const hook = `${ctx.n8n.webhookBase}webhook/${path}`;
		let execution;
		let callBackUrl;

		await ctx.emulator.configure({ defaultDurationMs: SLOW_TASK_MS });
		try {
			const waiting = await report.check(g, 'example wait-callback: the execution waits, the callback URL is its resume URL', async () => {
				const res = await activate(ctx, workflow.id, () => postJson(hook, { from: 'e2e' }));
				assertEqual(res.status, 200, `webhook answer (${res.text.slice(0, 200)})`);
				// The execution id is in the resume URL the node sent as callBackUrl; the public API's
				// list leaves out executions n8n still holds in memory, so read that execution directly.
				const create = await waitFor(async () => (await ctx.emulator.log()).filter(isCreate)[0], { timeoutMs: 30_000, what: 'the create request' });
				assertEqual(create.route, 'veo.create', 'create route');
				callBackUrl = create.body.callBackUrl;
				const u = new URL(callBackUrl);
				const id = /\/webhook-waiting\/(\d+)$/.exec(u.pathname)?.[1];
				assert(id, `callBackUrl ${callBackUrl} is not a resume URL`);
				assertEqual(`${u.origin}${u.pathname}`, `${ctx.n8n.webhookBase}webhook-waiting/${id}`, 'callBackUrl without its query');
				if (ctx.signedResume) assert(/^[0-9a-f]{64}$/.test(u.searchParams.get('signature') ?? ''), `callBackUrl ${callBackUrl} carries no ?signature=`);
				else assertEqual(u.search, '', 'query of the resume URL on this version');
				execution = await waitFor(
					async () => {
						const ex = await ctx.n8n.rest.execution(id);
						if (!['new', 'running', 'waiting'].includes(ex.status)) throw new Error(`execution ${id} ended (${ex.status}) before KIE called back`);
						return ex.status === 'waiting' ? ex : null;
					},
					{ timeoutMs: 30_000, what: `execution ${id} to wait` },
				);
				assertEqual(execution.workflowId, workflow.id, 'workflow of the execution named by the resume URL');
				assertEqual((await ctx.emulator.log()).filter(isCreate).length, 1, 'creates');
				return `execution ${execution.id} waiting; callBackUrl ${u.pathname}${u.search ? '?signature=…' : ''}`;
			});
			if (!waiting) return;

			if (ctx.signedResume) {
				await report.check(g, 'a resume without ?signature= is refused (n8n ≥ 2.14)', async () => {
					const u = new URL(callBackUrl);
					const res = await postJson(`${u.origin}${u.pathname}`, { data: { taskId: 'forged' } });
					assertEqual(res.status, 401, `answer to an unsigned resume (${res.text.slice(0, 200)})`);
					assertEqual((await ctx.n8n.rest.execution(execution.id)).status, 'waiting', 'execution status after the refused resume');
					return `HTTP ${res.status} ${res.text.slice(0, 60)}`;
				});
			}

			await report.check(g, 'a callback without the KIE HMAC signature does not resume the execution', async () => {
				const task = (await ctx.emulator.tasks())[0];
				const res = await postJson(callBackUrl, { code: 200, msg: 'success', data: { taskId: task.taskId, info: { resultUrls: ['http://127.0.0.1:9/forged.mp4'] }, successFlag: 1 } });
				assert(res.status >= 400, `an unsigned callback was accepted with HTTP ${res.status}: ${res.text.slice(0, 200)}`);
				await sleep(500);
				assertEqual((await ctx.n8n.rest.execution(execution.id)).status, 'waiting', 'execution status after the unsigned callback');
				return `HTTP ${res.status}`;
			});

			await report.check(g, 'the emulator callback resumes the execution; the video arrives as binary', async () => {
				const done = await waitFor(
					async () => {
						const ex = await ctx.n8n.rest.execution(execution.id);
						return ['success', 'error', 'crashed', 'canceled'].includes(ex.status) ? ex : null;
					},
					{ timeoutMs: SLOW_TASK_MS + 30_000, what: `execution ${execution.id} to finish` },
				);
				assertEqual(done.status, 'success', `execution status (${JSON.stringify(done.data?.resultData?.error?.message ?? '')})`);
				const callbacks = await ctx.emulator.callbacks();
				const accepted = callbacks.filter((c) => c.url === callBackUrl && c.status === 200);
				assertEqual(accepted.length, 1, 'callbacks accepted by n8n');
				assert(accepted[0].headers['X-Webhook-Signature'], 'the emulator callback carried no HMAC signature');
				const out = nodeItems(done, 'Wait for video');
				assert(out?.length >= 1, 'Wait for video produced no items');
				const detail = assertMedia(filesOf(ctx, done, 'Wait for video'), 'video', { count: 1 });
				// The poll-mode safety net passes the item that already carries the video straight through.
				const reads = (await ctx.emulator.log()).filter((e) => /record/i.test(e.route)).length;
				assertEqual(nodeItems(done, 'Catch a lost callback')?.length, 1, 'items out of "Catch a lost callback"');
				assertMedia(filesOf(ctx, done, 'Catch a lost callback'), 'video', { count: 1 });
				assertEqual((await ctx.emulator.log()).filter((e) => /record/i.test(e.route)).length, reads, 'status reads after the resume');
				ctx.green.add('kieExWaitCallback01');
				return detail;
			});
		} finally {
			await ctx.emulator.configure({ defaultDurationMs: ctx.taskMs });
			await ctx.n8n.rest.deactivate(workflow.id).catch(() => undefined);
		}
	},
};
