import type { FamilyId } from '../families/types';
import type { NormalisedTask } from '../task/types';
import { epochMs, rememberDuration } from './durations';
import { progressKey } from './progress';
import { firstReadDelay, notVisibleDelay, pollDelay, type ScheduleSettings } from './schedule';

export interface PollTarget {
	/** 1-based position in the batch, for progress lines. */
	position: number;
	itemIndex: number;
	taskId: string;
	family: FamilyId;
	model?: string;
	/** Created by this node a moment ago: nothing to see before the schedule's first step. */
	fresh?: boolean;
}

export interface TargetPlan {
	schedule: ScheduleSettings;
	/** Longest wait, from the start of the wait. */
	timeoutMs: number;
	/** How long KIE may show nothing for the task before it counts as unknown. */
	graceMs: number;
}

export type PollOutcome =
	| { kind: 'final'; task: NormalisedTask; reads: number }
	| { kind: 'timeout'; last?: NormalisedTask; waitedMs: number; reads: number }
	| { kind: 'notFound'; waitedMs: number; reads: number }
	| { kind: 'error'; error: Error; last?: NormalisedTask; reads: number };

export interface PollerDeps {
	now(): number;
	read(target: PollTarget): Promise<NormalisedTask | undefined>;
	/**
	 * Resolves when the global cap on status reads allows one more, with a function to call
	 * once the read was answered; rejects when cancelled.
	 */
	acquire(): Promise<(() => void) | void>;
	/** Waits `ms`, returning early when `wake` aborts; rejects when the execution is cancelled. */
	sleep(ms: number, wake: AbortSignal): Promise<void>;
	/** The plan of a target; asked again once the first record names the model. */
	plan(target: PollTarget, task?: NormalisedTask): TargetPlan;
	/** A task's visible state changed. */
	onProgress?(target: PollTarget, task: NormalisedTask): void;
	/** Called once per target as soon as its outcome is known; a rejection stops the whole wait. */
	onOutcome(target: PollTarget, outcome: PollOutcome): Promise<void>;
}

interface TargetState {
	target: PollTarget;
	plan: TargetPlan;
	startAt: number;
	/** Best knowledge of when KIE created the task: the schedule runs on the task's age. */
	createdAt: number;
	createdAtKnown: boolean;
	nextAt: number;
	/** The grace period for a task KIE does not show yet runs from the first read. */
	firstReadAt?: number;
	reads: number;
	seen: boolean;
	last?: NormalisedTask;
	lastKey?: string;
	inFlight: boolean;
	done: boolean;
}

/** Nothing to read and everything in flight: sleep until a read ends (it wakes the loop). */
const IDLE_SLEEP_MS = 60000;
const MAX_TASK_AGE_MS = 30 * 24 * 3600 * 1000;

/**
 * Waits for many tasks in one loop. Each task reads on its own schedule; every read passes one
 * shared cap, most overdue first; reads run concurrently and never block the loop, so a slow or
 * retrying read delays only its own task. Outcomes are handed over as they happen, so the
 * results of early tasks are downloaded while later ones still run.
 */
export async function pollTogether(targets: PollTarget[], deps: PollerDeps): Promise<void> {
	const startAt = deps.now();
	const states: TargetState[] = targets.map((target) => {
		const plan = deps.plan(target);
		return {
			target,
			plan,
			startAt,
			createdAt: startAt,
			createdAtKnown: target.fresh === true,
			nextAt: startAt + (target.fresh ? firstReadDelay(plan.schedule) : 0),
			reads: 0,
			seen: false,
			inFlight: false,
			done: false,
		};
	});
	let failure: Error | undefined;
	// Reads still in flight when the wait ends (cancel, first failure) must not start downloads.
	let stopped = false;
	let wake: AbortController | undefined;
	const poke = () => wake?.abort();
	const settling: Array<Promise<void>> = [];

	const finish = (state: TargetState, outcome: PollOutcome) => {
		if (stopped) return;
		state.done = true;
		settling.push(
			deps.onOutcome(state.target, outcome).catch((error: Error) => {
				failure = failure ?? error;
				poke();
			}),
		);
	};

	const learn = (state: TargetState, task: NormalisedTask, now: number) => {
		const created = epochMs(task.createTime);
		const completed = epochMs(task.completeTime);
		if (created !== undefined && completed !== undefined && completed > created) {
			rememberDuration(task.api, state.target.model ?? task.model, completed - created);
		} else if (state.createdAtKnown) {
			rememberDuration(task.api, state.target.model ?? task.model, now - state.createdAt);
		}
	};

	const onRead = (state: TargetState, task: NormalisedTask | undefined) => {
		const now = deps.now();
		const waited = now - state.startAt;
		if (task === undefined) {
			const firstReadAt = state.firstReadAt ?? state.startAt;
			const graceEnd = firstReadAt + state.plan.graceMs;
			if (!state.seen && now >= graceEnd) {
				finish(state, { kind: 'notFound', waitedMs: now - firstReadAt, reads: state.reads });
				return;
			}
			if (waited >= state.plan.timeoutMs) {
				finish(state, { kind: 'timeout', last: state.last, waitedMs: waited, reads: state.reads });
				return;
			}
			const next = now + notVisibleDelay(state.plan.schedule, now - state.createdAt);
			state.nextAt = state.seen ? next : Math.min(next, graceEnd);
			return;
		}
		if (!state.seen) {
			state.seen = true;
			const created = epochMs(task.createTime);
			if (created !== undefined && created <= now && now - created < MAX_TASK_AGE_MS) {
				state.createdAt = created;
				state.createdAtKnown = true;
			}
			if (state.target.model === undefined && task.model !== undefined) state.plan = deps.plan(state.target, task);
		}
		state.last = task;
		const key = progressKey(task);
		if (key !== state.lastKey) {
			state.lastKey = key;
			deps.onProgress?.(state.target, task);
		}
		if (task.final) {
			if (task.status === 'success') learn(state, task, now);
			finish(state, { kind: 'final', task, reads: state.reads });
			return;
		}
		if (waited >= state.plan.timeoutMs) {
			finish(state, { kind: 'timeout', last: task, waitedMs: waited, reads: state.reads });
			return;
		}
		// One last look exactly at the deadline rather than giving up between two reads.
		state.nextAt = Math.min(now + pollDelay(state.plan.schedule, now - state.createdAt), state.startAt + state.plan.timeoutMs);
	};

	const launch = (state: TargetState, answered: (() => void) | void) => {
		state.inFlight = true;
		state.firstReadAt = state.firstReadAt ?? deps.now();
		state.reads += 1;
		deps
			.read(state.target)
			.finally(() => answered?.())
			.then(
				(task) => onRead(state, task),
				(error: Error) => finish(state, { kind: 'error', error, last: state.last, reads: state.reads }),
			)
			.catch((error: Error) => {
				failure = failure ?? error;
			})
			.finally(() => {
				state.inFlight = false;
				poke();
			});
	};

	const loop = async (): Promise<void> => {
		while (failure === undefined) {
			const open = states.filter((state) => !state.done);
			if (open.length === 0) break;
			const now = deps.now();
			const idle = open.filter((state) => !state.inFlight);
			const due = idle.filter((state) => state.nextAt <= now).sort((a, b) => a.nextAt - b.nextAt);
			if (due.length > 0) {
				const answered = await deps.acquire();
				if (failure === undefined && !due[0].done && !due[0].inFlight) launch(due[0], answered);
				continue;
			}
			const nextAt = idle.reduce((min, state) => Math.min(min, state.nextAt), Infinity);
			wake = new AbortController();
			await deps.sleep(nextAt === Infinity ? IDLE_SLEEP_MS : Math.max(0, nextAt - now), wake.signal);
			wake = undefined;
		}
	};

	try {
		await loop();
	} finally {
		stopped = true;
	}
	if (failure === undefined) await Promise.all(settling);
	if (failure !== undefined) throw failure;
}
