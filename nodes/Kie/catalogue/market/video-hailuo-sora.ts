import { z } from 'zod';
import { bool, choice, idsOnly, market, nsfwChecker, prompt, url, urls } from '../build';
import type { CatalogueEntry } from '../types';

/** MiniMax Hailuo and OpenAI Sora 2 video models on the Market. */

const optimizer = () => bool("Use the model's prompt optimizer");
const hailuoDuration = (dflt: string) =>
	choice(['6', '10'], `Duration in seconds, as a string (KIE default "${dflt}")`);

const SORA_RATIO = () => choice(['portrait', 'landscape'], 'Orientation (KIE default landscape)');
const SORA_FRAMES = () => choice(['10', '15'], 'Length in seconds, as a string ("10" or "15")');
const SORA_NOTE = 'Sora fields have changed over time; fields beyond these pass through.';

const sora = (id: string, name: string, pro: boolean, image: boolean): CatalogueEntry =>
	market({
		id,
		name,
		category: 'video',
		typicalSeconds: pro ? 400 : 240,
		urlFields: image ? ['image_urls'] : [],
		notes: SORA_NOTE,
		input: z
			.object({
				prompt: prompt(5000),
				...(image ? { image_urls: urls('Starting image URL(s)', { min: 1 }) } : {}),
				aspect_ratio: SORA_RATIO().optional(),
				n_frames: SORA_FRAMES().optional(),
				...(pro
					? { size: choice(['standard', 'high'], 'Quality (KIE default high)').optional() }
					: {}),
				remove_watermark: bool('Remove the Sora watermark (KIE default true)').optional(),
			})
			.passthrough(),
	});

export const HAILUO_SORA_VIDEO: CatalogueEntry[] = [
	market({
		id: 'hailuo/02-text-to-video-pro',
		name: 'Hailuo 02 Text to Video Pro',
		category: 'video',
		typicalSeconds: 240,
		input: z
			.object({
				prompt: prompt(1500),
				prompt_optimizer: optimizer().optional(),
				nsfw_checker: nsfwChecker().optional(),
			})
			.strict(),
	}),
	market({
		id: 'hailuo/02-text-to-video-standard',
		name: 'Hailuo 02 Text to Video Standard',
		category: 'video',
		typicalSeconds: 180,
		input: z
			.object({
				prompt: prompt(1500),
				duration: hailuoDuration('6').optional(),
				prompt_optimizer: optimizer().optional(),
				nsfw_checker: nsfwChecker().optional(),
			})
			.strict(),
	}),
	market({
		id: 'hailuo/02-image-to-video-pro',
		name: 'Hailuo 02 Image to Video Pro',
		category: 'video',
		typicalSeconds: 240,
		urlFields: ['image_url', 'end_image_url'],
		input: z
			.object({
				prompt: prompt(1500),
				image_url: url('Image to animate (JPEG/PNG/WebP, up to 10 MB)'),
				end_image_url: url('Last frame image').optional(),
				prompt_optimizer: optimizer().optional(),
				nsfw_checker: nsfwChecker().optional(),
			})
			.strict(),
	}),
	market({
		id: 'hailuo/02-image-to-video-standard',
		name: 'Hailuo 02 Image to Video Standard',
		category: 'video',
		typicalSeconds: 180,
		urlFields: ['image_url', 'end_image_url'],
		input: z
			.object({
				prompt: prompt(1500),
				image_url: url('First frame image (JPEG/PNG/WebP, up to 10 MB)'),
				end_image_url: url('Last frame image').optional(),
				duration: hailuoDuration('10').optional(),
				resolution: choice(['512P', '768P'], 'Output resolution (KIE default 768P)').optional(),
				prompt_optimizer: optimizer().optional(),
				nsfw_checker: nsfwChecker().optional(),
			})
			.strict(),
	}),
	...(['pro', 'standard'] as const).map((tier) =>
		market({
			id: `hailuo/2-3-image-to-video-${tier}`,
			name: `Hailuo 2.3 Image to Video ${tier === 'pro' ? 'Pro' : 'Standard'}`,
			category: 'video',
			typicalSeconds: 180,
			urlFields: ['image_url'],
			notes: '10 s is not available at 1080P.',
			input: z
				.object({
					prompt: prompt(5000),
					image_url: url('Image to animate (JPEG/PNG/WebP, up to 10 MB)'),
					duration: hailuoDuration('6').optional(),
					resolution: choice(['768P', '1080P'], 'Output resolution (KIE default 768P)').optional(),
					nsfw_checker: nsfwChecker().optional(),
				})
				.strict()
				.superRefine((v, ctx) => {
					if (v.duration === '10' && v.resolution === '1080P') {
						ctx.addIssue({
							code: z.ZodIssueCode.custom,
							path: ['duration'],
							message: '"10" cannot be combined with resolution 1080P; use 768P or "6"',
						});
					}
				}),
		}),
	),
	sora('sora-2-text-to-video', 'Sora 2 Text to Video', false, false),
	sora('sora-2-pro-text-to-video', 'Sora 2 Pro Text to Video', true, false),
	sora('sora-2-image-to-video', 'Sora 2 Image to Video', false, true),
	sora('sora-2-pro-image-to-video', 'Sora 2 Pro Image to Video', true, true),
	market({
		id: 'sora-2-pro-storyboard',
		name: 'Sora 2 Pro Storyboard',
		category: 'video',
		typicalSeconds: 600,
		urlFields: ['image_urls'],
		notes:
			'Only n_frames, image_urls and aspect_ratio are documented in our sources; the shot list and other fields pass through.',
		input: z
			.object({
				n_frames: choice(['10', '15', '25'], 'Total length in seconds, as a string (required)'),
				image_urls: urls('Reference image URL(s)').optional(),
				aspect_ratio: SORA_RATIO().optional(),
			})
			.passthrough(),
	}),
	idsOnly('sora-2-characters', 'Sora 2 Characters', 'video', 240),
	idsOnly('sora-2-characters-pro', 'Sora 2 Characters Pro', 'video', 400),
	market({
		id: 'sora-watermark-remover',
		name: 'Sora Watermark Remover',
		category: 'video',
		typicalSeconds: 120,
		urlFields: ['video_url'],
		input: z
			.object({
				video_url: url('Sora video to clean'),
				upload_method: choice(['s3', 'oss'], 'Where KIE stores the result').optional(),
			})
			.strict(),
	}),
];
