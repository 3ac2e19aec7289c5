/** The emulated Luma Modify API; the node's spec of it is nodes/Kie/families/luma.ts (shapes: docs/kie-api.md §4.3, §5). */
import { one, fixed, urls, ok, errCode, errMsg, paramJson, completeMs, failBody, taskIdData, recordNull } from './helpers';
import type { FamilyDef } from './types';

export const luma: FamilyDef = {
	id: 'luma',
	creates: [{ path: '/api/v1/modify/generate', kind: 'generate' }],
	recordPath: '/api/v1/modify/record-info',
	callbackRequired: false,
	idStyle: 'hex',
	createData: taskIdData,
	unknownRecord: recordNull,
	phases: [{ at: 0, word: 0 }],
	successWord: 1,
	failWord: 3,
	callbackFailedWord: 4,
	resultCount: one,
	mediaKind: fixed('video'),
	record: (c) => ({
		taskId: c.task.taskId,
		paramJson: paramJson(c),
		completeTime: completeMs(c),
		response: ok(c) ? { taskId: c.task.taskId, resultUrls: urls(c), originUrls: urls(c, 'origin-') } : null,
		successFlag: c.view.word,
		errorCode: errCode(c),
		errorMessage: errMsg(c),
		createTime: c.task.createTime,
	}),
	callback: (c) =>
		ok(c)
			? {
					code: 200,
					msg: 'Modify record generated successfully.',
					data: { taskId: c.task.taskId, promptJson: paramJson(c), resultUrls: urls(c) },
				}
			: failBody(c, { taskId: c.task.taskId, promptJson: paramJson(c), resultUrls: [] }),
	resultUrls: (c) => urls(c),
};
