import { z } from 'zod';
import { bool, choice, market, nsfwChecker, prompt, text, urls } from '../build';
import type { CatalogueEntry } from '../types';

/** Google image models on the Market: Nano Banana (Gemini image) and Imagen 4. */

const NANO_PRO_RATIOS = [
	'1:1',
	'2:3',
	'3:2',
	'3:4',
	'4:3',
	'4:5',
	'5:4',
	'9:16',
	'16:9',
	'21:9',
	'auto',
] as const;
const NANO_2_RATIOS = [
	'1:1',
	'2:3',
	'3:2',
	'3:4',
	'4:3',
	'4:5',
	'5:4',
	'9:16',
	'16:9',
	'21:9',
	'1:4',
	'1:8',
	'4:1',
	'8:1',
	'auto',
] as const;
const NANO_V1_RATIOS = [
	'1:1',
	'9:16',
	'16:9',
	'3:4',
	'4:3',
	'3:2',
	'2:3',
	'5:4',
	'4:5',
	'21:9',
	'auto',
] as const;
const IMAGEN_RATIOS = ['1:1', '16:9', '9:16', '3:4', '4:3', 'auto'] as const;

const resolution = () => choice(['1K', '2K', '4K'], 'Output resolution');

/** Imagen 4 and Imagen 4 Ultra take the same input (the seed is a string there). */
const imagenInput = () =>
	z
		.object({
			prompt: prompt(5000),
			negative_prompt: text('What to keep out of the image (up to 5000 characters)', { max: 5000 }).optional(),
			aspect_ratio: choice(IMAGEN_RATIOS, 'Aspect ratio of the output (KIE default 1:1)').optional(),
			seed: text('Random seed, as a string (up to 500 characters)', { max: 500 }).optional(),
		})
		.strict();

export const GOOGLE_IMAGE: CatalogueEntry[] = [
	market({
		id: 'nano-banana-pro',
		name: 'Nano Banana Pro (Gemini 3 Pro Image)',
		category: 'image',
		typicalSeconds: 40,
		urlFields: ['image_input'],
		notes: 'The id has no "google/" prefix (KIE answers 422 "model not supported" with one).',
		input: z
			.object({
				prompt: prompt(10000),
				image_input: urls('Reference image URLs (up to 8) for editing or composition', {
					max: 8,
				}).optional(),
				aspect_ratio: choice(NANO_PRO_RATIOS, 'Aspect ratio of the output').optional(),
				resolution: resolution().optional(),
				output_format: choice(['png', 'jpg'], 'Image file format').optional(),
			})
			.strict(),
	}),
	market({
		id: 'nano-banana-2',
		name: 'Nano Banana 2',
		category: 'image',
		typicalSeconds: 40,
		urlFields: ['image_input'],
		input: z
			.object({
				prompt: prompt(20000),
				image_input: urls('Reference image URLs (up to 14)', { max: 14 }).optional(),
				aspect_ratio: choice(
					NANO_2_RATIOS,
					'Aspect ratio of the output (KIE default auto)',
				).optional(),
				resolution: choice(['1K', '2K', '4K'], 'Output resolution (KIE default 1K)').optional(),
				output_format: choice(['png', 'jpg'], 'Image file format (KIE default jpg)').optional(),
				google_search: bool('Let the model use Google Search for grounding').optional(),
			})
			.strict(),
	}),
	market({
		id: 'nano-banana-2-lite',
		name: 'Nano Banana 2 Lite',
		category: 'image',
		typicalSeconds: 30,
		urlFields: ['image_urls'],
		notes: '1K output only.',
		input: z
			.object({
				prompt: prompt(20000),
				image_urls: urls('Reference image URLs (up to 10); omit for text-to-image', {
					max: 10,
				}).optional(),
				aspect_ratio: choice(
					NANO_2_RATIOS,
					'Aspect ratio of the output (KIE default auto)',
				).optional(),
			})
			.strict(),
	}),
	market({
		id: 'google/nano-banana',
		name: 'Nano Banana (Gemini 2.5 Flash Image)',
		category: 'image',
		typicalSeconds: 30,
		input: z
			.object({
				prompt: prompt(5000),
				output_format: choice(['png', 'jpeg'], 'Image file format (KIE default png)').optional(),
				aspect_ratio: choice(
					NANO_V1_RATIOS,
					'Aspect ratio of the output (KIE default 1:1)',
				).optional(),
				image_size: choice(NANO_V1_RATIOS, 'Older name of aspect_ratio, still accepted').optional(),
				nsfw_checker: nsfwChecker().optional(),
			})
			.strict(),
	}),
	market({
		id: 'google/nano-banana-edit',
		name: 'Nano Banana Edit',
		category: 'image',
		typicalSeconds: 30,
		urlFields: ['image_urls'],
		input: z
			.object({
				prompt: prompt(5000),
				image_urls: urls('Images to edit (1–10; JPEG/PNG/WebP, up to 10 MB each)', {
					min: 1,
					max: 10,
				}),
				output_format: choice(['png', 'jpeg'], 'Image file format (KIE default png)').optional(),
				aspect_ratio: choice(
					NANO_V1_RATIOS,
					'Aspect ratio of the output (KIE default 1:1)',
				).optional(),
				image_size: choice(NANO_V1_RATIOS, 'Older name of aspect_ratio, still accepted').optional(),
			})
			.strict(),
	}),
	market({
		id: 'google/imagen4',
		name: 'Imagen 4',
		category: 'image',
		typicalSeconds: 30,
		input: imagenInput(),
	}),
	market({
		id: 'google/imagen4-fast',
		name: 'Imagen 4 Fast',
		category: 'image',
		typicalSeconds: 20,
		notes:
			'KIE examples also send num_images; its JSON type is not documented in our sources, so extra fields pass through.',
		input: z
			.object({
				prompt: prompt(5000),
				negative_prompt: text('What to keep out of the image (up to 5000 characters)', {
					max: 5000,
				}).optional(),
				aspect_ratio: choice(
					IMAGEN_RATIOS,
					'Aspect ratio of the output (KIE default 16:9)',
				).optional(),
				seed: z.number().int().describe('Random seed (a whole number on this model)').optional(),
			})
			.passthrough(),
	}),
	market({
		id: 'google/imagen4-ultra',
		name: 'Imagen 4 Ultra',
		category: 'image',
		typicalSeconds: 40,
		input: imagenInput(),
	}),
];
