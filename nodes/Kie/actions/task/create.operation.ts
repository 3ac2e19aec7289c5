import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { findModel } from '../../catalogue';
import type { CatalogueEntry } from '../../catalogue/types';
import { formatIssues, validateInput } from '../../catalogue/validate';
import { FAMILIES } from '../../families/specs';
import type { FamilyId } from '../../families/types';
import { uploadBinary } from '../../binary/upload';
import { kieRequest, type TransportSettings } from '../../transport/request';
import { waitForCreated } from '../../wait/created';
import { forEachItem } from '../items';
import { refuseCallbackInToolMode, transportSettings } from '../common';
import { binaryMappings, inputFromFields, inputFromJson, isListField, placeUrl } from './create.input';
import { CALLBACK_PLACEHOLDER } from './create.properties';
import { redactText } from '../../task/redact';

export interface CreatedTask {
	taskId: string;
	api: FamilyId;
	model: string;
	callBackUrl?: string;
	input: IDataObject;
	recordId?: string;
	/** Veo 1080p answers with the result itself instead of a task. */
	resultUrl?: string;
}

const PENDING_UPLOAD = 'https://upload.pending.invalid/';

function modelId(ctx: IExecuteFunctions, itemIndex: number): string {
	const id = String(ctx.getNodeParameter('model', itemIndex, '', { extractValue: true }) ?? '').trim();
	if (id === '') {
		throw new NodeOperationError(ctx.getNode(), 'No model selected', {
			itemIndex,
			description: 'Pick a model from the list or give a KIE model ID.',
		});
	}
	return id;
}

function callbackUrl(ctx: IExecuteFunctions, itemIndex: number, family: FamilyId): string | undefined {
	const mode = ctx.getNodeParameter('callbackMode', itemIndex, 'none') as string;
	if (mode === 'url') {
		const url = String(ctx.getNodeParameter('callbackUrl', itemIndex, '') ?? '').trim();
		if (!/^https?:\/\/\S+$/i.test(url)) {
			throw new NodeOperationError(ctx.getNode(), `Callback URL must be an http(s) URL, got "${url}"`, { itemIndex });
		}
		return url;
	}
	if (mode === 'resume') {
		refuseCallbackInToolMode(ctx, 'The callback "This Execution\'s Resume URL"');
		// The full URL, query included: n8n ≥ 2.14 refuses a resume without its ?signature=.
		return String(ctx.evaluateExpression('{{ $execution.resumeUrl }}', itemIndex));
	}
	return FAMILIES[family].callbackRequired ? CALLBACK_PLACEHOLDER : undefined;
}

function buildRequest(entry: CatalogueEntry | undefined, model: string, input: IDataObject, callBackUrl: string | undefined) {
	const callbackField = entry?.callbackField ?? 'callBackUrl';
	const method = entry?.createMethod ?? 'POST';
	const path = entry?.createPath ?? '/api/v1/jobs/createTask';
	if ((entry?.bodyStyle ?? 'market') === 'market') {
		const body: IDataObject = { model };
		if (callBackUrl) body[callbackField] = callBackUrl;
		body.input = input;
		return { method, path, body };
	}
	const payload: IDataObject = { ...input };
	if (callBackUrl) payload[callbackField] = callBackUrl;
	return method === 'GET' ? { method, path, qs: payload } : { method, path, body: payload };
}

/** Validates, uploads binary inputs, and creates one task for one item. */
export async function createTask(
	ctx: IExecuteFunctions,
	itemIndex: number,
	settings: TransportSettings = transportSettings(ctx, itemIndex),
): Promise<CreatedTask> {
	const model = modelId(ctx, itemIndex);
	const entry = findModel(model);
	const family: FamilyId = entry?.family ?? 'market';
	const mode = ctx.getNodeParameter('inputMode', itemIndex, 'fields') as string;
	const input = mode === 'json' ? inputFromJson(ctx, itemIndex) : inputFromFields(ctx, itemIndex, entry);
	const mappings = binaryMappings(ctx, itemIndex);
	for (const mapping of mappings) {
		if (mapping.binaryProperty === '' || mapping.field === '') {
			throw new NodeOperationError(ctx.getNode(), 'A binary input mapping needs both a binary property and an input field', { itemIndex });
		}
		if (entry && !entry.urlFields.includes(mapping.field)) {
			throw new NodeOperationError(ctx.getNode(), `"${mapping.field}" is not a URL field of ${entry.id}`, {
				itemIndex,
				description: `Binary files can go into: ${entry.urlFields.join(', ') || '(this model takes no files)'}.`,
			});
		}
		ctx.helpers.assertBinaryData(itemIndex, mapping.binaryProperty);
	}

	// Validate before any request, with placeholders where uploads will go, so no credit (and
	// no upload) is spent on input KIE would reject.
	const candidate: IDataObject = JSON.parse(JSON.stringify(input)) as IDataObject;
	for (const mapping of mappings) {
		placeUrl(candidate, mapping.field, `${PENDING_UPLOAD}${encodeURIComponent(mapping.binaryProperty)}`, isListField(entry, mapping.field, candidate[mapping.field]));
	}
	if (entry) {
		const result = validateInput(entry, candidate);
		if (!result.ok) {
			throw new NodeOperationError(ctx.getNode(), `Invalid input for ${entry.id}: ${result.issues.map((issue) => issue.field).join(', ')}`, {
				itemIndex,
				description: formatIssues(result.issues),
			});
		}
	}

	const uploadPath = String((ctx.getNodeParameter('createOptions', itemIndex, {}) as IDataObject).uploadPath ?? 'n8n');
	for (const mapping of mappings) {
		const uploaded = await uploadBinary(ctx, itemIndex, mapping.binaryProperty, { uploadPath, settings });
		placeUrl(input, mapping.field, uploaded.downloadUrl, isListField(entry, mapping.field, input[mapping.field]));
	}

	const callBackUrl = callbackUrl(ctx, itemIndex, family);
	const request = buildRequest(entry, model, input, callBackUrl);
	const response = await kieRequest<IDataObject | string | null>(ctx, {
		...request,
		kind: 'create',
		action: `create a task for ${model}`,
		itemIndex,
		settings,
	});
	const data = response.data;
	const created: CreatedTask = { taskId: '', api: family, model, input };
	// A KIE Trigger URL may carry its Shared Token (?token=): never shown in the output.
	if (callBackUrl) created.callBackUrl = redactText(callBackUrl);
	if (entry?.responseKind === 'result') {
		const resultUrl = typeof data === 'string' ? data : String((data as IDataObject | null)?.resultUrl ?? '');
		created.taskId = String(input.taskId ?? '');
		created.resultUrl = resultUrl;
		return created;
	}
	const taskId = (data as IDataObject | null)?.taskId ?? (data as IDataObject | null)?.task_id;
	if (typeof taskId !== 'string' || taskId === '') {
		throw new NodeOperationError(ctx.getNode(), `KIE accepted the request for ${model} but returned no task ID`, {
			itemIndex,
			description: `KIE said: ${JSON.stringify(response.body).slice(0, 300)}. Check your KIE dashboard before retrying.`,
		});
	}
	created.taskId = taskId;
	const recordId = (data as IDataObject).recordId;
	if (typeof recordId === 'string') created.recordId = recordId;
	return created;
}

/** The paid tasks of earlier items, so a re-run can skip them instead of paying again. */
function createdSummary(done: INodeExecutionData[]): string | undefined {
	const created = done.filter((item) => typeof item.json.taskId === 'string' && item.json.taskId !== '');
	if (created.length === 0) return undefined;
	const list = created.map((item) => `item ${(item.pairedItem as { item: number }).item}: ${String(item.json.taskId)}`).join(', ');
	return `Tasks already created for other items (charged; read them with Get Task instead of creating them again): ${list}.`;
}

export async function executeCreate(ctx: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const options = ctx.getNodeParameter('createOptions', 0, {}) as IDataObject;
	const concurrency = Number(options.concurrency ?? 5);
	const created = await forEachItem(
		ctx,
		items,
		async (itemIndex) => ({ json: (await createTask(ctx, itemIndex)) as unknown as IDataObject }),
		concurrency,
		createdSummary,
	);
	if (ctx.getNodeParameter('waitForCompletion', 0, false) !== true) return created;
	return await waitForCreated(ctx, created);
}
