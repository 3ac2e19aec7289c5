/** The emulated Suno music API; the node's spec of it is nodes/Kie/families/suno.ts (shapes: docs/kie-api.md §4.3, §5). */
import { fixed, mediaUrl, failed, dateTime, errCode, errMsg, paramJson, failBody, taskIdData, sunoUnknown, promptOf } from './helpers';
import type { Ctx, FamilyDef, TaskView } from './types';

const sunoOperation: Record<string, string> = {
	generate: 'generate',
	extend: 'extend',
	'upload-cover': 'upload_cover',
	'upload-extend': 'upload_extend',
	'add-instrumental': 'add_instrumental',
	'add-vocals': 'add_vocals',
};

export interface Track {
	id: string;
	audioUrl: string;
	streamAudioUrl: string;
	imageUrl: string;
	prompt: string;
	modelName: string;
	title: string;
	tags: string;
	createTime: number;
	duration: number | null;
}

/** The task's tracks; `allReady`: every track has its audio (Suno on the Market reports only at the end). */
export function tracks(c: Ctx, allReady = false): Track[] {
	const t = c.task;
	const word = c.view.word;
	return Array.from({ length: t.resultCount }, (_, i) => {
		const ready = allReady || word === 'SUCCESS' || (word === 'FIRST_SUCCESS' && i === 0);
		return {
			id: t.ids[i],
			audioUrl: ready ? mediaUrl(c, `${i}.mp3`) : '',
			streamAudioUrl: mediaUrl(c, `stream-${i}.mp3`),
			imageUrl: mediaUrl(c, `cover-${i}.png`),
			prompt: promptOf(t) || '[Verse] emulated lyrics',
			modelName: `chirp-${String(t.model ?? 'V4_5')
				.toLowerCase()
				.replace(/_/g, '-')}`,
			title: typeof t.request.title === 'string' ? t.request.title : `Emulated Track ${i + 1}`,
			tags: typeof t.request.style === 'string' ? t.request.style : 'emulated',
			createTime: t.createTime,
			duration: ready ? 30.04 : null,
		};
	});
}

const sunoStageMsg: Record<string, string> = {
	text: 'Text generation completed.',
	first: 'First track generation completed.',
	complete: 'All generated successfully.',
};

export const suno: FamilyDef = {
	id: 'suno',
	creates: Object.keys(sunoOperation).map((kind) => ({
		path: kind === 'generate' ? '/api/v1/generate' : `/api/v1/generate/${kind}`,
		kind,
	})),
	recordPath: '/api/v1/generate/record-info',
	callbackRequired: true,
	idStyle: 'hex',
	createData: taskIdData,
	unknownRecord: sunoUnknown,
	phases: [
		{ at: 0, word: 'PENDING' },
		{ at: 0.4, word: 'TEXT_SUCCESS', stage: 'text' },
		{ at: 0.7, word: 'FIRST_SUCCESS', stage: 'first' },
	],
	successWord: 'SUCCESS',
	failWord: 'GENERATE_AUDIO_FAILED',
	resultCount: () => 2,
	mediaKind: fixed('audio'),
	record: (c) => ({
		taskId: c.task.taskId,
		parentMusicId: '',
		param: paramJson(c),
		response: c.view.word === 'PENDING' || failed(c) ? null : { taskId: c.task.taskId, sunoData: tracks(c) },
		status: c.view.word,
		type: 'chirp',
		operationType: sunoOperation[c.task.kind] ?? c.task.kind,
		errorCode: errCode(c),
		errorMessage: errMsg(c),
		createTime: c.task.createTime,
	}),
	callback: (c, stage) => {
		if (stage === 'error') return failBody(c, { callbackType: 'error', task_id: c.task.taskId, data: null });
		const view: TaskView =
			stage === 'text'
				? { ...c.view, word: 'TEXT_SUCCESS' }
				: stage === 'first'
					? { ...c.view, word: 'FIRST_SUCCESS' }
					: { ...c.view, word: 'SUCCESS' };
		const items = tracks({ ...c, view }).map((tr) => ({
			id: tr.id,
			audio_url: tr.audioUrl,
			source_audio_url: tr.audioUrl,
			stream_audio_url: tr.streamAudioUrl,
			source_stream_audio_url: tr.streamAudioUrl,
			image_url: tr.imageUrl,
			source_image_url: tr.imageUrl,
			prompt: tr.prompt,
			model_name: tr.modelName,
			title: tr.title,
			tags: tr.tags,
			createTime: dateTime(tr.createTime),
			duration: tr.duration,
		}));
		return { code: 200, msg: sunoStageMsg[stage], data: { callbackType: stage, task_id: c.task.taskId, data: items } };
	},
	resultUrls: (c) => Array.from({ length: c.task.resultCount }, (_, i) => mediaUrl(c, `${i}.mp3`)),
};
