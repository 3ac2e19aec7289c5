import { NodeConnectionTypes } from 'n8n-workflow';
import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { nodeProperties } from './actions/descriptions';
import { route } from './actions/router';
import { getInputOptions, getModelFields } from './methods/getModelFields';
import { searchModels } from './methods/searchModels';
import { KIE_SUBTITLE } from './actions/subtitle';
import { handleResumeWebhook } from './actions/task/wait.resume';
import { noRemoteWebhookMethods } from './actions/webhookLifecycle';

export class Kie implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'KIE',
		name: 'kie',
		icon: { light: 'file:kie.svg', dark: 'file:kie.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: KIE_SUBTITLE,
		description: 'Create KIE (kie.ai) image, video, music and speech tasks, wait for them and get the files',
		defaults: { name: 'KIE' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'kieApi', required: true }],
		// Wait for Task in callback mode: KIE's callback reaches this execution's resume URL.
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				path: '',
				restartWebhook: true,
			},
		],
		waitingNodeTooltip: '={{ "Waiting for KIE to call back " + $execution.resumeUrl }}',
		properties: nodeProperties,
	};

	webhookMethods = noRemoteWebhookMethods;

	methods = {
		listSearch: { searchModels },
		loadOptions: { getInputOptions },
		resourceMapping: { getModelFields },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route(this);
	}

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await handleResumeWebhook(this);
	}
}
