import { NodeOperationError } from 'n8n-workflow';
import type { IHookFunctions } from 'n8n-workflow';

import { settingsProblem } from '../../trigger/guard';
import { noRemoteWebhookMethods } from '../webhookLifecycle';
import { readTriggerSettings } from './description';

/**
 * KIE has nothing to register (the callback URL travels with each task), but n8n asks
 * checkExists when it activates the workflow or starts listening for a test event: the place to
 * refuse settings that would download from hosts an unauthenticated caller names (trigger/guard.ts), with
 * the reason shown where the user activates.
 */
export const triggerWebhookMethods = {
	default: {
		...noRemoteWebhookMethods.default,
		async checkExists(this: IHookFunctions): Promise<boolean> {
			const settings = readTriggerSettings((name, fallback) => this.getNodeParameter(name, fallback));
			const hasCredential = this.getNode().credentials?.kieApi !== undefined;
			let hmacKey = '';
			if (hasCredential) {
				try {
					hmacKey = String((await this.getCredentials('kieApi')).webhookHmacKey ?? '');
				} catch {
					// An unreadable credential is reported on the first callback (fail closed there).
				}
			}
			const problem = settingsProblem(settings, hasCredential, hmacKey);
			if (problem !== undefined) throw new NodeOperationError(this.getNode(), `KIE Trigger: ${problem}.`);
			return true;
		},
	},
};
