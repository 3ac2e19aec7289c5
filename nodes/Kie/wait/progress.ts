import type { NormalisedTask } from '../task/types';

/**
 * The word shown for a task's state: KIE's own word where it is one (`generating`,
 * `text success`), the normalised status where KIE uses a number (`successFlag: 0`).
 */
export function stateWord(task: NormalisedTask): string {
	if (task.final) return task.status;
	const stage = task.stage?.trim();
	if (stage && !/^-?\d+$/.test(stage)) return stage.toLowerCase().replace(/_/g, ' ');
	return task.status;
}

/** `task 3/20 generating (40 %) · <taskId>`: one line per status change in the editor. */
export function progressMessage(position: number, total: number, task: NormalisedTask): string {
	const progress = task.progress !== undefined && !task.final ? ` (${task.progress} %)` : '';
	return `task ${position}/${total} ${stateWord(task)}${progress} · ${task.taskId}`;
}

/** Changes when anything a user would see in the progress line changes. */
export function progressKey(task: NormalisedTask): string {
	return `${task.status}|${task.stage ?? ''}|${task.progress ?? ''}`;
}

export interface WaitTally {
	tasks: number;
	succeeded: number;
	failed: number;
	timedOut: number;
	unknown: number;
	errors: number;
	reads: number;
	waitedMs: number;
}

function duration(ms: number): string {
	const s = Math.round(ms / 1000);
	return s < 90 ? `${s} s` : `${Math.floor(s / 60)} min ${s % 60} s`;
}

/**
 * The summary n8n shows above the node's output once the wait is over (an execution hint): the
 * editor shows nothing of a node while it runs, so this and the output are what users see.
 */
export function waitSummary(t: WaitTally): string {
	const parts = [
		t.succeeded ? `${t.succeeded} succeeded` : '',
		t.failed ? `${t.failed} failed on KIE` : '',
		t.timedOut ? `${t.timedOut} still running at the timeout` : '',
		t.unknown ? `${t.unknown} unknown to KIE` : '',
		t.errors ? `${t.errors} could not be read` : '',
	].filter((part) => part !== '');
	const tasks = t.tasks === 1 ? '1 KIE task' : `${t.tasks} KIE tasks`;
	return `Waited ${duration(t.waitedMs)} for ${tasks}: ${parts.join(', ') || 'no outcome'} (${t.reads} status reads).`;
}

export function tallyOutcome(t: WaitTally, outcome: { kind: string; reads: number; task?: { status: string } }): void {
	t.reads += outcome.reads;
	if (outcome.kind === 'final') {
		if (outcome.task?.status === 'success') t.succeeded += 1;
		else t.failed += 1;
	} else if (outcome.kind === 'timeout') t.timedOut += 1;
	else if (outcome.kind === 'notFound') t.unknown += 1;
	else t.errors += 1;
}
