import { NodeConnectionTypes } from 'n8n-workflow';
import type { INodeType, INodeTypeDescription, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { triggerProperties } from './actions/trigger/description';
import { triggerWebhookMethods } from './actions/trigger/lifecycle';
import { triggerWebhook } from './actions/trigger/webhook';

export class KieTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'KIE Trigger',
		name: 'kieTrigger',
		icon: { light: 'file:kie.svg', dark: 'file:kie.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ $parameter["api"] === "auto" ? "Any KIE API" : $parameter["api"] }}',
		// n8n's node panel shows this on the merged KIE entry too (its actions create and wait for tasks).
		description: 'Starts the workflow when a KIE (kie.ai) task finishes and KIE calls back. The KIE node creates image, video and music tasks and waits for them.',
		defaults: { name: 'KIE Trigger' },
		eventTriggerDescription: 'Waiting for a KIE callback',
		activationMessage: 'KIE callbacks to the production URL now start this workflow.',
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		// Optional: only the webhook HMAC key, Verify with API and some downloads need it.
		credentials: [{ name: 'kieApi', required: false }],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				// webhook() answers KIE itself; 'noData' keeps n8n from sending its placeholder body otherwise.
				responseMode: 'onReceived',
				responseData: 'noData',
				path: 'callback',
			},
		],
		properties: triggerProperties,
	};

	webhookMethods = triggerWebhookMethods;

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await triggerWebhook(this);
	}
}
