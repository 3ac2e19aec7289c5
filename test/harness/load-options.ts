import { LoadOptionsContext } from 'n8n-core';
import type { INode, INodeParameters, INodeType, ILoadOptionsFunctions } from 'n8n-workflow';
import { deepCopy } from 'n8n-workflow';

import { KIE_CREDENTIAL_TYPE, KIE_TEST_CREDENTIAL, kieCredentialsHelper } from './credentials';
import { createAdditionalData, createWorkflow, workflowBase } from './engine';
import { HarnessNodeTypes } from './node-types';
import type { KieTestCredentials } from './types';

let counter = 0;

/**
 * The context the editor's REST endpoints give a node's methods (packages/cli
 * DynamicNodeParametersService: resource-locator-results → listSearch, resource-mapper-fields →
 * resourceMapping, options → loadOptions): n8n-core's LoadOptionsContext on a one-node workflow
 * holding the node's current parameters.
 */
export function loadOptionsContext(node: INodeType, parameters: INodeParameters, credentials?: KieTestCredentials): ILoadOptionsFunctions {
	const typeName = `n8n-nodes-kie-ai.${node.description.name}`;
	const nodeTypes = new HarnessNodeTypes([{ json: {} }], {}).add(typeName, node, true);
	const nodeUnderTest: INode = {
		id: `load-options-${++counter}`,
		name: node.description.defaults?.name ?? node.description.displayName,
		type: typeName,
		typeVersion: Array.isArray(node.description.version) ? Math.max(...node.description.version) : node.description.version,
		position: [0, 0],
		parameters: deepCopy(parameters),
	};
	if (credentials) nodeUnderTest.credentials = { [KIE_CREDENTIAL_TYPE]: KIE_TEST_CREDENTIAL };
	const workflowData = workflowBase(`load-options-${counter}`, [nodeUnderTest], {});
	const workflow = createWorkflow(workflowData, nodeTypes);
	const { additionalData } = createAdditionalData({ mode: 'manual', workflowData, credentialsHelper: kieCredentialsHelper(credentials) });
	// The editor sends the node's current parameters with every request (getCurrentNodeParameter reads them).
	additionalData.currentNodeParameters = deepCopy(parameters);
	return new LoadOptionsContext(workflow, workflow.getNode(nodeUnderTest.name)!, additionalData, '');
}
