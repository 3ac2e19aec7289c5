import { categoryOf } from '../catalogue/category';
import type { ModelCategory } from '../catalogue/model';
import { snapshotModel } from '../catalogue/snapshot';
import { FAMILIES } from '../families/specs';
import type { FamilyId } from '../families/types';
import { familyCategory, TYPICAL_SECONDS } from './deadline';
import { recentDuration } from './durations';

export interface TaskExpectation {
	/** How long the task will probably take. */
	expectedMs: number;
	category: ModelCategory;
}

/**
 * What to expect of a task: the user's estimate, else what this model took recently, else the
 * typical time of what it produces (from KIE's task types in the catalogue snapshot) on the
 * Market, else its API family's.
 */
export function expectationFor(family: FamilyId, model: string | undefined, userSeconds: number): TaskExpectation {
	const entry = model ? snapshotModel(model) : undefined;
	const produced = entry ? categoryOf(entry) : undefined;
	const category = produced ?? familyCategory(family);
	if (userSeconds > 0) return { expectedMs: Math.round(userSeconds * 1000), category };
	const learned = recentDuration(family, model);
	if (learned !== undefined) return { expectedMs: learned, category };
	const typical = family === 'market' && produced ? TYPICAL_SECONDS[produced] : FAMILIES[family].typicalSeconds;
	return { expectedMs: typical * 1000, category };
}
