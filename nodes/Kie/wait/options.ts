import type { IDataObject, IDisplayOptions, INodeProperties } from 'n8n-workflow';

import { downloadOptionFields } from '../binary/options';
import { DEFAULT_TIMEOUT_MINUTES } from './deadline';
import { DEFAULT_MAX_INTERVAL_MS, DEFAULT_MIN_INTERVAL_MS, type ScheduleKind } from './schedule';

/** KIE allows 10 status reads per second per API key; half leaves room for other workflows. */
export const DEFAULT_READS_PER_SECOND = 5;
export const DEFAULT_GRACE_SECONDS = 30;

export interface PollSettings {
	kind: ScheduleKind;
	minMs: number;
	maxMs: number;
	/** 0 = from recent tasks, the catalogue or the API family. */
	expectedSeconds: number;
	/** 0 = per category. */
	timeoutMinutes: number;
	graceMs: number;
	readsPerSecond: number;
}

const timeoutDefaults = Object.entries(DEFAULT_TIMEOUT_MINUTES)
	.map(([category, minutes]) => `${category} ${minutes}`)
	.join(', ');

export function pollOptionsProperty(displayOptions: IDisplayOptions): INodeProperties {
	return {
		displayName: 'Polling',
		name: 'pollOptions',
		type: 'collection',
		placeholder: 'Add Polling Option',
		default: {},
		displayOptions,
		options: [
			{
				displayName: 'Expected Duration (Seconds)',
				name: 'expectedSeconds',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 0,
				description:
					'How long the task usually takes. The adaptive schedule reads rarely before that and often around it. 0 uses what this model took recently, else its typical time from the catalogue.',
			},
			{
				displayName: 'Max Poll Interval (Seconds)',
				name: 'maxIntervalSeconds',
				type: 'number',
				typeOptions: { minValue: 0.05, numberPrecision: 2 },
				default: 30,
				description: 'Longest time between two status reads of one task',
			},
			{
				displayName: 'Max Status Reads per Second',
				name: 'readsPerSecond',
				type: 'number',
				typeOptions: { minValue: 0.1, numberPrecision: 1 },
				default: 5,
				description:
					'Cap on status reads for all tasks together, shared by every workflow of this n8n instance using the same API key. KIE allows 10 per second per key.',
			},
			{
				displayName: 'Min Poll Interval (Seconds)',
				name: 'minIntervalSeconds',
				type: 'number',
				typeOptions: { minValue: 0.05, numberPrecision: 2 },
				default: 2,
				description: 'Shortest time between two status reads of one task (the interval of the Fixed schedule)',
			},
			{
				displayName: 'Not Found Grace (Seconds)',
				name: 'notFoundGraceSeconds',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 30,
				description:
					'Right after creation KIE may answer "recordInfo is null" for a few seconds. After this long without seeing the task, the node reports it as unknown.',
			},
			{
				displayName: 'Poll Schedule',
				name: 'schedule',
				type: 'options',
				default: 'adaptive',
				options: [
					{
						name: 'Adaptive',
						value: 'adaptive',
						description: 'Few reads early, frequent reads around the expected duration, then slowly wider',
					},
					{
						name: 'KIE Guidance',
						value: 'kie',
						description: 'Every 2–3 s for 30 s, 5–10 s until 2 min, then 15–30 s',
					},
					{
						name: 'Fixed',
						value: 'fixed',
						description: 'Every Min Poll Interval',
					},
				],
			},
			{
				displayName: 'Timeout (Minutes)',
				name: 'timeoutMinutes',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 0,
				description: `Give up on a task after this long and report its last status. 0 uses a default per kind of output (${timeoutDefaults} minutes; at least 3× the expected duration).`,
			},
		],
	};
}

function positive(value: unknown, fallback: number): number {
	const n = Number(value);
	return Number.isFinite(n) && n > 0 ? n : fallback;
}

function nonNegative(value: unknown, fallback: number): number {
	const n = Number(value);
	return Number.isFinite(n) && n >= 0 ? n : fallback;
}

/** In an AI agent's tool call the agent waits for every read: at most this long between reads unless set. */
export const TOOL_MAX_INTERVAL_MS = 5000;

export function pollSettings(values: IDataObject, toolCall = false): PollSettings {
	const kind: ScheduleKind = values.schedule === 'kie' || values.schedule === 'fixed' ? values.schedule : 'adaptive';
	const minMs = Math.round(positive(values.minIntervalSeconds, DEFAULT_MIN_INTERVAL_MS / 1000) * 1000);
	const defaultMaxMs = toolCall ? Math.max(TOOL_MAX_INTERVAL_MS, minMs) : DEFAULT_MAX_INTERVAL_MS;
	const maxMs = Math.round(positive(values.maxIntervalSeconds, defaultMaxMs / 1000) * 1000);
	return {
		kind,
		minMs: Math.min(minMs, maxMs),
		maxMs: Math.max(minMs, maxMs),
		expectedSeconds: nonNegative(values.expectedSeconds, 0),
		timeoutMinutes: nonNegative(values.timeoutMinutes, 0),
		graceMs: Math.round(nonNegative(values.notFoundGraceSeconds, DEFAULT_GRACE_SECONDS) * 1000),
		readsPerSecond: positive(values.readsPerSecond, DEFAULT_READS_PER_SECOND),
	};
}

export function outputOptionsProperty(displayOptions: IDisplayOptions): INodeProperties {
	return {
		displayName: 'Output',
		name: 'outputOptions',
		type: 'collection',
		placeholder: 'Add Output Option',
		default: {},
		displayOptions,
		options: [
			...downloadOptionFields,
			{
				displayName: 'Include Raw Record in Tool Results',
				name: 'toolRaw',
				type: 'boolean',
				default: false,
				description:
					'Whether an AI agent\'s tool call also gets KIE\'s full task record (`raw`). Off keeps tool results small: task ID, status, URLs, credits.',
			},
			{
				displayName: 'Output Failed Tasks',
				name: 'outputFailed',
				type: 'boolean',
				default: false,
				description:
					'Whether a task that failed on KIE becomes an item with status "failed" (and failCode, failMsg) instead of stopping the workflow with an error',
			},
		],
	};
}
