/** Market (createTask / recordInfo): shapes from the HAR recordings and docs/kie-api.md §3, §4.3 (a). */
import { urls, ok, failed, done, completeMs, marketParam, guessMarketKind } from './helpers';
import { sunoMarketKind, sunoMarketResult } from './suno-market';
import type { Ctx, FamilyDef } from './types';

/** The parsed result (`response`; `resultJson` is its JSON text) of a successful task, else null. */
function result(c: Ctx): Record<string, unknown> | null {
	if (!ok(c)) return null;
	return sunoMarketKind(c.task.model) ? sunoMarketResult(c) : { resultUrls: urls(c) };
}

/** recordInfo `successFlag` (kie-models skill): 0 while running, 1 success, 3 fail. */
const successFlag = (c: Ctx): number => (ok(c) ? 1 : failed(c) ? 3 : 0);

/** Credits the task cost once it ended (a failed task is refunded: 0); null while running. */
const creditsConsumed = (c: Ctx): number | null => (ok(c) ? c.task.creditsCharged : failed(c) ? 0 : null);

// ---------- Market ----------

export const market: FamilyDef = {
	id: 'market',
	creates: [{ path: '/api/v1/jobs/createTask', kind: 'createTask' }],
	recordPath: '/api/v1/jobs/recordInfo',
	callbackRequired: false,
	idStyle: 'hex',
	createData: (taskId) => ({ taskId, recordId: taskId }),
	unknownRecord: { code: 422, msg: 'recordInfo is null' },
	phases: [
		{ at: 0, word: 'waiting' },
		{ at: 0.2, word: 'queuing' },
		{ at: 0.4, word: 'generating' },
	],
	successWord: 'success',
	failWord: 'fail',
	resultCount: (req) => (sunoMarketKind(typeof req.model === 'string' ? req.model : null) === 'tracks' ? 2 : 1),
	mediaKind: (_req, _kind, model) => guessMarketKind(model),
	record: (c) => {
		const t = c.task;
		const response = result(c);
		const data: Record<string, unknown> = {
			taskId: t.taskId,
			model: t.model,
			state: c.view.word,
			successFlag: successFlag(c),
			param: marketParam(t),
			resultJson: response ? JSON.stringify(response) : '',
			response,
			creditsConsumed: creditsConsumed(c),
			failCode: failed(c) ? t.fail!.code : null,
			failMsg: failed(c) ? t.fail!.msg : null,
			costTime: done(c) ? Math.round((c.view.completeTime! - t.createTime) / 1000) : null,
			completeTime: completeMs(c),
			createTime: t.createTime,
		};
		if (t.progress) data.progress = ok(c) ? 100 : Math.min(99, Math.floor(c.view.fraction * 100));
		return data;
	},
	callback: (c) => {
		const { response: _response, successFlag: _flag, ...record } = market.record(c);
		const data = {
			...record,
			consumeCredits: ok(c) ? c.task.creditsCharged : 0,
			remainedCredits: c.credits,
			updateTime: c.view.completeTime,
		};
		return ok(c)
			? { code: 200, msg: 'Playground task completed successfully.', data }
			: { code: 501, msg: 'Playground task failed.', data };
	},
	resultUrls: (c) => {
		const r = result(c);
		if (!r) return [];
		if (Array.isArray(r.resultUrls)) return r.resultUrls as string[];
		return Array.isArray(r.data) ? (r.data as Array<{ audio_url: string }>).map((d) => d.audio_url) : [];
	},
};
