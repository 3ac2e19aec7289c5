/* eslint-disable @n8n/community-nodes/no-restricted-globals */
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

import { loadBuiltPackage, sendJson, startTestServer, testCredential } from './index';
import type { TestServer } from './index';

describe('testCredential (CredentialsTester + RoutingNode)', () => {
	let server: TestServer;

	beforeAll(async () => {
		server = await startTestServer();
		server.route('GET', '/api/v1/chat/credit', (req, res) => {
			if (req.headers.authorization === 'Bearer good') sendJson(res, 200, { code: 200, msg: 'success', data: 12.5 });
			else if (req.headers.authorization === 'Bearer broke') sendJson(res, 200, { code: 402, msg: 'no credits' });
			else if (req.headers.authorization === 'Bearer http401') sendJson(res, 401, { code: 401, msg: 'denied' });
			else sendJson(res, 200, { code: 401, msg: 'You do not have access permissions' });
		});
	});
	afterAll(async () => await server.close());
	beforeEach(() => server.requests.splice(0));

	it('returns OK for {code:200} and sends the Bearer key to the resolved baseURL', async () => {
		const result = await testCredential({ apiKey: 'good', baseUrl: `${server.url}//` });
		expect(result).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(server.requests).toHaveLength(1);
		expect(server.requests[0].method).toBe('GET');
		expect(server.requests[0].path).toBe('/api/v1/chat/credit');
		expect(server.requests[0].headers.authorization).toBe('Bearer good');
	});

	it('applies responseSuccessBody rules on HTTP 200 with an error code in the body', async () => {
		const bad = await testCredential({ apiKey: 'bad', baseUrl: server.url });
		expect(bad.status).toBe('Error');
		expect(bad.message).toBe('KIE rejected the API key: check it at https://kie.ai/api-key (KIE code 401)');
		const broke = await testCredential({ apiKey: 'broke', baseUrl: server.url });
		expect(broke).toEqual({
			status: 'Error',
			message: 'The key works but the KIE account has no credits left (KIE code 402)',
		});
	});

	it('reports an HTTP 401 as an error (2.8: message of the NodeApiError, request sent twice)', async () => {
		const result = await testCredential({ apiKey: 'http401', baseUrl: server.url });
		expect(result.status).toBe('Error');
		expect(result.message).toBe('Authorization failed - please check your credentials');
		expect(server.requests).toHaveLength(2);
	});

	it('reports a network error', async () => {
		const result = await testCredential({ apiKey: 'good', baseUrl: 'http://127.0.0.1:1' });
		expect(result.status).toBe('Error');
	});
});

describe('loadBuiltPackage (PackageDirectoryLoader)', () => {
	it('loads nodes and credentials listed in package.json#n8n', async () => {
		const root = mkdtempSync(join(tmpdir(), 'kie-loader-'));
		mkdirSync(join(root, 'dist/nodes/Demo'), { recursive: true });
		mkdirSync(join(root, 'dist/credentials'), { recursive: true });
		writeFileSync(
			join(root, 'package.json'),
			JSON.stringify({
				name: 'n8n-nodes-demo',
				version: '1.2.3',
				n8n: {
					n8nNodesApiVersion: 1,
					nodes: ['dist/nodes/Demo/Demo.node.js'],
					credentials: ['dist/credentials/DemoApi.credentials.js'],
				},
			}),
		);
		writeFileSync(
			join(root, 'dist/nodes/Demo/Demo.node.js'),
			`class Demo { constructor() { this.description = { displayName: 'Demo', name: 'demo', icon: 'file:demo.svg', group: ['transform'], version: 1, description: 'd', defaults: { name: 'Demo' }, inputs: ['main'], outputs: ['main'], credentials: [{ name: 'demoApi', required: true }], properties: [] }; } }
exports.Demo = Demo;`,
		);
		writeFileSync(
			join(root, 'dist/nodes/Demo/Demo.node.json'),
			JSON.stringify({ node: 'n8n-nodes-demo.demo', categories: ['AI'], resources: { primaryDocumentation: [{ url: 'https://example.com' }] } }),
		);
		writeFileSync(join(root, 'dist/nodes/Demo/demo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
		writeFileSync(
			join(root, 'dist/credentials/DemoApi.credentials.js'),
			`class DemoApi { constructor() { this.name = 'demoApi'; this.displayName = 'Demo API'; this.properties = []; } }
exports.DemoApi = DemoApi;`,
		);

		const { nodeTypes, credentialTypes, loader } = await loadBuiltPackage(root);
		expect(nodeTypes).toEqual(['n8n-nodes-demo.demo']);
		expect(credentialTypes).toEqual(['demoApi']);
		const description = loader.nodeTypes.demo.type.description;
		expect(description.codex?.categories).toEqual(['AI']);
		expect(description.iconUrl).toBe('icons/n8n-nodes-demo/dist/nodes/Demo/demo.svg');
		expect(loader.known.credentials.demoApi.supportedNodes).toEqual(['demo']);
	});

	const builtRoot = join(__dirname, '..', '..');
	const built = existsSync(join(builtRoot, 'dist', 'nodes', 'Kie', 'Kie.node.js'));
	(built ? it : it.skip)('loads the built n8n-nodes-kie-ai package (after npm run build)', async () => {
		const { nodeTypes, credentialTypes } = await loadBuiltPackage(builtRoot);
		expect(nodeTypes).toEqual(expect.arrayContaining(['n8n-nodes-kie-ai.kie']));
		expect(credentialTypes).toEqual(['kieApi']);
	});
});
