/** The emulated Suno MIDI API; the node's spec of it is nodes/Kie/families/sunoMidi.ts (shapes: docs/kie-api.md §4.3, §5). */
import { one, fixed, ok, failed, errCode, errMsg, completeMs, failBody, derivedBase } from './helpers';
import type { FamilyDef } from './types';

const MIDI_INSTRUMENTS = [
	{ name: 'Drums', notes: [{ pitch: 36, start: 0, end: 0.25, velocity: 1 }] },
	{ name: 'Electric Bass (finger)', notes: [{ pitch: 40, start: 0.5, end: 0.75, velocity: 0.8 }] },
];

export const sunoMidi: FamilyDef = {
	id: 'sunoMidi',
	creates: [
		{
			path: '/api/v1/midi/generate',
			kind: 'midi',
			parent: { field: 'taskId', families: ['sunoVocal', 'suno'], unknownMsg: 'Record does not exist' },
		},
	],
	recordPath: '/api/v1/midi/record-info',
	...derivedBase,
	phases: [{ at: 0, word: 0 }],
	successWord: 1,
	failWord: 3,
	resultCount: one,
	mediaKind: fixed('audio'),
	record: (c) => ({
		taskId: c.task.taskId,
		recordTaskId: -1,
		audioId: c.task.request.audioId ?? '',
		callbackUrl: c.task.callBackUrl,
		completeTime: completeMs(c),
		midiData: ok(c) ? { state: 'complete', instruments: MIDI_INSTRUMENTS } : null,
		successFlag: c.view.word,
		createTime: c.task.createTime,
		errorCode: errCode(c),
		errorMessage: errMsg(c),
	}),
	callback: (c) =>
		ok(c)
			? { code: 200, msg: 'success', data: { state: 'complete', taskId: c.task.taskId, instruments: MIDI_INSTRUMENTS } }
			: failBody(c, { state: 'failed', taskId: c.task.taskId, instruments: [] }),
	resultUrls: () => [],
};
