import { z } from 'zod';
import { choice, market, nsfwChecker, num, prompt, text, url, urls } from '../build';
import type { CatalogueEntry } from '../types';

/** xAI Grok Imagine video models and HappyHorse video models on the Market. */

const GROK_RATIOS = ['2:3', '3:2', '1:1', '16:9', '9:16'] as const;
const GROK_MODES = ['fun', 'normal', 'spicy'] as const;
const HH_RATIOS = ['16:9', '9:16', '1:1', '4:3', '3:4'] as const;

const grokDuration = () => num('Duration in seconds, a number (KIE default 6)');
const hhResolution = () => choice(['720p', '1080p'], 'Output resolution (KIE default 1080p)');
const hhDuration = () => num('Duration in seconds, a number (KIE default 5)');
const hhSeed = () => num('Random seed (0–2147483647)', { min: 0, max: 2147483647 });

export const GROK_HAPPYHORSE_VIDEO: CatalogueEntry[] = [
	market({
		id: 'grok-imagine/text-to-video',
		name: 'Grok Imagine Text to Video',
		category: 'video',
		typicalSeconds: 90,
		input: z
			.object({
				prompt: prompt(5000),
				aspect_ratio: choice(
					GROK_RATIOS,
					'Aspect ratio of the output (KIE default 2:3)',
				).optional(),
				mode: choice(GROK_MODES, 'Generation mode (KIE default normal)').optional(),
				duration: grokDuration().optional(),
				resolution: choice(['480p', '720p'], 'Output resolution (KIE default 480p)').optional(),
				nsfw_checker: nsfwChecker().optional(),
			})
			.strict(),
	}),
	market({
		id: 'grok-imagine/image-to-video',
		name: 'Grok Imagine Image to Video',
		category: 'video',
		typicalSeconds: 90,
		urlFields: ['image_urls'],
		notes:
			'Give either image_urls or task_id (+ index) of an earlier Grok image task, not both. spicy mode needs task_id.',
		input: z
			.object({
				prompt: text('Text prompt').optional(),
				image_urls: urls('Image(s) to animate; not with task_id').optional(),
				task_id: text(
					'Task id of an earlier Grok Imagine image task; not with image_urls',
				).optional(),
				index: num('Which image of that task, 0–5 (KIE default 0)', { min: 0, max: 5 }).optional(),
				mode: choice(GROK_MODES, 'Generation mode (KIE default normal)').optional(),
				duration: grokDuration().optional(),
				resolution: choice(['480p', '720p'], 'Output resolution (KIE default 480p)').optional(),
				aspect_ratio: choice(GROK_RATIOS, 'Aspect ratio of the output').optional(),
				nsfw_checker: nsfwChecker().optional(),
			})
			.strict()
			.superRefine((v, ctx) => {
				const hasImages = Array.isArray(v.image_urls) && v.image_urls.length > 0;
				const hasTask = typeof v.task_id === 'string' && v.task_id.length > 0;
				if (hasImages && hasTask) {
					ctx.addIssue({
						code: z.ZodIssueCode.custom,
						path: ['image_urls'],
						message: 'cannot be combined with task_id; give either image_urls or task_id',
					});
				} else if (!hasImages && !hasTask) {
					ctx.addIssue({
						code: z.ZodIssueCode.custom,
						path: ['image_urls'],
						message: 'required unless task_id is given',
					});
				}
			}),
	}),
	market({
		id: 'grok-imagine/extend',
		name: 'Grok Imagine Extend',
		category: 'video',
		typicalSeconds: 90,
		notes:
			'extend_at and extend_times are strings in the live-tested schema (KIE docs are inconsistent on extend_at).',
		input: z
			.object({
				task_id: text('Task id of the Grok video to extend', { min: 1, max: 100 }),
				prompt: prompt(5000, 1, 'What happens in the extension'),
				extend_at: text('Where to extend from (seconds), as a string', { min: 1 }),
				extend_times: choice(['6', '10'], 'Extension length in seconds, as a string "6" or "10"'),
			})
			.strict(),
	}),
	market({
		id: 'grok-imagine/upscale',
		name: 'Grok Imagine Upscale',
		category: 'video',
		typicalSeconds: 90,
		notes: 'Upscales an earlier Grok Imagine video task.',
		input: z
			.object({ task_id: text('Task id of the Grok video to upscale', { min: 1, max: 100 }) })
			.strict(),
	}),
	market({
		id: 'happyhorse/text-to-video',
		name: 'HappyHorse Text to Video',
		category: 'video',
		typicalSeconds: 180,
		input: z
			.object({
				prompt: prompt(5000),
				resolution: hhResolution().optional(),
				aspect_ratio: choice(HH_RATIOS, 'Aspect ratio of the output (KIE default 16:9)').optional(),
				duration: hhDuration().optional(),
				seed: hhSeed().optional(),
			})
			.strict(),
	}),
	market({
		id: 'happyhorse/image-to-video',
		name: 'HappyHorse Image to Video',
		category: 'video',
		typicalSeconds: 180,
		urlFields: ['image_urls'],
		input: z
			.object({
				prompt: text('Text prompt (up to 5000 characters)', { max: 5000 }).optional(),
				image_urls: urls('First frame image (exactly one)', { min: 1, max: 1 }),
				resolution: hhResolution().optional(),
				duration: hhDuration().optional(),
				seed: hhSeed().optional(),
			})
			.strict(),
	}),
	market({
		id: 'happyhorse/reference-to-video',
		name: 'HappyHorse Reference to Video',
		category: 'video',
		typicalSeconds: 180,
		urlFields: ['reference_image'],
		input: z
			.object({
				prompt: prompt(5000),
				reference_image: urls('Reference images (1–9; order = character1, character2…)', {
					min: 1,
					max: 9,
				}),
				resolution: hhResolution().optional(),
				aspect_ratio: choice(HH_RATIOS, 'Aspect ratio of the output (KIE default 16:9)').optional(),
				duration: hhDuration().optional(),
				seed: hhSeed().optional(),
			})
			.strict(),
	}),
	market({
		id: 'happyhorse/video-edit',
		name: 'HappyHorse Video Edit',
		category: 'video',
		typicalSeconds: 180,
		urlFields: ['video_url', 'reference_image'],
		input: z
			.object({
				prompt: prompt(5000, 1, 'Edit instruction'),
				video_url: url('Video to edit (MP4/MOV, 3–60 s, up to 100 MB)'),
				reference_image: urls('Reference images (up to 5)', { max: 5 }).optional(),
				resolution: hhResolution().optional(),
				audio_setting: choice(
					['auto', 'origin'],
					'Audio: auto (model decides) or origin (keep the original)',
				).optional(),
				seed: hhSeed().optional(),
			})
			.strict(),
	}),
];
