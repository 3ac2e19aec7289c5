/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports */
import { readFileSync } from 'fs';
import { resolve } from 'path';
import type { z } from 'zod';
import { CATALOGUE, describeInput, findModel, listModels } from '../../nodes/Kie/catalogue';
import {
	allowedValues,
	inputObject,
	shapeOf,
	typeNameOf,
	unwrap,
} from '../../nodes/Kie/catalogue/describe';
import type { CatalogueEntry } from '../../nodes/Kie/catalogue/types';
import type { FamilyId } from '../../nodes/Kie/families/types';
import { walkSchemas } from './schema-walk';

const FIXTURES = resolve(__dirname, '../fixtures');

/**
 * Market ids named in KIE's model documentation (image, video and audio tables), vendored as
 * test/fixtures/kie-market-ids.json (origin in test/fixtures/ORIGIN.md; docs/kie-api.md §6).
 */
function documentedMarketIds(): string[] {
	const file = resolve(FIXTURES, 'kie-market-ids.json');
	return (JSON.parse(readFileSync(file, 'utf8')) as { ids: string[] }).ids;
}

const FAMILY_ENDPOINTS: Array<{
	id: string;
	family: FamilyId;
	createPath: string;
	method?: 'GET';
	responseKind?: 'result';
}> = [
	{ id: 'veo3.1/generate', family: 'veo', createPath: '/api/v1/veo/generate' },
	{ id: 'veo3.1/extend', family: 'veo', createPath: '/api/v1/veo/extend' },
	{
		id: 'veo3.1/1080p',
		family: 'veo',
		createPath: '/api/v1/veo/get-1080p-video',
		method: 'GET',
		responseKind: 'result',
	},
	{ id: 'veo3.1/4k', family: 'veo', createPath: '/api/v1/veo/get-4k-video' },
	{ id: 'runway/generate', family: 'runway', createPath: '/api/v1/runway/generate' },
	{ id: 'runway/extend', family: 'runway', createPath: '/api/v1/runway/extend' },
	{ id: 'runway/aleph', family: 'aleph', createPath: '/api/v1/aleph/generate' },
	{ id: 'suno/generate', family: 'suno', createPath: '/api/v1/generate' },
	{ id: 'suno/extend', family: 'suno', createPath: '/api/v1/generate/extend' },
	{ id: 'suno/upload-cover', family: 'suno', createPath: '/api/v1/generate/upload-cover' },
	{ id: 'suno/upload-extend', family: 'suno', createPath: '/api/v1/generate/upload-extend' },
	{ id: 'suno/add-instrumental', family: 'suno', createPath: '/api/v1/generate/add-instrumental' },
	{ id: 'suno/add-vocals', family: 'suno', createPath: '/api/v1/generate/add-vocals' },
	{ id: 'suno/lyrics', family: 'sunoLyrics', createPath: '/api/v1/lyrics' },
	{ id: 'suno/wav', family: 'sunoWav', createPath: '/api/v1/wav/generate' },
	{ id: 'suno/vocal-removal', family: 'sunoVocal', createPath: '/api/v1/vocal-removal/generate' },
	{ id: 'suno/mp4', family: 'sunoMp4', createPath: '/api/v1/mp4/generate' },
	{ id: 'suno/midi', family: 'sunoMidi', createPath: '/api/v1/midi/generate' },
	{ id: 'suno/cover', family: 'sunoCover', createPath: '/api/v1/suno/cover/generate' },
	{ id: 'gpt4o-image/generate', family: 'gpt4o', createPath: '/api/v1/gpt4o-image/generate' },
	{
		id: 'flux-kontext/generate',
		family: 'fluxKontext',
		createPath: '/api/v1/flux/kontext/generate',
	},
	{ id: 'midjourney/generate', family: 'midjourney', createPath: '/api/v1/mj/generate' },
	{ id: 'midjourney/upscale', family: 'midjourney', createPath: '/api/v1/mj/generateUpscale' },
	{ id: 'midjourney/vary', family: 'midjourney', createPath: '/api/v1/mj/generateVary' },
	{ id: 'luma/modify', family: 'luma', createPath: '/api/v1/modify/generate' },
];

const market = CATALOGUE.filter((e) => e.family === 'market');
const families = CATALOGUE.filter((e) => e.family !== 'market');
const each = (entries: readonly CatalogueEntry[]) => entries.map((e) => [e.id, e] as const);

describe('catalogue shape', () => {
	it('has unique ids', () => {
		const seen = new Set<string>();
		const duplicates = CATALOGUE.map((e) => e.id).filter((id) =>
			seen.has(id) ? true : (seen.add(id), false),
		);
		expect(duplicates).toEqual([]);
	});

	it('has at least 80 Market models', () => {
		expect(market.length).toBeGreaterThanOrEqual(80);
	});

	it('has every Market id named in the KIE model documentation (docs/kie-api.md §6)', () => {
		const documented = documentedMarketIds();
		expect(documented.length).toBeGreaterThan(100); // the parser found the tables
		const missing = documented.filter((id) => !findModel(id));
		expect(missing).toEqual([]);
		for (const id of documented) expect(findModel(id)?.family).toBe('market');
	});

	it.each(each(market))('Market entry %s uses the Market envelope', (_id, entry) => {
		expect(entry.createPath).toBe('/api/v1/jobs/createTask');
		expect(entry.bodyStyle).toBe('market');
		expect(entry.createMethod ?? 'POST').toBe('POST');
		expect(entry.id).toMatch(/^[a-z0-9][a-z0-9./-]*$/);
	});

	it.each(FAMILY_ENDPOINTS.map((f) => [f.id, f] as const))(
		'family endpoint %s is present',
		(id, spec) => {
			const entry = findModel(id);
			expect(entry).toBeDefined();
			expect(entry?.family).toBe(spec.family);
			expect(entry?.createPath).toBe(spec.createPath);
			expect(entry?.bodyStyle).toBe('flat');
			expect(entry?.createMethod ?? 'POST').toBe(spec.method ?? 'POST');
			expect(entry?.responseKind ?? 'task').toBe(spec.responseKind ?? 'task');
		},
	);

	it('has no family entries beyond the listed endpoints', () => {
		expect(families.map((e) => e.id).sort()).toEqual(FAMILY_ENDPOINTS.map((f) => f.id).sort());
	});

	it('notes the required callback on every Suno and Runway generate/extend entry', () => {
		const needing = families.filter(
			(e) => e.family.startsWith('suno') || e.id === 'runway/generate' || e.id === 'runway/extend',
		);
		expect(needing.length).toBe(14);
		for (const entry of needing) expect(entry.notes ?? '').toMatch(/callback/i);
	});

	it.each(each(CATALOGUE))(
		'%s: input is a zod object (possibly refined), with no callBackUrl',
		(_id, entry) => {
			const object = inputObject(entry);
			expect(object).toBeDefined();
			expect(typeNameOf(unwrap(entry.input))).toBe('ZodObject');
			const shape = shapeOf(object as z.AnyZodObject);
			expect(Object.keys(shape).length).toBeGreaterThan(0);
			expect(Object.keys(shape)).not.toContain('callBackUrl');
			expect(Object.keys(shape)).not.toContain('callbackUrl');
			expect(entry.name.length).toBeGreaterThan(0);
			expect(['image', 'video', 'audio', 'text']).toContain(entry.category);
			if (entry.typicalSeconds !== undefined) expect(entry.typicalSeconds).toBeGreaterThan(0);
		},
	);

	it.each(each(CATALOGUE))(
		'%s: every urlField is a field of the schema and takes strings',
		(_id, entry) => {
			const shape = shapeOf(inputObject(entry) as z.AnyZodObject);
			for (const field of entry.urlFields) {
				expect(Object.keys(shape)).toContain(field);
				const inner = unwrap(shape[field]);
				const kind = typeNameOf(inner);
				expect(['ZodString', 'ZodArray']).toContain(kind);
				if (kind === 'ZodArray') {
					expect(typeNameOf(unwrap((inner as z.ZodArray<z.ZodTypeAny>).element))).toBe('ZodString');
				}
			}
		},
	);

	it.each(each(CATALOGUE))(
		'%s: enums are non-empty, every field is described, nothing is defaulted',
		(_id, entry) => {
			const shape = shapeOf(inputObject(entry) as z.AnyZodObject);
			for (const key of Object.keys(shape)) expect(shape[key].description ?? '').not.toBe('');
			for (const { path, schema } of walkSchemas(entry.input)) {
				const kind = typeNameOf(schema);
				expect({ path, kind }).not.toEqual({ path, kind: 'ZodDefault' });
				if (kind === 'ZodEnum')
					expect((schema as z.ZodEnum<[string, ...string[]]>).options.length).toBeGreaterThan(0);
				if (kind === 'ZodUnion') expect(allowedValues(schema)?.length ?? 1).toBeGreaterThan(0);
			}
		},
	);

	it('marks well-documented models strict and "ids only" models permissive', () => {
		const strict = (id: string) =>
			(inputObject(findModel(id) as CatalogueEntry)?._def as { unknownKeys: string }).unknownKeys;
		expect(strict('kling-3.0/video')).toBe('strict');
		expect(strict('nano-banana-pro')).toBe('strict');
		expect(strict('suno/generate')).toBe('strict');
		expect(strict('sora-2-characters')).toBe('passthrough');
		expect(strict('qwen2/image-to-image')).toBe('passthrough');
		const idsOnly = findModel('sora-2-characters') as CatalogueEntry;
		expect(idsOnly.notes).toMatch(/passed through/);
		expect(describeInput(idsOnly)).toEqual([
			expect.objectContaining({ id: 'prompt', required: false, type: 'string' }),
		]);
	});
});

describe('findModel / listModels', () => {
	it('finds by exact id only', () => {
		expect(findModel('kling-3.0/video')?.name).toBe('Kling 3.0 Video');
		expect(findModel('kling-3.0')).toBeUndefined();
		expect(findModel('KLING-3.0/VIDEO')).toBeUndefined();
	});

	it('lists everything without a filter', () => {
		expect(listModels()).toHaveLength(CATALOGUE.length);
		expect(listModels('  ')).toHaveLength(CATALOGUE.length);
	});

	it('filters case-insensitively on id, name and category', () => {
		expect(listModels('SUNO').map((e) => e.id)).toEqual(
			expect.arrayContaining(['suno/generate', 'suno/lyrics']),
		);
		expect(listModels('gemini 3 pro image').map((e) => e.id)).toEqual(['nano-banana-pro']);
		const audio = listModels('audio');
		expect(audio.length).toBeGreaterThan(5);
		expect(audio.some((e) => e.id === 'elevenlabs/audio-isolation')).toBe(true);
		expect(listModels('video').every((e) => /video/i.test(`${e.id} ${e.name} ${e.category}`))).toBe(
			true,
		);
		expect(listModels('no-such-model-xyz')).toEqual([]);
	});

	it('returns a copy', () => {
		const list = listModels();
		list.pop();
		expect(listModels()).toHaveLength(CATALOGUE.length);
	});
});
