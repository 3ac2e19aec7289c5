/** The emulated Flux Kontext API; the node's spec of it is nodes/Kie/families/fluxKontext.ts (shapes: docs/kie-api.md §4.3, §5). */
import { one, fixed, mediaUrl, ok, errCode, errMsg, paramJson, completeMs, failBody, taskIdData, recordNull } from './helpers';
import type { FamilyDef } from './types';

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
