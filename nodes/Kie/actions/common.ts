import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { DEFAULT_RETRY_POLICY } from '../transport/retry';
import { KIE_CREATE_LIMIT } from '../transport/limiter';
import type { TransportSettings } from '../transport/request';
import { FAMILIES, FAMILY_IDS, isFamilyId } from '../families/specs';
import type { FamilyId } from '../families/types';
import { NodeOperationError } from 'n8n-workflow';

/** The API family picker shared by Get Task and Wait for Task (each adds its display condition). */
export const apiFamilyProperty: INodeProperties = {
	displayName: 'API',
	name: 'api',
	type: 'options',
	noDataExpression: false,
	default: 'auto',
	description:
		'Which KIE API the task belongs to (task IDs do not say). "From Input Item" reads the `api` field that Create Task and the KIE Trigger put on their items.',
	options: [
		{ name: 'From Input Item (Field "Api")', value: 'auto' },
		...FAMILY_IDS.map((id) => ({ name: FAMILIES[id].displayName, value: id })).sort((a, b) => a.name.localeCompare(b.name)),
	],
};

export const taskIdProperty: INodeProperties = {
	displayName: 'Task ID',
	name: 'taskId',
	type: 'string',
	default: '={{ $json.taskId }}',
	required: true,
	description: 'The KIE task ID. Defaults to the `taskId` field of the incoming item.',
};

/**
 * The API family from the API parameter or the item's `api` field; undefined when neither says
 * (plain runs then use Market, tool calls look the task up: tool/family.ts).
 */
export function explicitFamily(ctx: IExecuteFunctions, itemIndex: number): FamilyId | undefined {
	const chosen = String(ctx.getNodeParameter('api', itemIndex, 'auto') ?? 'auto').trim();
	if (chosen !== 'auto' && chosen !== '') {
		if (isFamilyId(chosen)) return chosen;
		throw new NodeOperationError(ctx.getNode(), `Unknown API "${chosen}"`, {
			itemIndex,
			description: `Allowed: ${FAMILY_IDS.join(', ')}`,
		});
	}
	const fromItem = ctx.getInputData()[itemIndex]?.json?.api;
	if (fromItem === undefined || fromItem === null || fromItem === '') return undefined;
	if (isFamilyId(fromItem)) return fromItem;
	throw new NodeOperationError(ctx.getNode(), `The input item's "api" field is "${String(fromItem)}", which is not a KIE API`, {
		itemIndex,
		description: `Allowed: ${FAMILY_IDS.join(', ')}. Set the API parameter explicitly.`,
	});
}

/** Resolves the API family parameter, falling back to the item's `api` field, then Market. */
export function resolveFamily(ctx: IExecuteFunctions, itemIndex: number): FamilyId {
	return explicitFamily(ctx, itemIndex) ?? 'market';
}

export function requireTaskId(ctx: IExecuteFunctions, itemIndex: number): string {
	const taskId = String(ctx.getNodeParameter('taskId', itemIndex, '') ?? '').trim();
	if (taskId === '') {
		throw new NodeOperationError(ctx.getNode(), 'Task ID is empty', {
			itemIndex,
			description: 'Give a task ID, or feed items that have a `taskId` field (e.g. from Create Task).',
		});
	}
	return taskId;
}

/** "Request Options" shared by every action: retries and the create limiter. */
export const requestOptionsProperty: INodeProperties = {
	displayName: 'Request Options',
	name: 'requestOptions',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'Creates per Window',
			name: 'limitMax',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 20,
			description: 'Most new tasks started per window by this n8n process for this KIE account (KIE allows 20 per 10 s). Several processes (queue-mode workers) share the account\'s window by backing off on 429s.',
		},
		{
			displayName: 'First Retry Wait (Milliseconds)',
			name: 'baseDelayMs',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 1000,
			description: 'First back-off step; later steps double (with jitter). A Retry-After header from KIE wins.',
		},
		{
			displayName: 'Max Attempts',
			name: 'maxAttempts',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 20 },
			default: 6,
			description: 'Attempts per read when KIE answers 5xx or nothing. A 429 is retried until Max Retry Wait has passed, however many attempts that takes (KIE drops a rejected request, so retrying costs nothing).',
		},
		{
			displayName: 'Max Retry Wait (Seconds)',
			name: 'maxTotalWaitSeconds',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 120,
			description: 'Longest total time one request may spend waiting between retries; for 429s, the time from its first 429 until it gives up',
		},
		{
			displayName: 'Timeout (Seconds)',
			name: 'timeoutSeconds',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 0,
			description: 'Time allowed for one request to KIE; 0 = 30 s for reads, 60 s for creates, 300 s for uploads. A create that times out is not retried.',
		},
		{
			displayName: 'Window (Seconds)',
			name: 'limitWindowSeconds',
			type: 'number',
			typeOptions: { minValue: 0.1, numberPrecision: 1 },
			default: 10,
			description: 'Length of the create rate window',
		},
	],
};

export function transportSettings(ctx: IExecuteFunctions, itemIndex: number): TransportSettings {
	const options = ctx.getNodeParameter('requestOptions', itemIndex, {}) as {
		limitMax?: number;
		limitWindowSeconds?: number;
		maxAttempts?: number;
		maxTotalWaitSeconds?: number;
		baseDelayMs?: number;
		timeoutSeconds?: number;
	};
	return {
		timeoutMs: options.timeoutSeconds ? Math.round(options.timeoutSeconds * 1000) : undefined,
		limit: {
			max: options.limitMax ?? KIE_CREATE_LIMIT.max,
			windowMs: Math.round((options.limitWindowSeconds ?? KIE_CREATE_LIMIT.windowMs / 1000) * 1000),
		},
		retry: {
			...DEFAULT_RETRY_POLICY,
			maxAttempts: options.maxAttempts ?? DEFAULT_RETRY_POLICY.maxAttempts,
			maxTotalWaitMs: Math.round((options.maxTotalWaitSeconds ?? DEFAULT_RETRY_POLICY.maxTotalWaitMs / 1000) * 1000),
			baseDelayMs: options.baseDelayMs ?? DEFAULT_RETRY_POLICY.baseDelayMs,
		},
	};
}
