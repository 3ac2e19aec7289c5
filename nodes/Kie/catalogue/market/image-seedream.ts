import { z } from 'zod';
import { choice, int, market, nsfwChecker, num, prompt, urls } from '../build';
import type { CatalogueEntry } from '../types';

/** ByteDance Seedream image models (seedream/* and the older bytedance/seedream*). */

const SD_RATIOS = ['1:1', '4:3', '3:4', '16:9', '9:16', '2:3', '3:2', '21:9'] as const;
const SD5_PRO_RATIOS = ['1:1', '4:3', '3:4', '16:9', '9:16', '2:3', '3:2'] as const;
const NAMED_SIZES_6 = [
	'square',
	'square_hd',
	'portrait_4_3',
	'portrait_16_9',
	'landscape_4_3',
	'landscape_16_9',
] as const;
const NAMED_SIZES_9 = [
	'square',
	'square_hd',
	'portrait_4_3',
	'portrait_3_2',
	'portrait_16_9',
	'landscape_4_3',
	'landscape_3_2',
	'landscape_16_9',
	'landscape_21_9',
] as const;

const quality = (basic: string, high: string) =>
	choice(['basic', 'high'], `Output quality: basic = ${basic}, high = ${high} (required)`);

/** The output options Seedream 4.0 text-to-image and edit share. */
const seedreamV4Options = () => ({
	image_size: choice(NAMED_SIZES_9, 'Output size and shape (KIE default square_hd)').optional(),
	image_resolution: choice(['1K', '2K', '4K'], 'Pixel scale combined with image_size (KIE default 1K)').optional(),
	max_images: int('Maximum images per run, 1–6 (KIE default 1)', { min: 1, max: 6 }).optional(),
	seed: int('Random seed').optional(),
	nsfw_checker: nsfwChecker().optional(),
});

export const SEEDREAM_IMAGE: CatalogueEntry[] = [
	market({
		id: 'seedream/4.5-text-to-image',
		name: 'Seedream 4.5 Text to Image',
		category: 'image',
		typicalSeconds: 40,
		input: z
			.object({
				prompt: prompt(3000, 3),
				aspect_ratio: choice(SD_RATIOS, 'Aspect ratio of the output (KIE default 1:1)'),
				quality: quality('2K', '4K'),
				nsfw_checker: nsfwChecker().optional(),
			})
			.strict(),
	}),
	market({
		id: 'seedream/4.5-edit',
		name: 'Seedream 4.5 Edit',
		category: 'image',
		typicalSeconds: 45,
		urlFields: ['image_urls'],
		input: z
			.object({
				prompt: prompt(3000, 3),
				image_urls: urls('Images to edit (1–14; JPEG/PNG/WebP, up to 10 MB each)', {
					min: 1,
					max: 14,
				}),
				aspect_ratio: choice(SD_RATIOS, 'Aspect ratio of the output'),
				quality: quality('2K', '4K'),
				nsfw_checker: nsfwChecker().optional(),
			})
			.strict(),
	}),
	market({
		id: 'seedream/5-lite-text-to-image',
		name: 'Seedream 5 Lite Text to Image',
		category: 'image',
		typicalSeconds: 45,
		input: z
			.object({
				prompt: prompt(3000, 3),
				aspect_ratio: choice(SD_RATIOS, 'Aspect ratio of the output (KIE default 1:1)').optional(),
				quality: quality('2K', '4K'),
				nsfw_checker: nsfwChecker().optional(),
			})
			.strict(),
	}),
	market({
		id: 'seedream/5-lite-image-to-image',
		name: 'Seedream 5 Lite Image to Image',
		category: 'image',
		typicalSeconds: 45,
		urlFields: ['image_urls'],
		input: z
			.object({
				image_urls: urls('Input image URLs (up to 14)', { min: 1, max: 14 }),
				prompt: prompt(3000, 3),
				aspect_ratio: choice(SD_RATIOS, 'Aspect ratio of the output (KIE default 1:1)').optional(),
				quality: quality('2K', '4K'),
				nsfw_checker: nsfwChecker().optional(),
			})
			.strict(),
	}),
	market({
		id: 'seedream/5-pro-text-to-image',
		name: 'Seedream 5 Pro Text to Image',
		category: 'image',
		typicalSeconds: 45,
		input: z
			.object({
				prompt: prompt(3000, 3),
				aspect_ratio: choice(
					SD5_PRO_RATIOS,
					'Aspect ratio of the output (KIE default 1:1)',
				).optional(),
				quality: quality('1K', '2K'),
				output_format: choice(['png', 'jpeg'], 'Image file format (KIE default png)').optional(),
				nsfw_checker: nsfwChecker().optional(),
			})
			.strict(),
	}),
	market({
		id: 'seedream/5-pro-image-to-image',
		name: 'Seedream 5 Pro Image to Image',
		category: 'image',
		typicalSeconds: 45,
		urlFields: ['image_urls'],
		input: z
			.object({
				image_urls: urls('Input image URLs (up to 10)', { min: 1, max: 10 }),
				prompt: prompt(3000, 3),
				aspect_ratio: choice(
					SD5_PRO_RATIOS,
					'Aspect ratio of the output (KIE default 1:1)',
				).optional(),
				quality: quality('1K', '2K'),
				output_format: choice(['png', 'jpeg'], 'Image file format (KIE default png)').optional(),
				nsfw_checker: nsfwChecker().optional(),
			})
			.strict(),
	}),
	market({
		id: 'bytedance/seedream',
		name: 'Seedream 3.0',
		category: 'image',
		typicalSeconds: 30,
		input: z
			.object({
				prompt: prompt(5000, 3),
				image_size: choice(NAMED_SIZES_6, 'Output size (KIE default square_hd)').optional(),
				guidance_scale: num('Prompt adherence, 1–10 (KIE default 2.5)', {
					min: 1,
					max: 10,
				}).optional(),
				seed: int('Random seed').optional(),
			})
			.strict(),
	}),
	market({
		id: 'bytedance/seedream-v4-text-to-image',
		name: 'Seedream 4.0 Text to Image',
		category: 'image',
		typicalSeconds: 40,
		input: z
			.object({
				prompt: prompt(5000, 3),
				...seedreamV4Options(),
			})
			.strict(),
	}),
	market({
		id: 'bytedance/seedream-v4-edit',
		name: 'Seedream 4.0 Edit',
		category: 'image',
		typicalSeconds: 40,
		urlFields: ['image_urls'],
		input: z
			.object({
				prompt: prompt(5000, 3),
				image_urls: urls('Images to edit (1–10; JPEG/PNG/WebP, up to 10 MB each)', {
					min: 1,
					max: 10,
				}),
				...seedreamV4Options(),
			})
			.strict(),
	}),
];
