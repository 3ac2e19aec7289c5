/** The emulated Suno WAV API; the node's spec of it is nodes/Kie/families/sunoWav.ts (shapes: docs/kie-api.md §4.3, §5). */
import { one, fixed, mediaUrl, ok, errCode, errMsg, completeMs, failBody, derivedBase, musicParent } from './helpers';
import type { FamilyDef } from './types';

export const sunoWav: FamilyDef = {
	id: 'sunoWav',
	creates: [{ path: '/api/v1/wav/generate', kind: 'wav', parent: musicParent }],
	recordPath: '/api/v1/wav/record-info',
	...derivedBase,
	phases: [{ at: 0, word: 'PENDING' }],
	successWord: 'SUCCESS',
	failWord: 'GENERATE_WAV_FAILED',
	resultCount: one,
	mediaKind: fixed('audio'),
	record: (c) => ({
		taskId: c.task.taskId,
		musicId: c.task.request.audioId ?? '',
		callbackUrl: c.task.callBackUrl,
		completeTime: completeMs(c),
		response: ok(c) ? { audioWavUrl: mediaUrl(c, '0.wav') } : null,
		successFlag: c.view.word,
		createTime: c.task.createTime,
		errorCode: errCode(c),
		errorMessage: errMsg(c),
	}),
	callback: (c) =>
		ok(c)
			? { code: 200, msg: 'success', data: { audioWavUrl: mediaUrl(c, '0.wav'), task_id: c.task.taskId } }
			: failBody(c, { audioWavUrl: null, task_id: c.task.taskId }),
	resultUrls: (c) => [mediaUrl(c, '0.wav')],
};
