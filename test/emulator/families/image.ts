/** 4o Image, Flux Kontext and Midjourney (docs/kie-api.md §5.4–§5.6, §4.3). */
import {
	one,
	fixed,
	mediaUrl,
	urls,
	ok,
	failed,
	errCode,
	errMsg,
	paramJson,
	completeMs,
	failBody,
	taskIdData,
	recordNull,
} from './helpers';
import type { TaskData, FamilyDef } from './types';

// ---------- 4o Image ----------

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

// ---------- Flux Kontext ----------

export const fluxKontext: FamilyDef = {
	id: 'fluxKontext',
	creates: [{ path: '/api/v1/flux/kontext/generate', kind: 'generate' }],
	recordPath: '/api/v1/flux/kontext/record-info',
	callbackRequired: false,
	idStyle: 'hex',
	createData: taskIdData,
	unknownRecord: recordNull,
	phases: [{ at: 0, word: 0 }],
	successWord: 1,
	failWord: 3,
	resultCount: one,
	mediaKind: fixed('image'),
	record: (c) => ({
		taskId: c.task.taskId,
		paramJson: paramJson(c),
		completeTime: completeMs(c),
		response: ok(c) ? { originImageUrl: mediaUrl(c, 'origin-0.png'), resultImageUrl: mediaUrl(c, '0.png') } : null,
		successFlag: c.view.word,
		errorCode: errCode(c),
		errorMessage: errMsg(c),
		createTime: c.task.createTime,
	}),
	callback: (c) =>
		ok(c)
			? {
					code: 200,
					msg: 'BFL image generated successfully.',
					data: {
						taskId: c.task.taskId,
						info: { originImageUrl: mediaUrl(c, 'origin-0.png'), resultImageUrl: mediaUrl(c, '0.png') },
					},
				}
			: failBody(c, { taskId: c.task.taskId, info: null }),
	resultUrls: (c) => [mediaUrl(c, '0.png')],
};

// ---------- Midjourney ----------

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
