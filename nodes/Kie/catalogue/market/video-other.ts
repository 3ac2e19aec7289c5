import { z } from 'zod';
import {
	atLeastOne,
	bool,
	choice,
	exclusive,
	int,
	market,
	num,
	prompt,
	rules,
	text,
	url,
	urls,
} from '../build';
import type { CatalogueEntry } from '../types';

/** Other video models on the Market: Topaz, InfiniteTalk, OmniHuman, MiniMax H3, PixVerse, Gemini Omni. */

const PIXVERSE_RATIOS = ['16:9', '4:3', '1:1', '3:4', '9:16', '2:3', '3:2', '21:9'] as const;
const pixQuality = () =>
	choice(['360p', '540p', '720p', '1080p'], 'Output resolution (required; KIE example 720p)');
const pixDuration = () =>
	int('Duration in seconds, a whole number 1–15 (required)', { min: 1, max: 15 });
const pixAudio = () => bool('Generate matching audio (KIE default false)');
const pixSeed = () => int('Random seed (0–2147483647)', { min: 0, max: 2147483647 });

const minimaxCommon = {
	prompt: prompt(7000),
	duration: int('Duration in seconds, a whole number 4–15 (required; KIE example 6)', {
		min: 4,
		max: 15,
	}),
	resolution: text('Output resolution (KIE default 2K)').optional(),
};
const MINIMAX_NOTE =
	'Enum values of aspect_ratio/resolution are not in our sources; fields beyond these pass through.';

const videoClip = z
	.object({
		url: url('Reference video URL'),
		start: num('Clip start, seconds', { min: 0 }),
		ends: num('Clip end, seconds (after start, at most 10 s later)', { min: 0 }),
	})
	.strict();

const geminiOmniCommon = {
	prompt: prompt(20000),
	image_urls: urls('Reference images (up to 7, 20 MB each)', { max: 7 }).optional(),
	audio_ids: z
		.array(z.string())
		.max(3)
		.describe('Audio ids created with gemini-omni-audio (up to 3)')
		.optional(),
	video_list: z
		.array(videoClip)
		.max(1)
		.describe('One reference clip: [{url, start, ends}]')
		.optional(),
	duration: choice(
		['4', '6', '8', '10'],
		'Duration in seconds, as a string (required; ignored with a video input)',
	),
	aspect_ratio: choice(['16:9', '9:16'], 'Aspect ratio of the output').optional(),
	seed: int('Random seed (0–2147483647)', { min: 0, max: 2147483647 }).optional(),
};

const omniHumanImage = (id: string, name: string, what: string): CatalogueEntry =>
	market({
		id,
		name,
		category: 'video',
		typicalSeconds: 30,
		urlFields: ['image_url'],
		notes: `Helper for OmniHuman 1.5: ${what}.`,
		input: z.object({ image_url: url('Portrait image (JPG/PNG, up to 5 MB)') }).strict(),
	});

export const OTHER_VIDEO: CatalogueEntry[] = [
	market({
		id: 'topaz/video-upscale',
		name: 'Topaz Video Upscale',
		category: 'video',
		typicalSeconds: 300,
		urlFields: ['video_url'],
		input: z
			.object({
				video_url: url('Video to upscale (MP4/MOV/MKV, up to 50 MB)'),
				upscale_factor: choice(
					['1', '2', '4'],
					'Scale factor, as a string (KIE default "2")',
				).optional(),
			})
			.strict(),
	}),
	market({
		id: 'infinitalk/from-audio',
		name: 'InfiniteTalk (talking video from audio)',
		category: 'video',
		typicalSeconds: 300,
		urlFields: ['image_url', 'audio_url'],
		input: z
			.object({
				image_url: url('Portrait image (JPEG/PNG/WebP, up to 10 MB)'),
				audio_url: url('Driving audio (MP3/WAV/AAC/MP4/OGG, up to 10 MB)'),
				prompt: prompt(5000),
				resolution: choice(['480p', '720p'], 'Output resolution (KIE default 480p)').optional(),
				seed: int('Random seed (10000–1000000)', { min: 10000, max: 1000000 }).optional(),
			})
			.strict(),
	}),
	market({
		id: 'omnihuman-1-5',
		name: 'OmniHuman 1.5',
		category: 'video',
		typicalSeconds: 300,
		urlFields: ['image_url', 'mask_url', 'audio_url'],
		input: z
			.object({
				image_url: url('Portrait image (people, pets, anime…; up to 10 MB)'),
				mask_url: urls('Subject mask images (up to 5)', { max: 5 }).optional(),
				audio_url: url('Driving audio (under 60 s, up to 10 MB)'),
				prompt: text('Motion prompt (up to 1000 characters)', { max: 1000 }).optional(),
				output_resolution: choice(
					['720', '1080'],
					'Output resolution, as a string (KIE default 1080)',
				).optional(),
				pe_fast_mode: bool('Faster, lower quality (KIE default false)').optional(),
				seed: int('Random seed (-1 for random)', { min: -1 }).optional(),
			})
			.strict(),
	}),
	omniHumanImage(
		'omnihuman-1-5/human-identification',
		'OmniHuman 1.5 Human Identification',
		'checks that an image shows a usable person',
	),
	omniHumanImage(
		'omnihuman-1-5/subject-detection',
		'OmniHuman 1.5 Subject Detection',
		'detects up to 5 subjects and returns their masks',
	),
	market({
		id: 'minimax-h3/text-to-video',
		name: 'MiniMax H3 Text to Video',
		category: 'video',
		typicalSeconds: 240,
		notes: MINIMAX_NOTE,
		input: z
			.object({
				prompt: minimaxCommon.prompt,
				aspect_ratio: text('Aspect ratio (required; adaptive is not accepted here)', { min: 1 }),
				duration: minimaxCommon.duration,
				resolution: minimaxCommon.resolution,
			})
			.passthrough(),
	}),
	market({
		id: 'minimax-h3/image-to-video',
		name: 'MiniMax H3 Image to Video',
		category: 'video',
		typicalSeconds: 240,
		urlFields: ['first_frame_url', 'last_frame_url'],
		notes: MINIMAX_NOTE,
		input: z
			.object({
				prompt: minimaxCommon.prompt,
				first_frame_url: url('First frame image (at least one frame is required)').optional(),
				last_frame_url: url('Last frame image').optional(),
				duration: minimaxCommon.duration,
				resolution: minimaxCommon.resolution,
			})
			.passthrough()
			.superRefine(atLeastOne(['first_frame_url', 'last_frame_url'])),
	}),
	market({
		id: 'minimax-h3/reference-to-video',
		name: 'MiniMax H3 Reference to Video',
		category: 'video',
		typicalSeconds: 240,
		urlFields: ['reference_image_urls', 'reference_video_urls', 'reference_audio_urls'],
		notes: MINIMAX_NOTE,
		input: z
			.object({
				prompt: minimaxCommon.prompt,
				reference_image_urls: urls('Reference images (up to 9)', { max: 9 }).optional(),
				reference_video_urls: urls('Reference videos (up to 3, 15 s in total)', {
					max: 3,
				}).optional(),
				reference_audio_urls: urls('Reference audio (up to 3; needs an image or video too)', {
					max: 3,
				}).optional(),
				aspect_ratio: text('Aspect ratio (KIE default adaptive)').optional(),
				duration: minimaxCommon.duration,
				resolution: minimaxCommon.resolution,
			})
			.passthrough()
			.superRefine(
				atLeastOne(['reference_image_urls', 'reference_video_urls'], 'audio alone is not enough'),
			),
	}),
	market({
		id: 'pixverse-v6/text-to-video',
		name: 'PixVerse V6 Text to Video',
		category: 'video',
		typicalSeconds: 120,
		input: z
			.object({
				prompt: prompt(5000, 3),
				aspect_ratio: choice(PIXVERSE_RATIOS, 'Aspect ratio (required; KIE example 16:9)'),
				quality: pixQuality(),
				duration: pixDuration(),
				generate_audio_switch: pixAudio().optional(),
				generate_multi_clip_switch: bool(
					'Generate a multi-clip video (KIE default false)',
				).optional(),
				seed: pixSeed().optional(),
			})
			.strict(),
	}),
	market({
		id: 'pixverse-v6/reference-to-video',
		name: 'PixVerse V6 Reference to Video',
		category: 'video',
		typicalSeconds: 120,
		input: z
			.object({
				prompt: prompt(5000, 3),
				image_references: z
					.array(
						z
							.object({
								image_url: url('Reference image URL'),
								type: choice(
									['subject', 'background'],
									'How the reference is used (KIE default subject)',
								).optional(),
								ref_name: text('Name to use as @name in the prompt (1–30 characters)', {
									min: 1,
									max: 30,
								}).optional(),
							})
							.strict(),
					)
					.min(1)
					.max(7)
					.describe('Reference images (1–7): [{image_url, type, ref_name}]'),
				aspect_ratio: choice(PIXVERSE_RATIOS, 'Aspect ratio (required; KIE example 16:9)'),
				quality: pixQuality(),
				duration: pixDuration(),
				generate_audio_switch: pixAudio().optional(),
				seed: pixSeed().optional(),
			})
			.strict(),
	}),
	market({
		id: 'pixverse-v6/transition',
		name: 'PixVerse V6 Transition',
		category: 'video',
		typicalSeconds: 120,
		urlFields: ['first_frame_image_url', 'last_frame_image_url'],
		input: z
			.object({
				prompt: prompt(5000, 3),
				first_frame_image_url: url('First frame image (up to 20 MB)'),
				last_frame_image_url: url('Last frame image (up to 20 MB)'),
				quality: pixQuality(),
				duration: pixDuration(),
				generate_audio_switch: pixAudio().optional(),
				seed: pixSeed().optional(),
			})
			.strict(),
	}),
	market({
		id: 'gemini-omni-video',
		name: 'Gemini Omni Video',
		category: 'video',
		typicalSeconds: 240,
		urlFields: ['image_urls'],
		notes: 'Fields beyond these pass through.',
		input: z
			.object({
				...geminiOmniCommon,
				character_ids: z
					.array(z.string())
					.max(3)
					.describe('Character ids created with gemini-omni-character (up to 3)')
					.optional(),
				resolution: choice(
					['720p', '1080p', '4k'],
					'Output resolution (KIE default 720p)',
				).optional(),
			})
			.passthrough(),
	}),
	market({
		id: 'google/gemini-omni-flash-1-1',
		name: 'Gemini Omni Flash 1.1',
		category: 'video',
		typicalSeconds: 240,
		urlFields: ['image_urls', 'first_frame_url', 'last_frame_url'],
		notes:
			'first_frame_url cannot be combined with image_urls, audio_ids, video_list or character_ids. Fields beyond these pass through.',
		input: z
			.object({
				...geminiOmniCommon,
				first_frame_url: url('First frame image; not with references').optional(),
				last_frame_url: url('Last frame image (needs first_frame_url)').optional(),
				character_ids: z
					.array(z.string())
					.max(7)
					.describe('Character ids created with gemini-omni-character (up to 7)')
					.optional(),
				resolution: text('Output resolution (KIE default 720p)').optional(),
			})
			.passthrough()
			.superRefine(
				rules(
					exclusive(
						['first_frame_url'],
						['image_urls', 'audio_ids', 'video_list', 'character_ids'],
						'use either a first frame or references',
					),
					(v, ctx) => {
						if (typeof v.last_frame_url === 'string' && v.last_frame_url && !v.first_frame_url) {
							ctx.addIssue({
								code: z.ZodIssueCode.custom,
								path: ['last_frame_url'],
								message: 'needs first_frame_url as well',
							});
						}
					},
				),
			),
	}),
];
