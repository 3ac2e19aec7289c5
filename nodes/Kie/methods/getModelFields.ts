import type { ILoadOptionsFunctions, INodePropertyOptions, ResourceMapperField, ResourceMapperFields } from 'n8n-workflow';

import { allowedText } from '../catalogue/check';
import { discoveryClient } from '../catalogue/fetch';
import { resolveModel } from '../catalogue/resolve';
import type { CatalogueModel, InputBranch, InputField } from '../catalogue/model';
import { fieldLabel } from '../catalogue/text';

/** Id of the read-only price line at the top of the Fields form; never sent to KIE. */
export const PRICE_FIELD = '__kiePrice';

function selectedModel(ctx: ILoadOptionsFunctions): string {
	return String(ctx.getNodeParameter('model', undefined, { extractValue: true }) ?? '').trim();
}

/** The branch of a `oneOf` input chosen in *Input Option* (the first when none is chosen). */
export function chosenBranch(model: CatalogueModel, choice: unknown): InputBranch | undefined {
	const branches = model.input?.branches ?? [];
	const index = typeof choice === 'number' ? choice : Number.parseInt(String(choice ?? ''), 10);
	return branches[Number.isInteger(index) && index >= 0 && index < branches.length ? index : 0];
}

/** Why a model has no form, or undefined when it has one. */
export function noFormReason(id: string, model: CatalogueModel | undefined): string | undefined {
	if (!id) return 'Select a model first.';
	if (!model) return `"${id}" is not in KIE's catalogue (nor in the snapshot shipped with the node): switch Input Mode to JSON and give its input object. It is sent as given.`;
	if (model.kind === 'chat') return `${id} is one of KIE's synchronous chat models (${model.path ?? 'not a task endpoint'}): Create Task cannot run it.`;
	if (model.kind === 'unchecked') return `KIE has not published the schema of ${id} yet: switch Input Mode to JSON. Its input cannot be checked before it is sent.`;
	if (!model.input) return `KIE's catalogue does not describe ${id} (${model.path ?? ''}): switch Input Mode to JSON and give its input object. It is sent unchecked.`;
	return undefined;
}

function labelOf(field: InputField, required: boolean): string {
	let label = fieldLabel(field.name);
	if (field.type === 'array' && field.isUrl) label += ' (public URLs, comma-separated)';
	else if (field.isUrl) label += ' (public URL)';
	else if (field.type === 'array') label += ' (list, comma-separated or JSON)';
	if (field.deprecated) label += ' (deprecated)';
	if (!required && field.default !== undefined && field.enum === undefined && field.type !== 'boolean') label += ` (KIE default ${JSON.stringify(field.default)})`;
	return label;
}

function optionsOf(field: InputField): INodePropertyOptions[] {
	return (field.enum ?? []).map((value) => ({
		name: field.default === value ? `${String(value)} (KIE default)` : String(value),
		value,
	}));
}

/**
 * A field KIE's description calls needed although the schema does not list it as required
 * ("(required)", "required for text-to-video", "at least one frame is required"); descriptions
 * saying "not required" or "optional" do not count.
 */
function describedAsNeeded(field: InputField): boolean {
	const text = field.description ?? '';
	return /\brequired\b/i.test(text) && !/\bnot required\b|\boptional\b/i.test(text);
}

/**
 * Whether the form shows a field without "Add field to send": the schema's required fields, the
 * fields KIE's description calls needed, and the prompt — the main field of every model that has
 * one (unless KIE calls it optional), which some schemas leave optional because it depends on another field (Suno's `prompt` is
 * needed unless `custom_mode` is on; ai-music-api/generate requires only custom_mode, instrumental
 * and model). Only shown: such a field stays removable and is left out when left empty.
 */
export function shownByDefault(field: InputField, required: boolean): boolean {
	const prompt = field.name === 'prompt' && !/\boptional\b/i.test(field.description ?? '');
	return required || prompt || describedAsNeeded(field);
}

/**
 * One form field. Lists are typed as text (n8n would show a raw JSON editor for `array`).
 * No description: n8n's ResourceMapperField has no such property and the editor's mapper shows no
 * per-field text but the label (README, "Input Mode"), so the label carries the hints.
 */
export function mapperField(field: InputField, required: boolean): ResourceMapperField {
	const out: ResourceMapperField = {
		id: field.name,
		displayName: labelOf(field, required),
		required,
		defaultMatch: false,
		canBeUsedToMatch: false,
		display: true,
		// The editor keeps `removed` as given when the mapper's addAllFields is not false
		// (create.properties.ts; README "Input Mode" names the editor code that reads it).
		removed: !shownByDefault(field, required),
		type: field.enum ? 'options' : field.type === 'boolean' ? 'boolean' : field.type === 'number' || field.type === 'integer' ? 'number' : field.type === 'object' ? 'object' : 'string',
	};
	if (field.enum) out.options = optionsOf(field);
	const fallback = field.default;
	if (required && (typeof fallback === 'string' || typeof fallback === 'number' || typeof fallback === 'boolean')) out.defaultValue = fallback;
	return out;
}

/** What the form says about a field beyond its label (bounds, allowed values); used in errors. */
export function fieldSummary(field: InputField): string {
	return `${field.name}: ${allowedText(field)}`;
}

/** Create Task → Fields: one field per input property of the model's schema (live, cached or snapshot). */
export async function getModelFields(this: ILoadOptionsFunctions): Promise<ResourceMapperFields> {
	const id = selectedModel(this);
	if (!id) return { fields: [], emptyFieldsNotice: noFormReason(id, undefined) };
	const client = await discoveryClient(this);
	const { model } = await resolveModel(client, id);
	const reason = noFormReason(id, model);
	if (reason || !model) return { fields: [], emptyFieldsNotice: reason };
	const branch = chosenBranch(model, this.getCurrentNodeParameter('inputOption') ?? '0');
	if (!branch || branch.fields.length === 0) return { fields: [], emptyFieldsNotice: `${id} takes no input fields.` };
	const fields = branch.fields.map((field) => mapperField(field, branch.required.includes(field.name)));
	// The model's price as KIE words it, read-only at the top of the form; never sent. Marked
	// required so the editor shows it without "Add field" (it always has its value).
	if (model.priceText) {
		fields.unshift({
			id: PRICE_FIELD,
			displayName: 'Price (as KIE States It; Not Sent)',
			required: true,
			defaultMatch: false,
			canBeUsedToMatch: false,
			display: true,
			removed: false,
			readOnly: true,
			type: 'string',
			defaultValue: model.priceText.replace(/\s*\n+\s*/g, ' | '),
		});
	}
	return { fields };
}

/** Create Task → Input Option: the alternatives of a `oneOf` input. */
export async function getInputOptions(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const id = selectedModel(this);
	if (!id) return [{ name: 'Select a Model First', value: '0' }];
	const client = await discoveryClient(this);
	const { model } = await resolveModel(client, id);
	const branches = model?.input?.branches ?? [];
	if (branches.length <= 1) return [{ name: 'Single Input Shape', value: '0', description: 'This model has one input shape' }];
	return branches.map((branch, index) => ({
		name: branch.title,
		value: String(index),
		description: `Fields: ${branch.fields.map((field) => field.name).join(', ')}`,
	}));
}
