import type { FamilyId } from '../families/types';
import { FAMILIES } from '../families/specs';
import { kieCodeError } from '../transport/errors';
import { kieRequest, type KieContext, type TransportSettings } from '../transport/request';
import { normaliseRecord } from './normalise';
import type { NormalisedTask } from './types';

/**
 * One status read through the family's record endpoint. Undefined means KIE does not show the
 * task (yet): Market answers 422 "recordInfo is null", Suno answers `data: null`.
 */
export async function readTask(
	ctx: KieContext,
	family: FamilyId,
	taskId: string,
	itemIndex?: number,
	settings?: TransportSettings,
): Promise<NormalisedTask | undefined> {
	const spec = FAMILIES[family];
	const response = await kieRequest(ctx, {
		method: 'GET',
		path: spec.recordPath,
		qs: { taskId },
		kind: 'read',
		action: `read the status of ${spec.displayName} task ${taskId}`,
		itemIndex,
		acceptCodes: [404, 422],
		settings,
	});
	if (response.code !== 200) {
		if (/record(info)? is null|not found|not exist/i.test(response.msg) || response.code === 404) return undefined;
		// Any other 422 is a real answer about this request (e.g. a malformed id).
		throw kieCodeError(
			{ node: ctx.getNode(), itemIndex, action: `read the status of task ${taskId}` },
			response.code,
			response.msg,
			response.body,
			response.httpStatus,
		);
	}
	return normaliseRecord(family, taskId, response.data);
}
