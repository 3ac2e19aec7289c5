import { z } from 'zod';
import { bool, choice, flat, int, prompt, text, urls } from '../build';
import type { CatalogueEntry } from '../types';

/** Google Veo 3.1 on KIE's own Veo endpoints (status: GET /api/v1/veo/record-info). */

const taskId = (what: string) => text(`Task id of ${what}`, { min: 1 });
const seeds = () => int('Random seed, 10000–99999', { min: 10000, max: 99999 });
const watermark = () => text('Watermark text to add (empty for none)');
const index = () => int('Which video of the task, 0 for the first (KIE default 0)', { min: 0 });

export const VEO: CatalogueEntry[] = [
	flat({
		id: 'veo3.1/generate',
		name: 'Veo 3.1 Generate Video',
		category: 'video',
		family: 'veo',
		createPath: '/api/v1/veo/generate',
		typicalSeconds: 120,
		urlFields: ['imageUrls'],
		notes:
			'Clips are 8 s. Current docs spell aspect_ratio in snake case (aspectRatio is accepted too); newer fields (resolution, duration) pass through.',
		input: z
			.object({
				prompt: prompt(undefined, 1, 'What the video shows'),
				imageUrls: urls(
					'Images: 1 = animate it, 2 = first and last frame, 1–3 for REFERENCE_2_VIDEO',
					{ max: 3 },
				).optional(),
				model: choice(
					['veo3', 'veo3_fast', 'veo3_lite'],
					'veo3 = Quality, veo3_fast = Fast (KIE default), veo3_lite = Lite',
				).optional(),
				generationType: choice(
					['TEXT_2_VIDEO', 'FIRST_AND_LAST_FRAMES_2_VIDEO', 'REFERENCE_2_VIDEO'],
					'Generation mode; detected from imageUrls when omitted (REFERENCE_2_VIDEO: veo3_fast only)',
				).optional(),
				aspect_ratio: choice(
					['16:9', '9:16', 'Auto'],
					'Aspect ratio (KIE default 16:9)',
				).optional(),
				seeds: seeds().optional(),
				enableTranslation: bool(
					'Translate the prompt to English first (KIE default true)',
				).optional(),
				watermark: watermark().optional(),
				enableFallback: bool('Deprecated: fall back to another model on policy errors').optional(),
			})
			.passthrough()
			.superRefine((v, ctx) => {
				if (
					v.generationType === 'REFERENCE_2_VIDEO' &&
					v.model !== undefined &&
					v.model !== 'veo3_fast'
				) {
					ctx.addIssue({
						code: z.ZodIssueCode.custom,
						path: ['model'],
						message: `"${String(v.model)}" cannot be used with generationType REFERENCE_2_VIDEO; only veo3_fast`,
					});
				}
			}),
	}),
	flat({
		id: 'veo3.1/extend',
		name: 'Veo 3.1 Extend Video',
		category: 'video',
		family: 'veo',
		createPath: '/api/v1/veo/extend',
		typicalSeconds: 120,
		notes: 'Videos already upgraded to 1080P cannot be extended.',
		input: z
			.object({
				taskId: taskId('the Veo video to extend'),
				prompt: prompt(undefined, 1, 'What happens next'),
				model: choice(['fast', 'quality'], 'Model tier').optional(),
				seeds: seeds().optional(),
				watermark: watermark().optional(),
			})
			.strict(),
	}),
	flat({
		id: 'veo3.1/1080p',
		name: 'Veo 3.1 Get 1080p Video',
		category: 'video',
		family: 'veo',
		createPath: '/api/v1/veo/get-1080p-video',
		createMethod: 'GET',
		responseKind: 'result',
		typicalSeconds: 90,
		notes:
			'A GET that returns the 1080p URL itself (data.resultUrl) once ready, 1–3 min after the base task; KIE answers non-200 while processing. Records older than 14 days are refused.',
		input: z
			.object({
				taskId: taskId('the finished Veo generate task'),
				index: index().optional(),
			})
			.strict(),
	}),
	flat({
		id: 'veo3.1/4k',
		name: 'Veo 3.1 Get 4K Video',
		category: 'video',
		family: 'veo',
		createPath: '/api/v1/veo/get-4k-video',
		typicalSeconds: 420,
		notes:
			'Costs extra credits (about two Fast generations) and takes 5–10 min. Records older than 14 days are refused.',
		input: z
			.object({
				taskId: taskId('the finished Veo generate task'),
				index: index().optional(),
			})
			.strict(),
	}),
];
