import { z } from 'zod';
import {
	bool,
	choice,
	idsOnly,
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

/** Ideogram and Qwen image models on the Market. */

const NAMED_SIZES = [
	'square',
	'square_hd',
	'portrait_4_3',
	'portrait_16_9',
	'landscape_4_3',
	'landscape_16_9',
] as const;
const SPEED = ['TURBO', 'BALANCED', 'QUALITY'] as const;
const V3_STYLE = ['AUTO', 'GENERAL', 'REALISTIC', 'DESIGN'] as const;
const CHARACTER_STYLE = ['AUTO', 'REALISTIC', 'FICTION'] as const;
const NUM_IMAGES = ['1', '2', '3', '4'] as const;

const speed = () => choice(SPEED, 'Rendering speed (KIE default BALANCED)');
const numImages = () => choice(NUM_IMAGES, 'Number of images, as a string "1"–"4"');
const expand = () => bool('Let MagicPrompt enhance the prompt');
const negative = (max: number) =>
	text(`What to keep out of the image (up to ${max} characters)`, { max });
const imageSize = (what = 'Output size') => choice(NAMED_SIZES, what);

export const IDEOGRAM_QWEN_IMAGE: CatalogueEntry[] = [
	market({
		id: 'ideogram/v3-text-to-image',
		name: 'Ideogram V3 Text to Image',
		category: 'image',
		typicalSeconds: 30,
		input: z
			.object({
				prompt: prompt(5000),
				rendering_speed: speed().optional(),
				style: choice(V3_STYLE, 'Style type').optional(),
				expand_prompt: expand().optional(),
				image_size: imageSize().optional(),
				seed: int('Random seed').optional(),
				negative_prompt: negative(5000).optional(),
			})
			.strict(),
	}),
	market({
		id: 'ideogram/v3-edit',
		name: 'Ideogram V3 Edit',
		category: 'image',
		typicalSeconds: 30,
		urlFields: ['image_url', 'mask_url'],
		input: z
			.object({
				prompt: prompt(5000, 1, 'What to paint into the masked area'),
				image_url: url('Image to edit (same size as the mask; up to 10 MB)'),
				mask_url: url('Mask image (same size as the image; up to 10 MB)'),
				rendering_speed: speed().optional(),
				expand_prompt: expand().optional(),
				seed: int('Random seed').optional(),
			})
			.strict(),
	}),
	market({
		id: 'ideogram/v3-remix',
		name: 'Ideogram V3 Remix',
		category: 'image',
		typicalSeconds: 30,
		urlFields: ['image_url'],
		input: z
			.object({
				prompt: prompt(5000),
				image_url: url('Image to remix (up to 10 MB)'),
				rendering_speed: speed().optional(),
				style: choice(V3_STYLE, 'Style type').optional(),
				expand_prompt: expand().optional(),
				image_size: imageSize().optional(),
				num_images: numImages().optional(),
				seed: int('Random seed').optional(),
				strength: num('How strongly the input image shapes the result, 0.01–1', {
					min: 0.01,
					max: 1,
				}).optional(),
				negative_prompt: negative(5000).optional(),
			})
			.strict(),
	}),
	market({
		id: 'ideogram/v3-reframe',
		name: 'Ideogram V3 Reframe',
		category: 'image',
		typicalSeconds: 30,
		urlFields: ['image_url'],
		input: z
			.object({
				image_url: url('Image to reframe'),
				image_size: imageSize('Target size (required)'),
				rendering_speed: speed().optional(),
				style: choice(V3_STYLE, 'Style type').optional(),
				num_images: numImages().optional(),
				seed: int('Random seed').optional(),
			})
			.strict(),
	}),
	market({
		id: 'ideogram/character',
		name: 'Ideogram Character',
		category: 'image',
		typicalSeconds: 40,
		urlFields: ['reference_image_urls'],
		input: z
			.object({
				prompt: prompt(5000),
				reference_image_urls: urls(
					'Character reference images (only the first is used; 10 MB total)',
					{ min: 1 },
				),
				rendering_speed: speed().optional(),
				style: choice(CHARACTER_STYLE, 'Style type (KIE default AUTO)').optional(),
				expand_prompt: expand().optional(),
				num_images: numImages().optional(),
				image_size: imageSize('Output size (KIE default square_hd)').optional(),
				seed: int('Random seed').optional(),
				negative_prompt: negative(5000).optional(),
			})
			.strict(),
	}),
	market({
		id: 'ideogram/character-edit',
		name: 'Ideogram Character Edit',
		category: 'image',
		typicalSeconds: 40,
		urlFields: ['image_url', 'mask_url', 'reference_image_urls'],
		input: z
			.object({
				prompt: prompt(5000, 1, 'What to paint into the masked area'),
				image_url: url('Image to edit (same size as the mask)'),
				mask_url: url('Mask image (same size as the image)'),
				reference_image_urls: urls('Character reference images (only the first is used)', {
					min: 1,
				}),
				rendering_speed: speed().optional(),
				style: choice(CHARACTER_STYLE, 'Style type (KIE default AUTO)').optional(),
				expand_prompt: expand().optional(),
				num_images: numImages().optional(),
				seed: int('Random seed').optional(),
			})
			.strict(),
	}),
	market({
		id: 'ideogram/character-remix',
		name: 'Ideogram Character Remix',
		category: 'image',
		typicalSeconds: 40,
		urlFields: ['image_url', 'reference_image_urls', 'image_urls', 'reference_mask_urls'],
		input: z
			.object({
				prompt: prompt(5000),
				image_url: url('Image to remix'),
				reference_image_urls: urls('Character reference images (only the first is used)', {
					min: 1,
				}),
				rendering_speed: speed().optional(),
				style: choice(CHARACTER_STYLE, 'Style type (KIE default AUTO)').optional(),
				expand_prompt: expand().optional(),
				image_size: imageSize('Output size (KIE default square_hd)').optional(),
				num_images: numImages().optional(),
				seed: int('Random seed').optional(),
				strength: num('How strongly the input image shapes the result, 0.1–1 (KIE default 0.8)', {
					min: 0.1,
					max: 1,
				}).optional(),
				negative_prompt: negative(500).optional(),
				image_urls: urls('Style reference images').optional(),
				reference_mask_urls: url(
					'Mask for the character reference (a single URL despite the name)',
				).optional(),
			})
			.strict(),
	}),
	market({
		id: 'qwen/text-to-image',
		name: 'Qwen Image Text to Image',
		category: 'image',
		typicalSeconds: 30,
		input: z
			.object({
				prompt: prompt(5000),
				image_size: imageSize('Output size (KIE default square_hd)').optional(),
				num_inference_steps: num('Inference steps, 2–250 (KIE default 30)', {
					min: 2,
					max: 250,
				}).optional(),
				seed: int('Random seed').optional(),
				guidance_scale: num('CFG scale, 0–20 (KIE default 2.5)', { min: 0, max: 20 }).optional(),
				enable_safety_checker: bool("Enable the model's own safety checker").optional(),
				output_format: choice(['png', 'jpeg'], 'Image file format (KIE default png)').optional(),
				negative_prompt: negative(500).optional(),
				acceleration: choice(
					['none', 'regular', 'high'],
					'Acceleration level (KIE default none)',
				).optional(),
				nsfw_checker: nsfwChecker().optional(),
			})
			.strict(),
	}),
	market({
		id: 'qwen/image-edit',
		name: 'Qwen Image Edit',
		category: 'image',
		typicalSeconds: 30,
		urlFields: ['image_url'],
		input: z
			.object({
				prompt: prompt(2000),
				image_url: url('Image to edit (JPEG/PNG/WebP, up to 10 MB)'),
				acceleration: choice(
					['none', 'regular', 'high'],
					'Acceleration level (KIE default none)',
				).optional(),
				image_size: imageSize('Output size (KIE default landscape_4_3)').optional(),
				num_inference_steps: num('Inference steps, 2–49 (KIE default 25)', {
					min: 2,
					max: 49,
				}).optional(),
				seed: int('Random seed').optional(),
				guidance_scale: num('CFG scale, 0–20 (KIE default 4)', { min: 0, max: 20 }).optional(),
				sync_mode: bool('Wait for generation before KIE answers').optional(),
				num_images: numImages().optional(),
				enable_safety_checker: bool("Enable the model's own safety checker").optional(),
				output_format: choice(['jpeg', 'png'], 'Image file format (KIE default png)').optional(),
				negative_prompt: negative(500).optional(),
				nsfw_checker: nsfwChecker().optional(),
			})
			.strict(),
	}),
	market({
		id: 'qwen/image-to-image',
		name: 'Qwen Image to Image',
		category: 'image',
		typicalSeconds: 30,
		urlFields: ['image_url'],
		input: z
			.object({
				prompt: prompt(5000),
				image_url: url('Reference image (JPEG/PNG/WebP, up to 10 MB)'),
				strength: num('Denoising strength, 0–1 (KIE default 0.8)', { min: 0, max: 1 }).optional(),
				output_format: choice(['png', 'jpeg'], 'Image file format (KIE default png)').optional(),
				acceleration: choice(
					['none', 'regular', 'high'],
					'Acceleration level (KIE default none)',
				).optional(),
				negative_prompt: negative(500).optional(),
				seed: int('Random seed').optional(),
				num_inference_steps: num('Inference steps, 2–250 (KIE default 30)', {
					min: 2,
					max: 250,
				}).optional(),
				guidance_scale: num('CFG scale, 0–20 (KIE default 2.5)', { min: 0, max: 20 }).optional(),
				enable_safety_checker: bool("Enable the model's own safety checker").optional(),
				nsfw_checker: nsfwChecker().optional(),
			})
			.strict(),
	}),
	market({
		id: 'qwen2/text-to-image',
		name: 'Qwen Image 2 Text to Image',
		category: 'image',
		typicalSeconds: 30,
		input: z
			.object({
				prompt: prompt(),
				image_size: imageSize('Output size').optional(),
				num_inference_steps: num('Inference steps').optional(),
				seed: num('Random seed').optional(),
				guidance_scale: num('CFG scale').optional(),
				enable_safety_checker: bool("Enable the model's own safety checker").optional(),
				output_format: choice(['png', 'jpeg'], 'Image file format').optional(),
				negative_prompt: text('What to keep out of the image').optional(),
				acceleration: choice(['none', 'regular', 'high'], 'Acceleration level').optional(),
			})
			.strict(),
	}),
	market({
		id: 'qwen2/image-edit',
		name: 'Qwen Image 2 Edit',
		category: 'image',
		typicalSeconds: 30,
		urlFields: ['image_url'],
		notes: 'image_url is a list of URLs on this model (live-tested), unlike qwen/image-edit.',
		input: z
			.object({
				prompt: prompt(),
				image_url: urls('Image(s) to edit, as a list of URLs', { min: 1 }),
				image_size: choice(
					['1:1', '2:3', '3:2', '3:4', '4:3', '9:16', '16:9', '21:9'],
					'Aspect ratio of the output',
				).optional(),
				output_format: choice(['png', 'jpeg'], 'Image file format').optional(),
				seed: num('Random seed').optional(),
				nsfw_checker: nsfwChecker().optional(),
			})
			.strict(),
	}),
	idsOnly('qwen2/image-to-image', 'Qwen Image 2 Image to Image', 'image', 30),
];
