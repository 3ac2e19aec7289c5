import { ExecuteContext, RoutingNode } from 'n8n-core';
import type {
	ICredentialType,
	IExecuteData,
	INode,
	INodeCredentialTestResult,
	INodeExecutionData,
	IRunExecutionData,
	ITaskDataConnections,
} from 'n8n-workflow';
import { Workflow, createRunExecutionData } from 'n8n-workflow';

import { KieApi } from '../../credentials/KieApi.credentials';
import {
	KIE_TEST_CREDENTIAL,
	TestCredentialsHelper,
	credentialTestNodeType,
	toDecrypted,
	withCredentialDefaults,
} from './credentials';
import { createAdditionalData, workflowBase } from './engine';
import { HarnessNodeTypes } from './node-types';
import type { KieTestCredentials } from './types';

function get(object: unknown, path: string): unknown {
	return path.split('.').reduce<unknown>((value, key) => {
		if (value === null || typeof value !== 'object') return undefined;
		return (value as Record<string, unknown>)[key];
	}, object);
}

/**
 * Runs a credential type's declarative `test` the way packages/cli CredentialsTester does: a
 * temporary "n8n-nodes-base.noOp" node whose single property routes `test.request`, executed by
 * n8n-core's RoutingNode (so `={{$credentials...}}` in the request is resolved and the credential's
 * `authenticate` is applied through httpRequestWithAuthentication); then the `rules`:
 * `responseCode` rules on an HTTP error, `responseSuccessBody` rules on a 2xx body.
 */
export async function testCredential(
	credentials: KieTestCredentials | object,
	credentialType: ICredentialType = new KieApi(),
): Promise<INodeCredentialTestResult> {
	const testRequest = credentialType.test;
	if (!testRequest) return { status: 'Error', message: 'No testing function found for this credential.' };

	const credentialsHelper = new TestCredentialsHelper([credentialType]);
	const data = withCredentialDefaults(credentialType, credentials);
	credentialsHelper.setCredentials(credentialType.name, data);
	const nodeType = credentialTestNodeType(credentialType);
	const nodeTypes = new HarnessNodeTypes([]).add(nodeType.description.name, nodeType);
	const node: INode = {
		id: 'temp',
		parameters: {},
		name: 'Temp-Node',
		type: nodeType.description.name,
		typeVersion: 1,
		position: [0, 0],
		credentials: { [credentialType.name]: KIE_TEST_CREDENTIAL },
	};
	const workflowData = workflowBase('credential-test', [node], {});
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	const { additionalData } = createAdditionalData({ mode: 'internal', workflowData, credentialsHelper });
	const inputData: ITaskDataConnections = { main: [[{ json: {} }]] };
	const runExecutionData: IRunExecutionData = createRunExecutionData({ resultData: { runData: {} } });
	const executeData: IExecuteData = { node, data: {}, source: null };
	const context = new ExecuteContext(
		workflow,
		node,
		additionalData,
		'internal',
		runExecutionData,
		0,
		[],
		inputData,
		executeData,
		[],
	);
	const routingNode = new RoutingNode(context, nodeType, toDecrypted(credentialType.name, data));

	let response: INodeExecutionData[][] | null | undefined;
	try {
		response = await routingNode.runNode();
	} catch (error) {
		const cause = (error as { cause?: { response?: { status: number; statusText?: string }; code?: string } }).cause;
		if (cause?.response) {
			const statusCode = cause.response.status;
			for (const rule of testRequest.rules ?? []) {
				if (rule.type === 'responseCode' && statusCode === rule.properties.value) {
					return { status: 'Error', message: rule.properties.message };
				}
			}
			if (statusCode < 199 || statusCode > 299) {
				return {
					status: 'Error',
					message: cause.response.statusText || `Received HTTP status code: ${statusCode}`,
				};
			}
		} else if (cause?.code) {
			return { status: 'Error', message: cause.code };
		}
		return { status: 'Error', message: String((error as Error).message) };
	}

	for (const rule of testRequest.rules ?? []) {
		if (rule.type === 'responseSuccessBody') {
			const responseData = response?.[0]?.[0]?.json;
			if (get(responseData, rule.properties.key) === rule.properties.value) {
				return { status: 'Error', message: rule.properties.message };
			}
		}
	}
	return { status: 'OK', message: 'Connection successful!' };
}
