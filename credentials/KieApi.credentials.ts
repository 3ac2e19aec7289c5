import type {
	IAuthenticateGeneric,
	ICredentialTestRequest,
	ICredentialType,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

const BODY_CODE_RULES: Array<[number, string]> = [
	[400, 'KIE rejected the request'],
	[401, 'KIE rejected the API key: check it at https://kie.ai/api-key'],
	[402, 'The key works but the KIE account has no credits left'],
	[403, 'KIE refused the key: check it and its IP whitelist'],
	[404, 'Not found: check the Base URL'],
	[405, 'Method not allowed: check the Base URL'],
	[422, 'KIE rejected the request: check the Base URL'],
	[429, 'KIE is rate limiting this key: try again in a few seconds'],
	[455, 'KIE is under maintenance: try again later'],
	[500, 'KIE server error: try again later'],
	[501, 'KIE answered with an error'],
	[505, 'This feature is disabled on KIE'],
];

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
		// Rules match one value each: every documented non-200 code gets one.
		rules: BODY_CODE_RULES.map(([code, message]) => ({
			type: 'responseSuccessBody' as const,
			properties: { key: 'code', value: code, message: `${message} (KIE code ${code})` },
		})),
	};
}
