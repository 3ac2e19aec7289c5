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
