import { jsonParse, NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { InputBranch, InputField } from '../../catalogue/model';
import { PRICE_FIELD } from '../../methods/getModelFields';
import { lenientObject } from '../../tool/simple';

/**
 * The `input` object in JSON mode: a JSON string or, from an AI agent, an object (or JSON text
 * inside a string, as models send it when the schema says "string").
 */
export function inputFromJson(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const raw = ctx.getNodeParameter('inputJson', itemIndex, '{}') as unknown;
	const parsed = lenientObject(raw);
	if (parsed) return parsed;
	if (typeof raw === 'string') {
		try {
			jsonParse(raw);
		} catch (error) {
			throw new NodeOperationError(ctx.getNode(), `Input (JSON) is not valid JSON: ${(error as Error).message}; got ${JSON.stringify(raw).slice(0, 120)}`, {
				itemIndex,
				description: 'Give the model input as a JSON object, e.g. {"prompt": "a red panda", "aspect_ratio": "1:1"}.',
			});
		}
	}
	throw new NodeOperationError(ctx.getNode(), 'Input (JSON) must be a JSON object', {
		itemIndex,
		description: `Got ${Array.isArray(raw) ? 'an array' : typeof raw}. Give the model input as an object, e.g. {"prompt": "a red panda"}.`,
	});
}

/** A list typed into a text field: JSON, or entries separated by commas or new lines. */
function parseList(ctx: IExecuteFunctions, itemIndex: number, key: string, text: string): unknown[] {
	if (text.startsWith('[')) {
		try {
			const parsed: unknown = JSON.parse(text);
			if (Array.isArray(parsed)) return parsed;
		} catch (error) {
			throw new NodeOperationError(ctx.getNode(), `Field "${key}" is not a valid JSON list: ${(error as Error).message}`, {
				itemIndex,
				description: 'Give a list as JSON, e.g. ["https://example.com/a.png"], or as entries separated by commas.',
			});
		}
	}
	return text
		.split(/[\n,]/)
		.map((entry) => entry.trim())
		.filter((entry) => entry !== '');
}

/**
 * The `input` object in Fields mode. Empty fields are left out (KIE then applies its own
 * defaults); lists typed as text become lists, objects typed as text are parsed as JSON.
 */
export function inputFromFields(ctx: IExecuteFunctions, itemIndex: number, branch: InputBranch | undefined): IDataObject {
	const mapper = ctx.getNodeParameter('fields', itemIndex, {}) as { value?: IDataObject | null };
	const values = mapper?.value ?? {};
	const fields = new Map((branch?.fields ?? []).map((field) => [field.name, field]));
	const input: IDataObject = {};
	for (const [key, value] of Object.entries(values)) {
		if (key === PRICE_FIELD || value === null || value === undefined || value === '') continue;
		const type = fields.get(key)?.type;
		if (type === 'array' && typeof value === 'string') {
			input[key] = parseList(ctx, itemIndex, key, value.trim()) as IDataObject[];
			continue;
		}
		if (type === 'object' && typeof value === 'string' && value.trim().startsWith('{')) {
			try {
				input[key] = JSON.parse(value) as IDataObject;
				continue;
			} catch (error) {
				throw new NodeOperationError(ctx.getNode(), `Field "${key}" is not valid JSON: ${(error as Error).message}`, {
					itemIndex,
					description: 'Give an object as JSON.',
				});
			}
		}
		input[key] = value as IDataObject[keyof IDataObject];
	}
	return input;
}

export interface BinaryMapping {
	binaryProperty: string;
	field: string;
}

export function binaryMappings(ctx: IExecuteFunctions, itemIndex: number): BinaryMapping[] {
	const raw = ctx.getNodeParameter('binaryInputs', itemIndex, {}) as { mappings?: BinaryMapping[] };
	return (raw.mappings ?? [])
		.map((mapping) => ({ binaryProperty: String(mapping.binaryProperty ?? '').trim(), field: String(mapping.field ?? '').trim() }))
		.filter((mapping) => mapping.binaryProperty !== '' || mapping.field !== '');
}

/** Whether an input field holds a list (from the model's schema, else from the value or the name). */
export function isListField(field: InputField | undefined, name: string, current: unknown): boolean {
	if (Array.isArray(current)) return true;
	if (field) return field.type === 'array';
	return /_urls$|Urls$|^image_input$/.test(name);
}

/** Puts a URL into a field: appended to list fields, set on single fields. */
export function placeUrl(input: IDataObject, field: string, url: string, list: boolean): void {
	if (list) {
		const current = input[field];
		input[field] = [...(Array.isArray(current) ? (current as string[]) : current ? [String(current)] : []), url];
	} else {
		input[field] = url;
	}
}
