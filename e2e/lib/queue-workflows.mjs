/** Workflows of the queue leg, built here (each starts from a production webhook so the cluster runs it). */
import { createHash } from 'node:crypto';
import { CREDENTIAL, KIE_TYPE } from './workflows.mjs';

function uuidFrom(text) {
	const h = createHash('sha256').update(text).digest('hex');
	return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const credentials = { kieApi: { id: CREDENTIAL.id, name: CREDENTIAL.name } };

function webhook(path, responseMode = 'onReceived') {
	return {
		parameters: { httpMethod: 'POST', path, responseMode, ...(responseMode === 'lastNode' ? { responseData: 'allEntries' } : {}), options: {} },
		id: uuidFrom(`${path}-node`),
		name: 'Start',
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		position: [0, 0],
		webhookId: uuidFrom(path),
	};
}

function node(name, type, parameters, x, extra = {}) {
	return { parameters, id: uuidFrom(`${name}-${x}`), name, type, typeVersion: 1, position: [x, 0], ...extra };
}

function chain(nodes) {
	const connections = {};
	for (let i = 0; i + 1 < nodes.length; i++) connections[nodes[i].name] = { main: [[{ node: nodes[i + 1].name, type: 'main', index: 0 }]] };
	return connections;
}

/** Wait for Task, polling with the default schedule and read cap; results not downloaded (the callback scenario checks files). */
const WAIT = { resource: 'task', operation: 'wait', taskId: '={{ $json.taskId }}', api: 'auto', waitMode: 'poll', outputOptions: { download: false, binaryProperty: 'data' } };

const splitOut = (x) => node('One item per entry', 'n8n-nodes-base.splitOut', { fieldToSplitOut: 'body.items', options: {} }, x);

/**
 * The batch: POST { items: [{ prompt }] } → one item each → Create Task (window set to the
 * emulator's scaled limit) → Wait for Task (poll).
 */
export function batchWorkflow({ id, path, limitMax, limitWindowSeconds, wait = true }) {
	const nodes = [
		webhook(path),
		splitOut(220),
		node(
			'Create tasks',
			KIE_TYPE,
			{
				resource: 'task',
				operation: 'create',
				model: { __rl: true, mode: 'id', value: 'google/nano-banana' },
				inputMode: 'json',
				inputJson: '={{ { "prompt": $json.prompt } }}',
				callbackMode: 'none',
				requestOptions: { limitMax, limitWindowSeconds },
			},
			440,
			{ credentials },
		),
	];
	if (wait) nodes.push(node('Wait for tasks', KIE_TYPE, WAIT, 660, { credentials }));
	return { id, name: `e2e queue: ${id}`, active: false, nodes, connections: chain(nodes), settings: { executionOrder: 'v1' } };
}

/** POST { items: [{ taskId, api }] } → Wait for Task → answers with the results (resuming tasks made elsewhere). */
export function waitWorkflow({ id, path }) {
	const nodes = [webhook(path, 'lastNode'), splitOut(220), node('Wait for tasks', KIE_TYPE, WAIT, 440, { credentials })];
	return { id, name: `e2e queue: ${id}`, active: false, nodes, connections: chain(nodes), settings: { executionOrder: 'v1' } };
}
