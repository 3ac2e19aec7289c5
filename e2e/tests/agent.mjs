/**
 * The KIE node as an AI agent's tool in a real n8n: the AI Agent example (examples/agent-image.json)
 * with its OpenAI Chat Model pointed at our fake OpenAI-compatible server (e2e/lib/fake-openai.mjs),
 * which calls the tool with arguments built from the schema n8n showed it.
 */
import { assert, assertEqual } from '../lib/report.mjs';
import { nodeItems } from '../lib/results.mjs';
import { executeOk, isCreate } from './helpers.mjs';

const TOOL = 'Generate_image_or_video';

function toolOf(request) {
	return (request?.tools ?? []).find((t) => t.function?.name === TOOL);
}

function toolMessages(request) {
	return (request?.messages ?? []).filter((m) => m.role === 'tool').map((m) => (typeof m.content === 'string' ? m.content : JSON.stringify(m.content)));
}

export default {
	name: 'AI agent tool',
	async run(ctx, report) {
		const g = ctx.group;
		const ai = ctx.fakeOpenAI;
		await report.check(g, 'example agent-image: schema shown, bad input corrected by the model, URL in the answer', async () => {
			await ctx.emulator.reset();
			ai.script([
				{ tool: TOOL, args: { prompt: 'a red panda astronaut', model: 'nano-banana-pro', other_inputs: '{"aspect_ratio": "5:5"}' } },
				{ tool: TOOL, args: { prompt: 'a red panda astronaut', model: 'nano-banana-pro', other_inputs: '{"aspect_ratio": "16:9"}' } },
			]);
			const run = await executeOk(ctx, 'kieExAgentImage01');
			const first = ai.requests[0];
			const tool = toolOf(first);
			assert(tool, `the model was not shown ${TOOL}; tools: ${JSON.stringify((first?.tools ?? []).map((t) => t.function?.name))}`);
			const description = tool.function.description ?? '';
			assert(/Generates an image, video, song or speech/.test(description), `tool description: ${description.slice(0, 200)}`);
			assert(description.includes('nano-banana-pro'), 'the tool description lists no popular model');
			const properties = tool.function.parameters?.properties ?? {};
			assertEqual(Object.keys(properties).sort().join(','), 'model,other_inputs,prompt', 'tool parameters');
			for (const key of ['model', 'other_inputs', 'prompt']) {
				assertEqual(properties[key].type, 'string', `type of ${key}`);
				assert((properties[key].description ?? '').length > 20, `${key} has no useful description`);
			}
			assert(properties.model.description.includes('kling-3.0/video'), 'model description lists no models');

			const afterBad = ai.requests.find((r) => toolMessages(r).length === 1);
			const badAnswer = toolMessages(afterBad)[0] ?? '';
			assert(badAnswer.includes('aspect_ratio') && badAnswer.includes('5:5') && badAnswer.includes('16:9'), `the model did not get the allowed values back: ${badAnswer.slice(0, 300)}`);
			const last = ai.requests.at(-1);
			const goodAnswer = toolMessages(last)[1] ?? '';
			const result = JSON.parse(goodAnswer);
			const parsed = Array.isArray(result) ? result[0] : result;
			assertEqual(parsed.status, 'success', 'tool status');
			assert(Array.isArray(parsed.urls) && parsed.urls.length === 1, `tool urls: ${goodAnswer.slice(0, 300)}`);
			assert(parsed.raw === undefined, 'the tool returned the raw record');
			assert(goodAnswer.length < 600, `tool answer is ${goodAnswer.length} characters`);

			const creates = (await ctx.emulator.log()).filter(isCreate);
			assertEqual(creates.length, 1, 'creates (the bad input created nothing)');
			assertEqual(creates[0].body.input?.aspect_ratio, '16:9', 'aspect_ratio sent');
			const media = (await ctx.emulator.log()).filter((e) => e.route === 'media');
			assertEqual(media.length, 0, 'result downloads in tool mode');
			const output = nodeItems(run, 'AI Agent')?.[0]?.json?.output ?? '';
			assert(output.includes(parsed.urls[0]), `the final answer lacks the result URL: ${String(output).slice(0, 300)}`);
			ctx.green.add('kieExAgentImage01');
			return `tool answer ${goodAnswer.length} chars; ${ai.requests.length} model calls; bad-input answer ${badAnswer.length} chars`;
		});
		await report.check(g, 'agent tool set to the resume-URL callback: refused, 0 creates', async () => {
			await ctx.emulator.reset();
			ai.script([{ tool: TOOL, args: { prompt: 'a red panda', model: '', other_inputs: '' } }]);
			await executeOk(ctx, 'kieE2eAgentCallback01');
			const answer = toolMessages(ai.requests.at(-1))[0] ?? '';
			assert(answer.includes('cannot be used when the KIE node runs as an AI agent'), `tool answer: ${answer.slice(0, 300)}`);
			const log = await ctx.emulator.log();
			assertEqual(log.filter(isCreate).length, 0, 'creates');
			return answer.slice(0, 120);
		});
	},
};
