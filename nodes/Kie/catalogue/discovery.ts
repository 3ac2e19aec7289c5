import { sleep } from 'n8n-workflow';

import type { CatalogueModel } from './model';
import { DISCOVERY_SPACING_MS, discoveryLimiter, type DiscoveryClock } from './limiter';
import { interpretDocument } from './schema';
import { snapshot, snapshotModel } from './snapshot';

/**
 * The live catalogue (`GET /api/v1/models`, `GET /api/v1/models/<id>/schema`) behind caches and
 * the account's discovery limiter. Never throws: a 429, a timeout or no network falls back to
 * the cache, then to the shipped snapshot, and says so in `notice`.
 */

/** KIE's envelope. `fetch` throws on network errors and timeouts. */
export interface Envelope {
	code: number;
	msg: string;
	data: unknown;
}

export interface DiscoveryTransport {
	/** Identifies the account (base URL + key hash); never the key itself. */
	account: string;
	/** Base URL, for "where the schema came from". */
	baseUrl: string;
	fetch(path: string): Promise<Envelope>;
}

export type Origin = 'live' | 'cache' | 'snapshot';

export interface ListResult {
	models: CatalogueModel[];
	origin: Origin;
	notice?: string;
}

export interface ModelResult {
	/** Undefined when neither KIE nor the snapshot knows the id. */
	model?: CatalogueModel;
	origin: Origin | 'family' | 'none';
	/** KIE answered that the id is not supported (404). */
	unknownToKie?: boolean;
	notice?: string;
}

export const LIST_TTL_MS = 10 * 60 * 1000;
export const SCHEMA_TTL_MS = 60 * 60 * 1000;
/** After a failed discovery request, answer from cache/snapshot for this long before asking again. */
export const FAILURE_COOLDOWN_MS = 60 * 1000;
/** Asks per discovery request when KIE answers 429 (see `call`). */
export const DISCOVERY_ATTEMPTS = 2;

interface Cached<T> {
	value: T;
	at: number;
}

interface AccountCache {
	list?: Cached<CatalogueModel[]>;
	listFailedAt?: number;
	listInFlight?: Promise<ListResult>;
	schemas: Map<string, Cached<CatalogueModel>>;
	schemaFailedAt: Map<string, number>;
	/** Ids KIE answered 404 for, and when (kept as long as the list). */
	unknown: Map<string, number>;
	schemaInFlight: Map<string, Promise<ModelResult>>;
	/** Discovery requests sent, by endpoint (bench and tests). */
	sent: { list: number; schema: number };
	/** Discovery requests KIE refused with 429. */
	rateLimited: number;
}

const CACHES = new Map<string, AccountCache>();

export function accountCache(account: string): AccountCache {
	let cache = CACHES.get(account);
	if (!cache) {
		cache = { schemas: new Map(), schemaFailedAt: new Map(), unknown: new Map(), schemaInFlight: new Map(), sent: { list: 0, schema: 0 }, rateLimited: 0 };
		CACHES.set(account, cache);
	}
	return cache;
}

/** Forgets every cache (tests). */
export function resetDiscoveryCaches(): void {
	CACHES.clear();
}

export const SYSTEM_CLOCK: DiscoveryClock = { now: () => Date.now(), sleep: async (ms: number) => await sleep(ms) };

function text(value: unknown): string {
	return typeof value === 'string' ? value : '';
}

/** One entry of `data.models` as our model summary (no input yet). */
export function summaryOf(raw: unknown): CatalogueModel | undefined {
	if (raw === null || typeof raw !== 'object') return undefined;
	const entry = raw as Record<string, unknown>;
	const id = text(entry.model) || text(entry.slug);
	if (!id) return undefined;
	const known = snapshotModel(id);
	const model: CatalogueModel = {
		id,
		title: text(entry.title) || id,
		provider: text(entry.provider),
		taskTypes: Array.isArray(entry.taskType) ? entry.taskType.map(String) : [],
		priceText: typeof entry.pricingDesc === 'string' ? entry.pricingDesc : null,
		// The kind is only known from the model's document: take the snapshot's until it is read.
		kind: known?.kind ?? 'task',
	};
	return model;
}

function describeFailure(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

class DiscoveryError extends Error {
	constructor(
		message: string,
		readonly code?: number,
	) {
		super(message);
	}
}

export class DiscoveryClient {
	private readonly cache: AccountCache;

	constructor(
		private readonly transport: DiscoveryTransport,
		private readonly clock: DiscoveryClock = SYSTEM_CLOCK,
	) {
		this.cache = accountCache(transport.account);
	}

	/**
	 * One discovery request through the account's limiter. A 429 is asked again once, after the
	 * limiter's back-off: the refused request cost nothing, and KIE's 1 request/second window can
	 * refuse a request sent 1.1 s after the previous one when that one reached KIE late (transit
	 * jitter). Without the second ask, a model missing from the cache and the snapshot would show
	 * "not in the catalogue" in the editor. A second 429 falls back to the cache.
	 */
	private async call(path: string, endpoint: 'list' | 'schema'): Promise<Envelope> {
		const limiter = discoveryLimiter(this.transport.account);
		for (let attempt = 1; ; attempt++) {
			const reply = await limiter.run(this.clock, async () => {
				this.cache.sent[endpoint]++;
				return await this.transport.fetch(path);
			});
			if (reply.code !== 429) return reply;
			this.cache.rateLimited++;
			limiter.backOff(this.clock, 2 * DISCOVERY_SPACING_MS);
			if (attempt >= DISCOVERY_ATTEMPTS) {
				throw new DiscoveryError(`KIE's catalogue budget is spent (429: ${reply.msg || 'call frequency too high'})`, 429);
			}
		}
	}

	/** The catalogue list: fresh cache, else live, else stale cache, else snapshot. */
	async list(): Promise<ListResult> {
		const now = this.clock.now();
		const cached = this.cache.list;
		if (cached && now - cached.at < LIST_TTL_MS) return { models: cached.value, origin: 'cache' };
		if (this.cache.listFailedAt !== undefined && now - this.cache.listFailedAt < FAILURE_COOLDOWN_MS) {
			return this.listFallback('the live catalogue could not be read a moment ago');
		}
		if (!this.cache.listInFlight) {
			this.cache.listInFlight = this.fetchList().finally(() => {
				this.cache.listInFlight = undefined;
			});
		}
		return await this.cache.listInFlight;
	}

	private async fetchList(): Promise<ListResult> {
		try {
			const reply = await this.call('/api/v1/models', 'list');
			if (reply.code !== 200) throw new DiscoveryError(`KIE answered ${reply.code}: ${reply.msg}`, reply.code);
			const data = (reply.data ?? {}) as { models?: unknown[] };
			if (!Array.isArray(data.models)) throw new DiscoveryError('KIE\'s catalogue reply has no "models" list');
			const models = data.models.map(summaryOf).filter((model): model is CatalogueModel => model !== undefined);
			this.cache.list = { value: models, at: this.clock.now() };
			this.cache.listFailedAt = undefined;
			return { models, origin: 'live' };
		} catch (error) {
			this.cache.listFailedAt = this.clock.now();
			return this.listFallback(describeFailure(error));
		}
	}

	private listFallback(reason: string): ListResult {
		if (this.cache.list) {
			return { models: this.cache.list.value, origin: 'cache', notice: `Catalogue from the cache (${reason}).` };
		}
		const shipped = snapshot();
		return {
			models: shipped.models,
			origin: 'snapshot',
			notice: `Catalogue from the snapshot shipped with the node, ${shipped.generatedAt.slice(0, 10)} (${reason}).`,
		};
	}

	/** What the fresh list cache knows about `id` (title, price), without a request. */
	private listed(id: string): CatalogueModel | undefined {
		return this.cache.list?.value.find((model) => model.id === id);
	}

	/** One model with its input: fresh cache, else live `/schema`, else stale cache, else snapshot. */
	async model(id: string): Promise<ModelResult> {
		const now = this.clock.now();
		const cached = this.cache.schemas.get(id);
		if (cached && now - cached.at < SCHEMA_TTL_MS) return { model: cached.value, origin: 'cache' };
		const unknownAt = this.cache.unknown.get(id);
		if (unknownAt !== undefined && now - unknownAt < LIST_TTL_MS) {
			return { ...this.modelFallback(id, 'KIE does not list this model'), unknownToKie: true };
		}
		const failedAt = this.cache.schemaFailedAt.get(id);
		if (failedAt !== undefined && now - failedAt < FAILURE_COOLDOWN_MS) {
			return this.modelFallback(id, 'its live schema could not be read a moment ago');
		}
		let inFlight = this.cache.schemaInFlight.get(id);
		if (!inFlight) {
			inFlight = this.fetchModel(id).finally(() => this.cache.schemaInFlight.delete(id));
			this.cache.schemaInFlight.set(id, inFlight);
		}
		return await inFlight;
	}

	private async fetchModel(id: string): Promise<ModelResult> {
		try {
			// Ids with a slash go into the path as they are (KIE's rule); other characters are encoded.
			const path = `/api/v1/models/${id.split('/').map(encodeURIComponent).join('/')}/schema`;
			const reply = await this.call(path, 'schema');
			if (reply.code === 404) {
				this.cache.schemaFailedAt.delete(id);
				this.cache.unknown.set(id, this.clock.now());
				return { ...this.modelFallback(id, 'KIE does not list this model'), unknownToKie: true };
			}
			if (reply.code !== 200) throw new DiscoveryError(`KIE answered ${reply.code}: ${reply.msg}`, reply.code);
			const data = (reply.data ?? {}) as { openapi?: unknown };
			const interpreted = interpretDocument(data.openapi ?? null);
			const base = this.listed(id) ?? snapshotModel(id);
			const model: CatalogueModel = {
				id,
				title: base?.title ?? id,
				provider: base?.provider ?? '',
				taskTypes: base?.taskTypes ?? [],
				priceText: base?.priceText ?? null,
				...interpreted,
				schemaSource: { from: `GET ${this.transport.baseUrl}${path}`, at: new Date(this.clock.now()).toISOString() },
			};
			this.cache.schemas.set(id, { value: model, at: this.clock.now() });
			this.cache.schemaFailedAt.delete(id);
			this.cache.unknown.delete(id);
			return { model, origin: 'live' };
		} catch (error) {
			this.cache.schemaFailedAt.set(id, this.clock.now());
			return this.modelFallback(id, describeFailure(error));
		}
	}

	private modelFallback(id: string, reason: string): ModelResult {
		const cached = this.cache.schemas.get(id);
		if (cached) return { model: cached.value, origin: 'cache', notice: `Schema of ${id} from the cache (${reason}).` };
		const shipped = snapshotModel(id);
		if (shipped) {
			return {
				model: shipped,
				origin: 'snapshot',
				notice: `Schema of ${id} from the snapshot shipped with the node, ${(shipped.schemaSource?.at ?? snapshot().generatedAt).slice(0, 10)} (${reason}).`,
			};
		}
		return { origin: 'none', notice: `${id} is not in the catalogue (${reason}).` };
	}
}
