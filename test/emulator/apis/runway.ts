/** The emulated Runway API; the node's spec of it is nodes/Kie/families/runway.ts (shapes: docs/kie-api.md §4.3, §5). */
import { one, fixed, mediaUrl, ok, dateTime, errCode, errMsg, failBody, taskIdData, recordNull } from './helpers';
import type { FamilyDef } from './types';

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
