/**
 * The model catalogue the emulator serves on `/api/v1/models…`: KIE's 218 models of 2026-10-02
 * (test/fixtures/catalogue/, see its ORIGIN.md) plus models a test publishes, minus the ones it
 * retires. `reset()` restores the fixture catalogue.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { CATALOGUE_FIXTURES, TASK_PATH, taskDocument, type JsonObject } from './catalogue-document';
import type { MediaKind } from './types';

/** One `/api/v1/models` entry, as KIE returns it. */
export interface CatalogueModel {
	model: string;
	slug: string;
	title: string;
	provider: string;
	taskType: string[];
	description: string | null;
	pricingDesc: string | null;
}

export interface SuccessRatePoint {
	start: string;
	end: string;
	successRate: number | null;
	errorRate: number | null;
	isNormal: boolean;
}

/** What a test passes to publish a model. Only `model` is required. */
export interface PublishedModel {
	model: string;
	slug?: string;
	title?: string;
	provider?: string;
	taskType?: string[];
	description?: string | null;
	pricingDesc?: string | null;
	/** A whole OpenAPI document (or null: "not synced yet"). Wins over `input`. */
	openapi?: JsonObject | null;
	/** Just the `input` JSON schema: wrapped into a KIE-shaped createTask document. */
	input?: JsonObject;
	/** Success-rate points to serve (default: generated). */
	points?: SuccessRatePoint[];
}

/** The file holding one model's /schema `data`: `kling/v2-1-pro` → `kling__v2-1-pro.json`. */
export function schemaFileName(model: string): string {
	return `${model.replace(/\//g, '__')}.json`;
}

interface Fixture {
	models: CatalogueModel[];
	points: Map<string, SuccessRatePoint[]>;
}

let fixture: Fixture | null = null;

/** The fixture list, read once per process on first use (not at emulator start: the CLI must start fast). */
function loadFixture(): Fixture {
	if (fixture) return fixture;
	const list = JSON.parse(readFileSync(join(CATALOGUE_FIXTURES, 'catalogue-2026-10-02.json'), 'utf8')) as {
		models: CatalogueModel[];
	};
	// veo-3-1 serves the real saved success-rate reply.
	const veo = JSON.parse(
		readFileSync(join(CATALOGUE_FIXTURES, 'samples/tansilandre/success_rate_veo-3-1.json'), 'utf8'),
	) as { data: { model: string; points: SuccessRatePoint[] } };
	fixture = { models: list.models, points: new Map([[veo.data.model, veo.data.points]]) };
	return fixture;
}

const fixtureSchemas = new Map<string, JsonObject | null | undefined>();

/** A fixture model's /schema `openapi`, read from its file on first request; undefined without a file. */
function fixtureSchema(model: string): JsonObject | null | undefined {
	if (fixtureSchemas.has(model)) return fixtureSchemas.get(model);
	let openapi: JsonObject | null | undefined;
	try {
		openapi = (
			JSON.parse(readFileSync(join(CATALOGUE_FIXTURES, 'schemas', schemaFileName(model)), 'utf8')) as {
				openapi: JsonObject | null;
			}
		).openapi;
	} catch {
		openapi = undefined;
	}
	fixtureSchemas.set(model, openapi);
	return openapi;
}

/** Models with no monitoring data (`points: []`, which means "unknown", not "0 %"). */
export const NO_MONITORING = new Set(['google/gemini-3-8-flash-tts']);

function hash(s: string): number {
	let h = 2166136261;
	for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
	return h >>> 0;
}

const BUCKET_MS = 10 * 60 * 1000;

/** 144 ten-minute buckets of the last 24 h, oldest first; deterministic per model; some buckets empty. */
export function generatedPoints(model: string, now = Date.now()): SuccessRatePoint[] {
	const seed = hash(model);
	const lastEnd = Math.floor(now / BUCKET_MS) * BUCKET_MS;
	const out: SuccessRatePoint[] = [];
	for (let i = 143; i >= 0; i--) {
		const end = lastEnd - i * BUCKET_MS;
		const r = hash(`${seed}:${end / BUCKET_MS}`) % 100;
		const empty = r < 12;
		const success = empty ? null : Math.max(60, 100 - (r % 7 === 0 ? r % 40 : r % 3));
		out.push({
			start: new Date(end - BUCKET_MS).toISOString().replace('.000Z', 'Z'),
			end: new Date(end).toISOString().replace('.000Z', 'Z'),
			successRate: success === null ? null : Number(success.toFixed(1)),
			errorRate: success === null ? null : Number((100 - success).toFixed(1)),
			isNormal: success === null || success >= 90,
		});
	}
	return out;
}

/** Media a Market task of this model returns, from the catalogue's task types ("Text to Video" → video). */
export function mediaKindOfTaskTypes(taskType: string[]): MediaKind | undefined {
	const outputs = taskType.map((t) => (/\bto\s+(.+)$/i.exec(t)?.[1] ?? t).toLowerCase());
	if (outputs.some((o) => /video/.test(o))) return 'video';
	if (outputs.some((o) => /image/.test(o))) return 'image';
	if (outputs.some((o) => /music|audio|speech|voice|sound/.test(o))) return 'audio';
	return undefined;
}

export class CatalogueStore {
	private state: {
		models: Map<string, CatalogueModel>;
		/** Published (or retired: absent from `models`) schemas; fixture models read theirs from file. */
		schemas: Map<string, JsonObject | null>;
		points: Map<string, SuccessRatePoint[]>;
		/** Ids a test retired: createTask refuses them as KIE refuses an id it does not serve. */
		retired: Set<string>;
	} | null = null;

	/** Back to the fixture catalogue (218 models of 2026-10-02), loaded on first use. */
	reset(): void {
		this.state = null;
	}

	private get s(): NonNullable<CatalogueStore['state']> {
		if (!this.state) {
			const f = loadFixture();
			this.state = {
				models: new Map(f.models.map((m) => [m.model, { ...m, taskType: [...m.taskType] }])),
				schemas: new Map(),
				points: new Map(f.points),
				retired: new Set(),
			};
		}
		return this.state;
	}

	list(): CatalogueModel[] {
		return [...this.s.models.values()];
	}

	get(model: string): CatalogueModel | undefined {
		return this.s.models.get(model);
	}

	/** The /schema `data.openapi` of a listed model (null when not synced). */
	schema(model: string): JsonObject | null {
		if (!this.s.models.has(model)) return null;
		if (this.s.schemas.has(model)) return this.s.schemas.get(model) ?? null;
		return fixtureSchema(model) ?? null;
	}

	successPoints(model: string, now = Date.now()): SuccessRatePoint[] {
		if (NO_MONITORING.has(model)) return [];
		return this.s.points.get(model) ?? generatedPoints(model, now);
	}

	/** Adds (or replaces) a model while the emulator runs. Returns the listed entry. */
	publish(p: PublishedModel): CatalogueModel {
		if (typeof p.model !== 'string' || p.model.trim() === '' || p.model.split('/').length > 2) {
			throw new Error('publish: `model` must be a non-empty id with at most one "/"');
		}
		const entry: CatalogueModel = {
			model: p.model,
			slug: p.slug ?? p.model,
			title: p.title ?? p.model,
			provider: p.provider ?? 'Emulator',
			taskType: p.taskType ? [...p.taskType] : ['Text to Image'],
			description: p.description === undefined ? null : p.description,
			pricingDesc: p.pricingDesc === undefined ? `${p.model}: 1 credit per task.` : p.pricingDesc,
		};
		this.s.models.set(entry.model, entry);
		this.s.retired.delete(entry.model);
		const openapi =
			p.openapi !== undefined
				? p.openapi
				: taskDocument({
						model: p.model,
						input: p.input ?? { type: 'object', properties: { prompt: { type: 'string', description: 'Text prompt' } }, required: ['prompt'] },
						summary: entry.title,
						source: { kind: 'emulator', ref: 'published by a test', date: new Date().toISOString().slice(0, 10) },
					});
		this.s.schemas.set(entry.model, openapi);
		if (p.points) this.s.points.set(entry.model, p.points);
		else this.s.points.delete(entry.model);
		return entry;
	}

	/** Removes a model from the list and its per-model endpoints (they answer 404 afterwards). */
	retire(model: string): boolean {
		const had = this.s.models.delete(model);
		if (had) this.s.retired.add(model);
		this.s.schemas.delete(model);
		this.s.points.delete(model);
		return had;
	}

	/** True for a model a test retired (and did not publish again). */
	isRetired(model: string): boolean {
		return this.s.retired.has(model);
	}

	/** True when a listed model's document has exactly the createTask path. */
	isTaskModel(model: string): boolean {
		const doc = this.schema(model);
		const paths = doc && typeof doc.paths === 'object' ? Object.keys(doc.paths as JsonObject) : [];
		return paths.length === 1 && paths[0] === TASK_PATH;
	}

	mediaKind(model: string | null): MediaKind | undefined {
		const entry = model ? this.s.models.get(model) : undefined;
		return entry ? mediaKindOfTaskTypes(entry.taskType) : undefined;
	}
}
