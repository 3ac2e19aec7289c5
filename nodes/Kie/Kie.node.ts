import { NodeConnectionTypes } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { nodeProperties } from './actions/descriptions';
import { route } from './actions/router';
import { getModelFields } from './methods/getModelFields';
import { searchModels } from './methods/searchModels';

export class Kie implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'KIE',
		name: 'kie',
		icon: { light: 'file:kie.svg', dark: 'file:kie.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] === "create" ? "Create: " + ($parameter["model"]?.cachedResultName || $parameter["model"]?.value || "") : $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: 'Generate images, video, music and speech with KIE (kie.ai) models',
		defaults: { name: 'KIE' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'kieApi', required: true }],
		properties: nodeProperties,
	};

	methods = {
		listSearch: { searchModels },
		resourceMapping: { getModelFields },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await route(this);
	}
}
