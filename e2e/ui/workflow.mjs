/** The workflow the browser test opens: Manual Trigger → Create Task (no model yet) → Wait for Task. */
import { CREDENTIAL, KIE_TYPE, MANUAL_TRIGGER } from '../lib/workflows.mjs';

export const UI_WORKFLOW_ID = 'kieUiTestFlow001';
export const CREATE_NODE = 'Create image';
export const WAIT_NODE = 'Wait for image';

export function uiWorkflow() {
	const credentials = { kieApi: { id: CREDENTIAL.id, name: CREDENTIAL.name } };
	return {
		id: UI_WORKFLOW_ID,
		name: 'KIE UI test',
		active: false,
		nodes: [
			{ parameters: {}, id: 'a1a1a1a1-0000-4000-8000-000000000001', name: 'Start', type: MANUAL_TRIGGER, typeVersion: 1, position: [0, 0] },
			{
				parameters: { resource: 'task', operation: 'create', model: { __rl: true, mode: 'list', value: '' }, inputMode: 'fields' },
				id: 'a1a1a1a1-0000-4000-8000-000000000002',
				name: CREATE_NODE,
				type: KIE_TYPE,
				typeVersion: 1,
				position: [240, 0],
				credentials,
			},
			{
				parameters: { resource: 'task', operation: 'wait', taskId: '={{ $json.taskId }}', waitMode: 'poll' },
				id: 'a1a1a1a1-0000-4000-8000-000000000003',
				name: WAIT_NODE,
				type: KIE_TYPE,
				typeVersion: 1,
				position: [480, 0],
				credentials,
			},
		],
		connections: {
			Start: { main: [[{ node: CREATE_NODE, type: 'main', index: 0 }]] },
			[CREATE_NODE]: { main: [[{ node: WAIT_NODE, type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}
