/**
 * The live model catalogue in real n8n, through the editor's own REST endpoints
 * (packages/cli DynamicNodeParametersController: POST /rest/dynamic-node-parameters/
 * resource-locator-results and /resource-mapper-fields): a model the emulator publishes during the
 * run (absent from the shipped snapshot) is found and gets its form; a retired one is gone;
 * invalid input is refused before any create; a task of the new model runs to a file.
 */
import { assert, assertEqual } from '../lib/report.mjs';
import { errorOf } from '../lib/results.mjs';
import { CREDENTIAL, KIE_TYPE } from '../lib/workflows.mjs';
import { assertMedia, executeOk, filesOf, isCreate } from './helpers.mjs';

const NEW_MODEL = 'e2e-acme/video-2099';
const RETIRED = 'veo-3-1';

const nodeParameters = (model) => ({
	resource: 'task',
	operation: 'create',
	model: { __rl: true, mode: 'id', value: model },
	inputMode: 'fields',
	inputOption: '0',
	fields: { mappingMode: 'defineBelow', value: null },
});

async function dynamic(ctx, endpoint, body) {
	const res = await ctx.n8n.rest.call('POST', `/rest/dynamic-node-parameters/${endpoint}`, {
		body: { nodeTypeAndVersion: { name: KIE_TYPE, version: 1 }, credentials: { kieApi: { id: CREDENTIAL.id, name: CREDENTIAL.name } }, ...body },
	});
	assertEqual(res.status, 200, `POST /rest/dynamic-node-parameters/${endpoint} (${res.text.slice(0, 300)})`);
	const json = JSON.parse(res.text);
	return json.data ?? json;
}

export default {
	name: 'live model catalogue',
	async run(ctx, report) {
		const g = ctx.group;
		await report.check(g, 'a model published during the run appears in the model search; a retired one is gone', async () => {
			await ctx.emulator.reset();
			await ctx.emulator.publishModel({
				model: NEW_MODEL,
				title: 'Acme Video 2099',
				provider: 'Acme',
				taskType: ['Text to Video'],
				pricingDesc: '7 credits per second\nHigh-tier top-ups include +10% bonus credits.',
				input: {
					type: 'object',
					required: ['prompt'],
					properties: {
						prompt: { type: 'string', description: 'What the video shows', maxLength: 2000 },
						duration: { type: 'integer', enum: [5, 10], default: 5, description: 'Seconds' },
					},
				},
			});
			await ctx.emulator.retireModel(RETIRED);
			const found = await dynamic(ctx, 'resource-locator-results', { path: 'model', methodName: 'searchModels', currentNodeParameters: nodeParameters(''), filter: 'acme' });
			const entry = found.results?.find((r) => r.value === NEW_MODEL);
			assert(entry, `${NEW_MODEL} not in the search results: ${JSON.stringify(found).slice(0, 300)}`);
			assertEqual(entry.name, 'Text to Video · Acme Video 2099', 'entry name');
			assert(entry.description.includes('7 credits per second') && !entry.description.includes('bonus'), `entry description: ${entry.description}`);
			const all = await dynamic(ctx, 'resource-locator-results', { path: 'model', methodName: 'searchModels', currentNodeParameters: nodeParameters(''), filter: '' });
			assert(!all.results.some((r) => r.value === RETIRED), `${RETIRED} (retired) is still listed`);
			return `${all.results.length} models listed, ${NEW_MODEL} among them, ${RETIRED} not`;
		});
		await report.check(g, 'its Fields form comes from its schema', async () => {
			const mapped = await dynamic(ctx, 'resource-mapper-fields', { path: 'fields', methodName: 'getModelFields', currentNodeParameters: nodeParameters(NEW_MODEL) });
			const byId = Object.fromEntries((mapped.fields ?? []).map((f) => [f.id, f]));
			assert(byId.prompt?.required === true, `prompt field: ${JSON.stringify(byId.prompt)}; form: ${JSON.stringify(mapped).slice(0, 600)}`);
			assertEqual(byId.duration?.type, 'options', 'duration field type');
			assertEqual(byId.duration.options.map((o) => o.value).join(','), '5,10', 'duration options');
			return Object.keys(byId).join(', ');
		});
		await report.check(g, 'invalid input for it is refused before any create', async () => {
			await ctx.emulator.reset();
			await ctx.emulator.publishModel({ model: NEW_MODEL, title: 'Acme Video 2099', taskType: ['Text to Video'], input: { type: 'object', required: ['prompt'], properties: { prompt: { type: 'string' }, duration: { type: 'integer', enum: [5, 10] } } } });
			const res = await ctx.n8n.execute('kieE2eCatalogueBad01');
			assert(res.data, `n8n execute printed no result (exit ${res.code}):\n${res.output.split('\n').slice(-20).join('\n')}`);
			const error = errorOf(res.data);
			assert(error, 'the run with invalid input succeeded');
			const message = `${error.message} ${error.description ?? ''}`;
			assert(/duration: 7 is not allowed; allowed: 5, 10/.test(message), `error: ${message}`);
			const creates = (await ctx.emulator.log()).filter(isCreate);
			assertEqual(creates.length, 0, 'creates sent');
			return error.message;
		});
		await report.check(g, 'a task of it runs to a file', async () => {
			const run = await executeOk(ctx, 'kieE2eCatalogueRun01');
			const files = filesOf(ctx, run, 'Create with the new model');
			const detail = assertMedia(files, 'video', { count: 1 });
			const creates = (await ctx.emulator.log()).filter(isCreate);
			assertEqual(creates.length, 1, 'creates sent');
			assertEqual(creates[0].body.model, NEW_MODEL, 'model sent');
			return detail;
		});
	},
};
