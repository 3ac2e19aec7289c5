import type { IDataObject, IDisplayOptions, INodeProperties } from 'n8n-workflow';

import { DEFAULT_TIMEOUT_MINUTES } from '../../wait/deadline';
import { DEFAULT_MAX_INTERVAL_MS, DEFAULT_MIN_INTERVAL_MS, type ScheduleKind } from '../../wait/schedule';
import {
	DEFAULT_GRACE_SECONDS,
	DEFAULT_READS_PER_SECOND,
	PER_TASK_MIN_INTERVAL_MS,
	TOOL_MAX_INTERVAL_MS,
	type PollSettings,
} from '../../wait/settings';
import { nonNegative, positive } from '../../utils/values';

const timeoutDefaults = Object.entries(DEFAULT_TIMEOUT_MINUTES)
	.map(([category, minutes]) => `${category} ${minutes}`)
	.join(', ');

export function pollOptionsProperty(displayOptions?: IDisplayOptions): INodeProperties {
	return {
		displayName: 'Polling',
		name: 'pollOptions',
		type: 'collection',
		placeholder: 'Add Polling Option',
		default: {},
		...(displayOptions ? { displayOptions } : {}),
		options: [
			{
				displayName: 'Expected Duration (Seconds)',
				name: 'expectedSeconds',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 0,
				description:
					'How long the task usually takes. The adaptive schedule reads less often while the task is far younger than a fifth of it; a wrong value costs reads, never more than 10 % of latency. 0 uses what this model took recently, else its typical time from the catalogue.',
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
				default: DEFAULT_READS_PER_SECOND,
				description:
					'Ceiling on status reads for all tasks together, shared by every workflow of this n8n process using the same API key. KIE limits reads per task (10 per second per task ID), which the Min Poll Interval keeps; this ceiling only guards against very large waits.',
			},
			{
				displayName: 'Min Poll Interval (Seconds)',
				name: 'minIntervalSeconds',
				type: 'number',
				typeOptions: { minValue: 0.1, numberPrecision: 2 },
				default: 2,
				description:
					'Shortest time between two status reads of one task (the interval of the Fixed schedule). At least 0.1 s: KIE allows 10 reads per second per task.',
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
						description:
							'Sees a finished task within 10 % of its age (at least Min Poll Interval), however wrong the expected duration; sparser only well before the expected end',
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

export function pollSettings(values: IDataObject, toolCall = false): PollSettings {
	const kind: ScheduleKind = values.schedule === 'kie' || values.schedule === 'fixed' ? values.schedule : 'adaptive';
	const minMs = Math.max(PER_TASK_MIN_INTERVAL_MS, Math.round(positive(values.minIntervalSeconds, DEFAULT_MIN_INTERVAL_MS / 1000) * 1000));
	const defaultMaxMs = toolCall ? Math.max(TOOL_MAX_INTERVAL_MS, minMs) : DEFAULT_MAX_INTERVAL_MS;
	const maxMs = Math.max(PER_TASK_MIN_INTERVAL_MS, Math.round(positive(values.maxIntervalSeconds, defaultMaxMs / 1000) * 1000));
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
