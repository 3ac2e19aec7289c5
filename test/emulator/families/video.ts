/** Veo 3.1, Runway, Runway Aleph and Luma modify (docs/kie-api.md §5.2, §5.3, §5.7, §4.3). */
import {
	one,
	fixed,
	mediaUrl,
	urls,
	ok,
	failed,
	dateTime,
	errCode,
	errMsg,
	paramJson,
	completeMs,
	completeDt,
	failBody,
	taskIdData,
	recordNull,
} from './helpers';
import type { TaskData, ParentDef, FamilyDef } from './types';

// ---------- Veo 3.1 ----------

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

// ---------- Runway ----------

export const runway: FamilyDef = {
	id: 'runway',
	creates: [
		{ path: '/api/v1/runway/generate', kind: 'generate' },
		{ path: '/api/v1/runway/extend', kind: 'extend' },
	],
	recordPath: '/api/v1/runway/record-detail',
	callbackRequired: true,
	idStyle: 'uuid',
	createData: taskIdData,
	unknownRecord: recordNull,
	phases: [
		{ at: 0, word: 'wait' },
		{ at: 0.2, word: 'queueing' },
		{ at: 0.4, word: 'generating' },
	],
	successWord: 'success',
	failWord: 'fail',
	resultCount: one,
	mediaKind: fixed('video'),
	record: (c) => {
		const t = c.task;
		return {
			taskId: t.taskId,
			parentTaskId: t.parentTaskId ?? '',
			generateParam: {
				prompt: t.request.prompt ?? '',
				imageUrl: t.request.imageUrl ?? '',
				expandPrompt: t.request.expandPrompt ?? false,
			},
			state: c.view.word,
			generateTime: dateTime(t.createTime),
			videoInfo: ok(c)
				? { videoId: t.ids[0], taskId: t.taskId, videoUrl: mediaUrl(c, '0.mp4'), imageUrl: mediaUrl(c, 'thumb-0.png') }
				: null,
			failCode: errCode(c),
			failMsg: errMsg(c),
			expireFlag: 0,
		};
	},
	callback: (c) =>
		ok(c)
			? {
					code: 200,
					msg: 'All generated successfully.',
					data: {
						task_id: c.task.taskId,
						video_id: c.task.ids[0],
						video_url: mediaUrl(c, '0.mp4'),
						image_url: mediaUrl(c, 'thumb-0.png'),
					},
				}
			: failBody(c, { task_id: c.task.taskId, video_id: null, video_url: null, image_url: null }),
	resultUrls: (c) => [mediaUrl(c, '0.mp4')],
};

// ---------- Runway Aleph ----------

export const aleph: FamilyDef = {
	id: 'aleph',
	creates: [{ path: '/api/v1/aleph/generate', kind: 'generate' }],
	recordPath: '/api/v1/aleph/record-info',
	callbackRequired: false,
	idStyle: 'uuid',
	createData: taskIdData,
	unknownRecord: recordNull,
	phases: [{ at: 0, word: 0 }],
	successWord: 1,
	// "1 = success, 0 = failed or in progress": failure shows in errorCode/errorMessage.
	failWord: 0,
	resultCount: one,
	mediaKind: fixed('video'),
	record: (c) => ({
		taskId: c.task.taskId,
		paramJson: paramJson(c),
		response: ok(c)
			? { taskId: c.task.taskId, resultVideoUrl: mediaUrl(c, '0.mp4'), resultImageUrl: mediaUrl(c, 'thumb-0.png') }
			: null,
		successFlag: c.view.word,
		errorCode: errCode(c),
		errorMessage: errMsg(c),
		createTime: c.task.createTime,
		completeTime: completeMs(c),
	}),
	callback: (c) =>
		ok(c)
			? {
					code: 200,
					msg: 'success',
					data: { result_video_url: mediaUrl(c, '0.mp4'), result_image_url: mediaUrl(c, 'thumb-0.png') },
					taskId: c.task.taskId,
				}
			: { ...failBody(c, null), taskId: c.task.taskId },
	resultUrls: (c) => [mediaUrl(c, '0.mp4')],
};

// ---------- Luma modify ----------

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
