/** The emulated Suno cover art API; the node's spec of it is nodes/Kie/families/sunoCover.ts (shapes: docs/kie-api.md §4.3, §5). */
import { fixed, urls, ok, done, errCode, errMsg, failBody, derivedBase, musicParent } from './helpers';
import type { FamilyDef } from './types';

export const sunoCover: FamilyDef = {
	id: 'sunoCover',
	creates: [{ path: '/api/v1/suno/cover/generate', kind: 'cover', parent: musicParent }],
	recordPath: '/api/v1/suno/cover/record-info',
	...derivedBase,
	phases: [{ at: 0, word: 0 }],
	successWord: 1,
	failWord: 3,
	resultCount: () => 2,
	mediaKind: fixed('image'),
	record: (c) => ({
		taskId: c.task.taskId,
		parentTaskId: c.task.parentTaskId,
		callbackUrl: c.task.callBackUrl,
		completeTime: done(c) ? new Date(c.view.completeTime!).toISOString() : null,
		response: ok(c) ? { images: urls(c) } : null,
		successFlag: c.view.word,
		createTime: new Date(c.task.createTime).toISOString(),
		errorCode: errCode(c),
		errorMessage: errMsg(c),
	}),
	callback: (c) =>
		ok(c)
			? { code: 200, msg: 'success', data: { taskId: c.task.taskId, images: urls(c) } }
			: failBody(c, { taskId: c.task.taskId, images: null }),
	resultUrls: (c) => urls(c),
};
