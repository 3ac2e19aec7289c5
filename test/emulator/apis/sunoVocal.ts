/** The emulated Suno vocal removal API; the node's spec of it is nodes/Kie/families/sunoVocal.ts (shapes: docs/kie-api.md §4.3, §5). */
import { one, fixed, mediaUrl, ok, errCode, errMsg, completeMs, failBody, derivedBase, musicParent } from './helpers';
import type { Ctx, FamilyDef } from './types';

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
