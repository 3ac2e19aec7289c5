import type { z } from 'zod';
import type { CatalogueEntry } from './types';

/** One input field, as n8n's resource mapper needs it. */
export interface FieldDescription {
	id: string;
	displayName: string;
	required: boolean;
	type: 'string' | 'number' | 'boolean' | 'options' | 'array' | 'object';
	options?: Array<{ name: string; value: string | number | boolean }>;
	description?: string;
	isUrlField: boolean;
}

type AnyDef = {
	typeName?: string;
	description?: string;
	innerType?: z.ZodTypeAny;
	schema?: z.ZodTypeAny;
	type?: z.ZodTypeAny;
	in?: z.ZodTypeAny;
	getter?: () => z.ZodTypeAny;
	values?: unknown;
	value?: unknown;
	options?: z.ZodTypeAny[];
};

function defOf(schema: z.ZodTypeAny): AnyDef {
	return schema._def as AnyDef;
}

/** The zod type name (`ZodString`, `ZodObject`, …) of a schema. */
export function typeNameOf(schema: z.ZodTypeAny): string {
	return defOf(schema).typeName ?? '';
}

/** The schema one wrapper down, or undefined when `schema` is not a wrapper. */
function innerOf(schema: z.ZodTypeAny): z.ZodTypeAny | undefined {
	const def = defOf(schema);
	switch (def.typeName) {
		case 'ZodOptional':
		case 'ZodNullable':
		case 'ZodDefault':
		case 'ZodCatch':
		case 'ZodReadonly':
			return def.innerType;
		case 'ZodEffects':
			return def.schema;
		case 'ZodBranded':
			return def.type;
		case 'ZodPipeline':
			return def.in;
		case 'ZodLazy':
			return def.getter ? def.getter() : undefined;
		default:
			return undefined;
	}
}

/** Strips optional / nullable / default / effects (refine, superRefine, transform) / branded wrappers. */
export function unwrap(schema: z.ZodTypeAny): z.ZodTypeAny {
	let current = schema;
	for (let next = innerOf(current); next; next = innerOf(current)) current = next;
	return current;
}

/** The first `.describe()` text found while unwrapping. */
export function descriptionOf(schema: z.ZodTypeAny): string | undefined {
	for (let current: z.ZodTypeAny | undefined = schema; current; current = innerOf(current)) {
		if (current.description) return current.description;
	}
	return undefined;
}

/** The object schema behind an entry's `input` (which may be wrapped in superRefine). */
export function inputObject(entry: CatalogueEntry): z.AnyZodObject | undefined {
	const inner = unwrap(entry.input);
	return typeNameOf(inner) === 'ZodObject' ? (inner as z.AnyZodObject) : undefined;
}

/** The fields of an object schema. */
export function shapeOf(object: z.AnyZodObject): Record<string, z.ZodTypeAny> {
	return object.shape as Record<string, z.ZodTypeAny>;
}

type Primitive = string | number | boolean;

/**
 * The allowed values when a schema is a closed set: a string enum, a literal, or a union of
 * literals (number choices such as 1 | 2 | 4). Undefined otherwise.
 */
export function allowedValues(schema: z.ZodTypeAny): Primitive[] | undefined {
	const inner = unwrap(schema);
	const def = defOf(inner);
	switch (def.typeName) {
		case 'ZodEnum':
			return (def.values as string[]).slice();
		case 'ZodNativeEnum': {
			// Numeric TS enums carry reverse mappings (value → name); keep only the real members.
			const obj = def.values as Record<string, Primitive>;
			return Object.keys(obj)
				.filter((k) => typeof obj[obj[k] as string] !== 'number')
				.map((k) => obj[k]);
		}
		case 'ZodLiteral':
			return isPrimitive(def.value) ? [def.value] : undefined;
		case 'ZodUnion': {
			const values: Primitive[] = [];
			for (const option of def.options ?? []) {
				const sub = allowedValues(option);
				if (!sub) return undefined;
				values.push(...sub);
			}
			return values;
		}
		default:
			return undefined;
	}
}

function isPrimitive(value: unknown): value is Primitive {
	return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

/** The basic JSON kind of a schema, for form fields and messages. */
export function fieldType(schema: z.ZodTypeAny): FieldDescription['type'] {
	if (allowedValues(schema)) return 'options';
	switch (typeNameOf(unwrap(schema))) {
		case 'ZodNumber':
		case 'ZodBigInt':
			return 'number';
		case 'ZodBoolean':
			return 'boolean';
		case 'ZodArray':
		case 'ZodTuple':
		case 'ZodSet':
			return 'array';
		case 'ZodObject':
		case 'ZodRecord':
		case 'ZodMap':
			return 'object';
		default:
			return 'string';
	}
}

const WORDS: Record<string, string> = {
	url: 'URL',
	urls: 'URLs',
	id: 'ID',
	ids: 'IDs',
	nsfw: 'NSFW',
	cfg: 'CFG',
	mp4: 'MP4',
	cn: 'CN',
	bbox: 'BBox',
};

/** `aspect_ratio` → "Aspect Ratio", `imageUrls` → "Image URLs", `nVariants` → "N Variants". */
export function humanize(id: string): string {
	return id
		.replace(/([a-z0-9])([A-Z])/g, '$1 $2')
		.split(/[\s_-]+/)
		.filter((w) => w.length > 0)
		.map((w) => WORDS[w.toLowerCase()] ?? w.charAt(0).toUpperCase() + w.slice(1))
		.join(' ');
}

/** Form-field descriptions of an entry's input, in schema order. */
export function describeInput(entry: CatalogueEntry): FieldDescription[] {
	const object = inputObject(entry);
	if (!object) return [];
	const shape = shapeOf(object);
	return Object.keys(shape).map((id) => {
		const schema = shape[id];
		const field: FieldDescription = {
			id,
			displayName: humanize(id),
			required: !schema.isOptional(),
			type: fieldType(schema),
			isUrlField: entry.urlFields.indexOf(id) >= 0,
		};
		const values = allowedValues(schema);
		if (values) field.options = values.map((value) => ({ name: String(value), value }));
		const description = descriptionOf(schema);
		if (description) field.description = description;
		return field;
	});
}
