/** The emulated Midjourney API; the node's spec of it is nodes/Kie/families/midjourney.ts (shapes: docs/kie-api.md §4.3, §5). */
import { urls, ok, errCode, errMsg, paramJson, completeMs, failBody, taskIdData, recordNull } from './helpers';
import type { FamilyDef, TaskData } from './types';

function mjTaskType(t: TaskData): string {
	if (typeof t.request.taskType === 'string') return t.request.taskType;
	return t.kind === 'upscale' ? 'mj_upscale' : t.kind === 'vary' ? 'mj_vary' : 'mj_txt2img';
}

export const midjourney: FamilyDef = {
	id: 'midjourney',
	creates: [
		{ path: '/api/v1/mj/generate', kind: 'generate' },
		{ path: '/api/v1/mj/generateUpscale', kind: 'upscale' },
		{ path: '/api/v1/mj/generateVary', kind: 'vary' },
	],
	recordPath: '/api/v1/mj/record-info',
	callbackRequired: false,
	idStyle: 'hex',
	createData: taskIdData,
	unknownRecord: recordNull,
	phases: [{ at: 0, word: 0 }],
	successWord: 1,
	failWord: 3,
	resultCount: (req, kind) => (kind === 'upscale' ? 1 : String(req.taskType ?? '').startsWith('mj_video') ? 1 : 4),
	mediaKind: (req) => (String(req.taskType ?? '').startsWith('mj_video') ? 'video' : 'image'),
	record: (c) => ({
		taskId: c.task.taskId,
		taskType: mjTaskType(c.task),
		paramJson: paramJson(c),
		completeTime: completeMs(c),
		resultInfoJson: ok(c) ? { resultUrls: urls(c).map((resultUrl) => ({ resultUrl })) } : null,
		successFlag: c.view.word,
		createTime: c.task.createTime,
		errorCode: errCode(c),
		errorMessage: errMsg(c),
	}),
	callback: (c) =>
		ok(c)
			? { code: 200, msg: 'success', data: { taskId: c.task.taskId, promptJson: paramJson(c), resultUrls: urls(c) } }
			: failBody(c, { taskId: c.task.taskId, promptJson: paramJson(c), resultUrls: [] }),
	resultUrls: (c) => urls(c),
};
