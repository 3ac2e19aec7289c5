import { z } from 'zod';
import { bool, choice, market, nsfwChecker, prompt, text, urls } from '../build';
import type { CatalogueEntry } from '../types';

/** Flux 2, Grok Imagine (image) and GPT Image models on the Market. */

// The Flux 2 docs page (K-flux2) lists auto for text-to-image too; image-to-image auto follows the first input.
const FLUX2_RATIOS = ['1:1', '4:3', '3:4', '16:9', '9:16', '3:2', '2:3', 'auto'] as const;
const GROK_RATIOS = ['2:3', '3:2', '1:1', '16:9', '9:16'] as const;

const fluxT2I = (id: string, name: string): CatalogueEntry =>
	market({
		id,
		name,
		category: 'image',
		typicalSeconds: 30,
		input: z
			.object({
				prompt: prompt(5000, 3),
				aspect_ratio: choice(
					FLUX2_RATIOS,
					'Aspect ratio of the output (required; KIE example 1:1)',
				),
				resolution: choice(['1K', '2K'], 'Output resolution (required)'),
				nsfw_checker: nsfwChecker().optional(),
			})
			.strict(),
	});

const fluxI2I = (id: string, name: string): CatalogueEntry =>
	market({
		id,
		name,
		category: 'image',
		typicalSeconds: 35,
		urlFields: ['input_urls'],
		input: z
			.object({
				input_urls: urls('Reference image URLs (1–8; JPEG/PNG/WebP, up to 10 MB each)', {
					min: 1,
					max: 8,
				}),
				prompt: prompt(5000, 3),
				aspect_ratio: choice(
					FLUX2_RATIOS,
					'Aspect ratio of the output (auto follows the first input)',
				),
				resolution: choice(['1K', '2K'], 'Output resolution (required)'),
				nsfw_checker: nsfwChecker().optional(),
			})
			.strict(),
	});

const resolutionNote =
	'resolution: 1:1 cannot go to 4K, and auto (or no) aspect_ratio is 1K only; other combinations fail at creation.';

export const FLUX_GROK_GPT_IMAGE: CatalogueEntry[] = [
	fluxT2I('flux-2/pro-text-to-image', 'Flux 2 Pro Text to Image'),
	fluxT2I('flux-2/flex-text-to-image', 'Flux 2 Flex Text to Image'),
	fluxI2I('flux-2/pro-image-to-image', 'Flux 2 Pro Image to Image'),
	fluxI2I('flux-2/flex-image-to-image', 'Flux 2 Flex Image to Image'),
	market({
		id: 'grok-imagine/text-to-image',
		name: 'Grok Imagine Text to Image',
		category: 'image',
		typicalSeconds: 20,
		notes: 'Returns several images (6 in a recorded run).',
		input: z
			.object({
				prompt: prompt(5000),
				aspect_ratio: choice(
					GROK_RATIOS,
					'Aspect ratio of the output (KIE default 1:1)',
				).optional(),
				nsfw_checker: nsfwChecker().optional(),
				enable_pro: bool('Quality mode when true, speed mode when false').optional(),
			})
			.strict(),
	}),
	market({
		id: 'grok-imagine/image-to-image',
		name: 'Grok Imagine Image to Image',
		category: 'image',
		typicalSeconds: 60,
		urlFields: ['image_urls'],
		input: z
			.object({
				prompt: text('How to change the image').optional(),
				image_urls: urls('Input image URL (exactly one)', { min: 1, max: 1 }),
				nsfw_checker: nsfwChecker().optional(),
			})
			.strict(),
	}),
	market({
		id: 'gpt-image/1.5-text-to-image',
		name: 'GPT Image 1.5 Text to Image',
		category: 'image',
		typicalSeconds: 60,
		input: z
			.object({
				prompt: prompt(),
				aspect_ratio: choice(
					['1:1', '2:3', '3:2'],
					'Aspect ratio of the output (required; KIE example 1:1)',
				),
				quality: choice(['medium', 'high'], 'Output quality (required; KIE example medium)'),
			})
			.strict(),
	}),
	market({
		id: 'gpt-image/1.5-image-to-image',
		name: 'GPT Image 1.5 Image to Image',
		category: 'image',
		typicalSeconds: 60,
		urlFields: ['input_urls'],
		input: z
			.object({
				input_urls: urls('Input image URLs', { min: 1 }),
				prompt: prompt(),
				aspect_ratio: choice(['1:1', '2:3', '3:2'], 'Aspect ratio of the output').optional(),
				quality: choice(['medium', 'high'], 'Output quality').optional(),
			})
			.strict(),
	}),
	market({
		id: 'gpt-image-2-text-to-image',
		name: 'GPT Image 2 Text to Image',
		category: 'image',
		typicalSeconds: 55,
		notes: resolutionNote,
		input: z
			.object({
				prompt: prompt(20000),
				aspect_ratio: choice(
					['auto', '1:1', '16:9', '9:16', '3:2'],
					'Aspect ratio of the output (KIE default auto)',
				).optional(),
				resolution: choice(
					['1K', '2K', '4K'],
					'Output resolution (see the note on allowed combinations)',
				).optional(),
				nsfw_checker: nsfwChecker().optional(),
			})
			.strict(),
	}),
	market({
		id: 'gpt-image-2-image-to-image',
		name: 'GPT Image 2 Image to Image',
		category: 'image',
		typicalSeconds: 60,
		urlFields: ['input_urls'],
		notes: resolutionNote,
		input: z
			.object({
				prompt: prompt(20000),
				input_urls: urls('Input image URLs (up to 16)', { min: 1, max: 16 }),
				aspect_ratio: choice(
					['auto', '1:1', '16:9', '9:16', '3:2', '2:3'],
					'Aspect ratio of the output (KIE default auto)',
				).optional(),
				resolution: choice(
					['1K', '2K', '4K'],
					'Output resolution (see the note on allowed combinations)',
				).optional(),
				nsfw_checker: nsfwChecker().optional(),
			})
			.strict(),
	}),
];
