import { z } from 'zod';
import {
	atLeastOne,
	bool,
	choice,
	flat,
	int,
	isSet,
	numberChoice,
	prompt,
	text,
	url,
	urls,
} from '../build';
import type { CatalogueEntry } from '../types';

/** Image families with their own endpoints: 4o Image (GPT-Image-1), Flux Kontext, Midjourney. */

const MJ_RATIOS = [
	'1:2',
	'9:16',
	'2:3',
	'3:4',
	'5:6',
	'6:5',
	'4:3',
	'3:2',
	'16:9',
	'2:1',
	'1:1',
] as const;
const MJ_TASK_TYPES = [
	'mj_txt2img',
	'mj_img2img',
	'mj_style_reference',
	'mj_omni_reference',
	'mj_video',
	'mj_video_hd',
] as const;
const MJ_NEEDS_IMAGE = [
	'mj_img2img',
	'mj_style_reference',
	'mj_omni_reference',
	'mj_video',
	'mj_video_hd',
];
const MJ_VIDEO = ['mj_video', 'mj_video_hd'];

const mjTaskId = () => text('Task id of the Midjourney image task', { min: 1 });
const mjWaterMark = () => text('Watermark text (empty for none)');

export const IMAGE_FAMILIES: CatalogueEntry[] = [
	flat({
		id: 'gpt4o-image/generate',
		name: '4o Image (GPT-Image-1) Generate',
		category: 'image',
		family: 'gpt4o',
		createPath: '/api/v1/gpt4o-image/generate',
		typicalSeconds: 60,
		urlFields: ['filesUrl', 'maskUrl', 'fileUrl'],
		notes: 'Give a prompt, reference images (filesUrl), or both. Images are kept 14 days.',
		input: z
			.object({
				size: choice(['1:1', '3:2', '2:3'], 'Aspect ratio of the output (required)'),
				prompt: text('Text prompt (needed unless filesUrl is given)').optional(),
				filesUrl: urls('Reference or edit images (up to 5)', { max: 5 }).optional(),
				nVariants: numberChoice([1, 2, 4], 'How many images: 1, 2 or 4 (a number)').optional(),
				maskUrl: url('Mask for editing: white areas are changed').optional(),
				isEnhance: bool('Enhance the prompt first').optional(),
				uploadCn: bool("Store results on KIE's China servers").optional(),
				enableFallback: bool(
					'Fall back to another model when GPT-Image-1 is unavailable',
				).optional(),
				fallbackModel: choice(['GPT_IMAGE_1', 'FLUX_MAX'], 'Model to fall back to').optional(),
				fileUrl: url('Deprecated single reference image; use filesUrl').optional(),
			})
			.strict()
			.superRefine(
				atLeastOne(['prompt', 'filesUrl', 'fileUrl'], 'give a prompt, images in filesUrl, or both'),
			),
	}),
	flat({
		id: 'flux-kontext/generate',
		name: 'Flux Kontext Generate or Edit',
		category: 'image',
		family: 'fluxKontext',
		createPath: '/api/v1/flux/kontext/generate',
		typicalSeconds: 30,
		urlFields: ['inputImage'],
		notes:
			'Prompts should be English (enableTranslation translates them). With inputImage it edits that image.',
		input: z
			.object({
				prompt: prompt(undefined, 1, 'Text prompt (English)'),
				inputImage: url('Image to edit; omit to generate a new image').optional(),
				aspectRatio: choice(
					['21:9', '16:9', '4:3', '1:1', '3:4', '9:16'],
					'Aspect ratio (KIE default 16:9)',
				).optional(),
				outputFormat: choice(['jpeg', 'png'], 'Image file format').optional(),
				promptUpsampling: bool('Let the model elaborate the prompt').optional(),
				model: choice(
					['flux-kontext-pro', 'flux-kontext-max'],
					'Model (KIE default flux-kontext-pro)',
				).optional(),
				safetyTolerance: int(
					'Moderation tolerance: 0–6 when generating, 0–2 when editing (KIE default 2)',
					{
						min: 0,
						max: 6,
					},
				).optional(),
				enableTranslation: bool(
					'Translate the prompt to English first (KIE default true)',
				).optional(),
				uploadCn: bool("Store results on KIE's China servers").optional(),
				watermark: text('Watermark text').optional(),
			})
			.strict()
			.superRefine((v, ctx) => {
				if (isSet(v.inputImage) && typeof v.safetyTolerance === 'number' && v.safetyTolerance > 2) {
					ctx.addIssue({
						code: z.ZodIssueCode.custom,
						path: ['safetyTolerance'],
						message: `${v.safetyTolerance} is too high with inputImage (editing allows 0–2)`,
					});
				}
			}),
	}),
	flat({
		id: 'midjourney/generate',
		name: 'Midjourney Generate',
		category: 'image',
		family: 'midjourney',
		createPath: '/api/v1/mj/generate',
		typicalSeconds: 60,
		urlFields: ['fileUrl', 'fileUrls'],
		notes:
			"Legacy: the MJ pages left KIE's docs in 2026-07 but the endpoints still work. mj_video* task types produce video. Images are kept 15 days.",
		input: z
			.object({
				taskType: choice(MJ_TASK_TYPES, 'What to make (required)'),
				prompt: prompt(2000),
				speed: choice(['relaxed', 'fast', 'turbo'], 'Generation speed (not for video)').optional(),
				fileUrl: url('Input image (single)').optional(),
				fileUrls: urls('Input images (video: exactly one)').optional(),
				aspectRatio: choice(MJ_RATIOS, 'Aspect ratio of the output').optional(),
				version: choice(
					['7', '6.1', '6', '5.2', '5.1', 'niji6'],
					'Midjourney version, as a string',
				).optional(),
				variety: int('Variety, 0–100', { min: 0, max: 100 }).optional(),
				stylization: int('Stylization, 0–1000', { min: 0, max: 1000 }).optional(),
				weirdness: int('Weirdness, 0–3000', { min: 0, max: 3000 }).optional(),
				ow: int('Omni reference weight, 1–1000 (mj_omni_reference)', {
					min: 1,
					max: 1000,
				}).optional(),
				waterMark: mjWaterMark().optional(),
				enableTranslation: bool('Translate the prompt to English first').optional(),
				videoBatchSize: numberChoice([1, 2, 4], 'Videos per run: 1, 2 or 4 (a number)').optional(),
				motion: choice(['high', 'low'], 'Motion level (required for video)').optional(),
			})
			.strict()
			.superRefine((v, ctx) => {
				const type = String(v.taskType);
				if (MJ_NEEDS_IMAGE.indexOf(type) >= 0 && !isSet(v.fileUrl) && !isSet(v.fileUrls)) {
					ctx.addIssue({
						code: z.ZodIssueCode.custom,
						path: ['fileUrls'],
						message: `required when taskType is ${type} (or give fileUrl)`,
					});
				}
				if (MJ_VIDEO.indexOf(type) >= 0) {
					if (!isSet(v.motion)) {
						ctx.addIssue({
							code: z.ZodIssueCode.custom,
							path: ['motion'],
							message: `required when taskType is ${type}`,
						});
					}
					if (isSet(v.speed)) {
						ctx.addIssue({
							code: z.ZodIssueCode.custom,
							path: ['speed'],
							message: `cannot be combined with taskType ${type} (video has no speed setting)`,
						});
					}
				}
			}),
	}),
	flat({
		id: 'midjourney/upscale',
		name: 'Midjourney Upscale',
		category: 'image',
		family: 'midjourney',
		createPath: '/api/v1/mj/generateUpscale',
		typicalSeconds: 40,
		notes: 'imageIndex counts from 0 here (0–3), unlike Vary (1–4).',
		input: z
			.object({
				taskId: mjTaskId(),
				imageIndex: int('Which of the 4 images, 0–3', { min: 0, max: 3 }),
				waterMark: mjWaterMark().optional(),
			})
			.strict(),
	}),
	flat({
		id: 'midjourney/vary',
		name: 'Midjourney Vary',
		category: 'image',
		family: 'midjourney',
		createPath: '/api/v1/mj/generateVary',
		typicalSeconds: 60,
		notes: 'imageIndex counts from 1 here (1–4), unlike Upscale (0–3).',
		input: z
			.object({
				taskId: mjTaskId(),
				imageIndex: int('Which of the 4 images, 1–4', { min: 1, max: 4 }),
				waterMark: mjWaterMark().optional(),
			})
			.strict(),
	}),
];
