import { z } from 'zod';
import {
	CALLBACK_REQUIRED_NOTE,
	bool,
	choice,
	flat,
	maxLengthWhen,
	num,
	prompt,
	requiredWhen,
	rules,
	text,
	url,
} from '../build';
import type { CatalogueEntry } from '../types';

/**
 * Suno on KIE's own endpoints. Every Suno create needs a callBackUrl (KIE: 422 "Please enter
 * callBackUrl."); the Create action adds it, so it is not part of these inputs.
 */

const SUNO_MODELS = ['V3_5', 'V4', 'V4_5', 'V4_5PLUS', 'V4_5ALL', 'V5', 'V5_5'] as const;
const ADD_MODELS = ['V4_5PLUS', 'V5', 'V5_5'] as const;
/** Models with the shorter custom-mode limits (prompt 3000, style 200). */
const SHORT_LIMIT_MODELS = ['V3_5', 'V4'];

const model = () =>
	choice(SUNO_MODELS, 'Suno model version (required); V4_5ALL and V5_5 come from newer docs');
const weight = (what: string) => num(`${what}, 0–1`, { min: 0, max: 1 });
const taskId = (what: string) => text(`Task id of ${what}`, { min: 1 });
const audioId = () => text('Id of the track (audioId) inside that task', { min: 1 });

/** Optional tuning fields shared by the music endpoints. */
const tuning = {
	negativeTags: text('Styles or elements to avoid').optional(),
	vocalGender: choice(['m', 'f'], 'Preferred vocal gender: m or f').optional(),
	styleWeight: weight('How strongly to follow the style').optional(),
	weirdnessConstraint: weight('Creativity / novelty').optional(),
	audioWeight: weight('How closely to follow the input audio').optional(),
};

const isCustom = (v: Record<string, unknown>) => v.customMode === true;
const isShort = (v: Record<string, unknown>) => SHORT_LIMIT_MODELS.indexOf(String(v.model)) >= 0;

/** generate / upload-cover: the custom-mode rules of the Suno docs. */
const customModeRules = rules(
	requiredWhen('style', isCustom, 'customMode is true'),
	requiredWhen('title', isCustom, 'customMode is true'),
	requiredWhen(
		'prompt',
		(v) => isCustom(v) && v.instrumental !== true,
		'customMode is true and instrumental is false (the prompt is the lyrics)',
	),
	requiredWhen('prompt', (v) => !isCustom(v), 'customMode is false'),
	maxLengthWhen('prompt', 500, (v) => !isCustom(v), 'customMode is false'),
	maxLengthWhen(
		'prompt',
		3000,
		(v) => isCustom(v) && isShort(v),
		'customMode is true with V3_5/V4',
	),
	maxLengthWhen('prompt', 5000, (v) => isCustom(v) && !isShort(v), 'customMode is true'),
	maxLengthWhen('style', 200, (v) => isCustom(v) && isShort(v), 'the model is V3_5/V4'),
	maxLengthWhen('style', 1000, (v) => isCustom(v) && !isShort(v), 'customMode is true'),
);

const musicFields = {
	customMode: bool('Custom mode: you give style and title (and lyrics as prompt) (required)'),
	instrumental: bool('Instrumental only, no vocals (required)'),
	model: model(),
	prompt: text(
		'Custom mode: the lyrics (up to 3000/5000 characters). Otherwise: a description (up to 500 characters)',
	).optional(),
	style: text(
		'Music style, e.g. "Jazz" (required in custom mode; up to 200/1000 characters)',
	).optional(),
	title: text('Track title (required in custom mode; up to 80 characters)', { max: 80 }).optional(),
	...tuning,
	personaId: text('Persona id to sing with (custom mode)').optional(),
};

const MUSIC_SECONDS = 120;

export const SUNO: CatalogueEntry[] = [
	flat({
		id: 'suno/generate',
		name: 'Suno Generate Music',
		category: 'audio',
		family: 'suno',
		createPath: '/api/v1/generate',
		typicalSeconds: MUSIC_SECONDS,
		notes: `${CALLBACK_REQUIRED_NOTE} Returns 2 tracks. Callbacks come in stages (text, first, complete).`,
		input: z.object(musicFields).strict().superRefine(customModeRules),
	}),
	flat({
		id: 'suno/extend',
		name: 'Suno Extend Music',
		category: 'audio',
		family: 'suno',
		createPath: '/api/v1/generate/extend',
		typicalSeconds: MUSIC_SECONDS,
		notes: `${CALLBACK_REQUIRED_NOTE} A wrong audioId is accepted at creation and fails later.`,
		input: z
			.object({
				defaultParamFlag: bool(
					'true: use the prompt/style/title/continueAt given here; false: inherit them (required)',
				),
				audioId: text('Id of the track to extend', { min: 1 }),
				model: model(),
				prompt: text('Lyrics or description of the extension').optional(),
				style: text('Music style').optional(),
				title: text('Track title (up to 80 characters)', { max: 80 }).optional(),
				continueAt: num('Second of the track at which to continue', { min: 0 }).optional(),
				...tuning,
				personaId: text('Persona id to sing with').optional(),
			})
			.strict()
			.superRefine(
				rules(
					...(['prompt', 'style', 'title', 'continueAt'] as const).map((field) =>
						requiredWhen(field, (v) => v.defaultParamFlag === true, 'defaultParamFlag is true'),
					),
				),
			),
	}),
	flat({
		id: 'suno/upload-cover',
		name: 'Suno Upload and Cover Audio',
		category: 'audio',
		family: 'suno',
		createPath: '/api/v1/generate/upload-cover',
		typicalSeconds: MUSIC_SECONDS,
		urlFields: ['uploadUrl'],
		notes: `${CALLBACK_REQUIRED_NOTE} The upload URL is only fetched after creation.`,
		input: z
			.object({ uploadUrl: url('Audio to cover (public URL)'), ...musicFields })
			.strict()
			.superRefine(customModeRules),
	}),
	flat({
		id: 'suno/upload-extend',
		name: 'Suno Upload and Extend Audio',
		category: 'audio',
		family: 'suno',
		createPath: '/api/v1/generate/upload-extend',
		typicalSeconds: MUSIC_SECONDS,
		urlFields: ['uploadUrl'],
		notes: `${CALLBACK_REQUIRED_NOTE} style and title are optional here (a recorded request without them was accepted).`,
		input: z
			.object({
				uploadUrl: url('Audio to extend (public URL)'),
				defaultParamFlag: bool(
					'true: use the parameters given here; false: inherit them (required)',
				),
				instrumental: bool('Instrumental only, no vocals (required)'),
				continueAt: num('Second of the upload at which to continue', { min: 0 }).optional(),
				model: model(),
				prompt: text('Lyrics or description of the extension').optional(),
				style: text('Music style').optional(),
				title: text('Track title (up to 80 characters)', { max: 80 }).optional(),
				...tuning,
				personaId: text('Persona id to sing with').optional(),
			})
			.strict()
			.superRefine(
				rules(
					requiredWhen(
						'continueAt',
						(v) => v.defaultParamFlag === true,
						'defaultParamFlag is true',
					),
					requiredWhen(
						'prompt',
						(v) => v.defaultParamFlag === true && v.instrumental !== true,
						'defaultParamFlag is true and instrumental is false',
					),
				),
			),
	}),
	flat({
		id: 'suno/add-instrumental',
		name: 'Suno Add Instrumental',
		category: 'audio',
		family: 'suno',
		createPath: '/api/v1/generate/add-instrumental',
		typicalSeconds: 180,
		urlFields: ['uploadUrl'],
		notes: `${CALLBACK_REQUIRED_NOTE} Builds a backing track around an uploaded vocal or melody.`,
		input: z
			.object({
				uploadUrl: url('Vocal or melody audio (public URL)'),
				title: text('Track title (up to 100 characters)', { min: 1, max: 100 }),
				tags: text('Style of the accompaniment, e.g. "relaxing, piano"', { min: 1 }),
				negativeTags: text('Styles or instruments to avoid (required)', { min: 1 }),
				model: choice(ADD_MODELS, 'Model version (KIE default V4_5PLUS)').optional(),
				vocalGender: tuning.vocalGender,
				styleWeight: tuning.styleWeight,
				weirdnessConstraint: tuning.weirdnessConstraint,
				audioWeight: tuning.audioWeight,
			})
			.strict(),
	}),
	flat({
		id: 'suno/add-vocals',
		name: 'Suno Add Vocals',
		category: 'audio',
		family: 'suno',
		createPath: '/api/v1/generate/add-vocals',
		typicalSeconds: 180,
		urlFields: ['uploadUrl'],
		notes: `${CALLBACK_REQUIRED_NOTE} Sings over an uploaded instrumental.`,
		input: z
			.object({
				uploadUrl: url('Instrumental audio (public URL)'),
				prompt: prompt(undefined, 1, 'Lyrics or description of the vocals'),
				title: text('Track title (up to 100 characters)', { min: 1, max: 100 }),
				style: text('Music and vocal style, e.g. "Jazz"', { min: 1 }),
				negativeTags: text('Vocal styles to avoid (required)', { min: 1 }),
				model: choice(ADD_MODELS, 'Model version (KIE default V4_5PLUS)').optional(),
				vocalGender: tuning.vocalGender,
				styleWeight: tuning.styleWeight,
				weirdnessConstraint: tuning.weirdnessConstraint,
				audioWeight: tuning.audioWeight,
			})
			.strict(),
	}),
	flat({
		id: 'suno/lyrics',
		name: 'Suno Generate Lyrics',
		category: 'text',
		family: 'sunoLyrics',
		createPath: '/api/v1/lyrics',
		typicalSeconds: 30,
		notes: `${CALLBACK_REQUIRED_NOTE} Returns lyrics text (several variants), not audio.`,
		input: z.object({ prompt: prompt(200, 1, 'What the lyrics are about') }).strict(),
	}),
	flat({
		id: 'suno/wav',
		name: 'Suno Convert to WAV',
		category: 'audio',
		family: 'sunoWav',
		createPath: '/api/v1/wav/generate',
		typicalSeconds: 60,
		notes: `${CALLBACK_REQUIRED_NOTE} Unknown ids are refused with 422 "Record does not exist".`,
		input: z.object({ taskId: taskId('the Suno music task'), audioId: audioId() }).strict(),
	}),
	flat({
		id: 'suno/vocal-removal',
		name: 'Suno Vocal Removal / Stem Split',
		category: 'audio',
		family: 'sunoVocal',
		createPath: '/api/v1/vocal-removal/generate',
		typicalSeconds: 120,
		notes: `${CALLBACK_REQUIRED_NOTE} Every call is charged again.`,
		input: z
			.object({
				taskId: taskId('the Suno music task'),
				audioId: audioId(),
				type: choice(
					['separate_vocal', 'split_stem'],
					'separate_vocal = vocals + instrumental; split_stem = up to 12 stems',
				).optional(),
			})
			.strict(),
	}),
	flat({
		id: 'suno/mp4',
		name: 'Suno Music Video (MP4)',
		category: 'video',
		family: 'sunoMp4',
		createPath: '/api/v1/mp4/generate',
		typicalSeconds: 60,
		notes: CALLBACK_REQUIRED_NOTE,
		input: z
			.object({
				taskId: taskId('the Suno music task'),
				audioId: audioId(),
				author: text('Artist name shown in the video (up to 50 characters)', {
					max: 50,
				}).optional(),
				domainName: text('Website shown in the video (up to 50 characters)', {
					max: 50,
				}).optional(),
			})
			.strict(),
	}),
	flat({
		id: 'suno/midi',
		name: 'Suno Generate MIDI',
		category: 'audio',
		family: 'sunoMidi',
		createPath: '/api/v1/midi/generate',
		typicalSeconds: 60,
		notes: CALLBACK_REQUIRED_NOTE,
		input: z
			.object({
				taskId: taskId('the Suno task (music or vocal separation)'),
				audioId: text('Id of the track; optional').optional(),
			})
			.strict(),
	}),
	flat({
		id: 'suno/cover',
		name: 'Suno Music Cover Image',
		category: 'image',
		family: 'sunoCover',
		createPath: '/api/v1/suno/cover/generate',
		typicalSeconds: 30,
		notes: `${CALLBACK_REQUIRED_NOTE} Cover artwork (usually 2 images) for a generated song; once per music task.`,
		input: z.object({ taskId: taskId('the Suno music task') }).strict(),
	}),
];
