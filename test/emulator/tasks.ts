/**
 * Task lifecycle: a task walks through its family's phases over `durationMs`, then ends in the
 * family's success or failure word. Phase callbacks (Suno 'text'/'first') and the final callback
 * are fired by timers at those moments; `finish` forces completion now.
 */
import { randomBytes, randomUUID } from 'crypto';
import { FAMILY_BY_ID, type Ctx, type FamilyDef, type TaskData, type TaskView } from './apis';
import type { EmulatedTask, FamilyId, MediaKind, TaskRule } from './types';

interface InternalTask {
	data: TaskData;
	doneAt: number | null;
	timers: NodeJS.Timeout[];
	stagesSent: string[];
	/** The final callback could not be delivered (Luma reports successFlag 4). */
	callbackFailed: boolean;
}

export interface TaskEnv {
	base: () => string;
	credits: () => number;
	refund: (n: number) => void;
	/** Resolves to whether the callback was delivered (2xx within 3 tries). */
	sendCallback: (task: TaskData, stage: string, body: unknown) => Promise<boolean>;
}

export interface NewTask {
	family: FamilyDef;
	kind: string;
	endpoint: string;
	request: Record<string, unknown>;
	rule: TaskRule | undefined;
	defaultDurationMs: number;
	creditsCharged: number;
	/** What the model returns, when the catalogue knows (from its task types); a rule's mediaKind wins. */
	mediaKind?: MediaKind;
}

export function newTaskId(style: 'hex' | 'uuid'): string {
	return style === 'uuid' ? randomUUID() : randomBytes(16).toString('hex');
}

export function modelOf(request: Record<string, unknown>): string | null {
	return typeof request.model === 'string' ? request.model : null;
}

export function promptOfRequest(request: Record<string, unknown>): string {
	const input = request.input as Record<string, unknown> | undefined;
	const p = request.prompt ?? (input && typeof input === 'object' ? input.prompt : undefined);
	return typeof p === 'string' ? p : '';
}

/** First rule whose conditions all hold. */
export function matchRule(
	rules: TaskRule[] | undefined,
	family: FamilyId,
	request: Record<string, unknown>,
): TaskRule | undefined {
	return (rules ?? []).find((r) => {
		const m = r.match ?? {};
		if (m.family !== undefined && m.family !== family) return false;
		if (m.model !== undefined && m.model !== modelOf(request)) return false;
		if (m.promptIncludes !== undefined && !promptOfRequest(request).includes(m.promptIncludes)) return false;
		return true;
	});
}

export class TaskStore {
	private tasks = new Map<string, InternalTask>();

	constructor(private readonly env: TaskEnv) {}

	create(n: NewTask): TaskData {
		const { family, request, rule } = n;
		const model = modelOf(request);
		const taskId = newTaskId(family.idStyle);
		const resultCount = rule?.resultCount ?? family.resultCount(request, n.kind);
		const data: TaskData = {
			taskId,
			family: family.id,
			kind: n.kind,
			endpoint: n.endpoint,
			model,
			request,
			callBackUrl: typeof request.callBackUrl === 'string' && request.callBackUrl ? request.callBackUrl : null,
			parentTaskId: family.id !== 'market' && typeof request.taskId === 'string' ? request.taskId : null,
			createTime: Date.now(),
			durationMs: Math.max(0, rule?.durationMs ?? n.defaultDurationMs),
			fail: rule?.fail ? { ...rule.fail } : null,
			resultCount,
			progress: rule?.progress ?? false,
			mediaKind: rule?.mediaKind ?? n.mediaKind ?? family.mediaKind(request, n.kind, model),
			creditsCharged: n.creditsCharged,
			ids: Array.from({ length: Math.max(resultCount, 2) }, () => randomUUID()),
		};
		const t: InternalTask = { data, doneAt: null, timers: [], stagesSent: [], callbackFailed: false };
		this.tasks.set(taskId, t);
		if (!data.fail) {
			for (const p of family.phases) {
				if (!p.stage) continue;
				const stage = p.stage;
				this.schedule(t, p.at * data.durationMs, () => this.sendStage(t, stage));
			}
		}
		this.schedule(t, data.durationMs, () => this.complete(t, data.createTime + data.durationMs));
		return data;
	}

	get(taskId: string): TaskData | undefined {
		return this.tasks.get(taskId)?.data;
	}

	/** Tasks of the given families created from `parentTaskId`, e.g. an existing Veo 4K upgrade. */
	children(parentTaskId: string, family: FamilyId, kind: string): TaskData[] {
		return [...this.tasks.values()]
			.map((t) => t.data)
			.filter((d) => d.parentTaskId === parentTaskId && d.family === family && d.kind === kind);
	}

	view(taskId: string, now = Date.now()): TaskView {
		const t = this.tasks.get(taskId)!;
		const d = t.data;
		const family = FAMILY_BY_ID.get(d.family)!;
		const end = t.doneAt ?? (now - d.createTime >= d.durationMs ? d.createTime + d.durationMs : null);
		if (end !== null) {
			return d.fail
				? { word: family.failWord, outcome: 'fail', fraction: 1, completeTime: end, phase: -1 }
				: {
						word:
							t.callbackFailed && family.callbackFailedWord !== undefined
								? family.callbackFailedWord
								: family.successWord,
						outcome: 'success',
						fraction: 1,
						completeTime: end,
						phase: -1,
					};
		}
		const fraction = d.durationMs > 0 ? (now - d.createTime) / d.durationMs : 1;
		const phases = family.phases.filter((p) => !(d.fail && p.stage));
		let idx = 0;
		phases.forEach((p, i) => {
			if (p.at <= fraction) idx = i;
		});
		return {
			word: phases[idx].word,
			outcome: idx === 0 ? 'pending' : 'running',
			fraction,
			completeTime: null,
			phase: idx,
		};
	}

	ctx(taskId: string, now = Date.now()): Ctx {
		return {
			task: this.tasks.get(taskId)!.data,
			view: this.view(taskId, now),
			base: this.env.base(),
			credits: this.env.credits(),
		};
	}

	snapshot(taskId: string): EmulatedTask | undefined {
		const t = this.tasks.get(taskId);
		if (!t) return undefined;
		const { ids: _ids, ...d } = t.data;
		const c = this.ctx(taskId);
		const family = FAMILY_BY_ID.get(d.family)!;
		return {
			...d,
			request: JSON.parse(JSON.stringify(d.request)) as Record<string, unknown>,
			fail: d.fail ? { ...d.fail } : null,
			status: c.view.word,
			outcome: c.view.outcome,
			completeTime: c.view.completeTime,
			resultUrls: c.view.outcome === 'success' ? family.resultUrls(c) : [],
			callbackStagesSent: [...t.stagesSent],
		};
	}

	all(): EmulatedTask[] {
		return [...this.tasks.keys()].map((id) => this.snapshot(id)!);
	}

	/**
	 * Force completion now. No outcome: the task's own (rule) outcome; `{}`: success;
	 * `{fail}`: that failure.
	 */
	finish(taskId: string, outcome?: { fail?: { code: string; msg: string } }): void {
		const t = this.tasks.get(taskId);
		if (!t) throw new Error(`KIE emulator: unknown task ${taskId}`);
		if (t.doneAt !== null) return;
		if (outcome) t.data.fail = outcome.fail ? { ...outcome.fail } : null;
		this.complete(t, Date.now());
	}

	/**
	 * Moves a running task to `fraction` of its duration now, sending the stage callbacks it has
	 * reached; 1 or more finishes it. Tests drive phases by events with it, not by the clock.
	 */
	advance(taskId: string, fraction: number): void {
		const t = this.tasks.get(taskId);
		if (!t) throw new Error(`KIE emulator: unknown task ${taskId}`);
		if (t.doneAt !== null) return;
		if (fraction >= 1) return this.finish(taskId);
		t.data.createTime = Date.now() - fraction * t.data.durationMs;
		if (t.data.fail) return;
		for (const p of FAMILY_BY_ID.get(t.data.family)!.phases) if (p.stage && p.at <= fraction) this.sendStage(t, p.stage);
	}

	reset(): void {
		for (const t of this.tasks.values()) for (const timer of t.timers) clearTimeout(timer);
		this.tasks.clear();
	}

	private schedule(t: InternalTask, ms: number, fn: () => void): void {
		const timer = setTimeout(fn, ms);
		timer.unref();
		t.timers.push(timer);
	}

	private sendStage(t: InternalTask, stage: string): void {
		if (t.doneAt !== null || t.stagesSent.includes(stage)) return;
		t.stagesSent.push(stage);
		if (!t.data.callBackUrl) return;
		const family = FAMILY_BY_ID.get(t.data.family)!;
		void this.env.sendCallback(t.data, stage, family.callback(this.ctx(t.data.taskId), stage));
	}

	private complete(t: InternalTask, at: number): void {
		if (t.doneAt !== null) return;
		for (const timer of t.timers) clearTimeout(timer);
		t.timers = [];
		const family = FAMILY_BY_ID.get(t.data.family)!;
		if (!t.data.fail) {
			// Stages not reached yet (forced completion) are still sent, in order.
			for (const p of family.phases) if (p.stage) this.sendStage(t, p.stage);
		} else {
			this.env.refund(t.data.creditsCharged);
		}
		t.doneAt = at;
		const stage = t.data.fail ? 'error' : 'complete';
		t.stagesSent.push(stage);
		if (!t.data.callBackUrl) return;
		void this.env.sendCallback(t.data, stage, family.callback(this.ctx(t.data.taskId), stage)).then((delivered) => {
			if (!delivered && !t.data.fail) t.callbackFailed = true;
		});
	}
}
