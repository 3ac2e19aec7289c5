import { jsonParse, NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { CatalogueEntry } from '../../catalogue/types';
import { describeInput } from '../../catalogue/describe';
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

/**
 * The `input` object in Fields mode. Empty fields are left out (KIE then applies its own
 * defaults); list and object fields typed as text are parsed as JSON.
 */
export function inputFromFields(ctx: IExecuteFunctions, itemIndex: number, entry: CatalogueEntry | undefined): IDataObject {
	const mapper = ctx.getNodeParameter('fields', itemIndex, {}) as { value?: IDataObject | null };
	const values = mapper?.value ?? {};
	const types = new Map((entry ? describeInput(entry) : []).map((field) => [field.id, field.type]));
	const input: IDataObject = {};
	for (const [key, value] of Object.entries(values)) {
		if (value === null || value === undefined || value === '') continue;
		const type = types.get(key);
		if ((type === 'array' || type === 'object') && typeof value === 'string') {
			const text = value.trim();
			if (text.startsWith('[') || text.startsWith('{')) {
				try {
					input[key] = JSON.parse(text) as IDataObject;
					continue;
				} catch (error) {
					throw new NodeOperationError(ctx.getNode(), `Field "${key}" is not valid JSON: ${(error as Error).message}`, {
						itemIndex,
						description: type === 'array' ? 'Give a list as JSON, e.g. ["https://example.com/a.png"].' : 'Give an object as JSON.',
					});
				}
			}
			if (type === 'array') {
				// One URL typed into a list field is a list of one; anything else is passed on for validation to judge.
				input[key] = /^https?:\/\//i.test(text) ? [text] : value;
				continue;
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

/** Whether an input field holds a list (from the catalogue, else from the value or the name). */
export function isListField(entry: CatalogueEntry | undefined, field: string, current: unknown): boolean {
	if (Array.isArray(current)) return true;
	const described = entry ? describeInput(entry).find((candidate) => candidate.id === field) : undefined;
	if (described) return described.type === 'array';
	return /_urls$|Urls$|^image_input$/.test(field);
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
