import { FAMILY_ENTRIES } from './families';
import { MARKET_ENTRIES } from './market';
import type { CatalogueEntry } from './types';

export type { CatalogueEntry, ModelCategory } from './types';
export { describeInput } from './describe';
export type { FieldDescription } from './describe';
export { formatIssues, validateInput } from './validate';
export type { InputIssue, ValidationResult } from './validate';

/** Every model and family endpoint the node knows: Market models first, then family endpoints. */
export const CATALOGUE: readonly CatalogueEntry[] = [...MARKET_ENTRIES, ...FAMILY_ENTRIES];

const BY_ID = new Map<string, CatalogueEntry>(CATALOGUE.map((entry) => [entry.id, entry]));

/** The entry with exactly this id (KIE model id for Market models, our id for family endpoints). */
export function findModel(id: string): CatalogueEntry | undefined {
	return BY_ID.get(id);
}

/**
 * Entries whose id, name or category contains `filter` (case-insensitive); all entries when
 * the filter is empty.
 */
export function listModels(filter?: string): CatalogueEntry[] {
	const needle = (filter ?? '').trim().toLowerCase();
	if (!needle) return CATALOGUE.slice();
	return CATALOGUE.filter(
		(entry) =>
			entry.id.toLowerCase().includes(needle) ||
			entry.name.toLowerCase().includes(needle) ||
			entry.category.toLowerCase().includes(needle),
	);
}
