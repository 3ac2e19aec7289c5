import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { FAMILIES, FAMILY_IDS } from '../../families/specs';
import type { FamilyId } from '../../families/types';
import { DEFAULT_MAX_BODY_BYTES } from '../../callback/body';
import { DEFAULT_DEDUPE } from '../../trigger/dedupe';
import { DEFAULT_TOLERANCE_SECONDS } from '../../callback/hmac';
import type { TriggerSettings } from '../../trigger/settings';
import { positive } from '../../utils/values';
import { downloadOptionFields, outputSettings } from '../options/output';

const apiOptions = [...FAMILY_IDS]
	.map((id) => ({ name: FAMILIES[id].displayName, value: id as string }))
	.sort((a, b) => a.name.localeCompare(b.name));

export const triggerProperties: INodeProperties[] = [
	{
		displayName:
			'Give this node\'s <b>Production URL</b> to Create Task as its Callback URL, and activate the workflow. The Test URL listens for only 2 minutes after "Listen for test event", and most KIE video and music tasks take longer. KIE must reach the URL from the internet: on self-hosted n8n set the WEBHOOK_URL environment variable to your public address. For the Shared Token option, append <code>?token=</code> plus your token to the URL you give Create Task; to name the API yourself, append <code>api=</code> plus its ID (e.g. <code>?api=veo</code>, or <code>&amp;api=veo</code> after a token).',
		name: 'notice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'API',
		name: 'api',
		type: 'options',
		default: 'auto',
		description:
			'Which KIE API sends the callbacks. Auto-Detect reads it from the body\'s shape. An <code>api</code> query parameter on the callback URL (e.g. <code>?api=suno</code>) wins over this setting.',
		options: [{ name: 'Auto-Detect', value: 'auto' }, ...apiOptions],
	},
	{
		displayName: 'Trigger On',
		name: 'events',
		type: 'options',
		default: 'final',
		options: [
			// `action`: n8n's node panel lists these as the KIE Trigger's triggers under the KIE node.
			{ name: 'All Final Events', value: 'final', action: 'On KIE task finished', description: 'KIE Trigger: a KIE task finished, successful or failed (KIE calls back)' },
			{ name: 'Failure Only', value: 'failure', action: 'On KIE task failed', description: 'KIE Trigger: a KIE task failed (KIE calls back)' },
			{ name: 'Success Only', value: 'success', action: 'On KIE task succeeded', description: 'KIE Trigger: a KIE task succeeded (KIE calls back)' },
		],
	},
	{
		displayName: 'Include Intermediate Stages',
		name: 'includeIntermediate',
		type: 'boolean',
		default: false,
		description:
			'Whether to also start the workflow for progress callbacks before the task is final (Suno sends "text" when the lyrics are done and "first" when the first track is ready)',
	},
	{
		displayName: 'Verify with API',
		name: 'verifyWithApi',
		type: 'boolean',
		default: false,
		description:
			'Whether to re-read the task from KIE\'s API (which KIE calls the final authority) and output and download its values only, never the callback\'s. Needs the KIE credential. A task KIE does not know or still shows as running is answered HTTP 503 (KIE sends the callback again later) and starts nothing.',
	},
	{
		displayName: 'Download Results',
		name: 'downloadResults',
		type: 'boolean',
		default: false,
		description:
			'Whether to download the result files (images, video, audio) into the output as binary data, like Wait for Task does. Needs authenticated callbacks (webhook HMAC key in the credential, or a Shared Token) or Verify with API: otherwise the URLs would come from whoever called the webhook, so the trigger refuses to run.',
	},
	{
		displayName: 'Output',
		name: 'outputOptions',
		type: 'collection',
		placeholder: 'Add Output Option',
		default: {},
		displayOptions: { show: { downloadResults: [true] } },
		// The binary output settings shared with Wait for Task; the on/off switch is the field above.
		options: downloadOptionFields.filter((field) => field.name !== 'download'),
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Duplicate Memory (Hours)',
				name: 'duplicateMemoryHours',
				type: 'number',
				typeOptions: { minValue: 0.1, numberPrecision: 1 },
				default: 24,
				description: 'How long a delivery is remembered to recognise repeats (at most 1000 are kept)',
			},
			{
				displayName: 'Ignore Duplicates',
				name: 'ignoreDuplicates',
				type: 'boolean',
				default: true,
				description:
					'Whether a repeated callback (same task, stage and outcome) is acknowledged with duplicate: true without starting the workflow again, also when copies arrive at the same moment. KIE may deliver a callback more than once. Active workflows only.',
			},
			{
				displayName: 'Max Body Size (KB)',
				name: 'maxBodySizeKb',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 1024,
				description: 'Larger callback bodies are refused with HTTP 400',
			},
			{
				displayName: 'Shared Token',
				name: 'sharedToken',
				type: 'string',
				typeOptions: { password: true },
				default: '',
				description:
					'For accounts without a webhook HMAC key: callbacks must carry this value as <code>?token=</code> in their URL (append it to the URL you give Create Task). Others get HTTP 401.',
			},
			{
				displayName: 'Signature Max Age (Seconds)',
				name: 'signatureToleranceSeconds',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: DEFAULT_TOLERANCE_SECONDS,
				description:
					'When the credential has a webhook HMAC key: how far X-Webhook-Timestamp may be from now. Older (replayed) callbacks get HTTP 401.',
			},
		],
	},
];

/** All parameters, read once per callback through a getter (webhook contexts take no item index). */
export function readTriggerSettings(get: (name: string, fallback: unknown) => unknown): TriggerSettings {
	const options = (get('options', {}) ?? {}) as Record<string, unknown>;
	const events = get('events', 'final');
	return {
		api: String(get('api', 'auto')) as 'auto' | FamilyId,
		events: events === 'success' || events === 'failure' ? events : 'final',
		includeIntermediate: get('includeIntermediate', false) === true,
		verifyWithApi: get('verifyWithApi', false) === true,
		output: outputSettings({
			...((get('outputOptions', {}) ?? {}) as IDataObject),
			download: get('downloadResults', false) === true,
		}),
		sharedToken: typeof options.sharedToken === 'string' ? options.sharedToken : '',
		signatureToleranceSeconds: positive(options.signatureToleranceSeconds, DEFAULT_TOLERANCE_SECONDS),
		maxBodyBytes: Math.round(positive(options.maxBodySizeKb, DEFAULT_MAX_BODY_BYTES / 1024) * 1024),
		ignoreDuplicates: options.ignoreDuplicates !== false,
		duplicateTtlMs: Math.round(positive(options.duplicateMemoryHours, DEFAULT_DEDUPE.ttlMs / 3600000) * 3600000),
	};
}
