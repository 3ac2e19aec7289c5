import type { ModelCategory } from '../catalogue/model';
import { FAMILIES } from '../families/specs';
import type { FamilyId } from '../families/types';

/**
 * Default time a node waits for one task, per kind of output. KIE advises investigating a task
 * after 10–15 minutes; video and music queues are regularly slower than that.
 */
export const DEFAULT_TIMEOUT_MINUTES: Record<ModelCategory, number> = {
	image: 10,
	video: 30,
	audio: 20,
	text: 10,
};

/**
 * Typical generation time per kind of output, for Market models (whose family default is one
 * number for everything). Families keep their own `typicalSeconds` (families/specs.ts).
 */
export const TYPICAL_SECONDS: Record<ModelCategory, number> = {
	image: 30,
	video: 150,
	audio: 120,
	text: 30,
};

/** What a non-Market family produces, for tasks whose model is not in the catalogue: its spec says. */
export function familyCategory(family: FamilyId): ModelCategory {
	return FAMILIES[family].category;
}

/**
 * The deadline for one task: the user's value, else the category default, and never less than
 * three times the expected duration (a slow model must not time out while on schedule).
 */
export function timeoutMs(userMinutes: number, category: ModelCategory, expectedMs: number): number {
	if (userMinutes > 0) return Math.round(userMinutes * 60000);
	return Math.max(DEFAULT_TIMEOUT_MINUTES[category] * 60000, 3 * expectedMs);
}
