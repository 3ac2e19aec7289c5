import { z } from 'zod';
import { bool, choice, exclusive, int, market, nsfwChecker, prompt, url, urls } from '../build';
import type { CatalogueEntry } from '../types';

/** ByteDance video models on the Market: Seedance 2 / 1.5 and the v1 (Seedance 1) line. */

const SEEDANCE_RATIOS = ['1:1', '4:3', '3:4', '16:9', '9:16', '21:9', 'adaptive'] as const;

const FRAMES = ['first_frame_url', 'last_frame_url'] as const;
const REFERENCES = [
	'reference_image_urls',
	'reference_video_urls',
	'reference_audio_urls',
] as const;
const framesVsReferences = exclusive(
	FRAMES,
	REFERENCES,
	'use either first/last frame images or reference_* inputs, not both (KIE answers 422 otherwise)',
);

const seedance2 = (resolutions: readonly [string, ...string[]]) =>
	z
		.object({
			prompt: prompt(20000, 3),
			first_frame_url: url(
				'First frame image (URL or asset://id); not with reference_* inputs',
			).optional(),
			last_frame_url: url(
				'Last frame image (URL or asset://id); not with reference_* inputs',
			).optional(),
			reference_image_urls: urls(
				'Reference images (up to 9 including frames); not with frame inputs',
				{ max: 9 },
			).optional(),
			reference_video_urls: urls(
				'Reference videos (up to 3, 15 s in total); not with frame inputs',
				{ max: 3 },
			).optional(),
			reference_audio_urls: urls(
				'Reference audio (up to 3, 15 s in total); not with frame inputs',
				{ max: 3 },
			).optional(),
			return_last_frame: bool('Also return the last frame as an image').optional(),
			generate_audio: bool('Generate audio (KIE default true; costs more)').optional(),
			resolution: choice(resolutions, 'Output resolution (KIE default 720p)').optional(),
			aspect_ratio: choice(SEEDANCE_RATIOS, 'Aspect ratio of the output').optional(),
			duration: int('Duration in seconds, a whole number 4–15 (not a string)', {
				min: 4,
				max: 15,
			}).optional(),
			web_search: bool('Let the model use web search (required)'),
			nsfw_checker: nsfwChecker().optional(),
		})
		.strict()
		.superRefine(framesVsReferences);

const v1Seed = () => int('Random seed (-1 for random)', { min: -1, max: 2147483647 });
const v1Duration = () => choice(['5', '10'], 'Duration in seconds, as a string (KIE default "5")');
const v1Resolution = () =>
	choice(['480p', '720p', '1080p'], 'Output resolution (KIE default 720p)');

const v1I2V = (id: string, name: string, endImage: boolean): CatalogueEntry =>
	market({
		id,
		name,
		category: 'video',
		typicalSeconds: 120,
		urlFields: endImage ? ['image_url', 'end_image_url'] : ['image_url'],
		input: z
			.object({
				prompt: prompt(10000, 3),
				image_url: url('Image to animate (JPEG/PNG/WebP, up to 10 MB)'),
				resolution: v1Resolution().optional(),
				duration: v1Duration().optional(),
				camera_fixed: bool('Keep the camera still').optional(),
				seed: v1Seed().optional(),
				enable_safety_checker: bool("Enable the model's own safety checker").optional(),
				...(endImage ? { end_image_url: url('End-frame image').optional() } : {}),
				nsfw_checker: nsfwChecker().optional(),
			})
			.strict(),
	});

const v1T2V = (id: string, name: string, ratios: readonly [string, ...string[]]): CatalogueEntry =>
	market({
		id,
		name,
		category: 'video',
		typicalSeconds: 120,
		input: z
			.object({
				prompt: prompt(10000, 3),
				aspect_ratio: choice(ratios, 'Aspect ratio of the output (KIE default 16:9)').optional(),
				resolution: v1Resolution().optional(),
				duration: v1Duration().optional(),
				camera_fixed: bool('Keep the camera still').optional(),
				seed: v1Seed().optional(),
				enable_safety_checker: bool("Enable the model's own safety checker").optional(),
				nsfw_checker: nsfwChecker().optional(),
			})
			.strict(),
	});

const seedanceNote =
	'duration is a whole number (not a string). first_frame_url/last_frame_url cannot be combined with reference_* inputs. web_search is required.';

export const BYTEDANCE_VIDEO: CatalogueEntry[] = [
	market({
		id: 'bytedance/seedance-2',
		name: 'Seedance 2',
		category: 'video',
		typicalSeconds: 180,
		urlFields: ['first_frame_url', 'last_frame_url', ...REFERENCES],
		notes: seedanceNote,
		input: seedance2(['480p', '720p', '1080p']),
	}),
	market({
		id: 'bytedance/seedance-2-fast',
		name: 'Seedance 2 Fast',
		category: 'video',
		typicalSeconds: 120,
		urlFields: ['first_frame_url', 'last_frame_url', ...REFERENCES],
		notes: seedanceNote,
		input: seedance2(['480p', '720p']),
	}),
	market({
		id: 'bytedance/seedance-2-mini',
		name: 'Seedance 2 Mini',
		category: 'video',
		typicalSeconds: 120,
		urlFields: [...REFERENCES],
		notes:
			'Fields from a third-party SDK of the docs page (no frame inputs listed); other fields pass through.',
		input: z
			.object({
				prompt: prompt(20000),
				reference_image_urls: urls(
					'Reference images (JPEG/PNG/WebP/GIF, up to 30 MB each)',
				).optional(),
				reference_video_urls: urls('Reference videos (up to 3, 15 s in total)', {
					max: 3,
				}).optional(),
				reference_audio_urls: urls('Reference audio (up to 3, 15 s in total)', {
					max: 3,
				}).optional(),
				generate_audio: bool('Generate audio (KIE default true)').optional(),
				resolution: choice(['480p', '720p'], 'Output resolution (KIE default 720p)').optional(),
				aspect_ratio: choice(
					SEEDANCE_RATIOS,
					'Aspect ratio of the output (KIE default 16:9)',
				).optional(),
				duration: int('Duration in seconds, a whole number 4–15 (KIE default 5)', {
					min: 4,
					max: 15,
				}).optional(),
				web_search: bool('Let the model use web search (KIE default false)').optional(),
				nsfw_checker: bool('Content safety filter (KIE default true on this model)').optional(),
			})
			.passthrough(),
	}),
	market({
		id: 'bytedance/seedance-1.5-pro',
		name: 'Seedance 1.5 Pro',
		category: 'video',
		typicalSeconds: 150,
		urlFields: ['input_urls'],
		input: z
			.object({
				prompt: prompt(20000, 3),
				input_urls: urls('Up to 2 images for image-to-video; omit for text-to-video', {
					max: 2,
				}).optional(),
				aspect_ratio: choice(
					['1:1', '4:3', '3:4', '16:9', '9:16', '21:9'],
					'Aspect ratio (required; KIE example 1:1)',
				),
				resolution: choice(
					['480p', '720p', '1080p'],
					'Output resolution (KIE default 720p)',
				).optional(),
				duration: int('Duration in seconds, a whole number 4–12 (required)', { min: 4, max: 12 }),
				fixed_lens: bool('Keep the camera still').optional(),
				generate_audio: bool('Generate audio (costs more)').optional(),
				nsfw_checker: nsfwChecker().optional(),
			})
			.strict(),
	}),
	v1T2V('bytedance/v1-pro-text-to-video', 'Seedance 1 Pro Text to Video', [
		'21:9',
		'16:9',
		'4:3',
		'1:1',
		'3:4',
		'9:16',
	]),
	v1T2V('bytedance/v1-lite-text-to-video', 'Seedance 1 Lite Text to Video', [
		'16:9',
		'4:3',
		'1:1',
		'3:4',
		'9:16',
		'9:21',
	]),
	v1I2V('bytedance/v1-pro-image-to-video', 'Seedance 1 Pro Image to Video', false),
	v1I2V('bytedance/v1-lite-image-to-video', 'Seedance 1 Lite Image to Video', true),
	market({
		id: 'bytedance/v1-pro-fast-image-to-video',
		name: 'Seedance 1 Pro Fast Image to Video',
		category: 'video',
		typicalSeconds: 90,
		urlFields: ['image_url'],
		notes: 'Documented fields only partly agree between sources; other fields pass through.',
		input: z
			.object({
				prompt: prompt(10000, 3),
				image_url: url('Image to animate (JPEG/PNG/WebP, up to 10 MB)'),
				resolution: choice(['720p', '1080p'], 'Output resolution (KIE default 720p)').optional(),
				duration: v1Duration().optional(),
				nsfw_checker: nsfwChecker().optional(),
			})
			.passthrough(),
	}),
];
