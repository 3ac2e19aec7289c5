import type { InputBranch, InputDefinition, InputField, Scalar } from './model';
import { allFieldNames } from './schema';

/**
 * Checks a model input against the definition read from KIE's own document (catalogue/schema.ts),
 * before any credit is spent. Accepts what KIE itself coerces (a numeric string for a number, a
 * number for a string): every body real KIE accepted must pass (test/catalogue/recordings.test.ts).
 */

/** One problem, worded for a user: the field, what was given and what is allowed. */
export interface InputIssue {
	/** Field name (`prompt`, `image_urls[1]`), or `(input)` for the whole input. */
	field: string;
	message: string;
}

export interface CheckOptions {
	/** Send fields the document does not list (the *Allow Fields Not in Schema* option). */
	allowUnknownFields?: boolean;
}

export type CheckResult = { ok: true; branch: InputBranch } | { ok: false; issues: InputIssue[] };

const ROOT = '(input)';

function show(value: unknown): string {
	if (value === undefined) return 'nothing';
	if (typeof value === 'string') return JSON.stringify(value.length > 80 ? `${value.slice(0, 77)}...` : value);
	const text = JSON.stringify(value);
	return text === undefined ? String(value) : text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

function list(values: readonly unknown[]): string {
	return values.map(show).join(', ');
}

function isNumeric(value: unknown): boolean {
	return (typeof value === 'number' && Number.isFinite(value)) || (typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value));
}

function asNumber(value: unknown): number {
	return typeof value === 'number' ? value : Number(String(value).trim());
}

function sameScalar(value: unknown, allowed: Scalar): boolean {
	if (value === allowed) return true;
	// KIE compares loosely: "6" matches 6 and 6 matches "6".
	if ((typeof value === 'string' || typeof value === 'number') && (typeof allowed === 'string' || typeof allowed === 'number')) {
		return String(value).trim() === String(allowed);
	}
	if (typeof allowed === 'boolean' && typeof value === 'string') return value === String(allowed);
	return false;
}

function typeIssue(field: InputField, value: unknown, path: string): string | undefined {
	switch (field.type) {
		case 'string':
			// A number or boolean is sent as text by KIE.
			return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
				? undefined
				: `${path}: expected text, got ${show(value)}`;
		case 'number':
			return isNumeric(value) ? undefined : `${path}: expected a number, got ${show(value)}`;
		case 'integer':
			return isNumeric(value) && Number.isInteger(asNumber(value)) ? undefined : `${path}: expected a whole number, got ${show(value)}`;
		case 'boolean':
			return typeof value === 'boolean' || value === 'true' || value === 'false'
				? undefined
				: `${path}: expected true or false, got ${show(value)}`;
		case 'array':
			return Array.isArray(value) ? undefined : `${path}: expected a list, got ${show(value)}`;
		case 'object':
			return value !== null && typeof value === 'object' && !Array.isArray(value) ? undefined : `${path}: expected an object, got ${show(value)}`;
		default:
			return undefined;
	}
}

function boundsIssue(field: InputField, value: unknown, path: string): string | undefined {
	const numeric = field.type === 'number' || field.type === 'integer';
	if (numeric) {
		const n = asNumber(value);
		const range = rangeText(field);
		if (field.minimum !== undefined && n < field.minimum) return `${path}: ${show(value)} is below the minimum; allowed: ${range}`;
		if (field.maximum !== undefined && n > field.maximum) return `${path}: ${show(value)} is above the maximum; allowed: ${range}`;
		if (field.exclusiveMinimum !== undefined && n <= field.exclusiveMinimum) return `${path}: ${show(value)} is too small; allowed: ${range}`;
		if (field.exclusiveMaximum !== undefined && n >= field.exclusiveMaximum) return `${path}: ${show(value)} is too large; allowed: ${range}`;
	}
	if (field.type === 'string' && typeof value === 'string') {
		if (field.minLength !== undefined && value.length < field.minLength) {
			return `${path}: ${value.length} characters given; allowed: at least ${field.minLength}${field.maxLength !== undefined ? ` and at most ${field.maxLength}` : ''}`;
		}
		if (field.maxLength !== undefined && value.length > field.maxLength) {
			return `${path}: ${value.length} characters given; allowed: at most ${field.maxLength}`;
		}
	}
	if (field.type === 'array' && Array.isArray(value)) {
		if (field.minItems !== undefined && value.length < field.minItems) return `${path}: ${value.length} entries given; allowed: at least ${field.minItems}${field.maxItems !== undefined ? ` and at most ${field.maxItems}` : ''}`;
		if (field.maxItems !== undefined && value.length > field.maxItems) return `${path}: ${value.length} entries given; allowed: at most ${field.maxItems}`;
	}
	return undefined;
}

/** "1 to 4", "at least 0", for messages and form hints. */
export function rangeText(field: InputField): string {
	const low = field.minimum ?? field.exclusiveMinimum;
	const high = field.maximum ?? field.exclusiveMaximum;
	const lowText = low === undefined ? undefined : `${field.exclusiveMinimum !== undefined && field.minimum === undefined ? 'more than' : 'at least'} ${low}`;
	const highText = high === undefined ? undefined : `${field.exclusiveMaximum !== undefined && field.maximum === undefined ? 'less than' : 'at most'} ${high}`;
	if (field.minimum !== undefined && field.maximum !== undefined) return `${field.minimum} to ${field.maximum}`;
	return [lowText, highText].filter(Boolean).join(' and ') || 'any number';
}

function urlIssue(value: unknown, path: string): string | undefined {
	if (typeof value !== 'string') return undefined;
	if (/^[a-z][a-z0-9+.-]*:\/\/\S+$/i.test(value.trim())) return undefined;
	return `${path}: ${show(value)} is not a URL; allowed: a public http(s) URL (use Binary Inputs to send a file)`;
}

function valueIssues(field: InputField, value: unknown, path: string): string[] {
	if (value === null) return field.nullable ? [] : [`${path}: null given; allowed: ${allowedText(field)} (leave the field out to use KIE's default)`];
	const wrongType = typeIssue(field, value, path);
	if (wrongType) return [wrongType + (field.enum ? `; allowed: ${list(field.enum)}` : '')];
	if (field.enum && !field.enum.some((allowed) => sameScalar(value, allowed))) {
		return [`${path}: ${show(value)} is not allowed; allowed: ${list(field.enum)}`];
	}
	const outOfBounds = boundsIssue(field, value, path);
	if (outOfBounds) return [outOfBounds];
	if (field.format === 'uri') {
		const notUrl = urlIssue(value, path);
		if (notUrl) return [notUrl];
	}
	if (field.type === 'array' && Array.isArray(value) && field.items) {
		const itemField: InputField = { name: field.name, ...field.items };
		return value.flatMap((item, index) => valueIssues(itemField, item, `${path}[${index}]`));
	}
	return [];
}

/** What a field takes, in a few words. */
export function allowedText(field: InputField): string {
	if (field.enum) return list(field.enum);
	switch (field.type) {
		case 'string':
			return 'text';
		case 'number':
			return `a number${field.minimum !== undefined || field.maximum !== undefined ? ` (${rangeText(field)})` : ''}`;
		case 'integer':
			return `a whole number${field.minimum !== undefined || field.maximum !== undefined ? ` (${rangeText(field)})` : ''}`;
		case 'boolean':
			return 'true or false';
		case 'array':
			return field.isUrl ? 'a list of URLs' : 'a list';
		case 'object':
			return 'an object';
		default:
			return 'any value';
	}
}

function checkBranch(branch: InputBranch, input: Record<string, unknown>, model: string, options: CheckOptions, others: string[]): InputIssue[] {
	const issues: InputIssue[] = [];
	const byName = new Map(branch.fields.map((field) => [field.name, field]));
	for (const [name, value] of Object.entries(input)) {
		const field = byName.get(name);
		if (!field) {
			if (options.allowUnknownFields) continue;
			const where = others.includes(name) ? ` It belongs to another option of this model's input; fields of different options cannot be mixed.` : '';
			issues.push({
				field: name,
				message:
					`${name}: not a field of ${model}.${where} KIE silently ignores unknown fields and still bills the task, so a typo would pay for the wrong thing. ` +
					`Fields: ${branch.fields.map((candidate) => candidate.name).join(', ') || '(none)'}. To send it anyway, turn on the option "Allow Fields Not in Schema".`,
			});
			continue;
		}
		if (value === undefined) continue;
		for (const message of valueIssues(field, value, name)) issues.push({ field: name, message });
	}
	for (const name of branch.required) {
		if (input[name] === undefined || input[name] === '') {
			const field = byName.get(name);
			issues.push({ field: name, message: `${name}: required, nothing given; allowed: ${field ? allowedText(field) : 'any value'}` });
		}
	}
	return issues;
}

/**
 * Checks `input` for `model`. With several branches (`oneOf`), the branch is the one whose fields
 * cover every given field and whose required fields are all there; exactly one must fit.
 */
export function checkInput(definition: InputDefinition, model: string, input: unknown, options: CheckOptions = {}): CheckResult {
	if (input === null || typeof input !== 'object' || Array.isArray(input)) {
		return { ok: false, issues: [{ field: ROOT, message: `${ROOT}: expected an object of fields, got ${show(input)}` }] };
	}
	const values = input as Record<string, unknown>;
	const names = allFieldNames(definition);
	if (definition.branches.length === 1) {
		const issues = checkBranch(definition.branches[0], values, model, options, names);
		return issues.length === 0 ? { ok: true, branch: definition.branches[0] } : { ok: false, issues };
	}
	const results = definition.branches.map((branch) => ({ branch, issues: checkBranch(branch, values, model, options, names) }));
	const fitting = results.filter((result) => result.issues.length === 0);
	if (fitting.length >= 1) return { ok: true, branch: fitting[0].branch };
	// Report against the branch the input is closest to (most given fields it knows).
	const given = Object.keys(values);
	const closest = [...results].sort(
		(a, b) =>
			given.filter((name) => b.branch.fields.some((field) => field.name === name)).length -
				given.filter((name) => a.branch.fields.some((field) => field.name === name)).length || a.issues.length - b.issues.length,
	)[0];
	const options_ = definition.branches.map((branch) => `"${branch.title}" (required: ${branch.required.join(', ') || 'nothing'})`).join('; ');
	return {
		ok: false,
		issues: [
			{ field: ROOT, message: `${ROOT}: the input of ${model} must match exactly one of its options: ${options_}. Closest: "${closest.branch.title}".` },
			...closest.issues,
		],
	};
}

/** One line per issue, for error descriptions. */
export function formatIssues(issues: readonly InputIssue[]): string {
	return issues.map((issue) => issue.message).join('\n');
}
