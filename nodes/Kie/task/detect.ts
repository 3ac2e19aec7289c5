import { FAMILIES, FAMILY_IDS, isFamilyId } from '../families/specs';
import type { BodyTest, CallbackShape, FamilyId } from '../families/types';

/**
 * How a callback's API family was chosen:
 * - `query`: the `?api=` parameter of the callback URL (set by the user when creating the task);
 * - `parameter`: the trigger's "API" setting;
 * - `detected`: one family's documented callback shape matched;
 * - `guessed`: the body fits several families (typically a failure body that only carries a task
 *   id); `family` is the most likely one and `candidates` lists the others, most likely first.
 */
export type FamilySource = 'query' | 'parameter' | 'detected' | 'guessed';

export interface FamilyDetection {
	family: FamilyId;
	source: FamilySource;
	/** Every family the body could belong to, `family` first. One entry unless `source` is `guessed`. */
	candidates: FamilyId[];
	/** Which shape feature decided, for the output and for debugging. */
	reason: string;
}

type Json = Record<string, unknown>;

function asObject(value: unknown): Json | undefined {
	return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined;
}

function has(record: Json | undefined, ...keys: string[]): boolean {
	return record !== undefined && keys.some((key) => Object.prototype.hasOwnProperty.call(record, key));
}

function present(value: unknown): boolean {
	return value !== undefined && value !== null && value !== '';
}

/** The value at a dot path ('' = `root`); a step through a non-object reads as undefined. */
function at(root: unknown, path: string): unknown {
	if (path === '') return root;
	let value = root;
	for (const key of path.split('.')) {
		const object = asObject(value);
		if (object === undefined || !has(object, key)) return undefined;
		value = object[key];
	}
	return value;
}

/** JSON text (sometimes already an object, e.g. `promptJson`) → object; anything unreadable is `{}`, no hint. */
function jsonObject(raw: unknown): Json {
	if (typeof raw === 'string') {
		try {
			return asObject(JSON.parse(raw)) ?? {};
		} catch {
			return {};
		}
	}
	return asObject(raw) ?? {};
}

function urlsOf(value: unknown): string[] {
	if (typeof value === 'string') return [value];
	if (Array.isArray(value)) return value.flatMap((entry) => urlsOf(asObject(entry)?.resultUrl ?? entry));
	return [];
}

/** One BodyTest of a family spec (families/types.ts) on `root`. */
function passes(root: unknown, test: BodyTest): boolean {
	if ('has' in test) return has(asObject(at(root, test.at)), ...test.has);
	if ('lacks' in test) return !has(asObject(at(root, test.at)), ...test.lacks);
	if ('present' in test) {
		const object = asObject(at(root, test.at));
		return object !== undefined && test.present.some((key) => present(object[key]));
	}
	if ('string' in test) {
		const value = at(root, test.string);
		return typeof value === 'string' && value.startsWith(test.prefix ?? '');
	}
	if ('isNull' in test) return at(root, test.isNull) === null;
	if ('items' in test) {
		const list = at(root, test.items);
		return Array.isArray(list) && list.length > 0 && list.every((entry) => test.every.every((inner) => passes(entry, inner)));
	}
	if ('nonEmptyArray' in test) {
		const list = at(root, test.nonEmptyArray);
		return Array.isArray(list) && list.length > 0;
	}
	if ('urls' in test) {
		const urls = urlsOf(at(root, test.urls));
		return urls.length > 0 && (test.match === undefined || urls.every((url) => test.match!.test(url)));
	}
	if ('any' in test) return test.any.some((inner) => passes(root, inner));
	const decoded = jsonObject(at(root, test.json));
	return test.tests.every((inner) => passes(decoded, inner));
}

interface OrderedShape extends CallbackShape {
	family: FamilyId;
}

/** Every family's callback shapes in the one order they are tried. */
const ORDERED: OrderedShape[] = FAMILY_IDS.flatMap((family) => FAMILIES[family].detect.shapes.map((shape) => ({ ...shape, family }))).sort(
	(a, b) => a.order - b.order,
);

/** Families whose failure body may carry nothing but a task id, most likely first. */
const BARE_FAILURE: FamilyId[] = FAMILY_IDS.filter((family) => FAMILIES[family].detect.bareFailureRank !== undefined).sort(
	(a, b) => FAMILIES[a].detect.bareFailureRank! - FAMILIES[b].detect.bareFailureRank!,
);

/** Which callback shape of which family `body` fits first, or undefined (then only the bare-failure guess is left). */
export function matchingShape(body: unknown): OrderedShape | undefined {
	return ORDERED.find((shape) => shape.tests.every((test) => passes(body, test)));
}

/**
 * Tells which KIE API family sent a callback body (the body never names its family) from the
 * callback shapes in the family specs (`detect` in families/<family>.ts, documented in
 * docs/kie-api.md §4.3), tried in their one order. Returns undefined only when the body is not an
 * object.
 */
export function detectFamily(body: unknown): FamilyDetection | undefined {
	if (asObject(body) === undefined) return undefined;
	const shape = matchingShape(body);
	if (shape === undefined) {
		const candidates = BARE_FAILURE;
		return { family: candidates[0], source: 'guessed', candidates: [...candidates], reason: 'no family-specific field' };
	}
	if (shape.alsoFits === undefined || shape.alsoFits.length === 0) {
		return { family: shape.family, source: 'detected', candidates: [shape.family], reason: shape.reason };
	}
	return { family: shape.family, source: 'guessed', candidates: [shape.family, ...shape.alsoFits], reason: shape.reason };
}

/** A `?api=` value (any case) → FamilyId, or undefined when it names no family. */
export function familyFromQuery(value: unknown): FamilyId | undefined {
	if (typeof value !== 'string' || value.trim() === '') return undefined;
	const wanted = value.trim().toLowerCase();
	return FAMILY_IDS.find((id) => id.toLowerCase() === wanted);
}

export interface ChooseFamilyInput {
	body: unknown;
	/** Raw `?api=` query value. */
	query?: unknown;
	/** The trigger's "API" setting: `auto` or a FamilyId. */
	parameter?: string;
}

export interface FamilyChoice extends FamilyDetection {
	/** Set when `?api=` was given but names no family (it is then ignored). */
	warning?: string;
}

/**
 * Precedence: `?api=` on the callback URL (set per task, the most specific) → the node's API
 * setting → shape detection. An unknown `?api=` value is ignored with a warning rather than
 * rejected: KIE would only retry and then drop the callback, and nobody would see why.
 */
export function chooseFamily({ body, query, parameter }: ChooseFamilyInput): FamilyChoice | undefined {
	const fromQuery = familyFromQuery(query);
	if (fromQuery !== undefined) return { family: fromQuery, source: 'query', candidates: [fromQuery], reason: '?api= on the callback URL' };
	const warning =
		typeof query === 'string' && query.trim() !== '' ? `The callback URL's ?api=${query} names no KIE API; it was ignored.` : undefined;
	if (parameter !== undefined && parameter !== 'auto' && isFamilyId(parameter)) {
		return { family: parameter, source: 'parameter', candidates: [parameter], reason: 'the trigger\'s API setting', ...(warning ? { warning } : {}) };
	}
	const detected = detectFamily(body);
	if (detected === undefined) return undefined;
	return warning ? { ...detected, warning } : detected;
}
