import type { INodeProperties } from 'n8n-workflow';

import { popularModelsText } from './popular';

/**
 * The description an AI agent's model reads for the KIE Tool, one per action. n8n adds its own
 * "Tool Description" (`descriptionType` + `toolDescription`, auto = "<action label> in KIE") only
 * when the node has no `toolDescription` property; declaring ours, shown only on the tool variant
 * (`@tool`), makes a useful text the default and keeps it editable.
 */
const TEXTS: Record<string, Record<string, string>> = {
	task: {
		create:
			'Generates an image, video, song or speech with a KIE (kie.ai) AI model and returns the result file URLs. ' +
			'Give "prompt" (what to generate, in English) and optionally "model" (a KIE model id; popular: ' +
			`${popularModelsText()}). ` +
			'When the tool waits for completion it returns {taskId, status: "success", urls: [...], credits}; images take about 10–60 s, videos 1–5 min, songs 2–3 min. ' +
			'Otherwise it returns {taskId, api, status} at once: read it later with the KIE get/wait tool. Each call starts a new paid task; on an error, fix the input the message names and call again.',
		get: 'Reads a KIE (kie.ai) generation task by its taskId and returns at once: status (queued, running, success, failed), the result URLs when done, the credits used, and KIE\'s error message for a failed task. Pass "api" from the create result when you have it.',
		wait: 'Waits until a KIE (kie.ai) generation task (by taskId) ends and returns its status, result URLs and credits, or KIE\'s error message. Images usually end within a minute, videos within a few minutes. Pass "api" from the create result when you have it.',
	},
	account: { getCredits: 'Returns the remaining credit balance of the KIE (kie.ai) account; generating media spends credits.' },
	file: { upload: 'Uploads a file to KIE (kie.ai) storage and returns its public URL, to use as an image/video/audio input of a KIE model.' },
	utility: { getDownloadUrl: 'Turns a KIE (kie.ai) result URL into a fresh download link valid for 20 minutes.' },
};

export const TOOL_DESCRIPTIONS = TEXTS;

export const toolDescriptionProperties: INodeProperties[] = Object.entries(TEXTS).flatMap(([resource, operations]) =>
	Object.entries(operations).map(
		([operation, text]): INodeProperties => ({
			displayName: 'Tool Description',
			name: 'toolDescription',
			type: 'string',
			default: text,
			typeOptions: { rows: 4 },
			description: 'What the AI agent\'s model is told this tool does. The default describes the action; edit it to steer the model.',
			displayOptions: { show: { '@tool': [true], resource: [resource], operation: [operation] } },
		}),
	),
);
