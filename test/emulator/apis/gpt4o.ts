/** The emulated 4o Image API; the node's spec of it is nodes/Kie/families/gpt4o.ts (shapes: docs/kie-api.md §4.3, §5). */
import { fixed, urls, ok, failed, errCode, paramJson, completeMs, failBody, taskIdData, recordNull } from './helpers';
import type { FamilyDef } from './types';

const gpt4oStatus: Record<string, string> = { '0': 'GENERATING', '1': 'SUCCESS', '2': 'GENERATE_FAILED' };

export const gpt4o: FamilyDef = {
	id: 'gpt4o',
	creates: [{ path: '/api/v1/gpt4o-image/generate', kind: 'generate' }],
	recordPath: '/api/v1/gpt4o-image/record-info',
	callbackRequired: false,
	idStyle: 'hex',
	createData: taskIdData,
	unknownRecord: recordNull,
	phases: [{ at: 0, word: 0 }],
	successWord: 1,
	failWord: 2,
	resultCount: (req) => {
		const n = Number(req.nVariants);
		return n === 2 || n === 4 ? n : 1;
	},
	mediaKind: fixed('image'),
	record: (c) => ({
		taskId: c.task.taskId,
		paramJson: paramJson(c),
		completeTime: completeMs(c),
		response: ok(c) ? { resultUrls: urls(c) } : null,
		successFlag: c.view.word,
		status: gpt4oStatus[String(c.view.word)],
		errorCode: errCode(c),
		errorMessage: failed(c) ? c.task.fail!.msg : '',
		createTime: c.task.createTime,
		progress: (ok(c) ? 1 : Math.min(0.99, c.view.fraction)).toFixed(2),
	}),
	callback: (c) =>
		ok(c)
			? { code: 200, msg: 'success', data: { taskId: c.task.taskId, info: { result_urls: urls(c) } } }
			: failBody(c, { taskId: c.task.taskId, info: null }),
	resultUrls: (c) => urls(c),
};
