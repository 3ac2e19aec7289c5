import type {
	IAuthenticateGeneric,
	ICredentialTestRequest,
	ICredentialType,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

export class KieApi implements ICredentialType {
	name = 'kieApi';

	displayName = 'KIE API';

	icon: Icon = { light: 'file:../icons/kie.svg', dark: 'file:../icons/kie.dark.svg' };

	documentationUrl = 'https://docs.kie.ai/';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description: 'Your KIE API key, from https://kie.ai/api-key',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.kie.ai',
			description: 'KIE API host. Change it only for a proxy or a local KIE emulator.',
		},
		{
			displayName: 'Upload Base URL',
			name: 'uploadBaseUrl',
			type: 'string',
			default: 'https://kieai.redpandaai.co',
			description: 'Host of the KIE File Upload API',
		},
		{
			displayName: 'Webhook HMAC Key',
			name: 'webhookHmacKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Optional. The webhook HMAC key from your KIE settings. When set, callbacks received by the KIE Trigger and by Wait for Task (callback mode) must carry a valid KIE signature.',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization: '=Bearer {{$credentials.apiKey}}',
			},
		},
	};

	// KIE answers a bad key with HTTP 200 and `{"code":401,...}` in the body, so the test
	// needs a body rule as well as the HTTP status.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/api/v1/chat/credit',
			method: 'GET',
		},
		rules: [
			{
				type: 'responseSuccessBody',
				properties: { key: 'code', value: 401, message: 'KIE rejected the API key (code 401). Check the key at https://kie.ai/api-key.' },
			},
			{
				type: 'responseSuccessBody',
				properties: { key: 'code', value: 402, message: 'The key works but the KIE account has no credits left (code 402).' },
			},
			{
				type: 'responseSuccessBody',
				properties: { key: 'code', value: 403, message: 'KIE refused the key (code 403). Check the key and its IP whitelist.' },
			},
		],
	};
}
