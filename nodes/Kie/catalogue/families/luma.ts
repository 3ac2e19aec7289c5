import { z } from 'zod';
import { flat, prompt, text, url } from '../build';
import type { CatalogueEntry } from '../types';

/** Luma modify (video to video) on KIE's own endpoint (status: GET /api/v1/modify/record-info). */

export const LUMA: CatalogueEntry[] = [
	flat({
		id: 'luma/modify',
		name: 'Luma Modify Video',
		category: 'video',
		family: 'luma',
		createPath: '/api/v1/modify/generate',
		typicalSeconds: 600,
		urlFields: ['videoUrl'],
		notes: 'Takes 2–20 min. The input video must be public, MP4/MOV/AVI, at most 500 MB and 10 s.',
		input: z
			.object({
				prompt: prompt(undefined, 1, 'How to modify the video'),
				videoUrl: url('Video to modify (MP4/MOV/AVI, up to 500 MB and 10 s)'),
				watermark: text('Watermark text').optional(),
			})
			.strict(),
	}),
];
