/**
 * The emulated KIE task APIs as data, one file per family (named after its FamilyId, like the node's
 * spec in nodes/Kie/families/): create endpoints, status vocabulary per phase, the record (status
 * endpoint `data`) and the callback body. Shapes follow docs/kie-api.md §3–§5 and the HAR
 * recordings. One generic engine (tasks.ts + api.ts) interprets this table;
 * test/emulator/apis.test.ts checks each entry against the node's spec.
 */
import type { FamilyId } from '../types';
import { aleph } from './aleph';
import { fluxKontext } from './fluxKontext';
import { gpt4o } from './gpt4o';
import { luma } from './luma';
import { market } from './market';
import { midjourney } from './midjourney';
import { runway } from './runway';
import { suno } from './suno';
import { sunoCover } from './sunoCover';
import { sunoLyrics } from './sunoLyrics';
import { sunoMidi } from './sunoMidi';
import { sunoMp4 } from './sunoMp4';
import { sunoVocal } from './sunoVocal';
import { sunoWav } from './sunoWav';
import { veo } from './veo';
import type { FamilyDef } from './types';

export * from './types';
export { dateTime, guessMarketKind, mediaUrl } from './helpers';

/** Keyed by FamilyId: a family in nodes/Kie/families/types.ts without its entry here fails the typecheck (and apis.test.ts). */
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
