import type { IDataObject } from 'n8n-workflow';

import { redactSecrets } from './redact';
import type { NormalisedTask } from './types';

/**
 * The JSON half of a task's output item, optionally without its bulky raw record. KIE's record
 * echoes the callBackUrl, so `?token=` values are removed from it (redact.ts).
 */
export function taskJson(task: NormalisedTask, includeRaw = true): IDataObject {
	const json = redactSecrets({ ...task }) as unknown as IDataObject;
	if (!includeRaw) delete json.raw;
	return json;
}
