import { z } from 'zod';
import {
	bool,
	choice,
	exclusive,
	int,
	market,
	nsfwChecker,
	num,
	prompt,
	text,
	url,
	urls,
} from '../build';
import type { CatalogueEntry } from '../types';

/** Alibaba Wan video models on the Market (2.2, 2.5, 2.6, 2.7, 3.0). */

const RATIOS_5 = ['16:9', '9:16', '1:1', '4:3', '3:4'] as const;
const negative = (max = 500) => text(`What to avoid (up to ${max} characters)`, { max });
/** The optional switches every Wan 2.7 video model shares. */
const wan27Options = () => ({
	prompt_extend: bool('Let the model rewrite the prompt (KIE default true)').optional(),
	watermark: bool('Add an "AI generated" watermark (KIE default false)').optional(),
	seed: num('Random seed (0–2147483647)', { min: 0, max: 2147483647 }).optional(),
	nsfw_checker: nsfwChecker().optional(),
});
const wan26Duration = (values: readonly [string, ...string[]]) =>
	choice(
		values,
		`Duration in seconds, as a string (${values.map((v) => `"${v}"`).join(', ')}; KIE default "5")`,
	);
const wan26Resolution = () => choice(['720p', '1080p'], 'Output resolution (KIE default 1080p)');
const wan25Duration = () => choice(['5', '10'], 'Duration in seconds, as a string (required)');
const wan25Resolution = () => choice(['720p', '1080p'], 'Output resolution');

const WAN3_FRAMES = ['first_frame_url', 'last_frame_url'] as const;
const WAN3_REFS = [
	'reference_image_urls',
	'reference_video_urls',
	'reference_audio_urls',
	'reference_file_urls',
	'reference_link_urls',
] as const;

const wan3 = (id: string, name: string): CatalogueEntry =>
	market({
		id,
		name,
		category: 'video',
		typicalSeconds: 240,
		urlFields: [...WAN3_FRAMES, ...WAN3_REFS],
		notes:
			'One third-party source says Wan 3.0 is created on /api/v3/jobs/createTask; unconfirmed, /api/v1 is used. Fields beyond these pass through.',
		input: z
			.object({
				prompt: text('Text prompt (up to 20000 characters; required for text-to-video)', {
					max: 20000,
				}).optional(),
				first_frame_url: url('First frame image; not with reference_* inputs').optional(),
				last_frame_url: url('Last frame image; not with reference_* inputs').optional(),
				reference_image_urls: urls('Reference images (up to 10), Image1, Image2… in the prompt', {
					max: 10,
				}).optional(),
				reference_video_urls: urls('Reference videos (up to 5, 15 s in total)', {
					max: 5,
				}).optional(),
				reference_audio_urls: urls('Reference audio (up to 5, 15 s in total)', {
					max: 5,
				}).optional(),
				reference_file_urls: urls('File-to-video source (at most 1)', { max: 1 }).optional(),
				reference_link_urls: urls('Link-to-video source page (at most 1)', { max: 1 }).optional(),
				resolution: choice(
					['480P', '720P', '1080P'],
					'Output resolution, upper case (KIE default 1080P)',
				).optional(),
				aspect_ratio: choice(
					['adaptive', '16:9', '4:3', '1:1', '3:4', '9:16'],
					'Aspect ratio (KIE default adaptive)',
				).optional(),
				duration: int('Duration in seconds, a whole number 2–30, or -1 to let the model choose', {
					min: -1,
					max: 30,
				}).optional(),
				audio: bool('Give the output an audio track (KIE default true)').optional(),
				seed: num('Random seed (0–2147483647)', { min: 0, max: 2147483647 }).optional(),
				nsfw_checker: nsfwChecker().optional(),
			})
			.passthrough()
			.superRefine(
				exclusive(
					WAN3_FRAMES,
					WAN3_REFS,
					'use either first/last frame images or reference_* inputs, not both',
				),
			),
	});

export const WAN_VIDEO: CatalogueEntry[] = [
	market({
		id: 'wan/2-7-text-to-video',
		name: 'Wan 2.7 Text to Video',
		category: 'video',
		typicalSeconds: 180,
		urlFields: ['audio_url'],
		input: z
			.object({
				prompt: prompt(5000),
				negative_prompt: negative().optional(),
				audio_url: url('Custom audio track').optional(),
				resolution: choice(['720p', '1080p'], 'Output resolution (KIE default 1080p)').optional(),
				ratio: choice(
					RATIOS_5,
					'Aspect ratio (this model names it "ratio"; KIE default 16:9)',
				).optional(),
				duration: int('Duration in seconds, a whole number 2–15 (not a string)', {
					min: 2,
					max: 15,
				}).optional(),
				...wan27Options(),
			})
			.strict(),
	}),
	market({
		id: 'wan/2-7-image-to-video',
		name: 'Wan 2.7 Image to Video',
		category: 'video',
		typicalSeconds: 180,
		urlFields: ['first_frame_url', 'last_frame_url', 'first_clip_url', 'driving_audio_url'],
		notes: 'duration is a whole number (5), not a string.',
		input: z
			.object({
				prompt: prompt(5000),
				negative_prompt: negative().optional(),
				first_frame_url: url('First frame image').optional(),
				last_frame_url: url('Last frame image').optional(),
				first_clip_url: url('Video clip to continue').optional(),
				driving_audio_url: url('Driving audio').optional(),
				resolution: choice(['720p', '1080p'], 'Output resolution (KIE default 1080p)').optional(),
				duration: int('Duration in seconds, a whole number 2–15 (not a string)', {
					min: 2,
					max: 15,
				}).optional(),
				...wan27Options(),
			})
			.strict(),
	}),
	market({
		id: 'wan/2-7-r2v',
		name: 'Wan 2.7 Reference to Video',
		category: 'video',
		typicalSeconds: 180,
		urlFields: ['reference_image', 'reference_video', 'first_frame', 'reference_voice'],
		input: z
			.object({
				prompt: prompt(5000),
				negative_prompt: negative().optional(),
				reference_image: urls('Reference image URLs (up to 5 with the videos)', {
					max: 5,
				}).optional(),
				reference_video: urls('Reference video URLs (up to 5 with the images)', {
					max: 5,
				}).optional(),
				first_frame: url('First frame image (overrides aspect_ratio)').optional(),
				reference_voice: url('Voice sample (WAV/MP3, 1–10 s, up to 15 MB)').optional(),
				resolution: choice(['720p', '1080p'], 'Output resolution (KIE default 1080p)').optional(),
				aspect_ratio: choice(RATIOS_5, 'Aspect ratio (KIE default 16:9)').optional(),
				duration: int('Duration in seconds, a whole number 2–10', { min: 2, max: 10 }).optional(),
				...wan27Options(),
			})
			.strict(),
	}),
	market({
		id: 'wan/2-7-videoedit',
		name: 'Wan 2.7 Video Edit',
		category: 'video',
		typicalSeconds: 180,
		urlFields: ['video_url', 'reference_image'],
		input: z
			.object({
				prompt: text('Edit instruction (up to 5000 characters)', { max: 5000 }).optional(),
				negative_prompt: negative().optional(),
				video_url: url('Video to edit (MP4/MOV, 2–10 s, up to 100 MB)'),
				reference_image: url('Style reference image (up to 20 MB)').optional(),
				resolution: choice(['720p', '1080p'], 'Output resolution (KIE default 1080p)').optional(),
				aspect_ratio: choice(RATIOS_5, 'Aspect ratio (KIE default: same as the input)').optional(),
				duration: int('Duration in seconds: 0 (whole input) or 2–10', {
					min: 0,
					max: 10,
				}).optional(),
				audio_setting: choice(
					['auto', 'origin'],
					'Audio: auto (model decides) or origin (keep the original)',
				).optional(),
				...wan27Options(),
			})
			.strict(),
	}),
	market({
		id: 'wan/2-6-text-to-video',
		name: 'Wan 2.6 Text to Video',
		category: 'video',
		typicalSeconds: 180,
		input: z
			.object({
				prompt: prompt(5000),
				duration: wan26Duration(['5', '10', '15']).optional(),
				resolution: wan26Resolution().optional(),
				multi_shots: bool('Several shots with transitions instead of one').optional(),
				nsfw_checker: nsfwChecker().optional(),
			})
			.strict(),
	}),
	market({
		id: 'wan/2-6-image-to-video',
		name: 'Wan 2.6 Image to Video',
		category: 'video',
		typicalSeconds: 180,
		urlFields: ['image_urls'],
		input: z
			.object({
				prompt: prompt(5000, 2),
				image_urls: urls('Image to animate (exactly one, at least 256×256 px)', { min: 1, max: 1 }),
				duration: wan26Duration(['5', '10', '15']).optional(),
				resolution: wan26Resolution().optional(),
				multi_shots: bool('Several shots with transitions instead of one').optional(),
				nsfw_checker: nsfwChecker().optional(),
			})
			.strict(),
	}),
	market({
		id: 'wan/2-6-video-to-video',
		name: 'Wan 2.6 Video to Video',
		category: 'video',
		typicalSeconds: 180,
		urlFields: ['video_urls'],
		input: z
			.object({
				prompt: prompt(5000, 2),
				video_urls: urls('Input videos (1–3; up to 10 MB each)', { min: 1, max: 3 }),
				duration: wan26Duration(['5', '10']).optional(),
				resolution: wan26Resolution().optional(),
				multi_shots: bool('Several shots with transitions instead of one').optional(),
				nsfw_checker: nsfwChecker().optional(),
			})
			.strict(),
	}),
	market({
		id: 'wan/2-6-flash-image-to-video',
		name: 'Wan 2.6 Flash Image to Video',
		category: 'video',
		typicalSeconds: 90,
		urlFields: ['image_urls'],
		input: z
			.object({
				prompt: prompt(1500, 2),
				image_urls: urls('Image to animate (exactly one, at least 256×256 px)', { min: 1, max: 1 }),
				duration: wan26Duration(['5', '10', '15']).optional(),
				resolution: wan26Resolution().optional(),
				audio: bool('Generate audio (required: the price differs)'),
				multi_shots: bool('Several shots with transitions instead of one').optional(),
				nsfw_checker: nsfwChecker().optional(),
			})
			.strict(),
	}),
	market({
		id: 'wan/2-6-flash-video-to-video',
		name: 'Wan 2.6 Flash Video to Video',
		category: 'video',
		typicalSeconds: 90,
		urlFields: ['video_urls'],
		input: z
			.object({
				prompt: prompt(1500, 2),
				video_urls: urls('Input videos (1–3)', { min: 1, max: 3 }),
				duration: wan26Duration(['5', '10']).optional(),
				resolution: wan26Resolution().optional(),
				audio: bool('Generate audio (affects the price)').optional(),
				multi_shots: bool('Several shots with transitions instead of one').optional(),
				nsfw_checker: nsfwChecker().optional(),
			})
			.strict(),
	}),
	market({
		id: 'wan/2-5-text-to-video',
		name: 'Wan 2.5 Text to Video',
		category: 'video',
		typicalSeconds: 180,
		input: z
			.object({
				prompt: prompt(800),
				duration: wan25Duration(),
				aspect_ratio: choice(['16:9', '9:16', '1:1'], 'Aspect ratio of the output').optional(),
				resolution: wan25Resolution().optional(),
				negative_prompt: negative().optional(),
				enable_prompt_expansion: bool('Expand the prompt with an LLM first').optional(),
				seed: int('Random seed').optional(),
				nsfw_checker: nsfwChecker().optional(),
			})
			.strict(),
	}),
	market({
		id: 'wan/2-5-image-to-video',
		name: 'Wan 2.5 Image to Video',
		category: 'video',
		typicalSeconds: 180,
		urlFields: ['image_url'],
		input: z
			.object({
				prompt: prompt(800),
				image_url: url('First frame image (JPEG/PNG/WebP, up to 10 MB)'),
				duration: wan25Duration(),
				resolution: wan25Resolution().optional(),
				negative_prompt: negative().optional(),
				enable_prompt_expansion: bool('Expand the prompt with an LLM first').optional(),
				seed: int('Random seed').optional(),
				nsfw_checker: nsfwChecker().optional(),
			})
			.strict(),
	}),
	market({
		id: 'wan/2-2-a14b-text-to-video-turbo',
		name: 'Wan 2.2 A14B Text to Video Turbo',
		category: 'video',
		typicalSeconds: 120,
		input: z
			.object({
				prompt: prompt(5000),
				resolution: choice(['480p', '720p'], 'Output resolution (KIE default 720p)').optional(),
				aspect_ratio: choice(['16:9', '9:16'], 'Aspect ratio (KIE default 16:9)').optional(),
				enable_prompt_expansion: bool('Expand the prompt with an LLM first').optional(),
				seed: int('Random seed (0–2147483647)', { min: 0, max: 2147483647 }).optional(),
				acceleration: choice(
					['none', 'regular'],
					'Acceleration: faster but lower quality (KIE default none)',
				).optional(),
				nsfw_checker: nsfwChecker().optional(),
			})
			.strict(),
	}),
	market({
		id: 'wan/2-2-a14b-image-to-video-turbo',
		name: 'Wan 2.2 A14B Image to Video Turbo',
		category: 'video',
		typicalSeconds: 120,
		urlFields: ['image_url'],
		notes: 'The image is cropped to the chosen aspect ratio; fields beyond these pass through.',
		input: z
			.object({
				image_url: url('Image to animate (JPEG/PNG/WebP, up to 10 MB)'),
				prompt: prompt(5000),
				resolution: choice(['480p', '720p'], 'Output resolution (KIE default 720p)').optional(),
				enable_prompt_expansion: bool('Expand the prompt with an LLM first').optional(),
				seed: int('Random seed (0–2147483647)', { min: 0, max: 2147483647 }).optional(),
				acceleration: choice(
					['none', 'regular'],
					'Acceleration: faster but lower quality (KIE default none)',
				).optional(),
				nsfw_checker: nsfwChecker().optional(),
			})
			.passthrough(),
	}),
	market({
		id: 'wan/2-2-a14b-speech-to-video-turbo',
		name: 'Wan 2.2 A14B Speech to Video Turbo',
		category: 'video',
		typicalSeconds: 180,
		urlFields: ['image_url', 'audio_url'],
		notes: 'Fields beyond these pass through.',
		input: z
			.object({
				prompt: prompt(5000),
				image_url: url('Image of the speaker (JPEG/PNG/WebP, up to 10 MB)'),
				audio_url: url('Driving audio (MP3/WAV/OGG/M4A/FLAC/AAC, up to 10 MB)'),
				num_frames: int('Frames to generate, 40–120 in steps of 4 (KIE default 80)', {
					min: 40,
					max: 120,
				}).optional(),
				frames_per_second: int('Frames per second, 4–60 (KIE default 16)', {
					min: 4,
					max: 60,
				}).optional(),
				resolution: choice(
					['480p', '580p', '720p'],
					'Output resolution (KIE default 480p)',
				).optional(),
				negative_prompt: negative().optional(),
				seed: int('Random seed').optional(),
				num_inference_steps: int('Sampling steps, 2–40 (KIE default 27)', {
					min: 2,
					max: 40,
				}).optional(),
				guidance_scale: num('Guidance scale, 1–10 (KIE default 3.5)', {
					min: 1,
					max: 10,
				}).optional(),
				shift: num('Shift, 1–10 (KIE default 5)', { min: 1, max: 10 }).optional(),
				nsfw_checker: nsfwChecker().optional(),
			})
			.passthrough(),
	}),
	market({
		id: 'wan/2-2-animate-move',
		name: 'Wan 2.2 Animate Move',
		category: 'video',
		typicalSeconds: 240,
		urlFields: ['video_url', 'image_url'],
		notes: 'The output is as long as the driving video. Fields beyond these pass through.',
		input: z
			.object({
				video_url: url('Driving video whose motion is transferred (MP4/MOV/MKV, up to 10 MB)'),
				image_url: url('Character image (JPEG/PNG/WebP, up to 10 MB)'),
				resolution: choice(
					['480p', '580p', '720p'],
					'Output resolution (KIE default 480p)',
				).optional(),
				nsfw_checker: nsfwChecker().optional(),
			})
			.passthrough(),
	}),
	market({
		id: 'wan/2-2-animate-replace',
		name: 'Wan 2.2 Animate Replace',
		category: 'video',
		typicalSeconds: 240,
		urlFields: ['video_url', 'image_url'],
		notes: 'The output is as long as the source video. Fields beyond these pass through.',
		input: z
			.object({
				video_url: url('Video whose character is replaced (MP4/MOV/MKV, up to 10 MB)'),
				image_url: url('Replacement character image (JPEG/PNG/WebP, up to 10 MB)'),
				resolution: choice(
					['480p', '580p', '720p'],
					'Output resolution (KIE default 480p)',
				).optional(),
				nsfw_checker: nsfwChecker().optional(),
			})
			.passthrough(),
	}),
	wan3('wan/3-0-video', 'Wan 3.0 Video'),
	wan3('wan/3-0-video-prime', 'Wan 3.0 Video Prime'),
];
