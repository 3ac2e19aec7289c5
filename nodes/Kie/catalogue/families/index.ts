import type { CatalogueEntry } from '../types';
import { IMAGE_FAMILIES } from './images';
import { LUMA } from './luma';
import { RUNWAY } from './runway';
import { SUNO } from './suno';
import { VEO } from './veo';

/** Every family endpoint (non-Market API): body `{ ...input, callBackUrl }`. */
export const FAMILY_ENTRIES: readonly CatalogueEntry[] = [
	...VEO,
	...RUNWAY,
	...LUMA,
	...IMAGE_FAMILIES,
	...SUNO,
];
