/**
 * Builds `/schema` documents in KIE's real shape for models we only know field by field (the
 * fixture converter and models a test publishes). The skeleton is the real seedance-1.5-pro
 * document (test/fixtures/catalogue/samples/tansilandre/), so every built task document keeps the
 * quirks a client must handle: the `allOf` + `$ref` to `response%20not%20with%20recordId`
 * (percent-encoded key with spaces), a `500` response `$ref` to `#/components/responses/Error `
 * (trailing space, taken from the real veo-3-1 document), the callback key without `$`,
 * `nullable` and singular `example` in the callback schema.
 */
import { readFileSync } from 'fs';
import { join } from 'path';

export type JsonObject = Record<string, unknown>;

export const CATALOGUE_FIXTURES = join(__dirname, '../fixtures/catalogue');
const SAMPLES = join(CATALOGUE_FIXTURES, 'samples/tansilandre');

export const TASK_PATH = '/api/v1/jobs/createTask';

/** Where a document came from: `openapi.info['x-source']` of every fixture document. */
export interface DocumentSource {
	/** 'kie-schema' (a saved real /schema reply), 'kie-docs' (a KIE docs page), 'registry', 'hand-typed', 'emulator'. */
	kind: string;
	/** Repository @ commit / path, or a short description. */
	ref: string;
	/** Date of the evidence (YYYY-MM-DD). */
	date: string;
	/** Free-text caveat (e.g. "oneOf constructed from the docs"). */
	note?: string;
}

let skeleton: { task: JsonObject; error: JsonObject } | null = null;

function clone<T>(v: T): T {
	return JSON.parse(JSON.stringify(v)) as T;
}

function loadSkeleton(): { task: JsonObject; error: JsonObject } {
	if (skeleton) return skeleton;
	const read = (f: string) =>
		(JSON.parse(readFileSync(join(SAMPLES, f), 'utf8')) as { data: { openapi: JsonObject } }).data.openapi;
	const task = read('schema_bytedance__seedance-1.5-pro.json');
	const veo = read('schema_veo-3-1.json');
	const error = (veo.components as { responses: Record<string, JsonObject> }).responses['Error '];
	skeleton = { task, error };
	return skeleton;
}

export interface TaskDocumentSpec {
	model: string;
	/** The `input` schema: `{type:'object', properties, required}` or `{oneOf:[…]}` (JSON Schema). */
	input: JsonObject;
	/** Operation summary (default: the model id). */
	summary?: string;
	/** Extra entries for `components.schemas` (e.g. oneOf branches referenced from `input`). */
	schemas?: Record<string, JsonObject>;
	source: DocumentSource;
}

/** An OpenAPI 3.1 document with exactly one path, `/api/v1/jobs/createTask`. */
export function taskDocument(spec: TaskDocumentSpec): JsonObject {
	const { task, error } = loadSkeleton();
	const doc = clone(task);
	doc.info = { ...(doc.info as JsonObject), 'x-source': spec.source };
	const post = (doc.paths as Record<string, { post: JsonObject }>)[TASK_PATH].post;
	post.summary = spec.summary ?? spec.model;
	post.operationId = spec.model.replace(/[^A-Za-z0-9]+/g, '-');
	const content = (post.requestBody as { content: Record<string, JsonObject> }).content['application/json'];
	const body = content.schema as { required: string[]; properties: Record<string, JsonObject> };
	body.required = ['model', 'input'];
	body.properties.model = {
		type: 'string',
		enum: [spec.model],
		default: spec.model,
		description: `The model name to use for generation. Required field.\n\n- Must be \`${spec.model}\` for this endpoint`,
		examples: [spec.model],
	};
	body.properties.input = { type: 'object', description: 'Input parameters for the generation task', ...clone(spec.input) };
	if ('oneOf' in spec.input) delete body.properties.input.type;
	content.example = { model: spec.model, callBackUrl: 'https://your-domain.com/api/callback', input: exampleOf(spec.input) };
	(post.responses as JsonObject)['500'] = { $ref: '#/components/responses/Error ', description: 'request failed' };
	const components = doc.components as { schemas: JsonObject; responses: JsonObject };
	components.responses = { 'Error ': clone(error) };
	if (spec.schemas) Object.assign(components.schemas, clone(spec.schemas));
	return doc;
}

/** A request example: each required field's example/default/first enum value. */
function exampleOf(input: JsonObject): JsonObject {
	const object = (Array.isArray(input.oneOf) ? {} : input) as { properties?: Record<string, JsonObject>; required?: string[] };
	const out: JsonObject = {};
	for (const name of object.required ?? []) {
		const p = object.properties?.[name];
		if (!p) continue;
		const ex = Array.isArray(p.examples) ? p.examples[0] : p.example;
		const v = ex ?? p.default ?? (Array.isArray(p.enum) ? p.enum[0] : undefined);
		out[name] = v ?? (p.type === 'array' ? [] : p.type === 'number' || p.type === 'integer' ? 1 : p.type === 'boolean' ? false : 'example');
	}
	return out;
}

export interface SyncDocumentSpec {
	model: string;
	/** e.g. '/claude/v1/messages'. */
	path: string;
	/** The request body schema (no callBackUrl: sync endpoints answer in the HTTP response). */
	body: JsonObject;
	summary?: string;
	source: DocumentSource;
}

/** A synchronous chat endpoint's document, in the shape of the claude-opus-5 docs export (3.1, `security: []`). */
export function syncDocument(spec: SyncDocumentSpec): JsonObject {
	const { task } = loadSkeleton();
	return {
		openapi: '3.1.0',
		info: { ...(clone(task.info) as JsonObject), 'x-source': spec.source },
		tags: [],
		paths: {
			[spec.path]: {
				post: {
					summary: spec.summary ?? spec.model,
					deprecated: false,
					description: `Synchronous endpoint: the result is in the HTTP response (no task, no callback).`,
					operationId: spec.model.replace(/[^A-Za-z0-9]+/g, '-'),
					tags: [],
					parameters: [],
					requestBody: { required: true, content: { 'application/json': { schema: clone(spec.body) } } },
					responses: {
						'200': {
							description: 'Success',
							content: { 'application/json': { schema: { type: 'object', properties: {} } } },
							headers: {},
						},
					},
					security: [],
				},
			},
		},
		webhooks: {},
		components: { schemas: {}, responses: {}, securitySchemes: clone((task.components as JsonObject).securitySchemes) },
		servers: clone(task.servers),
		security: [{ BearerAuth: [] }],
	};
}
