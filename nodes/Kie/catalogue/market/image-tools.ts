import { z } from 'zod';
import { bool, choice, market, nsfwChecker, num, prompt, url, urls } from '../build';
import type { CatalogueEntry } from '../types';

/** Z-Image, Wan 2.7 image, and image utilities (Topaz upscale, Recraft). */

const WAN_IMAGE_RATIOS = ['1:1', '16:9', '4:3', '21:9', '3:4', '9:16', '8:1', '1:8'] as const;

const wanImage = (id: string, name: string): CatalogueEntry =>
	market({
		id,
		name,
		category: 'image',
		typicalSeconds: 40,
		urlFields: ['input_urls'],
		input: z
			.object({
				prompt: prompt(5000, 1, 'Prompt for generation or editing'),
				input_urls: urls('Input image URLs for editing (up to 9)', { max: 9 }).optional(),
				aspect_ratio: choice(
					WAN_IMAGE_RATIOS,
					'Aspect ratio when no input image is given (KIE default 1:1)',
				).optional(),
				enable_sequential: bool('Sequential (group) image mode').optional(),
				n: num('Number of images: 1–4, or 1–12 in sequential mode', { min: 1, max: 12 }).optional(),
				resolution: choice(['1K', '2K', '4K'], 'Output resolution').optional(),
				thinking_mode: bool(
					'Thinking mode (only without input images and sequential mode)',
				).optional(),
				color_palette: z
					.array(z.unknown())
					.min(3)
					.max(10)
					.describe('Colour theme: 3–10 {hex, ratio} entries (not in sequential mode)')
					.optional(),
				bbox_list: z
					.array(z.unknown())
					.describe(
						'Bounding boxes for interactive editing: per image up to 2 boxes of [x1, y1, x2, y2]',
					)
					.optional(),
				watermark: bool('Add a watermark').optional(),
				seed: num('Random seed (0–2147483647)', { min: 0, max: 2147483647 }).optional(),
				nsfw_checker: nsfwChecker().optional(),
			})
			.strict(),
	});

export const TOOL_IMAGE: CatalogueEntry[] = [
	market({
		id: 'z-image',
		name: 'Z-Image',
		category: 'image',
		typicalSeconds: 20,
		input: z
			.object({
				prompt: prompt(1000),
				aspect_ratio: choice(
					['1:1', '4:3', '3:4', '16:9', '9:16'],
					'Aspect ratio of the output (required; KIE example 1:1)',
				),
				nsfw_checker: nsfwChecker().optional(),
			})
			.strict(),
	}),
	wanImage('wan/2-7-image', 'Wan 2.7 Image'),
	wanImage('wan/2-7-image-pro', 'Wan 2.7 Image Pro'),
	market({
		id: 'topaz/image-upscale',
		name: 'Topaz Image Upscale',
		category: 'image',
		typicalSeconds: 30,
		urlFields: ['image_url'],
		input: z
			.object({
				image_url: url('Image to upscale (JPEG/PNG/WebP, up to 10 MB)'),
				upscale_factor: choice(['1', '2', '4', '8'], 'Scale factor, as a string (KIE example "2")'),
			})
			.strict(),
	}),
	market({
		id: 'recraft/remove-background',
		name: 'Recraft Remove Background',
		category: 'image',
		typicalSeconds: 15,
		urlFields: ['image'],
		input: z.object({ image: url('Image URL (JPEG/PNG/WebP, up to 5 MB)') }).strict(),
	}),
	market({
		id: 'recraft/crisp-upscale',
		name: 'Recraft Crisp Upscale',
		category: 'image',
		typicalSeconds: 20,
		urlFields: ['image'],
		input: z.object({ image: url('Image URL (JPEG/PNG/WebP, up to 10 MB)') }).strict(),
	}),
];
