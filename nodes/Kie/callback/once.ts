/**
 * At-most-once reservations shared by every webhook call in this n8n process (the KIE Trigger's
 * duplicate check, Wait for Task's resume webhook).
 *
 * Why a module-level map: n8n builds a fresh copy of the workflow's static data for every webhook
 * call and saves it only after webhook() returns, as one blob (last writer wins). Two copies of a
 * callback arriving together both see "not seen yet" there. A check-and-mark in this map has no
 * `await` between the lookup and the mark, so within one process exactly one caller wins.
 * The map does not span processes (queue mode with several webhook processes): see the README's
 * "Callbacks: duplicates and downloads" section.
 */

type State = 'pending' | 'done';

interface Entry {
	state: State;
	atMs: number;
}

const scopes = new Map<string, Map<string, Entry>>();

export interface OnceSettings {
	/** How long a key is remembered (a pending one too, in case its handler never ends). */
	ttlMs: number;
	/** Most keys kept per scope; the oldest go first. */
	maxEntries: number;
}

export interface Reservation {
	/** The call did its work (the workflow starts / resumes): remember the key for `ttlMs`. */
	commit(nowMs: number): void;
	/** The call failed before doing its work: the next copy (KIE's retry) may take the key. */
	release(): void;
}

export type ReserveResult = { taken: true; reservation: Reservation } | { taken: false; state: State };

function prune(entries: Map<string, Entry>, nowMs: number, settings: OnceSettings): void {
	for (const [key, entry] of entries) if (nowMs - entry.atMs > settings.ttlMs) entries.delete(key);
	if (entries.size <= settings.maxEntries) return;
	const oldest = [...entries.entries()].sort((a, b) => a[1].atMs - b[1].atMs);
	for (const [key] of oldest.slice(0, entries.size - settings.maxEntries)) entries.delete(key);
}

/**
 * Takes `key` in `scope` unless another call holds it (pending) or took it within `ttlMs` (done).
 * Synchronous on purpose: callers must not await between deciding to reserve and calling this.
 */
export function reserveOnce(scope: string, key: string, nowMs: number, settings: OnceSettings): ReserveResult {
	let entries = scopes.get(scope);
	if (entries === undefined) {
		entries = new Map();
		scopes.set(scope, entries);
	}
	prune(entries, nowMs, settings);
	const held = entries.get(key);
	if (held !== undefined) return { taken: false, state: held.state };
	const entry: Entry = { state: 'pending', atMs: nowMs };
	entries.set(key, entry);
	const map = entries;
	let settled = false;
	return {
		taken: true,
		reservation: {
			commit(at: number) {
				if (settled) return;
				settled = true;
				entry.state = 'done';
				entry.atMs = at;
			},
			release() {
				if (settled) return;
				settled = true;
				if (map.get(key) === entry) map.delete(key);
			},
		},
	};
}

/** The keys done in `scope` (with when), for merging into persisted memory. */
export function doneKeys(scope: string): Record<string, number> {
	const out: Record<string, number> = {};
	for (const [key, entry] of scopes.get(scope) ?? []) if (entry.state === 'done') out[key] = entry.atMs;
	return out;
}

/** Forgets every reservation, as a restart of n8n does (tests use it to simulate one). */
export function forgetReservations(): void {
	scopes.clear();
}
