import type { IExecuteFunctions, INode } from 'n8n-workflow';

import { refuseCallbackInToolMode } from '../../nodes/Kie/tool/guard';

const node = { name: 'KIE', type: 'n8n-nodes-kie-ai.kie', typeVersion: 1, position: [0, 0], parameters: {} } as unknown as INode;
const context = (tool: boolean) => ({ getNode: () => node, isToolExecution: () => tool }) as unknown as IExecuteFunctions;

describe('callback mode as an AI-agent tool', () => {
	it('is refused with a pointer to poll mode', () => {
		expect(() => refuseCallbackInToolMode(context(true), 'Wait for Task in callback mode')).toThrow(
			"Wait for Task in callback mode cannot be used when the KIE node runs as an AI agent's tool: nothing was created",
		);
	});

	it('is refused for the tool variant of the node even when isToolExecution() says no (AI Agent v3)', () => {
		const toolNode = { ...node, type: 'n8n-nodes-kie-ai.kieTool' } as INode;
		const v3 = { getNode: () => toolNode, isToolExecution: () => false } as unknown as IExecuteFunctions;
		expect(() => refuseCallbackInToolMode(v3, 'Wait for Task in callback mode')).toThrow(/runs as an AI agent.s tool: nothing was created/);
	});

	it('is allowed in a normal execution', () => {
		expect(() => refuseCallbackInToolMode(context(false), 'Wait for Task in callback mode')).not.toThrow();
	});
});
