import { z } from 'zod';
import {
	CALLBACK_REQUIRED_NOTE,
	bool,
	choice,
	flat,
	int,
	numberChoice,
	prompt,
	text,
	url,
} from '../build';
import type { CatalogueEntry } from '../types';

/** Runway (generate, extend; status GET /api/v1/runway/record-detail) and Runway Aleph. */

const RUNWAY_RATIOS = ['16:9', '4:3', '1:1', '3:4', '9:16'] as const;
const waterMark = () => text('Watermark text (empty string for none)');

export const RUNWAY: CatalogueEntry[] = [
	flat({
		id: 'runway/generate',
		name: 'Runway Generate Video',
		category: 'video',
		family: 'runway',
		createPath: '/api/v1/runway/generate',
		typicalSeconds: 120,
		urlFields: ['imageUrl'],
		notes: `${CALLBACK_REQUIRED_NOTE} 10 s videos cannot be 1080p. Videos are kept 14 days.`,
		input: z
			.object({
				prompt: prompt(1800),
				duration: numberChoice(
					[5, 10],
					'Length in seconds: 5 or 10 (a number; 10 cannot be 1080p)',
				),
				quality: choice(['720p', '1080p'], 'Resolution (1080p only with 5 s)'),
				imageUrl: url('Reference image to animate (aspectRatio is then ignored)').optional(),
				aspectRatio: choice(RUNWAY_RATIOS, 'Aspect ratio (required without imageUrl)').optional(),
				waterMark: waterMark().optional(),
			})
			.strict()
			.superRefine((v, ctx) => {
				if (v.duration === 10 && v.quality === '1080p') {
					ctx.addIssue({
						code: z.ZodIssueCode.custom,
						path: ['duration'],
						message: '10 cannot be combined with quality 1080p; use 5 s for 1080p or 720p for 10 s',
					});
				}
				if (!v.imageUrl && !v.aspectRatio) {
					ctx.addIssue({
						code: z.ZodIssueCode.custom,
						path: ['aspectRatio'],
						message: 'required when no imageUrl is given (text-only generation)',
					});
				}
			}),
	}),
	flat({
		id: 'runway/extend',
		name: 'Runway Extend Video',
		category: 'video',
		family: 'runway',
		createPath: '/api/v1/runway/extend',
		typicalSeconds: 120,
		urlFields: ['imageUrl'],
		notes: `${CALLBACK_REQUIRED_NOTE} Videos upgraded to 1080p cannot be extended. Fields beyond these pass through.`,
		input: z
			.object({
				taskId: text('Task id of the Runway video to extend', { min: 1 }),
				prompt: prompt(1800, 1, 'What happens next'),
				quality: choice(['720p', '1080p'], 'Resolution').optional(),
				imageUrl: url('Reference image (shown in the KIE example)').optional(),
				expandPrompt: bool('Let KIE expand the prompt (shown in the KIE example)').optional(),
				waterMark: waterMark().optional(),
			})
			.passthrough(),
	}),
	flat({
		id: 'runway/aleph',
		name: 'Runway Aleph (video to video)',
		category: 'video',
		family: 'aleph',
		createPath: '/api/v1/aleph/generate',
		typicalSeconds: 180,
		urlFields: ['videoUrl', 'referenceImage'],
		notes:
			'Transforms an existing video by a text instruction. Callbacks carry the task id at the top level.',
		input: z
			.object({
				prompt: prompt(undefined, 1, 'How to transform the video'),
				videoUrl: url('Video to transform'),
				waterMark: waterMark().optional(),
				uploadCn: bool("Store the result on KIE's China servers").optional(),
				aspectRatio: text('Aspect ratio of the output, e.g. 16:9').optional(),
				seed: int('Random seed').optional(),
				referenceImage: url('Style reference image').optional(),
			})
			.strict(),
	}),
];
