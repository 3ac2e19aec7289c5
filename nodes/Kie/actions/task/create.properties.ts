import { updateDisplayOptions } from 'n8n-workflow';
import type { INodeProperties } from 'n8n-workflow';

import { promptModeOption, promptModeProperties } from '../../tool/simple';
import { outputOptionsProperty } from '../options/output';
import { pollOptionsProperty } from '../options/poll';


export const CALLBACK_PLACEHOLDER = 'https://example.com/n8n-nodes-kie-ai/no-callback';

/** Create Task's parameters, shown for Task → Create (`updateDisplayOptions` adds that condition to each). */
export const description: INodeProperties[] = updateDisplayOptions({ show: { resource: ['task'], operation: ['create'] } }, [
	{
		displayName: 'Model',
		name: 'model',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: 'The KIE model or API endpoint to run',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select a model…',
				typeOptions: { searchListMethod: 'searchModels', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. kling-3.0/video',
				hint: 'Any KIE Market model ID; models not in the list are sent as given',
				validation: [
					{
						type: 'regex',
						properties: { regex: '^[A-Za-z0-9][A-Za-z0-9._/-]*$', errorMessage: 'Model IDs contain letters, digits, ".", "_", "-" and "/"' },
					},
				],
			},
		],
	},
	{
		displayName: 'Input Mode',
		name: 'inputMode',
		type: 'options',
		default: 'fields',
		options: [
			{ name: 'Fields', value: 'fields', description: 'A form generated from the model\'s schema in KIE\'s catalogue' },
			{ name: 'JSON', value: 'json', description: 'The raw `input` object KIE expects for this model' },
			promptModeOption,
		],
	},
	...promptModeProperties(),
	{
		displayName: 'Input Option Name or ID',
		name: 'inputOption',
		type: 'options',
		default: '0',
		description:
			'Some models accept alternative input shapes (a oneOf in KIE\'s schema), each with its own fields and required list; fields of different options cannot be mixed. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		typeOptions: { loadOptionsMethod: 'getInputOptions', loadOptionsDependsOn: ['model.value'] },
		displayOptions: { show: { inputMode: ['fields'] } },
	},
	{
		displayName: 'Input',
		name: 'fields',
		type: 'resourceMapper',
		noDataExpression: true,
		default: { mappingMode: 'defineBelow', value: null },
		required: true,
		typeOptions: {
			loadOptionsDependsOn: ['model.value', 'inputOption'],
			resourceMapper: {
				resourceMapperMethod: 'getModelFields',
				mode: 'add',
				fieldWords: { singular: 'field', plural: 'fields' },
				// true: the editor shows each field as getModelFields marks it (`removed`); with false it
				// would show the required fields only, hiding e.g. Suno's prompt under "Add field".
				addAllFields: true,
				multiKeyMatch: false,
				supportAutoMap: false,
			},
		},
		displayOptions: { show: { inputMode: ['fields'] } },
	},
	{
		displayName: 'Input (JSON)',
		name: 'inputJson',
		type: 'json',
		default: '{\n  "prompt": ""\n}',
		description: 'The model\'s `input` object, e.g. {"prompt": "a red panda", "aspect_ratio": "1:1"}. An object from an AI agent is accepted too.',
		displayOptions: { show: { inputMode: ['json'] } },
	},
	{
		displayName:
			'URL fields need public HTTPS URLs that KIE can download. To send a file of this item, use Binary Inputs below instead of a URL.',
		name: 'urlNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Binary Inputs',
		name: 'binaryInputs',
		type: 'fixedCollection',
		placeholder: 'Add Binary Input',
		typeOptions: { multipleValues: true },
		default: {},
		description: 'Upload binary files of the input item to KIE and put their URLs into URL fields of the input',
		options: [
			{
				displayName: 'Mapping',
				name: 'mappings',
				values: [
					{
						displayName: 'Binary Property',
						name: 'binaryProperty',
						type: 'string',
						default: 'data',
						description: 'Name of the binary property of the input item',
					},
					{
						displayName: 'Input Field',
						name: 'field',
						type: 'string',
						default: 'image_urls',
						description: 'The URL field of the model input that receives the uploaded file\'s URL (list fields get it appended)',
					},
				],
			},
		],
	},
	{
		displayName: 'Callback',
		name: 'callbackMode',
		type: 'options',
		default: 'none',
		options: [
			{ name: 'None (Poll With Wait for Task)', value: 'none' },
			{ name: 'URL', value: 'url', description: 'KIE POSTs the result to this URL, e.g. a KIE Trigger\'s production URL' },
			{
				name: 'This Execution\'s Resume URL',
				value: 'resume',
				description: 'For a following Wait for Task in callback mode: the execution pauses and KIE resumes it',
			},
		],
	},
	{
		displayName:
			'Suno and Runway require a callback URL. With "None", a harmless placeholder (https://example.com/…) is sent and the result is read by polling.',
		name: 'callbackNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { callbackMode: ['none'] } },
	},
	{
		displayName: 'Callback URL',
		name: 'callbackUrl',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'https://n8n.example.com/webhook/…/kie',
		description: 'Must be reachable from the internet. Use the KIE Trigger\'s production URL (activate that workflow).',
		displayOptions: { show: { callbackMode: ['url'] } },
	},
	{
		displayName: 'Options',
		name: 'createOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Allow Fields Not in Schema',
				name: 'allowUnknownFields',
				type: 'boolean',
				default: false,
				description:
					'Whether to send input fields that the model\'s schema does not list. KIE silently ignores unknown fields and still bills the task, so by default they are refused (a typo would pay for the wrong thing).',
			},
			{
				displayName: 'Concurrency',
				name: 'concurrency',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 20 },
				default: 5,
				description: 'Creates in flight at once (the rate limiter still spaces them)',
			},
			{
				displayName: 'Minimum Balance (Credits)',
				name: 'minimumBalance',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 0,
				description:
					'Stop before creating tasks when the KIE balance is below this. The balance is read before the first create of the execution and again every 20 creates. 0 = no check.',
			},
			{
				displayName: 'Upload Path',
				name: 'uploadPath',
				type: 'string',
				default: 'n8n',
				description: 'Folder on KIE\'s upload storage for binary inputs',
			},
		],
	},
	{
		displayName: 'Wait for Completion',
		name: 'waitForCompletion',
		type: 'boolean',
		default: false,
		description:
			'Whether to poll until the tasks end and output their results (files as binary data), as Wait for Task does in Poll mode',
	},
	pollOptionsProperty({ show: { waitForCompletion: [true] } }),
	outputOptionsProperty({ show: { waitForCompletion: [true] } }),
]);
