import type { FieldType, ILoadOptionsFunctions, ResourceMapperField, ResourceMapperFields } from 'n8n-workflow';

import { findModel } from '../catalogue';
import { describeInput } from '../catalogue/describe';

const FIELD_TYPES: Record<string, FieldType> = {
	string: 'string',
	number: 'number',
	boolean: 'boolean',
	options: 'options',
	array: 'array',
	object: 'object',
};

/** The typed form of Create Task: one field per input of the chosen model, from the catalogue. */
export async function getModelFields(this: ILoadOptionsFunctions): Promise<ResourceMapperFields> {
	const model = String(this.getNodeParameter('model', undefined, { extractValue: true }) ?? '');
	const entry = findModel(model);
	if (!entry) {
		return {
			fields: [],
			emptyFieldsNotice: model
				? `"${model}" is not in the catalogue: switch Input Mode to JSON and give its input object.`
				: 'Select a model first.',
		};
	}
	const fields: ResourceMapperField[] = describeInput(entry).map((field) => ({
		id: field.id,
		displayName: field.isUrlField ? `${field.displayName} (URL)` : field.displayName,
		required: field.required,
		defaultMatch: false,
		display: true,
		type: FIELD_TYPES[field.type] ?? 'string',
		options: field.options?.map((option) => ({ name: String(option.name), value: option.value })),
		canBeUsedToMatch: false,
	}));
	return { fields };
}
