import { z } from 'zod';
import { CATALOGUE, describeInput, findModel } from '../../nodes/Kie/catalogue';
import type { FieldDescription } from '../../nodes/Kie/catalogue';
import { humanize, inputObject, shapeOf } from '../../nodes/Kie/catalogue/describe';
import type { CatalogueEntry } from '../../nodes/Kie/catalogue/types';

function fields(id: string): Record<string, FieldDescription> {
	const entry = findModel(id);
	if (!entry) throw new Error(`no catalogue entry ${id}`);
	const out: Record<string, FieldDescription> = {};
	for (const field of describeInput(entry)) out[field.id] = field;
	return out;
}

const TYPES = ['string', 'number', 'boolean', 'options', 'array', 'object'];

describe('describeInput', () => {
	it.each(CATALOGUE.map((e) => [e.id, e] as const))(
		'%s: one valid description per field',
		(_id, entry) => {
			const described = describeInput(entry);
			const shape = shapeOf(inputObject(entry) as z.AnyZodObject);
			expect(described.map((f) => f.id)).toEqual(Object.keys(shape));
			for (const field of described) {
				expect(TYPES).toContain(field.type);
				expect(field.displayName.length).toBeGreaterThan(0);
				expect(field.description ?? '').not.toBe('');
				expect(field.isUrlField).toBe(entry.urlFields.includes(field.id));
				expect(field.required).toBe(!shape[field.id].isOptional());
				if (field.type === 'options') {
					expect(field.options?.length).toBeGreaterThan(0);
				} else {
					expect(field.options).toBeUndefined();
				}
			}
		},
	);

	it('describes a refined (superRefine) schema through the wrapper', () => {
		const seedance = fields('bytedance/seedance-2');
		expect(seedance.prompt).toMatchObject({ required: true, type: 'string' });
		expect(seedance.web_search).toMatchObject({ required: true, type: 'boolean' });
		expect(seedance.duration).toMatchObject({ required: false, type: 'number' });
		expect(seedance.reference_image_urls).toMatchObject({ type: 'array', isUrlField: true });
		expect(seedance.first_frame_url).toMatchObject({ type: 'string', isUrlField: true });
	});

	it('turns string enums into options', () => {
		const kling = fields('kling-3.0/video');
		expect(kling.duration.type).toBe('options');
		expect(kling.duration.required).toBe(true);
		expect(kling.duration.options?.[0]).toEqual({ name: '3', value: '3' });
		expect(kling.mode.options?.map((o) => o.value)).toEqual(['std', 'pro', '4K']);
		expect(kling.multi_prompt.type).toBe('array');
	});

	it('turns number choices (literal unions) into options with number values', () => {
		const fourO = fields('gpt4o-image/generate');
		expect(fourO.nVariants).toMatchObject({
			type: 'options',
			required: false,
			options: [
				{ name: '1', value: 1 },
				{ name: '2', value: 2 },
				{ name: '4', value: 4 },
			],
		});
		expect(fields('runway/generate').duration.options?.map((o) => o.value)).toEqual([5, 10]);
		expect(fields('elevenlabs/text-to-dialogue-v3').stability.options?.map((o) => o.value)).toEqual(
			[0, 0.5, 1],
		);
	});

	it('unwraps optional, nullable, default and effects on hand-made entries', () => {
		const entry: CatalogueEntry = {
			id: 'test/model',
			name: 'Test',
			category: 'image',
			family: 'market',
			createPath: '/api/v1/jobs/createTask',
			bodyStyle: 'market',
			urlFields: ['pic'],
			input: z
				.object({
					a: z.string().describe('A').nullable().optional(),
					b: z.number().default(3).describe('B'),
					c: z.literal('x').describe('C'),
					d: z.union([z.literal(true), z.literal(false)]).describe('D'),
					e: z.object({ f: z.string() }).describe('E'),
					pic: z
						.string()
						.describe('Picture')
						.transform((s) => s.trim()),
					g: z.union([z.string(), z.number()]).describe('G'),
				})
				.refine(() => true),
		};
		const out = describeInput(entry);
		const by = (id: string) => out.find((f) => f.id === id) as FieldDescription;
		expect(by('a')).toMatchObject({ type: 'string', required: false, description: 'A' });
		expect(by('b')).toMatchObject({ type: 'number', required: false, description: 'B' });
		expect(by('c')).toMatchObject({ type: 'options', options: [{ name: 'x', value: 'x' }] });
		expect(by('d').options?.map((o) => o.value)).toEqual([true, false]);
		expect(by('e').type).toBe('object');
		expect(by('pic')).toMatchObject({
			type: 'string',
			required: true,
			isUrlField: true,
			description: 'Picture',
		});
		expect(by('g').type).toBe('string');
	});

	it('gives readable display names', () => {
		expect(humanize('aspect_ratio')).toBe('Aspect Ratio');
		expect(humanize('imageUrls')).toBe('Image URLs');
		expect(humanize('image_url')).toBe('Image URL');
		expect(humanize('nsfw_checker')).toBe('NSFW Checker');
		expect(humanize('callBackUrl')).toBe('Call Back URL');
		expect(humanize('taskId')).toBe('Task ID');
	});
});
