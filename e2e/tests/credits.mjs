/** An account without credits: the run fails with the clear 402 message and no task is created. */
import { assert, assertEqual } from '../lib/report.mjs';
import { isCreate } from './helpers.mjs';

export default {
	name: 'insufficient credits',
	async run(ctx, report) {
		await report.check(ctx.group, 'insufficient credits (402): the run fails with the clear message', async () => {
			await ctx.emulator.configure({ credits: 0 });
			try {
				const res = await ctx.n8n.execute('kieExTextToImage01');
				assert(res.data, `n8n execute printed no result (exit ${res.code}):\n${res.output.split('\n').slice(-20).join('\n')}`);
				assert(!res.ok && res.error, 'the run succeeded without credits');
				assertEqual(res.data.data?.resultData?.lastNodeExecuted, 'Create image task', 'node that failed');
				const message = `${res.error.message} ${res.error.description ?? ''}`;
				assert(/Insufficient KIE credits \(402\)/.test(res.error.message), `error message: ${res.error.message}`);
				assert(/kie\.ai\/billing/.test(message) && /No task was created/.test(message), `error description lacks the what-to-do: ${message}`);
				assert(res.code !== 0, 'n8n execute exited 0 for a failed run');
				const creates = (await ctx.emulator.log()).filter(isCreate);
				assertEqual(creates.length, 1, 'create attempts (a 402 is not retried)');
				assertEqual((await ctx.emulator.tasks()).length, 0, 'tasks created');
				return res.error.message;
			} finally {
				await ctx.emulator.configure({ credits: 1000.5 });
			}
		});
	},
};
