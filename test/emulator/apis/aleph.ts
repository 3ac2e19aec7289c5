/** The emulated Runway Aleph API; the node's spec of it is nodes/Kie/families/aleph.ts (shapes: docs/kie-api.md §4.3, §5). */
import { one, fixed, mediaUrl, ok, failed, errCode, errMsg, paramJson, completeMs, failBody, taskIdData, recordNull } from './helpers';
import type { FamilyDef } from './types';

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
