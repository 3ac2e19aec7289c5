import { familyOfCreatePath } from '../families/specs';
import type { CatalogueModel, InputBranch, InputDefinition, InputField, InputType, Scalar } from './model';
import { deref } from './pointer';
import { isPlainObject as isObject } from '../utils/values';

/**
 * Reads one model's OpenAPI document as KIE's `/api/v1/models/<id>/schema` serves it
 * (`data.openapi`: OpenAPI 3.1 with 3.0 keywords such as `nullable` and `example` left inside,
 * exactly one path). Pure: the same document always gives the same definition.
 */

export const MARKET_PATH = '/api/v1/jobs/createTask';

/** What a model's document says about how it runs: the document-derived part of a CatalogueModel. */
export type InterpretedModel = Pick<CatalogueModel, 'kind' | 'path' | 'method' | 'family' | 'callbackField' | 'input'>;

type Json = Record<string, unknown>;

const TYPES: readonly InputType[] = ['string', 'number', 'integer', 'boolean', 'array', 'object'];

// Keys naming a file URL when the schema does not say `format: uri` (image_urls, first_frame_url, upload_url, …).
const URL_NAME = /urls?$/i;

function isScalar(value: unknown): value is Scalar {
	return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

function isCallbackName(name: string): boolean {
	return /^call_?back_?url$/i.test(name);
}

/** 3.1 `type: ["string","null"]` or 3.0 `type` + `nullable`. */
function typeOf(schema: Json): { type?: InputType; nullable: boolean } {
	const raw = schema.type;
	const list = Array.isArray(raw) ? raw.map(String) : typeof raw === 'string' ? [raw] : [];
	const nullable = schema.nullable === true || list.includes('null');
	const type = list.find((entry): entry is InputType => (TYPES as readonly string[]).includes(entry));
	if (type) return { type, nullable };
	if (Array.isArray(schema.enum) && schema.enum.length > 0) {
		const first = schema.enum.find((value) => value !== null);
		const inferred = typeof first === 'number' ? (Number.isInteger(first) ? 'integer' : 'number') : typeof first;
		if ((TYPES as readonly string[]).includes(inferred)) return { type: inferred as InputType, nullable };
	}
	if (isObject(schema.properties)) return { type: 'object', nullable };
	if (isObject(schema.items)) return { type: 'array', nullable };
	return { nullable };
}

function num(value: unknown): number | undefined {
	return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** `allOf` members merged into one object schema (properties and required lists joined). */
function flatten(document: unknown, schema: unknown): Json {
	const resolved = deref(document, schema);
	if (!isObject(resolved)) return {};
	if (!Array.isArray(resolved.allOf)) return resolved;
	const { allOf, ...rest } = resolved;
	let merged: Json = { ...rest };
	for (const member of allOf as unknown[]) {
		const part = flatten(document, member);
		merged = {
			...part,
			...merged,
			properties: { ...(isObject(part.properties) ? part.properties : {}), ...(isObject(merged.properties) ? merged.properties : {}) },
			required: [
				...(Array.isArray(part.required) ? part.required : []),
				...(Array.isArray(merged.required) ? merged.required : []),
			],
		};
	}
	return merged;
}

function fieldOf(document: unknown, name: string, raw: unknown): InputField {
	const schema = flatten(document, raw);
	const { type, nullable } = typeOf(schema);
	const field: InputField = { name };
	if (type) field.type = type;
	if (typeof schema.description === 'string' && schema.description.trim() !== '') field.description = schema.description.trim();
	if (typeof schema.title === 'string' && !field.description) field.description = schema.title;
	if (Array.isArray(schema.enum)) {
		const values = schema.enum.filter(isScalar);
		if (values.length > 0) field.enum = values;
	}
	if (schema.default !== undefined) field.default = schema.default;
	if (schema.example !== undefined) field.example = schema.example;
	else if (Array.isArray(schema.examples) && schema.examples.length > 0) field.example = schema.examples[0];
	for (const key of ['minimum', 'maximum', 'minLength', 'maxLength', 'minItems', 'maxItems'] as const) {
		const value = num(schema[key]);
		if (value !== undefined) field[key] = value;
	}
	// 3.1 numeric exclusive bounds; 3.0 boolean flags turn minimum/maximum exclusive.
	const exclusiveMinimum = num(schema.exclusiveMinimum) ?? (schema.exclusiveMinimum === true ? field.minimum : undefined);
	const exclusiveMaximum = num(schema.exclusiveMaximum) ?? (schema.exclusiveMaximum === true ? field.maximum : undefined);
	if (exclusiveMinimum !== undefined) field.exclusiveMinimum = exclusiveMinimum;
	if (exclusiveMaximum !== undefined) field.exclusiveMaximum = exclusiveMaximum;
	if (typeof schema.format === 'string') field.format = schema.format;
	if (type === 'array' && schema.items !== undefined) {
		const items = flatten(document, schema.items);
		const itemType = typeOf(items).type;
		const described: NonNullable<InputField['items']> = {};
		if (itemType) described.type = itemType;
		if (Array.isArray(items.enum)) described.enum = items.enum.filter(isScalar);
		if (typeof items.format === 'string') described.format = items.format;
		field.items = described;
	}
	if (nullable) field.nullable = true;
	if (schema.deprecated === true) field.deprecated = true;
	const takesStrings = type === 'string' || (type === 'array' && (field.items?.type ?? 'string') === 'string');
	const uriFormat = field.format === 'uri' || field.items?.format === 'uri';
	if (takesStrings && !isCallbackName(name) && (uriFormat || URL_NAME.test(name))) field.isUrl = true;
	return field;
}

function branchOf(document: unknown, raw: unknown, index: number, skip: (name: string) => boolean): InputBranch {
	const schema = flatten(document, raw);
	const properties = isObject(schema.properties) ? schema.properties : {};
	const fields = Object.entries(properties)
		.filter(([name]) => !skip(name))
		.map(([name, value]) => fieldOf(document, name, value));
	const required = (Array.isArray(schema.required) ? schema.required.map(String) : []).filter((name) => !skip(name));
	const title =
		typeof schema.title === 'string' && schema.title.trim() !== ''
			? schema.title.trim()
			: required.length > 0
				? `Option ${index + 1} (${required.join(', ')})`
				: `Option ${index + 1}`;
	return { title, fields, required: [...new Set(required)] };
}

/** `input` (or a flat family body): one branch, or one per `oneOf`/`anyOf` alternative. */
function definitionOf(document: unknown, raw: unknown, skip: (name: string) => boolean): InputDefinition {
	const schema = flatten(document, raw);
	const alternatives = Array.isArray(schema.oneOf) ? schema.oneOf : Array.isArray(schema.anyOf) ? schema.anyOf : undefined;
	if (alternatives && alternatives.length > 0) {
		return { branches: alternatives.map((alternative, index) => branchOf(document, alternative, index, skip)) };
	}
	return { branches: [branchOf(document, schema, 0, skip)] };
}

/** Query parameters of a GET endpoint (Veo 1080p) as one object schema. */
function parametersAsSchema(document: unknown, parameters: unknown): Json {
	const properties: Json = {};
	const required: string[] = [];
	for (const raw of Array.isArray(parameters) ? parameters : []) {
		const parameter = flatten(document, raw);
		if (parameter.in !== 'query' || typeof parameter.name !== 'string') continue;
		const schema = isObject(parameter.schema) ? { ...parameter.schema } : {};
		if (typeof parameter.description === 'string' && schema.description === undefined) schema.description = parameter.description;
		properties[parameter.name] = schema;
		if (parameter.required === true) required.push(parameter.name);
	}
	return { type: 'object', properties, required };
}

/**
 * The model's kind, endpoint and input from its document (`openapi` of the `/schema` reply).
 * `null` → `unchecked`. Throws when the document is unusable (no path, broken `$ref`), with
 * a message saying what is wrong.
 */
export function interpretDocument(openapi: unknown): InterpretedModel {
	if (openapi === null || openapi === undefined) return { kind: 'unchecked' };
	if (!isObject(openapi) || !isObject(openapi.paths)) throw new Error('the document has no "paths"');
	const entries = Object.entries(openapi.paths);
	if (entries.length === 0) throw new Error('the document lists no endpoint');
	const [path, item] = entries[0];
	const pathItem = isObject(item) ? item : {};
	const method: 'GET' | 'POST' = isObject(pathItem.post) || !isObject(pathItem.get) ? 'POST' : 'GET';
	const operation = (isObject(pathItem.post) ? pathItem.post : isObject(pathItem.get) ? pathItem.get : {}) as Json;

	const family = path === MARKET_PATH ? undefined : familyOfCreatePath(path);
	if (path !== MARKET_PATH && !family) return { kind: 'chat', path, method };

	const requestBody = flatten(openapi, operation.requestBody);
	const content = isObject(requestBody.content) ? requestBody.content : {};
	const media = flatten(openapi, content['application/json'] ?? Object.values(content)[0]);
	const body = media.schema !== undefined ? flatten(openapi, media.schema) : method === 'GET' ? parametersAsSchema(openapi, operation.parameters) : {};
	const bodyProperties = isObject(body.properties) ? body.properties : {};
	const callbackField = Object.keys(bodyProperties).find(isCallbackName);

	const result: InterpretedModel = { kind: path === MARKET_PATH ? 'task' : 'family', path, method };
	if (family) result.family = family;
	if (callbackField) result.callbackField = callbackField;
	if (path === MARKET_PATH) {
		result.input = bodyProperties.input !== undefined ? definitionOf(openapi, bodyProperties.input, () => false) : { branches: [{ title: 'Option 1', fields: [], required: [] }] };
	} else {
		// A family body is flat: its own fields minus the callback URL the node sets itself.
		result.input = definitionOf(openapi, body, isCallbackName);
	}
	return result;
}

/** Every field name of every branch (for "is this field known at all"). */
export function allFieldNames(definition: InputDefinition): string[] {
	return [...new Set(definition.branches.flatMap((branch) => branch.fields.map((field) => field.name)))];
}

/** The field named `name` in any branch (the first branch that declares it). */
export function findField(definition: InputDefinition | undefined, name: string): InputField | undefined {
	for (const branch of definition?.branches ?? []) {
		const field = branch.fields.find((candidate) => candidate.name === name);
		if (field) return field;
	}
	return undefined;
}
