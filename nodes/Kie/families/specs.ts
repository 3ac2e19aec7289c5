/**
 * The registry of KIE task APIs (docs/kie-api.md §3, §4.3, §5): one spec file per family in this
 * folder, listed here. Typed by FamilyId, so a family named in types.ts without its spec here (or
 * the other way round) fails the typecheck; test/families/specs.test.ts checks each spec is whole.
 */
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
import type { FamilyId, FamilySpec } from './types';

/** In the order the editor lists them (trigger "API" options, tool descriptions). */
export const FAMILIES: Record<FamilyId, FamilySpec> = {
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

export const FAMILY_IDS = Object.keys(FAMILIES) as FamilyId[];

export function isFamilyId(value: unknown): value is FamilyId {
	return typeof value === 'string' && Object.prototype.hasOwnProperty.call(FAMILIES, value);
}

/** The family whose create endpoint is `path`, if any. */
export function familyOfCreatePath(path: string): FamilyId | undefined {
	return FAMILY_IDS.find((id) => FAMILIES[id].endpoints.some((endpoint) => endpoint.path === path));
}

/** A family endpoint named by its id (`suno/generate`), for models KIE's catalogue does not list. */
export function familyEndpoint(id: string): { family: FamilyId; path: string; method: 'GET' | 'POST' } | undefined {
	for (const family of FAMILY_IDS) {
		if (family === 'market') continue;
		const endpoint = FAMILIES[family].endpoints.find((candidate) => candidate.id === id);
		if (endpoint) return { family, path: endpoint.path, method: endpoint.method ?? 'POST' };
	}
	return undefined;
}

export function familySpec(id: FamilyId): FamilySpec {
	return FAMILIES[id];
}
