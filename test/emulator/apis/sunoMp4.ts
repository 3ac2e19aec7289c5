/** The emulated Suno MP4 API; the node's spec of it is nodes/Kie/families/sunoMp4.ts (shapes: docs/kie-api.md §4.3, §5). */
import { one, fixed, mediaUrl, ok, dateTime, errCode, errMsg, completeDt, failBody, derivedBase, musicParent } from './helpers';
import type { FamilyDef } from './types';

export const sunoMp4: FamilyDef = {
	id: 'sunoMp4',
	creates: [{ path: '/api/v1/mp4/generate', kind: 'mp4', parent: musicParent }],
	recordPath: '/api/v1/mp4/record-info',
	...derivedBase,
	phases: [{ at: 0, word: 'PENDING' }],
	successWord: 'SUCCESS',
	failWord: 'GENERATE_MP4_FAILED',
	resultCount: one,
	mediaKind: fixed('video'),
	record: (c) => ({
		taskId: c.task.taskId,
		musicId: c.task.request.audioId ?? '',
		callbackUrl: c.task.callBackUrl,
		musicIndex: 0,
		completeTime: completeDt(c),
		response: ok(c) ? { videoUrl: mediaUrl(c, '0.mp4') } : null,
		successFlag: c.view.word,
		createTime: dateTime(c.task.createTime),
		errorCode: errCode(c),
		errorMessage: errMsg(c),
	}),
	callback: (c) =>
		ok(c)
			? {
					code: 200,
					msg: 'MP4 generated successfully.',
					data: { task_id: c.task.taskId, video_url: mediaUrl(c, '0.mp4') },
				}
			: failBody(c, { task_id: c.task.taskId, video_url: null }),
	resultUrls: (c) => [mediaUrl(c, '0.mp4')],
};
