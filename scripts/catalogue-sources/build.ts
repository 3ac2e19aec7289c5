/* eslint-disable @n8n/community-nodes/no-restricted-globals */
/**
 * One-time builder of the emulator's catalogue fixtures (test/fixtures/catalogue/): the 218-model
 * list of 2026-10-02 and one /schema `data` document per model, each tagged with its source in
 * `openapi.info['x-source']` and in `sources.json`.
 *
 *   npx ts-node --transpile-only scripts/catalogue-sources/build.ts --registry <registry-extract.jsonl>
 *
 * Sources, first match wins (see test/fixtures/catalogue/ORIGIN.md):
 *   (a) real saved /schema replies (samples/tansilandre/schema_*.json)
 *   (b) KIE docs pages (sources/kie-docs/*.json, parsed from samples/docs-md/*.md)
 *   (c) the third-party registry of all 218 models derived from the live API on 2026-10-06
 *       (`--registry`: a JSON-lines extract, one model per line: id, p(rovider), t(itle), tt (task
 *       types), path, req(uired), f(ields), b(ranches); `--macros`: a JSON object of fragments
 *       repeated across models, referenced as `"f": "@name"` or `"$m:name"`); not stored in this
 *       repository
 *   (d) the node's former hand-typed catalogue (sources/hand-typed.json)
 * Only the registry extract is read from outside the repository, and only from the given path.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { join, resolve } from 'path';
import {
	syncDocument,
	taskDocument,
	TASK_PATH,
	type DocumentSource,
	type JsonObject,
} from '../../test/emulator/catalogue-document';
import { schemaFileName, type CatalogueModel } from '../../test/emulator/catalogue';

const ROOT = resolve(__dirname, '../../test/fixtures/catalogue');
const SAMPLES = join(ROOT, 'samples/tansilandre');

interface RegistryModel {
	id: string;
	p: string;
	t: string;
	tt: string[];
	/** null: schema not readable (openapi null). */
	path: string | null;
	req: string[];
	f: Record<string, JsonObject>;
	/** Branches of a oneOf `input`: their required list, their fields, and field definitions that differ. */
	b: Array<{ required: string[]; fields: string[]; over?: Record<string, JsonObject> }>;
	/** The extract shortened nested parts of this (sync) body. */
	simplified?: boolean;
	/** Sync body: the model field has no `default` (otherwise codex-style bodies default to the id). */
	nodefault?: boolean;
	modelDefault?: boolean;
}

interface RawRegistryModel extends Omit<RegistryModel, 'f'> {
	f: Record<string, unknown> | string;
	extra?: Record<string, unknown>;
	omit?: string[];
}

/** Expands `"@name"` / `"$m:name"` references to the macro file's fragments. */
function expand(v: unknown, macros: Record<string, unknown>): unknown {
	if (typeof v === 'string' && v.startsWith('$m:')) return expand(macros[v.slice(3)], macros);
	if (Array.isArray(v)) return v.map((x) => expand(x, macros));
	if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, expand(x, macros)]));
	return v;
}

function loadRegistry(path: string, macrosPath: string | undefined): Map<string, RegistryModel> {
	const macros = macrosPath ? readJson<Record<string, unknown>>(macrosPath) : {};
	const out = new Map<string, RegistryModel>();
	for (const line of readFileSync(path, 'utf8').split('\n')) {
		if (!line.trim()) continue;
		const raw = JSON.parse(line) as RawRegistryModel;
		const base = typeof raw.f === 'string' ? macros[raw.f.slice(1)] : raw.f;
		if (base === undefined) throw new Error(`${raw.id}: unknown macro ${String(raw.f)}`);
		const f = { ...(expand(base, macros) as Record<string, JsonObject>), ...(expand(raw.extra ?? {}, macros) as Record<string, JsonObject>) };
		for (const k of raw.omit ?? []) delete f[k];
		const b = raw.b.map((x) => ({ ...x, over: x.over ? (expand(x.over, macros) as Record<string, JsonObject>) : undefined }));
		out.set(raw.id, { ...raw, f, b, modelDefault: raw.f === '@codex' && !raw.nodefault });
	}
	return out;
}

interface HandTyped {
	name: string;
	category: 'image' | 'video' | 'audio' | 'text';
	urlFields: string[];
	notes: string | null;
	input: JsonObject;
}

interface SourceRecord {
	source: 'kie-schema' | 'kie-docs' | 'registry' | 'hand-typed' | 'none';
	ref: string;
	date: string;
	kind: 'task' | 'sync' | 'unsynced';
	path: string | null;
	/** The document defines the model's `input` (task) or body (sync) field by field. */
	fullInput: boolean;
	note?: string;
}

const REGISTRY_REF =
	'trevorotts1/openclaw-onboarding 74-kie-live-adapter/references/kie-model-registry.json @ 4f9361f51a5225d41d6f08b27a2d767f162b8c99';
const HAND_REF = 'nodes/Kie/catalogue (hand-typed zod schemas) @ 63ca8a50a46360b10d551ad76acbd263f4340685';
const TAN_REF = 'tansilandre/kie-ai-tool-mcp-skills-agent packages/core/src/__tests__/fixtures/catalog';

function readJson<T>(path: string): T {
	return JSON.parse(readFileSync(path, 'utf8')) as T;
}

function arg(name: string): string | undefined {
	const i = process.argv.indexOf(name);
	return i >= 0 ? process.argv[i + 1] : undefined;
}

/** Drops apidog-only keys (`x-apidog-*`, `x-run-in-apidog`), as KIE's live /schema does. */
function stripApidog(v: unknown): unknown {
	if (Array.isArray(v)) return v.map(stripApidog);
	if (v && typeof v === 'object') {
		return Object.fromEntries(
			Object.entries(v)
				.filter(([k]) => !/^x-(apidog|run-in-apidog)/.test(k))
				.map(([k, x]) => [k, stripApidog(x)]),
		);
	}
	return v;
}

const SCHEMA_KEYS = [
	'type',
	'enum',
	'default',
	'minimum',
	'maximum',
	'minLength',
	'maxLength',
	'minItems',
	'maxItems',
	'format',
	'items',
	'properties',
	'required',
];

/**
 * One registry field as a JSON-schema property, recursively; limits the registry took from prose
 * (`maxLength_described`) stay prose, as in KIE's own documents.
 */
function registryProperty(field: JsonObject, handDescription: string | undefined): JsonObject {
	const out: JsonObject = {};
	const notes: string[] = [];
	if (handDescription) notes.push(handDescription);
	if (typeof field.maxLength_described === 'number') notes.push(`Max length: ${field.maxLength_described} characters.`);
	if (notes.length > 0) out.description = notes.map((n) => (/[.!?)]$/.test(n.trim()) ? n.trim() : `${n.trim()}.`)).join(' ');
	for (const k of [...SCHEMA_KEYS, 'oneOf']) {
		if (!(k in field)) continue;
		const v = field[k];
		if (k === 'items' && v && typeof v === 'object' && !Array.isArray(v)) out.items = registryProperty(v as JsonObject, undefined);
		else if (k === 'properties' && v && typeof v === 'object') {
			out.properties = Object.fromEntries(
				Object.entries(v as Record<string, JsonObject>).map(([n, x]) => [n, registryProperty(x, undefined)]),
			);
		} else if (k === 'oneOf' && Array.isArray(v)) out.oneOf = v.map((x) => registryProperty(x as JsonObject, undefined));
		else out[k] = v;
	}
	return out;
}

/** The former hand-typed description of a field, when that field has the same JSON type there. */
function handDescriptionOf(hand: HandTyped | undefined, name: string, field: JsonObject): string | undefined {
	const h = (hand?.input.properties as Record<string, JsonObject> | undefined)?.[name];
	if (!h || typeof h.description !== 'string') return undefined;
	const same = h.type === field.type || (h.type === 'number' && field.type === 'integer');
	return same ? h.description : undefined;
}

function registryInput(r: RegistryModel, hand: HandTyped | undefined): { input: JsonObject; schemas?: Record<string, JsonObject> } {
	const prop = (name: string, over?: Record<string, JsonObject>) => {
		const field = over?.[name] ?? r.f[name];
		return registryProperty(field, handDescriptionOf(hand, name, field));
	};
	if (r.b.length === 0) {
		const properties = Object.fromEntries(Object.keys(r.f).map((k) => [k, prop(k)]));
		return { input: { type: 'object', properties, required: [...r.req] } };
	}
	// The registry flattens a oneOf `input`: fields of no branch are shared; each branch adds its own.
	const inBranch = new Set(r.b.flatMap((b) => b.fields));
	const shared = Object.keys(r.f).filter((k) => !inBranch.has(k));
	const schemas: Record<string, JsonObject> = {};
	const oneOf = r.b.map((b, i) => {
		const name = `input branch ${i + 1}`;
		schemas[name] = {
			type: 'object',
			title: `With ${b.required.join(' + ')}`,
			properties: Object.fromEntries([...shared, ...b.fields].map((k) => [k, prop(k, b.over)])),
			required: [...r.req, ...b.required],
		};
		// Pointer with percent-encoded spaces, as KIE writes `response%20not%20with%20recordId`.
		return { $ref: `#/components/schemas/${encodeURIComponent(name)}` };
	});
	return { input: { oneOf }, schemas };
}

function fromHandTyped(h: HandTyped): JsonObject {
	const input = JSON.parse(JSON.stringify(h.input)) as JsonObject;
	delete input.additionalProperties;
	if (h.notes) input.description = `Input parameters for the generation task. ${h.notes}`;
	return input;
}

function main(): void {
	const registryPath = arg('--registry');
	if (!registryPath) throw new Error('usage: build.ts --registry <registry-extract.jsonl> [--macros <macros.json>]');
	const registry = loadRegistry(registryPath, arg('--macros'));
	const prices = readJson<{ savedAt: string; prices: Record<string, string | null> }>(join(SAMPLES, 'price_texts.json'));
	const listed = readJson<{ data: { models: CatalogueModel[] } }>(join(SAMPLES, 'models.json')).data.models;
	const listedById = new Map(listed.map((m) => [m.model, m]));
	const hand = readJson<{ models: Record<string, HandTyped> }>(join(ROOT, 'sources/hand-typed.json')).models;

	const real = new Map<string, JsonObject>();
	for (const f of readdirSync(SAMPLES).filter((n) => n.startsWith('schema_'))) {
		const d = readJson<{ data: { model: string; openapi: JsonObject } }>(join(SAMPLES, f)).data;
		real.set(d.model, d.openapi);
	}
	const docs = new Map<string, { from: string; openapi: JsonObject }>();
	for (const f of readdirSync(join(ROOT, 'sources/kie-docs'))) {
		const d = readJson<{ model: string; from: string; openapi: JsonObject }>(join(ROOT, 'sources/kie-docs', f));
		docs.set(d.model, d);
	}

	const models: CatalogueModel[] = [];
	const sources: Record<string, SourceRecord> = {};
	const outDir = join(ROOT, 'schemas');
	rmSync(outDir, { recursive: true, force: true });
	mkdirSync(outDir, { recursive: true });

	for (const id of Object.keys(prices.prices)) {
		const r = registry.get(id);
		const h = hand[id];
		const l = listedById.get(id);
		models.push({
			model: id,
			slug: l?.slug ?? id,
			title: l?.title ?? r?.t ?? h?.name ?? id,
			provider: l?.provider ?? r?.p ?? providerGuess(id),
			taskType: l?.taskType ?? r?.tt ?? taskTypeGuess(h?.category),
			description: l ? l.description : null,
			pricingDesc: prices.prices[id],
		});

		let openapi: JsonObject | null;
		let rec: SourceRecord;
		const tag = (doc: JsonObject, source: DocumentSource): JsonObject => {
			doc.info = { ...(doc.info as JsonObject), 'x-source': source };
			return doc;
		};
		if (real.has(id)) {
			const source = { kind: 'kie-schema', ref: `${TAN_REF} (real /schema reply)`, date: '2026-10-02' };
			openapi = tag(JSON.parse(JSON.stringify(real.get(id))) as JsonObject, source);
			rec = { source: 'kie-schema', ref: source.ref, date: source.date, kind: 'task', path: TASK_PATH, fullInput: true };
		} else if (docs.has(id)) {
			const d = docs.get(id)!;
			const source = {
				kind: 'kie-docs',
				ref: `docs.kie.ai apidog Markdown export (${d.from}), converted to the live /schema form: 3.1.0, x-apidog keys dropped`,
				date: '2026-08',
			};
			const doc = stripApidog(d.openapi) as JsonObject;
			doc.openapi = '3.1.0';
			openapi = tag(doc, source);
			const path = Object.keys(doc.paths as JsonObject)[0];
			rec = { source: 'kie-docs', ref: source.ref, date: source.date, kind: path === TASK_PATH ? 'task' : 'sync', path, fullInput: true };
		} else if (r && r.path === null) {
			openapi = null;
			rec = { source: 'registry', ref: REGISTRY_REF, date: '2026-10-06', kind: 'unsynced', path: null, fullInput: false, note: 'openapi: null on the live API (not synced yet)' };
		} else if (r) {
			const source: DocumentSource = { kind: 'registry', ref: REGISTRY_REF, date: '2026-10-06' };
			if (r.path === TASK_PATH) {
				const { input, schemas } = registryInput(r, h);
				if (schemas) source.note = 'input.oneOf rebuilt from the registry branches (the registry flattens the live oneOf)';
				if (r.simplified) source.note = [source.note, 'some nested definitions shared across fields in the transcription'].filter(Boolean).join('; ');
				if (h) source.note = [source.note, 'field descriptions from the former hand-typed catalogue'].filter(Boolean).join('; ');
				openapi = taskDocument({ model: id, input, schemas, summary: r.t, source });
				rec = { source: 'registry', ref: REGISTRY_REF, date: '2026-10-06', kind: 'task', path: TASK_PATH, fullInput: true, ...(source.note ? { note: source.note } : {}) };
			} else {
				const properties: Record<string, JsonObject> = {
					model: {
						type: 'string',
						enum: [id],
						...(r.modelDefault ? { default: id } : {}),
						description: 'Model name. It must match the current document.',
					},
				};
				for (const [k, f] of Object.entries(r.f)) properties[k] = registryProperty(f, undefined);
				const body = { type: 'object', properties, required: ['model', ...r.req.filter((k) => k !== 'model')] };
				openapi = syncDocument({ model: id, path: r.path!, body, summary: r.t, source });
				if (r.simplified) source.note = 'nested parts of the body shortened in the transcription';
				rec = { source: 'registry', ref: REGISTRY_REF, date: '2026-10-06', kind: 'sync', path: r.path, fullInput: Object.keys(r.f).length > 0, ...(source.note ? { note: source.note } : {}) };
			}
		} else if (h) {
			const source = { kind: 'hand-typed', ref: HAND_REF, date: '2026-11-26', note: 'converted once from the zod schemas; descriptions are ours, not KIE\'s' };
			openapi = taskDocument({ model: id, input: fromHandTyped(h), summary: h.name, source });
			rec = { source: 'hand-typed', ref: HAND_REF, date: '2026-11-26', kind: 'task', path: TASK_PATH, fullInput: true, note: source.note };
		} else {
			openapi = null;
			rec = { source: 'none', ref: 'no stored evidence of this model\'s document', date: prices.savedAt, kind: 'unsynced', path: null, fullInput: false };
		}
		sources[id] = rec;
		writeFileSync(join(outDir, schemaFileName(id)), `${JSON.stringify({ model: id, openapi }, null, 1)}\n`);
	}

	writeFileSync(
		join(ROOT, 'catalogue-2026-10-02.json'),
		`${JSON.stringify({ savedAt: prices.savedAt, source: 'GET /api/v1/models on 2026-10-02, rebuilt (see ORIGIN.md)', total: models.length, models }, null, 1)}\n`,
	);
	writeFileSync(join(ROOT, 'sources.json'), `${JSON.stringify(sources, null, 1)}\n`);
	const count = (f: (s: SourceRecord) => boolean) => Object.values(sources).filter(f).length;
	console.log(
		JSON.stringify({
			models: models.length,
			bySource: Object.fromEntries(['kie-schema', 'kie-docs', 'registry', 'hand-typed', 'none'].map((s) => [s, count((x) => x.source === s)])),
			task: count((x) => x.kind === 'task'),
			sync: count((x) => x.kind === 'sync'),
			unsynced: count((x) => x.kind === 'unsynced'),
			fullInput: count((x) => x.fullInput),
		}),
	);
}

/** Provider from the id when no source names it (first commit only; the registry names all 218). */
function providerGuess(id: string): string {
	const head = id.split(/[/-]/)[0].toLowerCase();
	const known: Record<string, string> = {
		kling: 'Kling', bytedance: 'ByteDance', seedream: 'ByteDance', seedance: 'ByteDance', google: 'Google', veo: 'Google',
		nano: 'Google', imagen: 'Google', gemini: 'Google', wan: 'Alibaba', qwen: 'Alibaba', qwen2: 'Alibaba', qwen3: 'Alibaba',
		hailuo: 'MiniMax', minimax: 'MiniMax', grok: 'xAI', gpt: 'OpenAI', sora: 'OpenAI', '4o': 'OpenAI', claude: 'Anthropic',
		ideogram: 'Ideogram', recraft: 'Recraft', topaz: 'Topaz', flux: 'Black Forest Labs', flux1: 'Black Forest Labs',
		'flux-2': 'Black Forest Labs', elevenlabs: 'ElevenLabs', runway: 'Runway', 'ai': 'Suno',
	};
	return known[head] ?? head;
}

function taskTypeGuess(category: string | undefined): string[] {
	if (category === 'video') return ['Text to Video'];
	if (category === 'audio') return ['Text to Speech'];
	if (category === 'text') return ['Text to Text'];
	return ['Text to Image'];
}

main();
