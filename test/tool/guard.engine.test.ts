/**
 * The KIE node as an AI agent's tool, through n8n-core 2.8's real engine on both tool paths:
 * the engine-request path of the AI Agent v3 (the tool runs as an ordinary node) and the
 * supplied-tool path of the AI Agent v1/v2, the Tools Agent and the MCP Server Trigger.
 */
import { credentialsFor, FAST_REQUESTS, modelById, useEmulator } from '../support/kie';
import { forgetRememberedTasks } from '../../nodes/Kie/tool/family';
import { runAgentWithKieTool, type ToolPath } from './agent-harness';

const kie = useEmulator({ defaultDurationMs: 200 });
const PATHS: ToolPath[] = ['engine', 'supply', 'mcp'];

const creates = () => kie().log.filter((entry) => entry.method === 'POST' && /createTask|generate/.test(entry.path)).length;

const promptTool = (extra: Record<string, unknown> = {}) => ({
	resource: 'task',
	operation: 'create',
	model: modelById("={{ $fromAI('model', 'KIE model id; empty for nano-banana-pro', 'string') }}"),
	inputMode: 'prompt',
	prompt: "={{ $fromAI('prompt', 'What to generate', 'string') }}",
	otherInputs: "={{ $fromAI('other_inputs', 'Other inputs as JSON text, e.g. {\"aspect_ratio\":\"16:9\"}', 'string') }}",
	requestOptions: FAST_REQUESTS,
	...extra,
});

beforeEach(() => forgetRememberedTasks());

describe.each(PATHS)('KIE Tool on the %s path', (path) => {
	it('refuses "This Execution\'s Resume URL" before any create, telling the model what to change', async () => {
		const { run, record } = await runAgentWithKieTool({
			path,
			parameters: promptTool({ callbackMode: 'resume' }),
			calls: [{ prompt: 'a red panda', model: '', other_inputs: '' }],
			credentials: credentialsFor(kie()),
		});
		if (run) expect(run.status).toBe('success');
		const answer = JSON.stringify(record.answers[0]);
		expect(answer).toContain('cannot be used when the KIE node runs as an AI agent');
		expect(answer).toContain('nothing was created');
		expect(answer).toContain('Callback to \\"None\\"');
		expect(creates()).toBe(0);
		expect(kie().log.filter((entry) => entry.method === 'POST')).toHaveLength(0);
	});

	it('refuses Wait for Task in callback mode without reading or waiting', async () => {
		const { run, record } = await runAgentWithKieTool({
			path,
			parameters: { resource: 'task', operation: 'wait', waitMode: 'callback', taskId: "={{ $fromAI('taskId', 'KIE task id', 'string') }}" },
			calls: [{ taskId: 'abc' }],
			credentials: credentialsFor(kie()),
		});
		if (run) expect(run.status).toBe('success');
		expect(JSON.stringify(record.answers[0])).toContain('Wait for Task in callback mode cannot be used');
		expect(run?.waitTill).toBeUndefined();
		expect(kie().log).toHaveLength(0);
	});

	it('creates, waits and answers compactly: task id, status, each URL once, no raw record', async () => {
		const { record } = await runAgentWithKieTool({
			path,
			parameters: promptTool({ waitForCompletion: true, pollOptions: { minIntervalSeconds: 0.05 } }),
			calls: [{ prompt: 'a red panda', model: '', other_inputs: '{"aspect_ratio": "16:9"}' }],
			credentials: credentialsFor(kie()),
		});
		const answer = (record.answers[0] as Array<Record<string, unknown>>)[0];
		expect(answer).toMatchObject({ api: 'market', model: 'nano-banana-pro', status: 'success' });
		expect(answer.raw).toBeUndefined();
		expect(Array.isArray(answer.urls)).toBe(true);
		const text = JSON.stringify(answer);
		for (const url of answer.urls as string[]) expect(text.split(url)).toHaveLength(2);
		expect(text.length).toBeLessThan(600);
		expect(creates()).toBe(1);
		// Downloads are off by default in tool mode: nothing fetched from the result host.
		expect(kie().log.filter((entry) => entry.route.startsWith('cdn') || /\/media\//.test(entry.path))).toHaveLength(0);
		const sent = kie().log.find((entry) => entry.path === '/api/v1/jobs/createTask')!.body as { input: Record<string, unknown> };
		expect(sent.input).toEqual({ aspect_ratio: '16:9', prompt: 'a red panda' });
	});

	it('returns a bad input to the model with the field, the value and the allowed values, creating nothing', async () => {
		const { run, record } = await runAgentWithKieTool({
			path,
			parameters: promptTool(),
			calls: [{ prompt: 'a red panda', model: 'nano-banana-pro', other_inputs: '{"aspect_ratio": "5:5"}' }],
			credentials: credentialsFor(kie()),
		});
		if (run) expect(run.status).toBe('success');
		const answer = JSON.stringify(record.answers[0]);
		expect(answer).toContain('aspect_ratio');
		expect(answer).toContain('5:5');
		expect(answer).toContain('16:9');
		expect(creates()).toBe(0);
	});

	it('reads a task without an api field: remembered from the create, else looked up', async () => {
		const created = await runAgentWithKieTool({
			path,
			parameters: promptTool(),
			calls: [{ prompt: 'a song about tea', model: 'suno/generate', other_inputs: '{"customMode": false, "instrumental": false, "model": "V4_5"}' }],
			credentials: credentialsFor(kie()),
		});
		const first = (created.record.answers[0] as Array<Record<string, unknown>>)[0];
		expect(first).toMatchObject({ api: 'suno', status: 'created' });
		forgetRememberedTasks();
		const { record } = await runAgentWithKieTool({
			path,
			parameters: { resource: 'task', operation: 'get', taskId: "={{ $fromAI('taskId', 'KIE task id', 'string') }}" },
			calls: [{ taskId: String(first.taskId) }],
			credentials: credentialsFor(kie()),
		});
		expect((record.answers[0] as Array<Record<string, unknown>>)[0]).toMatchObject({ taskId: first.taskId, api: 'suno' });
		const reads = kie().log.filter((entry) => entry.method === 'GET').map((entry) => entry.path);
		expect(reads).toEqual(['/api/v1/jobs/recordInfo', '/api/v1/veo/record-info', '/api/v1/generate/record-info']);
	});
});

describe('KIE Tool as a supplied tool (what the model is shown)', () => {
	it('has a description that says what it does, and the $fromAI keys as its schema', async () => {
		const { record } = await runAgentWithKieTool({
			path: 'supply',
			parameters: promptTool({ callbackMode: 'resume' }),
			calls: [],
			credentials: credentialsFor(kie()),
		});
		expect(record.tool?.schemaKeys.sort()).toEqual(['model', 'other_inputs', 'prompt']);
		expect(record.tool?.description).toMatch(/Generates an image, video, song or speech/);
		expect(record.tool?.description).toContain('nano-banana-pro');
	});
});
