import type {
	ICredentialDataDecryptedObject,
	ICredentials,
	ICredentialsDecrypted,
	ICredentialType,
	IExecuteData,
	IHttpRequestHelper,
	IHttpRequestOptions,
	INode,
	INodeCredentialsDetails,
	INodeProperties,
	INodeType,
	IRequestOptionsSimplified,
	IWorkflowExecuteAdditionalData,
	Workflow,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { ICredentialsHelper, isExpression } from 'n8n-workflow';

import { KieApi } from '../../credentials/KieApi.credentials';
import type { KieTestCredentials } from './types';

export const KIE_CREDENTIAL_TYPE = 'kieApi';
export const KIE_TEST_CREDENTIAL_ID = 'kie-test-credential';
export const KIE_TEST_CREDENTIAL: INodeCredentialsDetails = {
	id: KIE_TEST_CREDENTIAL_ID,
	name: 'KIE test credential',
};

/** Credential values with the credential type's defaults for fields left out, as n8n stores them. */
export function withCredentialDefaults(
	credentialType: ICredentialType,
	data: object,
): ICredentialDataDecryptedObject {
	const result: ICredentialDataDecryptedObject = {};
	for (const property of credentialType.properties) {
		if (property.default !== undefined) result[property.name] = property.default as never;
	}
	for (const [key, value] of Object.entries(data)) {
		if (value !== undefined) result[key] = value as never;
	}
	return result;
}

/**
 * ICredentialsHelper for tests. Unlike n8n's own test harness
 * (packages/core/nodes-testing/credentials-helper.ts), it applies a GENERIC `authenticate`
 * exactly as packages/cli/src/credentials-helper.ts does: every key and value of
 * `authenticate.properties[outerKey]` is resolved with
 * `workflow.expression.getSimpleParameterValue(node, value, 'internal', { $credentials })`
 * and merged into `requestOptions[outerKey]`.
 */
export class TestCredentialsHelper extends ICredentialsHelper {
	private readonly types = new Map<string, ICredentialType>();

	private readonly values = new Map<string, ICredentialDataDecryptedObject>();

	/** Every request option object authenticate() produced, for assertions. */
	readonly authenticatedRequests: IHttpRequestOptions[] = [];

	constructor(credentialTypes: ICredentialType[] = [new KieApi()]) {
		super();
		for (const type of credentialTypes) this.types.set(type.name, type);
	}

	setCredentials(typeName: string, data: object): void {
		this.values.set(typeName, withCredentialDefaults(this.getType(typeName), data));
	}

	getType(typeName: string): ICredentialType {
		const type = this.types.get(typeName);
		if (!type) throw new Error(`Harness: unknown credential type "${typeName}"`);
		return type;
	}

	getParentTypes(typeName: string): string[] {
		const extendsTypes = this.types.get(typeName)?.extends ?? [];
		return extendsTypes.flatMap((parent) => [parent, ...this.getParentTypes(parent)]);
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		incomingRequestOptions: IHttpRequestOptions | IRequestOptionsSimplified,
		workflow: Workflow,
		node: INode,
	): Promise<IHttpRequestOptions> {
		const requestOptions = incomingRequestOptions as IHttpRequestOptions;
		const { authenticate } = this.getType(typeName);
		if (typeof authenticate === 'function') {
			const result = await authenticate(credentials, requestOptions);
			this.authenticatedRequests.push(result);
			return result;
		}
		if (typeof authenticate === 'object' && authenticate.type === 'generic') {
			if (requestOptions.headers === undefined) requestOptions.headers = {};
			const resolve = (value: string): string => {
				if (!isExpression(value)) return value;
				const resolved = workflow.expression.getSimpleParameterValue(
					node,
					value,
					'internal',
					{ $credentials: credentials },
					undefined,
					'',
				);
				return resolved ? String(resolved) : '';
			};
			for (const [outerKey, outerValue] of Object.entries(authenticate.properties)) {
				const target = requestOptions as unknown as Record<string, Record<string, unknown>>;
				if (!target[outerKey]) target[outerKey] = {};
				for (const [key, value] of Object.entries(outerValue as Record<string, string>)) {
					target[outerKey][resolve(key)] = resolve(value);
				}
			}
		}
		this.authenticatedRequests.push(requestOptions);
		return requestOptions;
	}

	async preAuthentication(
		_helpers: IHttpRequestHelper,
		_credentials: ICredentialDataDecryptedObject,
		_typeName: string,
		_node: INode,
		_credentialsExpired: boolean,
	): Promise<ICredentialDataDecryptedObject | undefined> {
		// Only credentials with an expirable hidden property have a preAuthentication step.
		return undefined;
	}

	async getCredentials(_nodeCredentials: INodeCredentialsDetails, _type: string): Promise<ICredentials> {
		throw new Error('Harness: getCredentials (encrypted credentials) is not supported');
	}

	async getDecrypted(
		_additionalData: IWorkflowExecuteAdditionalData,
		_nodeCredentials: INodeCredentialsDetails,
		type: string,
		_mode: WorkflowExecuteMode,
		_executeData?: IExecuteData,
	): Promise<ICredentialDataDecryptedObject> {
		const data = this.values.get(type);
		if (!data) throw new Error(`Harness: no test credentials of type "${type}" were given`);
		return { ...data };
	}

	async updateCredentials(): Promise<void> {}

	async updateCredentialsOauthTokenData(): Promise<void> {}

	getCredentialsProperties(type: string): INodeProperties[] {
		return this.getType(type).properties;
	}

	/** n8n 2.x-era method (not in n8n-workflow 2.8's abstract class); harmless for older cores. */
	isCredentialUsableByNode(): boolean {
		return true;
	}
}

export function kieCredentialsHelper(credentials?: KieTestCredentials): TestCredentialsHelper {
	const helper = new TestCredentialsHelper();
	if (credentials) helper.setCredentials(KIE_CREDENTIAL_TYPE, credentials);
	return helper;
}

export function toDecrypted(typeName: string, data: ICredentialDataDecryptedObject): ICredentialsDecrypted {
	return { ...KIE_TEST_CREDENTIAL, id: KIE_TEST_CREDENTIAL_ID, type: typeName, data };
}

/** The stand-in node type n8n's CredentialsTester uses for a credential's own `test` request. */
export function credentialTestNodeType(credentialType: ICredentialType): INodeType {
	if (!credentialType.test) throw new Error(`Credential type "${credentialType.name}" has no test`);
	return {
		description: {
			displayName: 'No Operation, do nothing',
			name: 'n8n-nodes-base.noOp',
			group: ['organization'],
			version: 1,
			description: 'No Operation',
			defaults: { name: 'No Operation, do nothing' },
			inputs: ['main'],
			outputs: ['main'],
			credentials: [{ name: credentialType.name, required: true }],
			properties: [
				{
					displayName: 'Temp',
					name: 'temp',
					type: 'string',
					routing: { request: credentialType.test.request },
					default: '',
				},
			],
		},
	} as INodeType;
}
