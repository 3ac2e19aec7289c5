import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { downloadOptionFields, outputOptionsProperty, outputSettings } from '../../nodes/Kie/actions/options/output';
import { pollOptionsProperty, pollSettings } from '../../nodes/Kie/actions/options/poll';
import { DEFAULT_DOWNLOAD } from '../../nodes/Kie/binary/download';
import { DEFAULT_GRACE_SECONDS, DEFAULT_READS_PER_SECOND, PER_TASK_MIN_INTERVAL_MS } from '../../nodes/Kie/wait/settings';
import { readLimit } from '../../nodes/Kie/wait/waitForTasks';
import { DEFAULT_MAX_INTERVAL_MS, DEFAULT_MIN_INTERVAL_MS } from '../../nodes/Kie/wait/schedule';

function defaults(property: INodeProperties): IDataObject {
	return Object.fromEntries((property.options as INodeProperties[]).map((option) => [option.name, option.default])) as IDataObject;
}

describe('poll options', () => {
	it('parses an empty collection to the defaults the UI shows', () => {
		const shown = defaults(pollOptionsProperty({}));
		const parsed = pollSettings({});
		expect(parsed).toEqual({
			kind: 'adaptive',
			minMs: DEFAULT_MIN_INTERVAL_MS,
			maxMs: DEFAULT_MAX_INTERVAL_MS,
			expectedSeconds: 0,
			timeoutMinutes: 0,
			graceMs: DEFAULT_GRACE_SECONDS * 1000,
			readsPerSecond: DEFAULT_READS_PER_SECOND,
		});
		expect(pollSettings(shown)).toEqual(parsed);
	});

	it('keeps min ≤ max and ignores nonsense', () => {
		expect(pollSettings({ minIntervalSeconds: 40, maxIntervalSeconds: 10 })).toMatchObject({ minMs: 10000, maxMs: 40000 });
		expect(pollSettings({ schedule: 'weird', readsPerSecond: -1, timeoutMinutes: -5 })).toMatchObject({
			kind: 'adaptive',
			readsPerSecond: DEFAULT_READS_PER_SECOND,
			timeoutMinutes: 0,
		});
		expect(pollSettings({ schedule: 'fixed', minIntervalSeconds: 0.25 })).toMatchObject({ kind: 'fixed', minMs: 250 });
	});

	it('never reads one task more than 10 times a second (KIE limits recordInfo per task id)', () => {
		expect(pollSettings({ schedule: 'fixed', minIntervalSeconds: 0.01, maxIntervalSeconds: 0.05 })).toMatchObject({ minMs: PER_TASK_MIN_INTERVAL_MS, maxMs: PER_TASK_MIN_INTERVAL_MS });
		expect(PER_TASK_MIN_INTERVAL_MS).toBe(100);
		const minimum = (pollOptionsProperty({}).options as INodeProperties[]).find((option) => option.name === 'minIntervalSeconds');
		expect(minimum?.typeOptions?.minValue).toBe(0.1);
	});

	it('turns reads per second into a sliding window', () => {
		expect(readLimit(5)).toEqual({ max: 5, windowMs: 1000 });
		expect(readLimit(0.5)).toEqual({ max: 1, windowMs: 2000 });
		expect(readLimit(2.5)).toEqual({ max: 3, windowMs: 1200 });
	});
});

describe('output options', () => {
	it('parses an empty collection to the defaults the UI shows', () => {
		const shown = defaults(outputOptionsProperty({}));
		const parsed = outputSettings({});
		expect(parsed).toEqual({ download: true, options: { binaryProperty: 'data', layout: 'perFile', maxBytes: 0, timeoutMs: DEFAULT_DOWNLOAD.timeoutMs } });
		expect(outputSettings(shown)).toEqual(parsed);
		expect(shown.outputFailed).toBe(false);
	});

	it('reads the size limit in MB, the layout and the field', () => {
		expect(outputSettings({ maxFileSizeMb: 1.5, layout: 'perTask', binaryProperty: ' file ', download: false, downloadTimeoutSeconds: 30 })).toEqual({
			download: false,
			options: { binaryProperty: 'file', layout: 'perTask', maxBytes: 1572864, timeoutMs: 30000 },
		});
	});

	it('are shareable collection entries (the KIE Trigger reuses them)', () => {
		expect(downloadOptionFields.map((field) => field.name)).toEqual(['download', 'binaryProperty', 'layout', 'maxFileSizeMb', 'downloadTimeoutSeconds']);
	});
});
