/**
 * The KIE task families as data: create endpoints, status vocabulary per phase, the record
 * (status endpoint `data`) and the callback body. Shapes follow docs/kie-api.md §3–§5
 * and the HAR recordings. One generic engine (tasks.ts + api.ts) interprets this table.
 */
import type { FamilyId } from '../types';
import { fluxKontext, gpt4o, midjourney } from './image';
import { market } from './market';
import { suno, sunoLyrics } from './suno';
import { sunoCover, sunoMidi, sunoMp4, sunoVocal, sunoWav } from './suno-derived';
import type { FamilyDef } from './types';
import { aleph, luma, runway, veo } from './video';

export * from './types';
export { dateTime, guessMarketKind, mediaUrl } from './helpers';

/** Keyed by FamilyId: adding a family to nodes/Kie/families/types.ts without one here fails the typecheck. */
const BY_ID: Record<FamilyId, FamilyDef> = {
	market,
	veo,
	runway,
	aleph,
	gpt4o,
	fluxKontext,
	midjourney,
	luma,
	suno,
	sunoLyrics,
	sunoWav,
	sunoVocal,
	sunoMp4,
	sunoMidi,
	sunoCover,
};

export const FAMILIES: FamilyDef[] = Object.values(BY_ID);

export const FAMILY_BY_ID = new Map<FamilyId, FamilyDef>(FAMILIES.map((f) => [f.id, f]));

/** Route name of a family endpoint: Market keeps KIE's names, the others are '<family>.create' / '<family>.record'. */
export function createRouteName(f: FamilyDef): string {
	return f.id === 'market' ? 'createTask' : `${f.id}.create`;
}

export function recordRouteName(f: FamilyDef): string {
	return f.id === 'market' ? 'recordInfo' : `${f.id}.record`;
}
