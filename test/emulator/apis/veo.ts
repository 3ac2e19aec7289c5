/** The emulated Veo 3.1 API; the node's spec of it is nodes/Kie/families/veo.ts (shapes: docs/kie-api.md §4.3, §5). */
import { one, fixed, mediaUrl, urls, ok, dateTime, errCode, errMsg, paramJson, completeDt, failBody, taskIdData, recordNull } from './helpers';
import type { FamilyDef, ParentDef, TaskData } from './types';

const veoParent: ParentDef = { field: 'taskId', families: ['veo'], unknownMsg: 'record is null' };

function veoAspect(t: TaskData): string {
	return String(t.request.aspect_ratio ?? t.request.aspectRatio ?? '16:9');
}

export const veo: FamilyDef = {
	id: 'veo',
	creates: [
		{ path: '/api/v1/veo/generate', kind: 'generate' },
		{ path: '/api/v1/veo/extend', kind: 'extend', parent: veoParent },
		{ path: '/api/v1/veo/get-4k-video', kind: '4k', parent: veoParent },
	],
	recordPath: '/api/v1/veo/record-info',
	callbackRequired: false,
	idStyle: 'hex',
	createData: taskIdData,
	unknownRecord: recordNull,
	phases: [{ at: 0, word: 0 }],
	successWord: 1,
	failWord: 3,
	resultCount: one,
	mediaKind: fixed('video'),
	record: (c) => {
		const t = c.task;
		const is4k = t.kind === '4k';
		const response = is4k
			? { taskId: t.taskId, resultUrls: urls(c), imageUrls: [mediaUrl(c, 'thumb-0.png')], resolution: '4k' }
			: {
					taskId: t.taskId,
					resultUrls: urls(c),
					originUrls: veoAspect(t) === '16:9' ? [] : urls(c, 'origin-'),
					resolution: '720p',
				};
		return {
			taskId: t.taskId,
			paramJson: paramJson(c),
			completeTime: completeDt(c),
			response: ok(c) ? response : null,
			successFlag: c.view.word,
			errorCode: errCode(c),
			errorMessage: errMsg(c),
			createTime: dateTime(t.createTime),
			fallbackFlag: false,
		};
	},
	callback: (c) => {
		const t = c.task;
		if (t.kind === '4k') {
			return ok(c)
				? {
						code: 200,
						msg: '4K Video generated successfully.',
						data: { taskId: t.taskId, info: { resultUrls: urls(c), imageUrls: [mediaUrl(c, 'thumb-0.png')] } },
					}
				: failBody(c, { taskId: t.taskId });
		}
		if (!ok(c)) return failBody(c, { taskId: t.taskId, fallbackFlag: false });
		return {
			code: 200,
			msg: 'Veo3.1 video generated successfully.',
			data: {
				taskId: t.taskId,
				info: {
					resultUrls: urls(c),
					originUrls: veoAspect(t) === '16:9' ? [] : urls(c, 'origin-'),
					resolution: '720p',
				},
				fallbackFlag: false,
			},
		};
	},
	resultUrls: (c) => urls(c),
};
