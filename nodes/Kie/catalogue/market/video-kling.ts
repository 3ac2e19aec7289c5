import { z } from 'zod';
import { bool, choice, market, num, prompt, rules, text, url, urls } from '../build';
import type { CatalogueEntry } from '../types';

/** Kling video models on the Market. */

const KLING3_DURATIONS = [
	'3',
	'4',
	'5',
	'6',
	'7',
	'8',
	'9',
	'10',
	'11',
	'12',
	'13',
	'14',
	'15',
] as const;
const RATIOS = ['16:9', '9:16', '1:1'] as const;

const cfgScale = () => num('CFG scale, 0–1 (KIE default 0.5)', { min: 0, max: 1 });
const duration510 = () => choice(['5', '10'], 'Duration in seconds, as a string (KIE default "5")');

const kling3Video = z
	.object({
		prompt: text(
			'Text prompt for a single-shot video (use multi_prompt for multi-shot)',
		).optional(),
		image_urls: urls('First frame, or first and last frame, image URLs (up to 2)', {
			max: 2,
		}).optional(),
		sound: bool('Generate sound (KIE default false; must be true for multi-shot)').optional(),
		duration: choice(KLING3_DURATIONS, 'Duration in seconds, as a string "3"–"15" (required)'),
		aspect_ratio: choice(RATIOS, 'Aspect ratio of the output').optional(),
		mode: choice(['std', 'pro', '4K'], 'Quality mode (required): std, pro, or 4K'),
		multi_shots: bool('Multi-shot mode (required; true needs multi_prompt and sound)'),
		multi_prompt: z
			.array(
				z
					.object({
						prompt: prompt(500, 1, 'Prompt for this shot'),
						duration: num('Duration of this shot in seconds, 1–12', { min: 1, max: 12 }),
					})
					.strict(),
			)
			.describe('Shots for multi-shot mode: [{prompt, duration}]')
			.optional(),
		kling_elements: z
			.array(
				z
					.object({
						name: text('Element name, referenced in the prompt as [name]', { min: 1 }),
						description: text('What the element is', { min: 1 }),
						element_input_urls: urls('2–4 images of the element', { min: 2, max: 4 }).optional(),
						element_input_video_urls: urls('One video of the element', {
							min: 1,
							max: 1,
						}).optional(),
					})
					.strict(),
			)
			.describe('Reusable subjects: [{name, description, element_input_urls}]')
			.optional(),
	})
	.strict()
	.superRefine(
		rules((v, ctx) => {
			if (v.multi_shots === true) {
				if (!Array.isArray(v.multi_prompt) || v.multi_prompt.length === 0) {
					ctx.addIssue({
						code: z.ZodIssueCode.custom,
						path: ['multi_prompt'],
						message: 'required when multi_shots is true (KIE: "multi_shots cannot be empty")',
					});
				}
				if (v.sound !== true) {
					ctx.addIssue({
						code: z.ZodIssueCode.custom,
						path: ['sound'],
						message: 'must be true when multi_shots is true',
					});
				}
			} else if (typeof v.prompt !== 'string' || v.prompt.length === 0) {
				ctx.addIssue({
					code: z.ZodIssueCode.custom,
					path: ['prompt'],
					message: 'required when multi_shots is false',
				});
			}
		}),
	);

const klingI2VLegacy = (
	id: string,
	name: string,
	promptMax: number,
	tail: boolean,
): CatalogueEntry =>
	market({
		id,
		name,
		category: 'video',
		typicalSeconds: 180,
		urlFields: tail ? ['image_url', 'tail_image_url'] : ['image_url'],
		input: z
			.object({
				prompt: prompt(promptMax),
				image_url: url('Image to animate'),
				duration: duration510().optional(),
				negative_prompt: text('What to avoid (up to 500 characters)', { max: 500 }).optional(),
				cfg_scale: cfgScale().optional(),
				...(tail ? { tail_image_url: url('End-frame image').optional() } : {}),
			})
			.strict(),
	});

const klingT2VLegacy = (
	id: string,
	name: string,
	promptMax: number,
	negativeMax: number,
): CatalogueEntry =>
	market({
		id,
		name,
		category: 'video',
		typicalSeconds: 180,
		input: z
			.object({
				prompt: prompt(promptMax),
				duration: duration510().optional(),
				aspect_ratio: choice(RATIOS, 'Aspect ratio of the output (KIE default 16:9)').optional(),
				negative_prompt: text(`What to avoid (up to ${negativeMax} characters)`, {
					max: negativeMax,
				}).optional(),
				cfg_scale: cfgScale().optional(),
			})
			.strict(),
	});

const klingAvatar = (id: string, name: string): CatalogueEntry =>
	market({
		id,
		name,
		category: 'video',
		typicalSeconds: 300,
		urlFields: ['image_url', 'audio_url'],
		input: z
			.object({
				image_url: url('Avatar image'),
				audio_url: url('Driving audio'),
				prompt: text('Prompt (may be empty; up to 5000 characters)', { max: 5000 }),
			})
			.strict(),
	});

const motionControl26 = z
	.object({
		prompt: text('Optional prompt (up to 2500 characters)', { max: 2500 }).optional(),
		input_urls: urls('Character image URL (exactly one)', { min: 1, max: 1 }),
		video_urls: urls('Motion video URL (exactly one)', { min: 1, max: 1 }),
		character_orientation: choice(
			['image', 'video'],
			'Take the character orientation from the image or the video',
		),
		mode: choice(['720p', '1080p'], 'Output resolution'),
	})
	.strict();

export const KLING_VIDEO: CatalogueEntry[] = [
	market({
		id: 'kling-3.0/video',
		name: 'Kling 3.0 Video',
		category: 'video',
		typicalSeconds: 150,
		urlFields: ['image_urls'],
		notes:
			'duration is a string ("5"), not a number; mode and multi_shots are required. The id is kling-3.0/video, not kling-3.0.',
		input: kling3Video,
	}),
	market({
		id: 'kling-3.0/motion-control',
		name: 'Kling 3.0 Motion Control',
		category: 'video',
		typicalSeconds: 180,
		urlFields: ['input_urls', 'video_urls'],
		input: z
			.object({
				prompt: text('Optional prompt').optional(),
				input_urls: urls('Character image URLs', { min: 1 }),
				video_urls: urls('Motion video URLs', { min: 1 }),
				mode: choice(['720p', '1080p'], 'Output resolution (KIE default 720p)').optional(),
				character_orientation: choice(
					['video', 'image'],
					'Orientation source (KIE default video)',
				).optional(),
				background_source: choice(
					['input_video', 'input_image'],
					'Background source (KIE default input_video)',
				).optional(),
			})
			.strict(),
	}),
	market({
		id: 'kling-2.6/motion-control',
		name: 'Kling 2.6 Motion Control',
		category: 'video',
		typicalSeconds: 180,
		urlFields: ['input_urls', 'video_urls'],
		input: motionControl26,
	}),
	market({
		id: 'kling-2.6/text-to-video',
		name: 'Kling 2.6 Text to Video',
		category: 'video',
		typicalSeconds: 180,
		input: z
			.object({
				prompt: prompt(1000),
				sound: bool('Generate sound (required)'),
				aspect_ratio: choice(RATIOS, 'Aspect ratio of the output (required)'),
				duration: choice(['5', '10'], 'Duration in seconds, as a string (required)'),
			})
			.strict(),
	}),
	market({
		id: 'kling-2.6/image-to-video',
		name: 'Kling 2.6 Image to Video',
		category: 'video',
		typicalSeconds: 180,
		urlFields: ['image_urls'],
		input: z
			.object({
				prompt: prompt(1000),
				image_urls: urls('Image to animate (exactly one)', { min: 1, max: 1 }),
				sound: bool('Generate sound (required)'),
				duration: choice(['5', '10'], 'Duration in seconds, as a string (required)'),
			})
			.strict(),
	}),
	klingT2VLegacy(
		'kling/v2-5-turbo-text-to-video-pro',
		'Kling 2.5 Turbo Text to Video Pro',
		2500,
		2500,
	),
	klingI2VLegacy(
		'kling/v2-5-turbo-image-to-video-pro',
		'Kling 2.5 Turbo Image to Video Pro',
		2500,
		true,
	),
	klingI2VLegacy('kling/v2-1-pro', 'Kling 2.1 Pro (image to video)', 5000, true),
	klingI2VLegacy('kling/v2-1-standard', 'Kling 2.1 Standard (image to video)', 5000, false),
	klingT2VLegacy('kling/v2-1-master-text-to-video', 'Kling 2.1 Master Text to Video', 5000, 500),
	klingI2VLegacy(
		'kling/v2-1-master-image-to-video',
		'Kling 2.1 Master Image to Video',
		5000,
		false,
	),
	klingAvatar('kling/ai-avatar-standard', 'Kling AI Avatar Standard'),
	klingAvatar('kling/ai-avatar-pro', 'Kling AI Avatar Pro'),
];
