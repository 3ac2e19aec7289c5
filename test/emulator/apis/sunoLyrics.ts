/** The emulated Suno lyrics API; the node's spec of it is nodes/Kie/families/sunoLyrics.ts (shapes: docs/kie-api.md §4.3, §5). */
import { fixed, ok, errCode, errMsg, paramJson, failBody, taskIdData, sunoUnknown, promptOf } from './helpers';
import type { Ctx, FamilyDef } from './types';

function lyrics(c: Ctx): Array<{ text: string; title: string }> {
	return Array.from({ length: c.task.resultCount }, (_, i) => ({
		text: `[Verse]\n${promptOf(c.task) || 'Emulated lyrics'}\n[Chorus]\nLa la la (${i + 1})`,
		title: `Emulated Lyrics ${i + 1}`,
	}));
}

export const sunoLyrics: FamilyDef = {
	id: 'sunoLyrics',
	creates: [{ path: '/api/v1/lyrics', kind: 'lyrics' }],
	recordPath: '/api/v1/lyrics/record-info',
	callbackRequired: true,
	idStyle: 'hex',
	createData: taskIdData,
	unknownRecord: sunoUnknown,
	phases: [{ at: 0, word: 'PENDING' }],
	successWord: 'SUCCESS',
	failWord: 'GENERATE_LYRICS_FAILED',
	resultCount: () => 2,
	mediaKind: fixed('audio'),
	record: (c) => ({
		taskId: c.task.taskId,
		param: paramJson(c),
		response: ok(c)
			? {
					taskId: c.task.taskId,
					lyricsData: lyrics(c).map((l) => ({ ...l, status: 'complete', errorMessage: '' })),
				}
			: null,
		status: c.view.word,
		type: 'LYRICS',
		errorCode: errCode(c),
		errorMessage: errMsg(c),
	}),
	callback: (c) =>
		ok(c)
			? {
					code: 200,
					msg: 'All generated successfully.',
					data: {
						callbackType: 'complete',
						task_id: c.task.taskId,
						data: lyrics(c).map((l) => ({ error_message: '', status: 'complete', ...l })),
					},
				}
			: failBody(c, { callbackType: 'error', task_id: c.task.taskId, data: null }),
	resultUrls: () => [],
};
