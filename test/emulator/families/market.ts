/** Market (createTask / recordInfo): shapes from the HAR recordings and docs/kie-api.md §3, §4.3 (a). */
import { one, urls, ok, failed, done, completeMs, marketParam, guessMarketKind } from './helpers';
import type { FamilyDef } from './types';

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
	resultCount: one,
	mediaKind: (_req, _kind, model) => guessMarketKind(model),
	record: (c) => {
		const t = c.task;
		const data: Record<string, unknown> = {
			taskId: t.taskId,
			model: t.model,
			state: c.view.word,
			param: marketParam(t),
			resultJson: ok(c) ? JSON.stringify({ resultUrls: urls(c) }) : '',
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
		const data = {
			...market.record(c),
			consumeCredits: ok(c) ? c.task.creditsCharged : 0,
			remainedCredits: c.credits,
			updateTime: c.view.completeTime,
		};
		return ok(c)
			? { code: 200, msg: 'Playground task completed successfully.', data }
			: { code: 501, msg: 'Playground task failed.', data };
	},
	resultUrls: (c) => urls(c),
};
