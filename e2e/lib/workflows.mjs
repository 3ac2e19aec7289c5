/**
 * Workflow files: the examples, the e2e-only fixtures, webhook-started copies of examples that need
 * a server (a manual execution cannot wait for a callback from the CLI), and the credential file.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { E2E_DIR, EXAMPLES_DIR } from './paths.mjs';

export const CREDENTIAL = { id: 'kieSandboxCred01', name: 'KIE (sandbox)', type: 'kieApi' };
export const MANUAL_TRIGGER = 'n8n-nodes-base.manualTrigger';
export const KIE_TYPE = 'n8n-nodes-kie-ai.kie';
export const KIE_TRIGGER_TYPE = 'n8n-nodes-kie-ai.kieTrigger';

export function readWorkflows(dir) {
	return readdirSync(dir)
		.filter((f) => f.endsWith('.json'))
		.sort()
		.map((f) => ({ file: f, ...JSON.parse(readFileSync(join(dir, f), 'utf8')) }));
}

export const examples = () => readWorkflows(EXAMPLES_DIR);
export const fixtures = () => readWorkflows(join(E2E_DIR, 'workflows'));

/** A stable UUID-shaped id from a string (webhook ids of derived workflows). */
function uuidFrom(text) {
	const h = createHash('sha256').update(text).digest('hex');
	return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * A copy of a workflow whose Manual Trigger is replaced by a Webhook node (POST /webhook/<path>,
 * answers at once), so an activated server can run it. Everything else stays as it is.
 */
export function webhookVariant(workflow) {
	const id = `${workflow.id.slice(0, 19)}WH`;
	const path = `e2e-${workflow.id}`;
	const nodes = workflow.nodes.map((n) =>
		n.type === MANUAL_TRIGGER
			? {
					...n,
					type: 'n8n-nodes-base.webhook',
					typeVersion: 2,
					parameters: { httpMethod: 'POST', path, responseMode: 'onReceived', options: {} },
					webhookId: uuidFrom(path),
				}
			: n,
	);
	if (!workflow.nodes.some((n) => n.type === MANUAL_TRIGGER)) throw new Error(`${workflow.id} has no Manual Trigger to replace`);
	const copy = { ...workflow, id, name: `${workflow.name} (e2e webhook)`, nodes, active: false };
	delete copy.file;
	return { workflow: copy, path };
}

/** Writes workflows as one file each into dir (for `n8n import:workflow --separate`). */
export function writeImportDir(dir, workflows) {
	mkdirSync(dir, { recursive: true });
	for (const wf of workflows) {
		const rest = { ...wf };
		delete rest.file; // added by readWorkflows
		writeFileSync(join(dir, `${rest.id}.json`), JSON.stringify({ active: false, ...rest }, null, 2));
	}
	return dir;
}

/** The credential file for `n8n import:credentials` (plaintext data is encrypted on import). */
export function writeCredentialFile(file, { apiKey, baseUrl, uploadBaseUrl, webhookHmacKey = '', name = CREDENTIAL.name }) {
	writeFileSync(file, JSON.stringify([{ ...CREDENTIAL, name, data: { apiKey, baseUrl, uploadBaseUrl, webhookHmacKey } }], null, 2));
	return file;
}

/** The trigger node's production URL: /webhook/<webhookId>/<path>. */
export function triggerUrl(webhookBase, workflow, type = KIE_TRIGGER_TYPE) {
	const node = workflow.nodes.find((n) => n.type === type);
	if (!node?.webhookId) throw new Error(`${workflow.id} has no ${type} node with a webhookId`);
	return `${webhookBase.replace(/\/+$/, '')}/webhook/${node.webhookId}/callback`;
}

/**
 * n8n's "Custom API Call" (the last Resource option, which n8n adds because the KIE API credential
 * declares `authenticate`) points the user to the HTTP Request node with Predefined Credential Type →
 * KIE API. This workflow is that node, calling an endpoint the KIE node has no action for beside
 * Get Credits, against the emulator whose address is only known at run time.
 */
export function customApiCallWorkflow(baseUrl) {
	return {
		id: 'kieE2eCustomApiCall01',
		name: 'KIE e2e: Custom API Call = HTTP Request node with the KIE API credential',
		active: false,
		nodes: [
			{ parameters: {}, id: '5d8f0c1e-2b1a-4c44-9a57-0e3b1f7c9a01', name: 'Start', type: MANUAL_TRIGGER, typeVersion: 1, position: [0, 0] },
			{
				parameters: { url: `${baseUrl}/api/v1/chat/credit`, authentication: 'predefinedCredentialType', nodeCredentialType: 'kieApi', options: {} },
				id: '5d8f0c1e-2b1a-4c44-9a57-0e3b1f7c9a02',
				name: 'KIE custom API call',
				type: 'n8n-nodes-base.httpRequest',
				typeVersion: 4.2,
				position: [220, 0],
				credentials: { kieApi: { id: CREDENTIAL.id, name: CREDENTIAL.name } },
			},
		],
		connections: { Start: { main: [[{ node: 'KIE custom API call', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}
