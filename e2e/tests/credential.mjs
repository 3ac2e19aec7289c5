/** n8n's credential test (POST /rest/credentials/test, owner session) against the emulator. */
import { CREDENTIAL } from '../lib/workflows.mjs';
import { assert, assertEqual } from '../lib/report.mjs';
import { nodeItems } from '../lib/results.mjs';
import { executeOk, isCreate } from './helpers.mjs';

async function test(ctx, data) {
	const res = await ctx.n8n.rest.call('POST', '/rest/credentials/test', { body: { credentials: { ...CREDENTIAL, data } } });
	assertEqual(res.status, 200, `POST /rest/credentials/test HTTP status (${res.text.slice(0, 200)})`);
	return res.json.data ?? res.json;
}

export default {
	name: 'credential test',
	async run(ctx, report) {
		await report.check(ctx.group, 'credential test succeeds with the good key', async () => {
			const result = await test(ctx, ctx.credentialData);
			assertEqual(result.status, 'OK', `credential test status (message: ${result.message})`);
			const log = await ctx.emulator.log();
			const calls = log.filter((e) => e.route === 'credit');
			assert(calls.length >= 1, 'the test did not call GET /api/v1/chat/credit on the emulator');
			assertEqual(calls.at(-1).headers.authorization, `Bearer ${ctx.credentialData.apiKey}`, 'Authorization header of the credential test');
			assert(!log.some(isCreate), 'a credential test must not create tasks');
			return `status OK, ${calls.length} call(s) to /api/v1/chat/credit`;
		});
		await report.check(ctx.group, 'credential test fails with a bad key', async () => {
			const result = await test(ctx, { ...ctx.credentialData, apiKey: 'not-a-valid-kie-key' });
			assertEqual(result.status, 'Error', 'credential test status for a bad key');
			assert(/401|reject|key|credential|authori[sz]/i.test(result.message ?? ''), `unhelpful message for a bad key: ${result.message}`);
			const last = (await ctx.emulator.log()).filter((e) => e.route === 'credit').at(-1);
			assertEqual(last?.headers.authorization, 'Bearer not-a-valid-kie-key', 'the bad key was sent');
			return `status Error: ${result.message}`;
		});
		await report.check(ctx.group, "n8n's Custom API Call works: the HTTP Request node signs a KIE call with the KIE API credential", async () => {
			// What the editor is served (n8n injects the option after loading the nodes).
			const types = await ctx.n8n.rest.call('GET', '/types/nodes.json');
			assertEqual(types.status, 200, 'GET /types/nodes.json');
			const kie = JSON.parse(types.text).find((t) => t.name === ctx.types.kie);
			const resource = kie?.properties.find((p) => p.name === 'resource');
			assert(resource?.options.some((o) => o.value === '__CUSTOM_API_CALL__'), 'n8n no longer offers Custom API Call on the KIE node: update the README');
			const before = (await ctx.emulator.log()).filter((e) => e.route === 'credit').length;
			const run = await executeOk(ctx, 'kieE2eCustomApiCall01');
			const out = nodeItems(run, 'KIE custom API call');
			assertEqual(out?.length, 1, 'items from the HTTP Request node');
			assertEqual(out[0].json.code, 200, `KIE envelope code (${JSON.stringify(out[0].json).slice(0, 200)})`);
			assert(typeof out[0].json.data === 'number', `credits in data: ${JSON.stringify(out[0].json).slice(0, 200)}`);
			const calls = (await ctx.emulator.log()).filter((e) => e.route === 'credit');
			assertEqual(calls.length, before + 1, 'credit calls by the HTTP Request node');
			assertEqual(calls.at(-1).headers.authorization, `Bearer ${ctx.credentialData.apiKey}`, 'Authorization header sent by the HTTP Request node');
			return `GET /api/v1/chat/credit → code 200, ${out[0].json.data} credits; Custom API Call listed on the KIE node`;
		});
	},
};
