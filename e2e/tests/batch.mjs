/**
 * 50 items through Create Task with the emulator's rate limit on (20 creates per 10 s): 50 tasks,
 * none failed, exactly 50 accepted creates, and no 429 reached the user.
 */
import { assert, assertEqual } from '../lib/report.mjs';
import { nodeItems } from '../lib/results.mjs';
import { executeOk, isCreate } from './helpers.mjs';

const N = 50;

export default {
	name: '50-item batch',
	async run(ctx, report) {
		await report.check(ctx.group, `${N}-item batch with the emulator's rate limit on: ${N} tasks, 0 failures`, async () => {
			const started = Date.now();
			const run = await executeOk(ctx, 'kieE2eBatch50');
			const ms = Date.now() - started;
			const created = nodeItems(run, 'Create tasks') ?? [];
			assertEqual(created.length, N, 'Create Task output items');
			const ids = new Set(created.map((i) => i.json.taskId));
			assertEqual(ids.size, N, 'distinct task ids');
			assert(created.every((i) => !i.json.error), 'an item carries an error');
			const waited = nodeItems(run, 'Wait for tasks') ?? [];
			assertEqual(waited.length, N, 'Wait for Task output items');
			const statuses = waited.map((i) => i.json.status);
			assertEqual(statuses.filter((s) => s === 'success').length, N, `successful tasks (statuses: ${[...new Set(statuses)].join(', ')})`);

			const log = await ctx.emulator.log();
			const creates = log.filter(isCreate);
			const accepted = creates.filter((e) => e.status === 200);
			const limited = creates.filter((e) => e.status === 429);
			assertEqual(accepted.length, N, 'creates accepted by the emulator');
			assertEqual(creates.length - accepted.length - limited.length, 0, 'creates answered with something other than 200 or 429');
			const tasks = await ctx.emulator.tasks();
			assertEqual(tasks.length, N, 'tasks known to the emulator');
			// 20 per 10 s: 50 creates cannot all be accepted within 20 s.
			const first = accepted[0].time;
			const last = accepted.at(-1).time;
			assert(last - first >= 19_000, `50 creates were accepted within ${last - first} ms: the rate limit was not in force`);
			return `${N} tasks in ${(ms / 1000).toFixed(1)} s; creates spread over ${((last - first) / 1000).toFixed(1)} s; ${limited.length} 429(s) absorbed by the node`;
		});
	},
};
