/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports */
import { existsSync, readFileSync, readdirSync, statSync } from 'fs';
import { join } from 'path';
import type { z } from 'zod';
import { CATALOGUE, findModel, formatIssues, validateInput } from '../../nodes/Kie/catalogue';
import {
	allowedValues,
	inputObject,
	shapeOf,
	typeNameOf,
	unwrap,
} from '../../nodes/Kie/catalogue/describe';
import type { CatalogueEntry } from '../../nodes/Kie/catalogue/types';
import { MODEL_FIELDS_FILE, RECORDINGS_DIR } from '../support/recordings';

/**
 * The catalogue checked against the vendored evidence (test/fixtures, origin in ORIGIN.md): real request bodies recorded from KIE
 * (HAR files) and the live-tested field list of 30 Market models. Both are read at test time
 * and their absence is an error, not a skip.
 */

const RECORDINGS = RECORDINGS_DIR;
const MODEL_FIELDS = MODEL_FIELDS_FILE;

function mustExist(path: string): void {
	if (!existsSync(path)) {
		throw new Error(`Vendored test evidence is missing: ${path}. The catalogue tests need it.`);
	}
}

function harFiles(dir: string): string[] {
	const out: string[] = [];
	for (const name of readdirSync(dir)) {
		const full = join(dir, name);
		if (statSync(full).isDirectory()) out.push(...harFiles(full));
		else if (name.endsWith('.har')) out.push(full);
	}
	return out.sort();
}

interface RecordedCreate {
	file: string;
	method: string;
	path: string;
	entry: CatalogueEntry;
	input: Record<string, unknown>;
}

interface HarEntry {
	request: { method: string; url: string; postData?: { text?: string } };
}

/** Every recorded request to a create endpoint of the catalogue, with the input it sent. */
function recordedCreates(): RecordedCreate[] {
	mustExist(RECORDINGS);
	const byPath = new Map<string, CatalogueEntry>();
	for (const entry of CATALOGUE) if (entry.family !== 'market') byPath.set(entry.createPath, entry);
	const out: RecordedCreate[] = [];
	for (const file of harFiles(RECORDINGS)) {
		const har = JSON.parse(readFileSync(file, 'utf8')) as { log: { entries: HarEntry[] } };
		for (const { request } of har.log.entries) {
			const url = new URL(request.url);
			if (url.hostname !== 'api.kie.ai') continue;
			const body = request.postData?.text
				? (JSON.parse(request.postData.text) as Record<string, unknown>)
				: {};
			if (url.pathname === '/api/v1/jobs/createTask') {
				const entry = findModel(String(body.model));
				if (!entry)
					throw new Error(`${file}: recorded model ${String(body.model)} is not in the catalogue`);
				out.push({
					file,
					method: request.method,
					path: url.pathname,
					entry,
					input: body.input as Record<string, unknown>,
				});
				continue;
			}
			const entry = byPath.get(url.pathname);
			if (!entry) continue; // record-info, uploads, download-url: not creates
			const input: Record<string, unknown> = {};
			if (request.method === 'GET') url.searchParams.forEach((v, k) => (input[k] = v));
			else for (const key of Object.keys(body)) if (key !== 'callBackUrl') input[key] = body[key];
			out.push({ file, method: request.method, path: url.pathname, entry, input });
		}
	}
	return out;
}

describe('recorded createTask requests pass the catalogue', () => {
	const creates = recordedCreates();
	const label = (c: RecordedCreate) => `${c.entry.id} (${c.file.slice(RECORDINGS.length + 1)})`;

	it('finds the recorded creates', () => {
		const market = creates.filter((c) => c.entry.family === 'market');
		expect(new Set(market.map((c) => c.entry.id))).toEqual(
			new Set([
				'gpt-image-2-text-to-image',
				'grok-imagine/text-to-image',
				'grok-imagine/image-to-image',
				'kling-3.0/video',
				'nano-banana-pro',
				'seedream/5-lite-text-to-image',
				'wan/2-7-image-to-video',
			]),
		);
		const family = creates.filter((c) => c.entry.family !== 'market');
		expect(new Set(family.map((c) => c.entry.id))).toEqual(
			new Set([
				'suno/generate',
				'suno/extend',
				'suno/upload-cover',
				'suno/upload-extend',
				'suno/lyrics',
				'suno/wav',
				'suno/vocal-removal',
				'suno/mp4',
				'suno/midi',
			]),
		);
	});

	it.each(creates.map((c) => [label(c), c] as const))('%s', (_label, create) => {
		expect(create.method).toBe(create.entry.createMethod ?? 'POST');
		const result = validateInput(create.entry, create.input);
		if (!result.ok)
			throw new Error(`${label(create)} was rejected:\n${formatIssues(result.issues)}`);
		expect(result.value).toEqual(create.input);
	});

	it('pins the JSON types the recordings show', () => {
		const kling = creates.find((c) => c.entry.id === 'kling-3.0/video');
		const wan = creates.find((c) => c.entry.id === 'wan/2-7-image-to-video');
		expect(kling?.input.duration).toBe('5');
		expect(wan?.input.duration).toBe(5);
	});
});

interface FieldSpec {
	type: 'string' | 'number' | 'boolean' | 'array' | 'object';
	required?: boolean;
	enum?: Array<string | number>;
	items?: FieldSpec & { properties?: Record<string, FieldSpec> };
	properties?: Record<string, FieldSpec>;
}

/** Fields our schema adds to a live-tested model, each documented in docs/kie-api.md §6. */
const DOCUMENTED_EXTRAS: Record<string, string[]> = {
	'nano-banana-2': ['google_search'],
	'gpt-image-2-text-to-image': ['resolution'],
	'gpt-image-2-image-to-image': ['resolution'],
};

function kindOf(schema: z.ZodTypeAny): string {
	const values = allowedValues(schema);
	if (values) return typeof values[0];
	switch (typeNameOf(unwrap(schema))) {
		case 'ZodString':
			return 'string';
		case 'ZodNumber':
			return 'number';
		case 'ZodBoolean':
			return 'boolean';
		case 'ZodArray':
			return 'array';
		case 'ZodObject':
			return 'object';
		default:
			return typeNameOf(unwrap(schema));
	}
}

function checkFields(
	where: string,
	shape: Record<string, z.ZodTypeAny>,
	fields: Record<string, FieldSpec>,
): void {
	for (const name of Object.keys(fields)) {
		const spec = fields[name];
		const schema = shape[name];
		if (!schema) throw new Error(`${where}: field ${name} is missing from the schema`);
		expect(`${where}.${name}: ${kindOf(schema)}`).toBe(`${where}.${name}: ${spec.type}`);
		expect(`${where}.${name} required: ${String(!schema.isOptional())}`).toBe(
			`${where}.${name} required: ${String(spec.required === true)}`,
		);
		if (spec.enum) {
			expect(
				`${where}.${name}: ${(allowedValues(schema) ?? []).map(String).sort().join(',')}`,
			).toBe(`${where}.${name}: ${spec.enum.map(String).sort().join(',')}`);
		}
		if (spec.type === 'array' && spec.items) {
			const element = (unwrap(schema) as z.ZodArray<z.ZodTypeAny>).element;
			expect(`${where}.${name}[]: ${kindOf(element)}`).toBe(
				`${where}.${name}[]: ${spec.items.type}`,
			);
			if (spec.items.properties) {
				checkFields(
					`${where}.${name}[]`,
					shapeOf(unwrap(element) as z.AnyZodObject),
					spec.items.properties,
				);
			}
		}
	}
}

describe('live-tested Market fields (kie-model-fields.json)', () => {
	mustExist(MODEL_FIELDS);
	const doc = JSON.parse(readFileSync(MODEL_FIELDS, 'utf8')) as {
		models: Record<string, { category: string; fields: Record<string, FieldSpec> }>;
	};
	const models = Object.keys(doc.models);

	it('covers 30 models', () => {
		expect(models.length).toBe(30);
	});

	it.each(models)('%s', (id) => {
		const entry = findModel(id);
		if (!entry) throw new Error(`${id} is not in the catalogue`);
		const spec = doc.models[id];
		expect(entry.family).toBe('market');
		expect(entry.category).toBe(spec.category);
		const shape = shapeOf(inputObject(entry) as z.AnyZodObject);
		checkFields(id, shape, spec.fields);
		const extras = Object.keys(shape).filter((k) => !(k in spec.fields));
		expect(extras).toEqual(DOCUMENTED_EXTRAS[id] ?? []);
	});
});
