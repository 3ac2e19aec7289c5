/**
 * KIE's catalogue API: `GET /api/v1/models` and `GET /api/v1/models/<id>/schema|price|success-rate`
 * (ids may hold one `/`, sent unencoded). The four share one budget per API key (KIE: 1 request
 * per second per account); over it KIE answers HTTP 200 with body code 429. Unknown ids get KIE's
 * 404 body on HTTP 200. Facts: test/fixtures/catalogue/ORIGIN.md.
 */
import { kie } from './respond';
import type { RouteContext, RouteDef } from './routes';
import type { CatalogueModel } from './catalogue';

export const CATALOGUE_429_MSG = 'Your call frequency is too high. Please try again later.';
export const UNKNOWN_MODEL_MSG =
	'The model name you specified is not supported. Please verify your input and use one of the supported models provided by KIE.';

const PREFIX = '/api/v1/models/';

function bearer(ctx: RouteContext): string {
	return /^Bearer\s+(.+)$/i.exec(ctx.req.headers.authorization ?? '')?.[1].trim() ?? '';
}

/** True (and the 429 body sent) when this key is over the shared discovery budget. */
function overBudget(ctx: RouteContext): boolean {
	if (ctx.state.discoveryLimiter(bearer(ctx)).tryAcquire()) return false;
	kie(ctx.res, 429, CATALOGUE_429_MSG, null);
	return true;
}

function csv(v: string | null): string[] {
	return (v ?? '')
		.split(',')
		.map((s) => s.trim().toLowerCase())
		.filter((s) => s.length > 0);
}

/**
 * KIE does not document the filter semantics; this guess: `taskType` any-of (comma-separated,
 * case-insensitive exact), `provider` case-insensitive exact (comma-separated any-of), `q`
 * case-insensitive substring of model, title, provider or description. All given filters must hold.
 */
export function filterModels(models: CatalogueModel[], query: URLSearchParams): CatalogueModel[] {
	const types = csv(query.get('taskType'));
	const providers = csv(query.get('provider'));
	const q = (query.get('q') ?? '').trim().toLowerCase();
	return models.filter((m) => {
		if (types.length > 0 && !m.taskType.some((t) => types.includes(t.toLowerCase()))) return false;
		if (providers.length > 0 && !providers.includes(m.provider.toLowerCase())) return false;
		if (q && ![m.model, m.title, m.provider, m.description ?? ''].some((s) => s.toLowerCase().includes(q))) return false;
		return true;
	});
}

async function list(ctx: RouteContext): Promise<void> {
	if (overBudget(ctx)) return;
	const models = filterModels(ctx.state.catalogue.list(), ctx.url.searchParams);
	kie(ctx.res, 200, 'success', { total: models.length, models });
}

/** The id between `/api/v1/models/` and `/<suffix>` (percent-decoded, as a client might encode it). */
function idOf(ctx: RouteContext, suffix: string): string {
	const raw = ctx.url.pathname.slice(PREFIX.length, ctx.url.pathname.length - suffix.length - 1);
	try {
		return decodeURIComponent(raw);
	} catch {
		return raw;
	}
}

function perModel(suffix: string, answer: (ctx: RouteContext, id: string) => unknown) {
	return async (ctx: RouteContext): Promise<void> => {
		if (overBudget(ctx)) return;
		const id = idOf(ctx, suffix);
		if (!ctx.state.catalogue.get(id)) return kie(ctx.res, 404, UNKNOWN_MODEL_MSG, null);
		kie(ctx.res, 200, 'success', answer(ctx, id));
	};
}

export function catalogueRoutes(): RouteDef[] {
	const route = (suffix: string, name: string, answer: (ctx: RouteContext, id: string) => unknown): RouteDef => ({
		method: 'GET',
		path: PREFIX,
		prefix: true,
		suffix: `/${suffix}`,
		name,
		auth: 'api',
		handler: perModel(suffix, answer),
	});
	return [
		{ method: 'GET', path: '/api/v1/models', name: 'models', auth: 'api', handler: list },
		route('schema', 'models.schema', (ctx, id) => ({ model: id, openapi: ctx.state.catalogue.schema(id) })),
		route('price', 'models.price', (ctx, id) => ({ model: id, pricingDesc: ctx.state.catalogue.get(id)!.pricingDesc })),
		route('success-rate', 'models.successRate', (ctx, id) => ({
			model: id,
			points: ctx.state.catalogue.successPoints(id),
		})),
	];
}
