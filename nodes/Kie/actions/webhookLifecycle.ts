import type { IHookFunctions } from 'n8n-workflow';

/**
 * KIE has no webhook registration API (the callback URL travels with each task) and restart
 * webhooks are never registered by n8n: there is nothing remote to check, create or delete.
 */
export const noRemoteWebhookMethods = {
	default: {
		async checkExists(this: IHookFunctions): Promise<boolean> {
			return true;
		},
		async create(this: IHookFunctions): Promise<boolean> {
			return true;
		},
		async delete(this: IHookFunctions): Promise<boolean> {
			return true;
		},
	},
};
