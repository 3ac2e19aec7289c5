import type { IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { handleCallback } from '../../trigger/handle';
import { readTriggerSettings } from './description';

/** One KIE callback to the trigger: its settings read once, then trigger/handle.ts. */
export async function triggerWebhook(ctx: IWebhookFunctions): Promise<IWebhookResponseData> {
	return await handleCallback(ctx, readTriggerSettings((name, fallback) => ctx.getNodeParameter(name, fallback)));
}
