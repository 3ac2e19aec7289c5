import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { checkInput, formatIssues } from '../../catalogue/check';
import type { ModelResult } from '../../catalogue/discovery';
import { discoveryClient } from '../../catalogue/fetch';
import { resolveModel } from '../../catalogue/resolve';
import type { CatalogueModel, InputBranch } from '../../catalogue/model';
import { findField, MARKET_PATH } from '../../catalogue/schema';
import { FAMILIES } from '../../families/specs';
import type { FamilyId } from '../../families/types';
import { uploadBinary } from '../../binary/upload';
import { kieRequest, type TransportSettings } from '../../transport/request';
import { asNodeError } from '../../utils/errors';
import { forEachItem } from '../items';
import { transportSettings } from '../common';
import { refuseCallbackInToolMode } from '../../tool/guard';
import { binaryMappings, inputFromFields, inputFromJson, isListField, placeUrl } from './create.input';
import { CALLBACK_PLACEHOLDER } from './create.properties';
import { SpendGuard } from './create.guard';
import { waitForCreated } from './create.wait';
import { chosenBranch } from '../../methods/getModelFields';
import { inputFromPrompt, PROMPT_MODE, promptModeModel } from '../../tool/simple';
import { redactText } from '../../task/redact';

// The parameters are long enough for a file of their own (create.properties.ts).
export { description } from './create.properties';

export interface CreatedTask {
	taskId: string;
	api: FamilyId;
	model: string;
	callBackUrl?: string;
	input: IDataObject;
	recordId?: string;
	/** Veo 1080p answers with the result itself instead of a task. */
	resultUrl?: string;
	/** KIE's price text for the model (the actual charge is `creditsConsumed` once the task ends). */
	priceText?: string | null;
	/** Where the model's schema came from (`live`, `cache`, `snapshot`), and notes about it. */
	catalogue?: IDataObject;
}

const PENDING_UPLOAD = 'https://upload.pending.invalid/';

function modelId(ctx: IExecuteFunctions, itemIndex: number): string {
	let id = String(ctx.getNodeParameter('model', itemIndex, '', { extractValue: true }) ?? '').trim();
	if (ctx.getNodeParameter('inputMode', itemIndex, 'fields') === PROMPT_MODE) id = promptModeModel(id);
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

function buildRequest(model: CatalogueModel | undefined, id: string, input: IDataObject, callBackUrl: string | undefined) {
	const callbackField = model?.callbackField ?? 'callBackUrl';
	const method = model?.method ?? 'POST';
	const path = model?.path ?? MARKET_PATH;
	if (path === MARKET_PATH) {
		const body: IDataObject = { model: id };
		if (callBackUrl) body[callbackField] = callBackUrl;
		body.input = input;
		return { method, path, body };
	}
	const payload: IDataObject = { ...input };
	if (callBackUrl) payload[callbackField] = callBackUrl;
	return method === 'GET' ? { method, path, qs: payload } : { method, path, body: payload };
}

/** What the output says about where the model's definition came from. */
function catalogueNote(id: string, resolved: ModelResult): IDataObject {
	const note: IDataObject = { schema: resolved.origin };
	if (resolved.model?.schemaSource) note.schemaFrom = `${resolved.model.schemaSource.from} (${resolved.model.schemaSource.at})`;
	const notices: string[] = [];
	if (resolved.notice) notices.push(resolved.notice);
	if (!resolved.model) notices.push(`${id} is not in KIE's model catalogue: it was sent as given, unchecked.`);
	if (resolved.model?.kind === 'unchecked') notices.push(`KIE has not published the schema of ${id}: its input was sent unchecked.`);
	if (notices.length > 0) note.notice = notices.join(' ');
	return note;
}

function refuseUnrunnable(ctx: IExecuteFunctions, itemIndex: number, id: string, model: CatalogueModel | undefined): void {
	if (model?.kind === 'chat') {
		throw new NodeOperationError(ctx.getNode(), `${id} is a synchronous chat model: Create Task cannot run it`, {
			itemIndex,
			description: `KIE serves ${id} at ${model.path ?? 'a chat endpoint'} and answers in the HTTP response, without a task. Call that endpoint with an HTTP Request node (KIE credential), or pick a task model.`,
		});
	}
}

function validate(ctx: IExecuteFunctions, itemIndex: number, id: string, model: CatalogueModel | undefined, candidate: IDataObject, allowUnknownFields: boolean): InputBranch | undefined {
	if (!model?.input) return undefined;
	const result = checkInput(model.input, id, candidate, { allowUnknownFields });
	if (result.ok) return result.branch;
	throw new NodeOperationError(ctx.getNode(), `Invalid input for ${id}: ${[...new Set(result.issues.map((issue) => issue.field))].join(', ')}`, {
		itemIndex,
		description: `${formatIssues(result.issues)}\nNothing was sent to KIE and no credit was spent.`,
	});
}

/** Validates, uploads binary inputs, and creates one task for one item. */
export async function createTask(
	ctx: IExecuteFunctions,
	itemIndex: number,
	settings: TransportSettings = transportSettings(ctx, itemIndex),
	guard?: SpendGuard,
): Promise<CreatedTask> {
	const id = modelId(ctx, itemIndex);
	const resolved = await resolveModel(await discoveryClient(ctx), id);
	const model = resolved.model;
	const family: FamilyId = model?.family ?? 'market';
	const mode = ctx.getNodeParameter('inputMode', itemIndex, 'fields') as string;
	refuseUnrunnable(ctx, itemIndex, id, model);
	const options = ctx.getNodeParameter('createOptions', itemIndex, {}) as IDataObject;
	const formBranch = model ? chosenBranch(model, ctx.getNodeParameter('inputOption', itemIndex, '0')) : undefined;
	const input =
		mode === 'json' ? inputFromJson(ctx, itemIndex) : mode === PROMPT_MODE ? inputFromPrompt(ctx, itemIndex) : inputFromFields(ctx, itemIndex, formBranch);
	const mappings = binaryMappings(ctx, itemIndex);
	const urlFields = [...new Set((model?.input?.branches ?? []).flatMap((branch) => branch.fields.filter((field) => field.isUrl).map((field) => field.name)))];
	for (const mapping of mappings) {
		if (mapping.binaryProperty === '' || mapping.field === '') {
			throw new NodeOperationError(ctx.getNode(), 'A binary input mapping needs both a binary property and an input field', { itemIndex });
		}
		if (model?.input && !urlFields.includes(mapping.field)) {
			throw new NodeOperationError(ctx.getNode(), `"${mapping.field}" is not a URL field of ${id}`, {
				itemIndex,
				description: `Binary files can go into: ${urlFields.join(', ') || '(this model takes no files)'}.`,
			});
		}
		ctx.helpers.assertBinaryData(itemIndex, mapping.binaryProperty);
	}

	// Validate before any request, with placeholders where uploads will go, so no credit (and
	// no upload) is spent on input KIE would reject.
	const candidate: IDataObject = JSON.parse(JSON.stringify(input)) as IDataObject;
	for (const mapping of mappings) {
		placeUrl(candidate, mapping.field, `${PENDING_UPLOAD}${encodeURIComponent(mapping.binaryProperty)}`, isListField(findField(model?.input, mapping.field), mapping.field, candidate[mapping.field]));
	}
	validate(ctx, itemIndex, id, model, candidate, options.allowUnknownFields === true);

	await guard?.beforeCreate(itemIndex);
	const uploadPath = String(options.uploadPath ?? 'n8n');
	for (const mapping of mappings) {
		const uploaded = await uploadBinary(ctx, itemIndex, mapping.binaryProperty, { uploadPath, settings });
		placeUrl(input, mapping.field, uploaded.downloadUrl, isListField(findField(model?.input, mapping.field), mapping.field, input[mapping.field]));
	}

	const callBackUrl = callbackUrl(ctx, itemIndex, family);
	const request = buildRequest(model, id, input, callBackUrl);
	let response;
	try {
		response = await kieRequest<IDataObject | string | null>(ctx, {
			...request,
			kind: 'create',
			action: `create a task for ${id}`,
			itemIndex,
			settings,
		});
	} catch (error) {
		if (!model && error instanceof Error) {
			const withDescription = error as Error & { description?: string | null };
			withDescription.description = [
				withDescription.description,
				`"${id}" is not in KIE's model catalogue. Look up the current model IDs in Create Task → Model → From List, or on https://kie.ai/market (each model page names its ID).`,
			]
				.filter(Boolean)
				.join(' ');
		}
		throw asNodeError(ctx.getNode(), error, itemIndex);
	}
	const data = response.data;
	const created: CreatedTask = { taskId: '', api: family, model: id, input };
	// A KIE Trigger URL may carry its Shared Token (?token=): never shown in the output.
	if (callBackUrl) created.callBackUrl = redactText(callBackUrl);
	created.priceText = model?.priceText ?? null;
	created.catalogue = catalogueNote(id, resolved);
	const path = model?.path ?? MARKET_PATH;
	if (FAMILIES[family].resultOnCreatePaths?.includes(path)) {
		const resultUrl = typeof data === 'string' ? data : String((data as IDataObject | null)?.resultUrl ?? '');
		created.taskId = String(input.taskId ?? '');
		created.resultUrl = resultUrl;
		return created;
	}
	const taskId = (data as IDataObject | null)?.taskId ?? (data as IDataObject | null)?.task_id;
	if (typeof taskId !== 'string' || taskId === '') {
		throw new NodeOperationError(ctx.getNode(), `KIE accepted the request for ${id} but returned no task ID`, {
			itemIndex,
			description: `KIE said: ${JSON.stringify(response.body).slice(0, 300)}. Check your KIE dashboard before retrying.`,
		});
	}
	created.taskId = taskId;
	guard?.created.push(taskId);
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

/**
 * Logs a paid task as soon as KIE accepted it. In queue mode a worker can die (SIGKILL, OOM) before
 * the execution's data is saved; the worker's log then still names every task it paid for, with
 * its execution, so the tasks can be read with Get Task or Wait for Task instead of being paid again.
 */
function logCreated(ctx: IExecuteFunctions, itemIndex: number, task: CreatedTask): void {
	ctx.logger.info(`KIE task created: ${task.taskId} (${task.api}, ${task.model}) for item ${itemIndex}`, {
		taskId: task.taskId,
		api: task.api,
		model: task.model,
		itemIndex,
		executionId: ctx.getExecutionId(),
		workflowId: ctx.getWorkflow().id,
		node: ctx.getNode().name,
	});
}

export async function execute(ctx: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const options = ctx.getNodeParameter('createOptions', 0, {}) as IDataObject;
	const concurrency = Number(options.concurrency ?? 5);
	const guard = new SpendGuard(ctx, Number(options.minimumBalance ?? 0), transportSettings(ctx, 0));
	let paid: IDataObject[] = [];
	let created: INodeExecutionData[];
	try {
		created = await forEachItem(
			ctx,
			items,
			async (itemIndex) => {
				const task = await createTask(ctx, itemIndex, undefined, guard);
				if (task.taskId) logCreated(ctx, itemIndex, task);
				return { json: task as unknown as IDataObject };
			},
			concurrency,
			(done) => {
				paid = done
					.filter((item) => typeof item.json.taskId === 'string' && item.json.taskId !== '')
					.map((item) => ({ itemIndex: (item.pairedItem as { item: number }).item, taskId: item.json.taskId, api: item.json.api, model: item.json.model }));
				return createdSummary(done);
			},
		);
	} catch (error) {
		// The batch stopped: the paid tasks stay in the saved execution's error (context.createdTasks,
		// readable in the UI and through the API), not only in its message.
		const nodeError = asNodeError(ctx.getNode(), error, 0) as Error & { context?: IDataObject };
		if (paid.length > 0) nodeError.context = { ...(nodeError.context ?? {}), createdTasks: paid };
		throw nodeError;
	}
	if (ctx.getNodeParameter('waitForCompletion', 0, false) !== true) return created;
	return await waitForCreated(ctx, created);
}
