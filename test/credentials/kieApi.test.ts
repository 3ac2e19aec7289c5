import { resolve } from 'path';

import { KieApi } from '../../credentials/KieApi.credentials';
import { loadBuiltPackage, testCredential } from '../harness';
import { credentialsFor, useEmulator } from '../support/kie';

const emulator = useEmulator();

describe('KIE API credential', () => {
	it('passes its test for a good key (GET /api/v1/chat/credit)', async () => {
		const result = await testCredential(credentialsFor(emulator()));
		expect(result.status).toBe('OK');
		const [request] = emulator().log.filter((entry) => entry.route === 'credit');
		expect(request.path).toBe('/api/v1/chat/credit');
	});

	it('fails its test for a bad key', async () => {
		const result = await testCredential(credentialsFor(emulator(), 'wrong-key-placeholder'));
		expect(result.status).toBe('Error');
	});

	it('fails on a body code 401 delivered with HTTP 200, with its own message', async () => {
		emulator().addFault({ route: 'credit', fault: { type: 'bodyCode', code: 401, msg: 'You do not have access permissions' } });
		const result = await testCredential(credentialsFor(emulator()));
		expect(result).toEqual({ status: 'Error', message: expect.stringMatching(/KIE rejected the API key/) });
	});

	it.each([402, 403, 404, 422, 429, 455, 500, 505])('fails on body code %i delivered with HTTP 200', async (code) => {
		emulator().addFault({ route: 'credit', fault: { type: 'bodyCode', code, msg: `code ${code}` } });
		const result = await testCredential(credentialsFor(emulator()));
		expect(result.status).toBe('Error');
	});

	it('accepts a base URL with a trailing slash', async () => {
		const result = await testCredential({ ...credentialsFor(emulator()), baseUrl: `${emulator().url}/` });
		expect(result.status).toBe('OK');
	});

	it('sends the key as a Bearer header and masks it in the UI', () => {
		const credential = new KieApi();
		expect(credential.authenticate.properties.headers).toEqual({ Authorization: '=Bearer {{$credentials.apiKey}}' });
		const apiKey = credential.properties.find((property) => property.name === 'apiKey');
		const hmac = credential.properties.find((property) => property.name === 'webhookHmacKey');
		expect(apiKey?.typeOptions?.password).toBe(true);
		expect(hmac?.typeOptions?.password).toBe(true);
		expect(credential.properties.find((property) => property.name === 'baseUrl')?.default).toBe('https://api.kie.ai');
		expect(credential.properties.find((property) => property.name === 'uploadBaseUrl')?.default).toBe('https://kieai.redpandaai.co');
	});
});

describe('the built package, loaded by n8n-core', () => {
	it('exposes the credential and every node listed in package.json', async () => {
		const root = resolve(__dirname, '../..');
		const { nodeTypes, credentialTypes } = await loadBuiltPackage(root);
		expect(credentialTypes).toEqual(['kieApi']);
		expect(nodeTypes.sort()).toEqual(['n8n-nodes-kie-ai.kie', 'n8n-nodes-kie-ai.kieTrigger']);
	});
});
