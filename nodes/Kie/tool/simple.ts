import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { isPlainObject } from '../utils/values';
import { DEFAULT_TOOL_MODEL, popularModelsText } from './popular';

/**
 * The simple input shape for AI agents: a prompt, optional other inputs, and the model left
 * optional (empty = DEFAULT_TOOL_MODEL). Models call tools with strings more reliably than with
 * nested objects, so every value may come as text.
 */
export const PROMPT_MODE = 'prompt';

export const promptModeOption = {
	name: 'Prompt (Simple, Good for AI Agents)',
	value: PROMPT_MODE,
	description: 'A text prompt plus optional other inputs as JSON; an empty model means ' + DEFAULT_TOOL_MODEL,
};

export function promptModeProperties(): INodeProperties[] {
	const displayOptions = { show: { inputMode: [PROMPT_MODE] } };
	return [
		{
			displayName: 'Prompt',
			name: 'prompt',
			type: 'string',
			default: '',
			required: true,
			typeOptions: { rows: 4 },
			placeholder: 'e.g. a red panda astronaut, watercolour',
			description: 'What to generate. Sent as the model\'s `prompt` input.',
			displayOptions,
		},
		{
			displayName: 'Other Inputs (JSON)',
			name: 'otherInputs',
			type: 'json',
			default: '{}',
			description:
				'Optional further inputs of the model as a JSON object (or JSON text), e.g. {"aspect_ratio": "16:9"}. Invalid fields are reported with the allowed values.',
			displayOptions,
		},
	];
}

/**
 * A JSON object given as an object, as JSON text, or as JSON text inside a JSON string (what
 * models produce when a schema says "string"). Undefined when the text is not a JSON object.
 */
export function lenientObject(raw: unknown): IDataObject | undefined {
	if (isPlainObject(raw)) return raw;
	let value: unknown = raw;
	for (let depth = 0; depth < 2 && typeof value === 'string'; depth++) {
		const text = value.trim();
		if (text === '') return {};
		try {
			value = JSON.parse(text);
		} catch {
			return undefined;
		}
	}
	return isPlainObject(value) ? value : undefined;
}

/** The `input` object in Prompt mode: other inputs, then the prompt on top. */
export function inputFromPrompt(ctx: IExecuteFunctions, itemIndex: number): IDataObject {
	const prompt = String(ctx.getNodeParameter('prompt', itemIndex, '') ?? '').trim();
	const raw = ctx.getNodeParameter('otherInputs', itemIndex, '{}') as unknown;
	const other = lenientObject(raw ?? {});
	if (other === undefined) {
		throw new NodeOperationError(ctx.getNode(), `Other Inputs (JSON) must be a JSON object, got ${JSON.stringify(raw).slice(0, 120)}`, {
			itemIndex,
			description: 'Give an object such as {"aspect_ratio": "16:9"}, or leave it empty.',
		});
	}
	if (prompt === '' && (other.prompt === undefined || other.prompt === '')) {
		throw new NodeOperationError(ctx.getNode(), 'The prompt is empty', {
			itemIndex,
			description: 'Say what to generate in "prompt", e.g. "a red panda astronaut, watercolour".',
		});
	}
	return prompt === '' ? other : { ...other, prompt };
}

/** The model for Prompt mode: the given id, else the default. */
export function promptModeModel(given: string): string {
	return given.trim() === '' ? DEFAULT_TOOL_MODEL : given.trim();
}

export function modelChoiceText(): string {
	return `Empty = ${DEFAULT_TOOL_MODEL}. Popular: ${popularModelsText()}.`;
}
