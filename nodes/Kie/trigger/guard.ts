import type { TriggerSettings } from './settings';

/**
 * Settings the trigger refuses to run with, or undefined. Download Results fetches the URLs it
 * outputs; unless the callback is authenticated (HMAC key, Shared Token) or its task re-read from
 * KIE (Verify with API), those URLs come from whoever called the webhook, and n8n would fetch any
 * host they name (a server-side request forgery path). Checked when the workflow is activated (or
 * listens for a test event) and again on every callback.
 */
export function settingsProblem(settings: Pick<TriggerSettings, 'verifyWithApi' | 'sharedToken' | 'output'>, hasCredential: boolean, hmacKey: string): string | undefined {
	if (settings.verifyWithApi && !hasCredential) {
		return 'Verify with API needs a KIE credential on the trigger: select one, or turn Verify with API off';
	}
	if (settings.output.download && hmacKey === '' && settings.sharedToken === '' && !settings.verifyWithApi) {
		return 'Download Results needs the callbacks to be authenticated or verified: set the webhook HMAC key in the KIE credential, or a Shared Token (Options), or turn on Verify with API. Otherwise anyone who knows the URL could make n8n download from any host';
	}
	return undefined;
}
