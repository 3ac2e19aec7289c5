/**
 * The api.kie.ai routes: every family's create and status endpoints (generated from the family
 * table), credits, download-url and the Veo 1080p getter.
 */
import { createRouteName, FAMILIES, recordRouteName, type CreateDef, type FamilyDef } from './apis';
import { isObject, kie } from './respond';
import type { RouteContext, RouteDef } from './routes';
import { MEDIA_PREFIX, TEMPFILE_PREFIX, type EmulatorState } from './state';
import { matchRule } from './tasks';

function rateLimited(ctx: RouteContext): boolean {
	const { state, res } = ctx;
	if (state.limiter.tryAcquire()) return false;
	kie(res, 429, 'Rate limit exceeded', null, state.options.rateLimitStyle === 'body' ? 200 : 429);
	return true;
}

function create(family: FamilyDef, def: CreateDef) {
	return async (ctx: RouteContext): Promise<void> => {
		const { state, res } = ctx;
		if (rateLimited(ctx)) return;
		if (!isObject(ctx.body)) return kie(res, 422, 'The request body is not valid JSON');
		const body = ctx.body;
		if (family.callbackRequired && (typeof body.callBackUrl !== 'string' || body.callBackUrl.trim() === '')) {
			return kie(res, 422, 'Please enter callBackUrl.');
		}
		if (family.id === 'market' && (typeof body.model !== 'string' || body.model.trim() === '')) {
			return kie(res, 422, 'model cannot be empty');
		}
		// A retired id: KIE answers 422 "model not supported" to ids it does not serve (docs/kie-api.md §6).
		if (family.id === 'market' && state.catalogue.isRetired(String(body.model))) {
			return kie(res, 422, 'model not supported');
		}
		if (def.parent) {
			const pid = body[def.parent.field];
			const parent = typeof pid === 'string' ? state.tasks.get(pid) : undefined;
			if (!parent || !def.parent.families.includes(parent.family)) return kie(res, 422, def.parent.unknownMsg);
			if (def.kind === '4k') {
				if (state.tasks.view(parent.taskId).outcome !== 'success') return kie(res, 422, 'record status is not success');
				const index = Number(body.index ?? 0);
				const existing = state.tasks
					.children(parent.taskId, 'veo', '4k')
					.filter((t) => Number(t.request.index ?? 0) === index);
				if (existing.length > 0) {
					return kie(res, 422, '4k is processing. It should be ready in 5-10 minutes. Please check back shortly.');
				}
			}
		}
		const rule = matchRule(state.options.rules, family.id, body);
		const cost = rule?.credits ?? 1;
		if (state.credits - cost < 0) return kie(res, 402, 'Credits insufficient');
		state.adjustCredits(-cost);
		const task = state.tasks.create({
			family,
			kind: def.kind,
			endpoint: def.path,
			request: body,
			rule,
			defaultDurationMs: state.options.defaultDurationMs,
			creditsCharged: cost,
			mediaKind: family.id === 'market' ? state.catalogue.mediaKind(typeof body.model === 'string' ? body.model : null) : undefined,
		});
		kie(res, 200, 'success', family.createData(task.taskId));
	};
}

function record(family: FamilyDef) {
	return async (ctx: RouteContext): Promise<void> => {
		const { state, res } = ctx;
		const id = ctx.url.searchParams.get('taskId') ?? '';
		const task = state.tasks.get(id);
		if (!task || task.family !== family.id) return kie(res, family.unknownRecord.code, family.unknownRecord.msg);
		if (family.id === 'market' && Date.now() - task.createTime < state.options.recordInfoNullMs) {
			return kie(res, 422, 'recordInfo is null');
		}
		kie(res, 200, 'success', family.record(state.tasks.ctx(id)));
	};
}

/** A URL this emulator generated (a task's media or an uploaded file), as a path; null otherwise. */
export function generatedPath(state: EmulatorState, raw: unknown): string | null {
	if (typeof raw !== 'string') return null;
	let u: URL;
	try {
		u = new URL(raw);
	} catch {
		return null;
	}
	const own = new URL(state.url);
	if (u.port !== own.port || !['127.0.0.1', 'localhost', own.hostname].includes(u.hostname)) return null;
	const path = decodeURIComponent(u.pathname);
	if (path.startsWith(MEDIA_PREFIX)) {
		const [taskId, file] = path.slice(MEDIA_PREFIX.length).split('/');
		return taskId && file && state.tasks.get(taskId) && /\.(png|mp4|mp3|wav)$/.test(file) ? u.pathname : null;
	}
	if (path.startsWith(TEMPFILE_PREFIX)) {
		return state.uploadsByPath.has(path.slice(TEMPFILE_PREFIX.length)) ? u.pathname : null;
	}
	return null;
}

async function downloadUrl(ctx: RouteContext): Promise<void> {
	const url = isObject(ctx.body) ? ctx.body.url : undefined;
	const path = generatedPath(ctx.state, url);
	if (!path) return kie(ctx.res, 422, 'url is wrong');
	kie(ctx.res, 200, 'success', ctx.state.signedUrl(path));
}

async function credit(ctx: RouteContext): Promise<void> {
	kie(ctx.res, 200, 'success', ctx.state.credits);
}

/** GET /api/v1/veo/get-1080p-video: "processing" until half the base task's duration after its success. */
async function veo1080p(ctx: RouteContext): Promise<void> {
	const { state, res } = ctx;
	const id = ctx.url.searchParams.get('taskId') ?? '';
	const index = Number(ctx.url.searchParams.get('index') ?? '0') || 0;
	const task = state.tasks.get(id);
	if (!task || task.family !== 'veo') return kie(res, 422, 'record is null');
	const view = state.tasks.view(id);
	if (view.outcome !== 'success') return kie(res, 422, 'record status is not success');
	if (Date.now() < view.completeTime! + task.durationMs / 2) {
		return kie(res, 400, '1080P is processing. It should be ready in 1-2 minutes. Please check back shortly.');
	}
	kie(res, 200, 'success', { resultUrl: `${state.url}${MEDIA_PREFIX}${id}/1080p-${index}.mp4` });
}

export function apiRoutes(): RouteDef[] {
	const routes: RouteDef[] = [];
	for (const family of FAMILIES) {
		for (const def of family.creates) {
			routes.push({
				method: 'POST',
				path: def.path,
				name: createRouteName(family),
				auth: 'api',
				handler: create(family, def),
			});
		}
		routes.push({
			method: 'GET',
			path: family.recordPath,
			name: recordRouteName(family),
			auth: 'api',
			handler: record(family),
		});
	}
	routes.push(
		{ method: 'GET', path: '/api/v1/chat/credit', name: 'credit', auth: 'api', handler: credit },
		{ method: 'POST', path: '/api/v1/common/download-url', name: 'downloadUrl', auth: 'api', handler: downloadUrl },
		{
			method: 'POST',
			path: '/api/v1/gpt4o-image/download-url',
			name: 'gpt4o.downloadUrl',
			auth: 'api',
			handler: downloadUrl,
		},
		{ method: 'GET', path: '/api/v1/veo/get-1080p-video', name: 'veo.1080p', auth: 'api', handler: veo1080p },
	);
	return routes;
}
