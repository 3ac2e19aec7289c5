/**
 * A small OpenAI-compatible chat server on loopback, standing in for the model behind n8n's
 * "OpenAI Chat Model" node (its credential's Base URL points here). It answers
 * POST /v1/chat/completions like a model that uses tools: while the current script has tool
 * calls left it answers with the next one, its arguments built from the JSON schema of the tool
 * it was shown (script values for the keys it names, a typed blank for the others); then a final
 * answer that quotes every URL found in the tool results. Streaming (SSE) and plain answers.
 *
 *   const ai = await startFakeOpenAI();  ai.url → http://127.0.0.1:PORT/v1
 *   ai.script([{ args: { prompt: 'a red panda' } }, ...]);  ai.requests → every request body
 */
import { createServer } from 'node:http';

function blankFor(schema) {
	const type = Array.isArray(schema?.type) ? schema.type[0] : schema?.type;
	if (type === 'number' || type === 'integer') return 0;
	if (type === 'boolean') return false;
	if (type === 'object') return {};
	if (type === 'array') return [];
	return '';
}

/** Tool-call arguments from the tool's JSON schema: every property, script values first. */
export function argumentsFor(parameters, values = {}) {
	const properties = parameters?.properties ?? {};
	const args = {};
	for (const [key, schema] of Object.entries(properties)) args[key] = key in values ? values[key] : blankFor(schema);
	return args;
}

function toolResults(messages) {
	return messages.filter((m) => m.role === 'tool').map((m) => (typeof m.content === 'string' ? m.content : JSON.stringify(m.content)));
}

function completion(model, message, finishReason) {
	return {
		id: `chatcmpl-fake-${Date.now()}`,
		object: 'chat.completion',
		created: Math.floor(Date.now() / 1000),
		model,
		choices: [{ index: 0, message, finish_reason: finishReason, logprobs: null }],
		usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
	};
}

function sendStream(res, model, message, finishReason) {
	res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
	const base = { id: `chatcmpl-fake-${Date.now()}`, object: 'chat.completion.chunk', created: Math.floor(Date.now() / 1000), model };
	const delta = message.tool_calls
		? { role: 'assistant', content: null, tool_calls: message.tool_calls.map((call, index) => ({ index, ...call })) }
		: { role: 'assistant', content: message.content };
	res.write(`data: ${JSON.stringify({ ...base, choices: [{ index: 0, delta, finish_reason: null }] })}\n\n`);
	res.write(`data: ${JSON.stringify({ ...base, choices: [{ index: 0, delta: {}, finish_reason: finishReason }], usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 } })}\n\n`);
	res.write('data: [DONE]\n\n');
	res.end();
}

export async function startFakeOpenAI() {
	let steps = [];
	const requests = [];
	const server = createServer((req, res) => {
		let raw = '';
		req.on('data', (chunk) => (raw += chunk));
		req.on('end', () => {
			const path = (req.url ?? '').split('?')[0];
			if (req.method === 'GET' && path.endsWith('/models')) {
				res.writeHead(200, { 'content-type': 'application/json' });
				res.end(JSON.stringify({ object: 'list', data: [{ id: 'gpt-fake', object: 'model', owned_by: 'kie-e2e' }] }));
				return;
			}
			if (req.method !== 'POST' || !path.endsWith('/chat/completions')) {
				res.writeHead(404, { 'content-type': 'application/json' });
				res.end(JSON.stringify({ error: { message: `fake OpenAI: no route ${req.method} ${path}` } }));
				return;
			}
			let body = {};
			try {
				body = JSON.parse(raw || '{}');
			} catch {
				/* answered below as a bad request */
			}
			requests.push(body);
			const messages = Array.isArray(body.messages) ? body.messages : [];
			const results = toolResults(messages);
			const tools = Array.isArray(body.tools) ? body.tools : [];
			const step = steps[results.length];
			let message;
			let finish;
			if (step && tools.length > 0) {
				const tool = tools.find((t) => !step.tool || t.function?.name === step.tool) ?? tools[0];
				const args = argumentsFor(tool.function?.parameters, step.args);
				message = { role: 'assistant', content: null, tool_calls: [{ id: `call_${results.length + 1}`, type: 'function', function: { name: tool.function.name, arguments: JSON.stringify(args) } }] };
				finish = 'tool_calls';
			} else {
				const urls = [...new Set(results.join('\n').match(/https?:\/\/[^\s"'\\]+/g) ?? [])];
				message = { role: 'assistant', content: urls.length ? `Done. Result: ${urls.join(' ')}` : `Done without a result. Tool said: ${results.at(-1) ?? 'nothing'}` };
				finish = 'stop';
			}
			if (body.stream) return sendStream(res, body.model ?? 'gpt-fake', message, finish);
			res.writeHead(200, { 'content-type': 'application/json' });
			res.end(JSON.stringify(completion(body.model ?? 'gpt-fake', message, finish)));
		});
	});
	await new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, '127.0.0.1', resolve);
	});
	const { port } = server.address();
	return {
		url: `http://127.0.0.1:${port}/v1`,
		port,
		requests,
		/** The tool calls of the next conversation, in order: [{ tool?, args }]; then a final answer. */
		script(next) {
			steps = next;
			requests.length = 0;
		},
		close: () => new Promise((resolve) => server.close(() => resolve())),
	};
}
