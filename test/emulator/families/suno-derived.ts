/** Suno tasks derived from a music task: WAV, vocal removal, MP4, MIDI, cover art. */
import {
	one,
	fixed,
	mediaUrl,
	urls,
	ok,
	failed,
	done,
	dateTime,
	errCode,
	errMsg,
	completeMs,
	completeDt,
	failBody,
	taskIdData,
	sunoUnknown,
} from './helpers';
import type { Ctx, ParentDef, FamilyDef } from './types';

// ---------- Suno derived tasks (WAV, vocal removal, MP4, MIDI, cover) ----------

/** What every derived task shares: a required callback, hex ids, `{taskId}` on create, Suno's unknown-id answer. */
const derivedBase = {
	callbackRequired: true,
	idStyle: 'hex',
	createData: taskIdData,
	unknownRecord: sunoUnknown,
} as const;

const musicParent: ParentDef = { field: 'taskId', families: ['suno'], unknownMsg: 'Record does not exist' };

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

const STEMS = [
	'vocal',
	'backingVocals',
	'drums',
	'bass',
	'guitar',
	'piano',
	'keyboard',
	'percussion',
	'strings',
	'synth',
	'fx',
	'brass',
	'woodwinds',
];

function stemUrls(c: Ctx): Record<string, string | null> {
	const split = c.task.request.type === 'split_stem';
	const out: Record<string, string | null> = {
		instrumentalUrl: split ? null : mediaUrl(c, 'instrumental.mp3'),
	};
	for (const s of STEMS) out[`${s}Url`] = s === 'vocal' || split ? mediaUrl(c, `${s}.mp3`) : null;
	return out;
}

const snake = (s: string): string => s.replace(/[A-Z]/g, (m) => `_${m.toLowerCase()}`);

export const sunoVocal: FamilyDef = {
	id: 'sunoVocal',
	creates: [{ path: '/api/v1/vocal-removal/generate', kind: 'vocal-removal', parent: musicParent }],
	recordPath: '/api/v1/vocal-removal/record-info',
	...derivedBase,
	phases: [{ at: 0, word: 'PENDING' }],
	successWord: 'SUCCESS',
	failWord: 'GENERATE_AUDIO_FAILED',
	resultCount: one,
	mediaKind: fixed('audio'),
	record: (c) => {
		const stems = stemUrls(c);
		const originData = Object.entries(stems)
			.filter(([, url]) => url)
			.map(([key, url], i) => ({
				duration: 30.04,
				audio_url: url,
				stem_type_group_name: key.replace(/Url$/, ''),
				id: c.task.ids[i % c.task.ids.length],
			}));
		return {
			taskId: c.task.taskId,
			musicId: c.task.request.audioId ?? '',
			callbackUrl: c.task.callBackUrl,
			musicIndex: 0,
			completeTime: completeMs(c),
			response: ok(c) ? { id: null, originUrl: null, originData, ...stems } : null,
			successFlag: c.view.word,
			createTime: c.task.createTime,
			errorCode: errCode(c),
			errorMessage: errMsg(c),
		};
	},
	callback: (c) => {
		if (!ok(c)) return failBody(c, { task_id: c.task.taskId, vocal_removal_info: null });
		const info: Record<string, string | null> = { origin_url: mediaUrl(c, 'origin.mp3') };
		for (const [key, url] of Object.entries(stemUrls(c))) if (url) info[snake(key)] = url;
		return {
			code: 200,
			msg: 'vocal Removal generated successfully.',
			data: { task_id: c.task.taskId, vocal_removal_info: info },
		};
	},
	resultUrls: (c) => Object.values(stemUrls(c)).filter((u): u is string => !!u),
};

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

export const sunoCover: FamilyDef = {
	id: 'sunoCover',
	creates: [{ path: '/api/v1/suno/cover/generate', kind: 'cover', parent: musicParent }],
	recordPath: '/api/v1/suno/cover/record-info',
	...derivedBase,
	phases: [{ at: 0, word: 0 }],
	successWord: 1,
	failWord: 3,
	resultCount: () => 2,
	mediaKind: fixed('image'),
	record: (c) => ({
		taskId: c.task.taskId,
		parentTaskId: c.task.parentTaskId,
		callbackUrl: c.task.callBackUrl,
		completeTime: done(c) ? new Date(c.view.completeTime!).toISOString() : null,
		response: ok(c) ? { images: urls(c) } : null,
		successFlag: c.view.word,
		createTime: new Date(c.task.createTime).toISOString(),
		errorCode: errCode(c),
		errorMessage: errMsg(c),
	}),
	callback: (c) =>
		ok(c)
			? { code: 200, msg: 'success', data: { taskId: c.task.taskId, images: urls(c) } }
			: failBody(c, { taskId: c.task.taskId, images: null }),
	resultUrls: (c) => urls(c),
};
