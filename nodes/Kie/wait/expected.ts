import { findModel } from '../catalogue';
import type { ModelCategory } from '../catalogue/types';
import { FAMILIES } from '../families/specs';
import type { FamilyId } from '../families/types';
import { familyCategory } from './deadline';
import { recentDuration } from './durations';

export interface TaskExpectation {
	/** How long the task will probably take. */
	expectedMs: number;
	category: ModelCategory;
}

/**
 * What to expect of a task: the user's estimate, else what this model took recently, else the
 * catalogue's typical time, else its API family's.
 */
export function expectationFor(family: FamilyId, model: string | undefined, userSeconds: number): TaskExpectation {
	const entry = model ? findModel(model) : undefined;
	const category = entry?.category ?? familyCategory(family);
	if (userSeconds > 0) return { expectedMs: Math.round(userSeconds * 1000), category };
	const learned = recentDuration(family, model);
	if (learned !== undefined) return { expectedMs: learned, category };
	const typical = entry?.typicalSeconds ?? FAMILIES[family].typicalSeconds;
	return { expectedMs: typical * 1000, category };
}
