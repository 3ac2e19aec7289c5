import { z } from 'zod';
import type { FamilyId } from '../families/types';
import type { CatalogueEntry, ModelCategory } from './types';

/**
 * Small builders shared by the entry files. Entries stay data: these only save repeating the
 * Market envelope and the most common field shapes. None of them adds a default value, so
 * nothing is sent that the user did not set.
 */

export const MARKET_CREATE_PATH = '/api/v1/jobs/createTask';

export const CALLBACK_REQUIRED_NOTE =
	'KIE requires a callback URL here (422 "Please enter callBackUrl." without one); a placeholder is sent when none is given.';

interface EntryExtras {
	urlFields?: string[];
	typicalSeconds?: number;
	notes?: string;
}

export interface MarketSpec extends EntryExtras {
	id: string;
	name: string;
	category: ModelCategory;
	input: z.ZodTypeAny;
}

export interface FlatSpec extends MarketSpec {
	family: FamilyId;
	createPath: string;
	createMethod?: 'POST' | 'GET';
	responseKind?: 'task' | 'result';
	callbackField?: string;
}

function withExtras(entry: CatalogueEntry, extras: EntryExtras): CatalogueEntry {
	if (extras.typicalSeconds !== undefined) entry.typicalSeconds = extras.typicalSeconds;
	if (extras.notes !== undefined) entry.notes = extras.notes;
	return entry;
}

/** A Market (`/api/v1/jobs/createTask`) model. */
export function market(spec: MarketSpec): CatalogueEntry {
	return withExtras(
		{
			id: spec.id,
			name: spec.name,
			category: spec.category,
			family: 'market',
			createPath: MARKET_CREATE_PATH,
			bodyStyle: 'market',
			input: spec.input,
			urlFields: spec.urlFields ?? [],
		},
		spec,
	);
}

/** A Market model of which our sources give only the id: a prompt plus anything else, unchecked. */
export function idsOnly(
	id: string,
	name: string,
	category: ModelCategory,
	typicalSeconds: number,
	hint?: string,
): CatalogueEntry {
	return market({
		id,
		name,
		category,
		typicalSeconds,
		input: z
			.object({
				prompt: z
					.string()
					.describe('Text prompt. Other fields of this model are sent as given, unchecked.')
					.optional(),
			})
			.passthrough(),
		notes:
			'Only the model id is documented in our sources: fields other than prompt are passed through unchecked' +
			(hint ? ` (${hint}).` : '.'),
	});
}

/** A family endpoint (Veo, Runway, Suno, …): body is `{ ...input, callBackUrl }`. */
export function flat(spec: FlatSpec): CatalogueEntry {
	const entry: CatalogueEntry = {
		id: spec.id,
		name: spec.name,
		category: spec.category,
		family: spec.family,
		createPath: spec.createPath,
		bodyStyle: 'flat',
		input: spec.input,
		urlFields: spec.urlFields ?? [],
	};
	if (spec.createMethod) entry.createMethod = spec.createMethod;
	if (spec.responseKind) entry.responseKind = spec.responseKind;
	if (spec.callbackField) entry.callbackField = spec.callbackField;
	return withExtras(entry, spec);
}

// ---------------------------------------------------------------- field builders

interface Bounds {
	min?: number;
	max?: number;
}

/** Free text with optional length bounds. */
export function text(description: string, bounds: Bounds = {}): z.ZodString {
	let s = z.string();
	if (bounds.min !== undefined) s = s.min(bounds.min);
	if (bounds.max !== undefined) s = s.max(bounds.max);
	return s.describe(description);
}

/** A prompt; the description states the length limit. */
export function prompt(max?: number, min = 1, what = 'Text prompt'): z.ZodString {
	const limit = max !== undefined ? ` (${min > 1 ? `${min}–` : 'up to '}${max} characters)` : '';
	return text(`${what}${limit}`, { min, max });
}

/** One public URL. */
export function url(description: string): z.ZodString {
	return z.string().min(1).describe(description);
}

/** A list of public URLs. */
export function urls(description: string, bounds: Bounds = {}): z.ZodArray<z.ZodString> {
	let a = z.array(z.string().min(1));
	if (bounds.min !== undefined) a = a.min(bounds.min);
	if (bounds.max !== undefined) a = a.max(bounds.max);
	return a.describe(description);
}

/** A string enum. */
export function choice<T extends string>(values: readonly [T, ...T[]], description: string) {
	return z.enum(values as [T, ...T[]]).describe(description);
}

/** A number that must be one of a few values (e.g. 1, 2, 4): a union of literals. */
export function numberChoice(values: readonly number[], description: string): z.ZodTypeAny {
	const literals = values.map((v) => z.literal(v));
	if (literals.length === 1) return literals[0].describe(description);
	return z
		.union(
			literals as unknown as [
				z.ZodLiteral<number>,
				z.ZodLiteral<number>,
				...z.ZodLiteral<number>[],
			],
		)
		.describe(description);
}

export function int(description: string, bounds: Bounds = {}): z.ZodNumber {
	let n = z.number().int();
	if (bounds.min !== undefined) n = n.min(bounds.min);
	if (bounds.max !== undefined) n = n.max(bounds.max);
	return n.describe(description);
}

export function num(description: string, bounds: Bounds = {}): z.ZodNumber {
	let n = z.number();
	if (bounds.min !== undefined) n = n.min(bounds.min);
	if (bounds.max !== undefined) n = n.max(bounds.max);
	return n.describe(description);
}

export function bool(description: string): z.ZodBoolean {
	return z.boolean().describe(description);
}

export const seed = (bounds: Bounds = { min: 0, max: 2147483647 }) =>
	int(
		`Random seed for reproducible results${
			bounds.min !== undefined && bounds.max !== undefined ? ` (${bounds.min}–${bounds.max})` : ''
		}`,
		bounds,
	);

export const nsfwChecker = () =>
	bool('Content safety filter (KIE default false: raw model output)');

// ---------------------------------------------------------------- cross-field rules

/** True when a field holds something: a non-empty string, a non-empty list, or any other value. */
export function isSet(value: unknown): boolean {
	if (value === undefined || value === null) return false;
	if (typeof value === 'string') return value.length > 0;
	if (Array.isArray(value)) return value.length > 0;
	return true;
}

type Rule = (value: Record<string, unknown>, ctx: z.RefinementCtx) => void;

/** Fields of group A cannot be combined with fields of group B (KIE answers 422 otherwise). */
export function exclusive(
	groupA: readonly string[],
	groupB: readonly string[],
	hint: string,
): Rule {
	return (value, ctx) => {
		const a = groupA.find((k) => isSet(value[k]));
		const b = groupB.find((k) => isSet(value[k]));
		if (a && b) {
			ctx.addIssue({
				code: z.ZodIssueCode.custom,
				path: [a],
				message: `cannot be combined with ${b}; ${hint}`,
			});
		}
	};
}

/** At least one of the fields must be set. */
export function atLeastOne(fields: readonly string[], hint?: string): Rule {
	return (value, ctx) => {
		if (!fields.some((k) => isSet(value[k]))) {
			ctx.addIssue({
				code: z.ZodIssueCode.custom,
				path: [fields[0]],
				message: `required unless ${fields.slice(1).join(' or ')} is given${hint ? `; ${hint}` : ''}`,
			});
		}
	};
}

/** `field` is required when `when(value)` holds; `reason` completes "required when …". */
export function requiredWhen(
	field: string,
	when: (value: Record<string, unknown>) => boolean,
	reason: string,
): Rule {
	return (value, ctx) => {
		if (when(value) && !isSet(value[field])) {
			ctx.addIssue({
				code: z.ZodIssueCode.custom,
				path: [field],
				message: `required when ${reason}`,
			});
		}
	};
}

/** A string field may hold at most `max` characters when `when(value)` holds. */
export function maxLengthWhen(
	field: string,
	max: number,
	when: (value: Record<string, unknown>) => boolean,
	reason: string,
): Rule {
	return (value, ctx) => {
		const v = value[field];
		if (when(value) && typeof v === 'string' && v.length > max) {
			ctx.addIssue({
				code: z.ZodIssueCode.custom,
				path: [field],
				message: `too long (${v.length} characters); at most ${max} characters when ${reason}`,
			});
		}
	};
}

/** Runs several rules in order. */
export function rules(...list: Rule[]): Rule {
	return (value, ctx) => {
		for (const rule of list) rule(value, ctx);
	};
}
