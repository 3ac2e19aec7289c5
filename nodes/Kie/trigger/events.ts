import type { NormalisedCallback } from '../task/normalise';

/** Which final events start a workflow. */
export type EventFilter = 'final' | 'success' | 'failure';

export type EventDecision = { pass: true } | { pass: false; reason: string };

/**
 * Intermediate stages (Suno `text` / `first`) pass only when asked for, whatever the final-event
 * filter says: they are neither a success nor a failure yet.
 */
export function decideEvent(callback: NormalisedCallback, filter: EventFilter, includeIntermediate: boolean): EventDecision {
	if (!callback.final) {
		return includeIntermediate ? { pass: true } : { pass: false, reason: `intermediate stage "${callback.stage}"` };
	}
	const status = callback.task.status;
	if (filter === 'success' && status !== 'success') return { pass: false, reason: `${status} event (only success events start the workflow)` };
	if (filter === 'failure' && status !== 'failed') return { pass: false, reason: `${status} event (only failure events start the workflow)` };
	return { pass: true };
}
