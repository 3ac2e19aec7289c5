import type { CatalogueModel } from '../../nodes/Kie/catalogue/model';
import type { INode } from 'n8n-workflow';

import { isToolCall } from '../../nodes/Kie/tool/detect';
import { compactItems, compactJson, toolErrorText } from '../../nodes/Kie/tool/result';
import { candidateFamilies } from '../../nodes/Kie/tool/family';
import { lenientObject } from '../../nodes/Kie/tool/simple';
import { popularModels, popularModelsText } from '../../nodes/Kie/tool/popular';

const node = (patch: Partial<INode> = {}): INode => ({
	id: '1',
	name: 'KIE',
	type: 'n8n-nodes-kie-ai.kie',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
	...patch,
});

describe('isToolCall: each of n8n\'s tool-call markers alone is enough', () => {
	it('is false for a plain run', () => {
		expect(isToolCall({ getNode: () => node(), isToolExecution: () => false, getExecuteData: () => ({ node: node(), data: {}, source: null }) })).toBe(false);
	});
	it('isToolExecution() (supplied tools: Agent v1/v2, Tools Agent, MCP Server Trigger)', () => {
		expect(isToolCall({ getNode: () => node(), isToolExecution: () => true })).toBe(true);
	});
	it('the <name>Tool node type (Agent v3 runs the tool as an ordinary node)', () => {
		expect(isToolCall({ getNode: () => node({ type: 'n8n-nodes-kie-ai.kieTool' }), isToolExecution: () => false })).toBe(true);
		expect(isToolCall({ getNode: () => node({ type: '@acme/n8n-nodes-kie-ai.kieTool' }) })).toBe(true);
	});
	it('rewireOutputLogTo = ai_tool (engine request)', () => {
		expect(isToolCall({ getNode: () => node({ rewireOutputLogTo: 'ai_tool' }), isToolExecution: () => false })).toBe(true);
	});
	it('executeData.metadata.preserveSourceOverwrite (engine request)', () => {
		expect(
			isToolCall({
				getNode: () => node(),
				isToolExecution: () => false,
				getExecuteData: () => ({ node: node(), data: {}, source: null, metadata: { preserveSourceOverwrite: true } }),
			}),
		).toBe(true);
	});
	it('survives contexts whose methods throw', () => {
		const thrower = () => {
			throw new Error('not here');
		};
		expect(isToolCall({ getNode: () => node({ type: 'x.kieTool' }), isToolExecution: thrower, getExecuteData: thrower })).toBe(true);
		expect(isToolCall({ getNode: () => node(), isToolExecution: thrower, getExecuteData: thrower })).toBe(false);
	});
});

describe('compact tool results', () => {
	const task = {
		taskId: 't1',
		api: 'market',
		model: 'nano-banana-pro',
		status: 'success',
		final: true,
		resultUrls: ['https://cdn.example/a.png'],
		creditsConsumed: 18,
		raw: { big: 'x'.repeat(500) },
	};
	it('keeps id, api, status, URLs once and credits; drops raw', () => {
		expect(compactJson(task)).toEqual({ taskId: 't1', api: 'market', model: 'nano-banana-pro', status: 'success', urls: ['https://cdn.example/a.png'], credits: 18 });
	});
	it('keeps raw only when asked', () => {
		expect(compactJson(task, true).raw).toEqual(task.raw);
	});
	it('merges the per-file items of one task and drops binary', () => {
		const items = [
			{ json: { ...task, resultUrls: ['u1', 'u2'], url: 'u1' }, binary: { data: { data: '', mimeType: 'image/png' } }, pairedItem: { item: 0 } },
			{ json: { ...task, resultUrls: ['u1', 'u2'], url: 'u2' }, binary: { data: { data: '', mimeType: 'image/png' } }, pairedItem: { item: 0 } },
		];
		const out = compactItems(items);
		expect(out).toHaveLength(1);
		expect(out[0].binary).toBeUndefined();
		expect(out[0].json.urls).toEqual(['u1', 'u2']);
	});
	it('says a failed task\'s KIE message', () => {
		expect(compactJson({ taskId: 't', api: 'market', status: 'failed', resultUrls: [], failMsg: 'flagged', failCode: '400' }).error).toBe('flagged (code 400)');
	});
	it('a created task tells the model what to do next', () => {
		expect(compactJson({ taskId: 't', api: 'veo', model: 'veo3.1/generate', input: { prompt: 'p' } })).toMatchObject({ status: 'created', next: expect.stringContaining('taskId and api') });
	});
	it('folds an error\'s description into its message', () => {
		const error = Object.assign(new Error('Invalid input for nano-banana-pro: size'), { description: 'size: not a field; allowed fields: prompt, aspect_ratio' });
		expect(toolErrorText(error)).toBe('Invalid input for nano-banana-pro: size. size: not a field; allowed fields: prompt, aspect_ratio');
	});
});

describe('tool inputs and lists', () => {
	it('accepts objects, JSON text and JSON text inside a JSON string', () => {
		expect(lenientObject({ a: 1 })).toEqual({ a: 1 });
		expect(lenientObject('{"a":1}')).toEqual({ a: 1 });
		expect(lenientObject(JSON.stringify('{"a":1}'))).toEqual({ a: 1 });
		expect(lenientObject('')).toEqual({});
		expect(lenientObject('a red panda')).toBeUndefined();
		expect(lenientObject('[1]')).toBeUndefined();
	});
	it('tries Runway first for UUID task ids, Market first for hex ids, every API once', () => {
		expect(candidateFamilies('ee603959-1234-4abc-8def-0123456789ab').slice(0, 2)).toEqual(['runway', 'aleph']);
		const hex = candidateFamilies('5f488be792eafad4b066e21e5bc472c7');
		expect(hex[0]).toBe('market');
		expect(new Set(hex).size).toBe(hex.length);
		expect(hex).toHaveLength(15);
	});
	it('lists popular models from the catalogue, with prices when it has them', () => {
		const models = popularModels();
		expect(models.map((model) => model.id)).toContain('nano-banana-pro');
		const nanoBanana: CatalogueModel = { id: 'nano-banana-pro', title: 'Nano Banana Pro', provider: 'Google', taskTypes: ['Text to Image'], priceText: '18 credits', kind: 'task' };
		const priced = popularModels((id) => (id === 'nano-banana-pro' ? nanoBanana : undefined));
		expect(priced).toEqual([expect.objectContaining({ id: 'nano-banana-pro', price: '18 credits' })]);
		expect(popularModelsText(priced)).toContain('18 credits');
	});
});
