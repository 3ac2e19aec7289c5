import type { z } from 'zod';
import { allowedValues, inputObject, shapeOf, typeNameOf, unwrap } from './describe';
import type { CatalogueEntry } from './types';

/** One problem with a model input, worded for a user (also used in NodeOperationError descriptions). */
export interface InputIssue {
	/** Dot path of the field (`prompt`, `multi_prompt[0].duration`), or `(input)` for the whole input. */
	field: string;
	/** The value that was given (undefined when missing). */
	given: unknown;
	/** The full line: field, what was given, what is allowed. */
	message: string;
	/** What is allowed, when that can be said briefly (enum values, a range, a type). */
	allowed?: string;
}

export type ValidationResult =
	| { ok: true; value: Record<string, unknown> }
	| { ok: false; issues: InputIssue[] };

const ROOT = '(input)';

/**
 * Checks `input` against the entry's schema. Never coerces: `"5"` is not `5`. On success,
 * `value` is the parsed input (unknown fields kept for pass-through schemas).
 */
export function validateInput(entry: CatalogueEntry, input: unknown): ValidationResult {
	if (input === null || typeof input !== 'object' || Array.isArray(input)) {
		return {
			ok: false,
			issues: [
				{
					field: ROOT,
					given: input,
					message: `${ROOT}: expected an object of fields, got ${describeValue(input)}`,
					allowed: 'an object',
				},
			],
		};
	}
	const result = entry.input.safeParse(input);
	if (result.success) return { ok: true, value: result.data as Record<string, unknown> };
	const issues: InputIssue[] = [];
	for (const issue of result.error.issues) issues.push(...toIssues(entry, input, issue));
	return { ok: false, issues };
}

/** One line per issue, for error descriptions. */
export function formatIssues(issues: readonly InputIssue[]): string {
	return issues.map((issue) => issue.message).join('\n');
}

// ---------------------------------------------------------------- issue translation

function toIssues(entry: CatalogueEntry, input: object, issue: z.ZodIssue): InputIssue[] {
	const path = issue.path;
	const field = pathToField(path);
	const given = valueAt(input, path);
	const schema = schemaAt(entry, path);
	const make = (message: string, allowed?: string): InputIssue => {
		const out: InputIssue = { field, given, message: `${field}: ${message}` };
		if (allowed !== undefined) out.allowed = allowed;
		return out;
	};

	switch (issue.code) {
		case 'invalid_type': {
			const values = schema ? allowedValues(schema) : undefined;
			const allowed = values ? values.map((v) => formatValue(v)).join(', ') : undefined;
			if (issue.received === 'undefined') {
				return [
					make(
						values ? `required; allowed: ${plainList(values)}` : 'required',
						allowed ?? kindPhrase(issue.expected),
					),
				];
			}
			// For enums zod reports the whole union as "expected"; name the JSON type instead.
			const expected = values ? kindPhrase(uniqueKinds(values)[0]) : kindPhrase(issue.expected);
			const takes = allowed ? ` (this model takes ${allowed})` : '';
			if (issue.expected === 'integer' && issue.received === 'float') {
				return [make(`expected a whole number, got ${describeValue(given)}`, 'a whole number')];
			}
			return [
				make(`expected ${expected}${takes}, got ${describeValue(given)}`, allowed ?? expected),
			];
		}
		case 'invalid_enum_value': {
			const list = issue.options.map(String).join(', ');
			return [make(`${formatValue(given)} is not allowed; allowed: ${list}`, list)];
		}
		case 'invalid_literal':
		case 'invalid_union': {
			const values = schema ? allowedValues(schema) : undefined;
			if (values) {
				const list = plainList(values);
				const kinds = uniqueKinds(values);
				if (kinds.indexOf(typeof given) < 0) {
					const quoted = values.map((v) => formatValue(v)).join(', ');
					return [
						make(
							`expected ${kindPhrase(kinds[0])} (this model takes ${quoted}), got ${describeValue(given)}`,
							quoted,
						),
					];
				}
				return [make(`${formatValue(given)} is not allowed; allowed: ${list}`, list)];
			}
			return [make(`${describeValue(given)} does not match any allowed form`)];
		}
		case 'unrecognized_keys': {
			const known = knownFields(entry, path);
			return issue.keys.map((key) => {
				const keyField = pathToField([...path, key]);
				const hint = closest(key, known);
				const out: InputIssue = {
					field: keyField,
					given: valueAt(input, [...path, key]),
					message:
						`${keyField}: not a field of ${entry.id}` +
						(hint ? `; did you mean ${hint}?` : '') +
						(known.length ? ` Allowed fields: ${known.join(', ')}` : ''),
				};
				if (known.length) out.allowed = known.join(', ');
				return out;
			});
		}
		case 'too_small':
			return [
				make(
					...boundMessage(
						'small',
						issue.type,
						Number(issue.minimum),
						issue.inclusive,
						issue.exact,
						given,
					),
				),
			];
		case 'too_big':
			return [
				make(
					...boundMessage(
						'big',
						issue.type,
						Number(issue.maximum),
						issue.inclusive,
						issue.exact,
						given,
					),
				),
			];
		case 'not_multiple_of':
			return [make(`${describeValue(given)} is not a multiple of ${String(issue.multipleOf)}`)];
		case 'invalid_string':
			return [make(`${formatValue(given)} is not a valid ${String(issue.validation)}`)];
		case 'custom':
			return [make(issue.message)];
		default:
			return [make(issue.message)];
	}
}

function boundMessage(
	side: 'small' | 'big',
	type: string,
	bound: number,
	inclusive: boolean,
	exact: boolean | undefined,
	given: unknown,
): [string, string] {
	const atLeast = side === 'small';
	switch (type) {
		case 'string': {
			const length = typeof given === 'string' ? given.length : 0;
			if (atLeast && bound === 1 && length === 0) return ['must not be empty', 'a non-empty text'];
			const limit = exact ? `exactly ${bound}` : `${atLeast ? 'at least' : 'at most'} ${bound}`;
			return [
				`too ${atLeast ? 'short' : 'long'} (${length} characters); ${limit} characters`,
				`${limit} characters`,
			];
		}
		case 'array': {
			const count = Array.isArray(given) ? given.length : 0;
			const limit = exact ? `exactly ${bound}` : `${atLeast ? 'at least' : 'at most'} ${bound}`;
			return [`has ${count} item${count === 1 ? '' : 's'}; ${limit} allowed`, `${limit} items`];
		}
		default: {
			const word = atLeast
				? inclusive
					? `minimum ${bound}`
					: `must be greater than ${bound}`
				: inclusive
					? `maximum ${bound}`
					: `must be less than ${bound}`;
			return [`${describeValue(given)} is too ${side}; ${word}`, word];
		}
	}
}

// ---------------------------------------------------------------- helpers

function pathToField(path: ReadonlyArray<string | number>): string {
	if (path.length === 0) return ROOT;
	let out = '';
	for (const part of path) {
		if (typeof part === 'number') out += `[${part}]`;
		else out += out ? `.${part}` : part;
	}
	return out;
}

function valueAt(input: unknown, path: ReadonlyArray<string | number>): unknown {
	let current: unknown = input;
	for (const part of path) {
		if (current === null || typeof current !== 'object') return undefined;
		current = (current as Record<string | number, unknown>)[part];
	}
	return current;
}

/** The schema of the field at `path` (through nested objects and arrays), if it can be found. */
function schemaAt(
	entry: CatalogueEntry,
	path: ReadonlyArray<string | number>,
): z.ZodTypeAny | undefined {
	let current: z.ZodTypeAny | undefined = entry.input;
	for (const part of path) {
		if (!current) return undefined;
		const inner = unwrap(current);
		const name = typeNameOf(inner);
		if (typeof part === 'number' && name === 'ZodArray') {
			current = (inner as z.ZodArray<z.ZodTypeAny>).element;
		} else if (typeof part === 'string' && name === 'ZodObject') {
			current = shapeOf(inner as z.AnyZodObject)[part];
		} else {
			return undefined;
		}
	}
	return current;
}

function knownFields(entry: CatalogueEntry, path: ReadonlyArray<string | number>): string[] {
	const schema = path.length === 0 ? inputObject(entry) : schemaAt(entry, path);
	if (!schema) return [];
	const inner = unwrap(schema);
	return typeNameOf(inner) === 'ZodObject' ? Object.keys(shapeOf(inner as z.AnyZodObject)) : [];
}

const KIND_PHRASES: Record<string, string> = {
	string: 'a string',
	number: 'a number',
	integer: 'a whole number',
	float: 'a number',
	bigint: 'a number',
	boolean: 'true or false',
	array: 'a list',
	object: 'an object',
	null: 'null',
};

function kindPhrase(kind: string): string {
	return KIND_PHRASES[kind] ?? `a ${kind}`;
}

function uniqueKinds(values: ReadonlyArray<string | number | boolean>): string[] {
	const kinds: string[] = [];
	for (const v of values) if (kinds.indexOf(typeof v) < 0) kinds.push(typeof v);
	return kinds;
}

/** `"5"` for strings, `5` for numbers: shows the JSON type. */
function formatValue(value: unknown): string {
	if (typeof value === 'string') return JSON.stringify(value);
	if (value === undefined) return 'nothing';
	if (typeof value === 'number' || typeof value === 'boolean' || value === null)
		return String(value);
	return describeValue(value);
}

function plainList(values: ReadonlyArray<string | number | boolean>): string {
	return values.map(String).join(', ');
}

/** "the number 5", "the string "5"", "a list (2 items)"… */
export function describeValue(value: unknown): string {
	if (value === undefined) return 'nothing';
	if (value === null) return 'null';
	if (typeof value === 'string') return `the string ${JSON.stringify(value)}`;
	if (typeof value === 'number') return `the number ${String(value)}`;
	if (typeof value === 'boolean') return `the boolean ${String(value)}`;
	if (Array.isArray(value)) return `a list (${value.length} item${value.length === 1 ? '' : 's'})`;
	if (typeof value === 'object') return 'an object';
	return `a ${typeof value}`;
}

/** The known field closest to a misspelt one (`image_url` → `image_urls`), if close enough. */
function closest(key: string, known: readonly string[]): string | undefined {
	let best: string | undefined;
	let bestDistance = Infinity;
	const lower = key.toLowerCase();
	for (const candidate of known) {
		const c = candidate.toLowerCase();
		const d = c === lower ? 0 : distance(lower, c);
		if (d < bestDistance) {
			bestDistance = d;
			best = candidate;
		}
	}
	const limit = Math.max(2, Math.floor(key.length / 3));
	return best !== undefined && bestDistance <= limit ? best : undefined;
}

/** Levenshtein distance. */
function distance(a: string, b: string): number {
	const row: number[] = [];
	for (let j = 0; j <= b.length; j++) row.push(j);
	for (let i = 1; i <= a.length; i++) {
		let previous = row[0];
		row[0] = i;
		for (let j = 1; j <= b.length; j++) {
			const saved = row[j];
			row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
			previous = saved;
		}
	}
	return row[b.length];
}
