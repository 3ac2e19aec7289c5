import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

/**
 * What an AI agent gets back from the KIE Tool: the task id, its API, the status, each result URL
 * once, the credits, and KIE's message for a failure. No `raw` record and no binary data (n8n
 * drops binaries before the model anyway), so a result stays a few hundred characters.
 */
export function compactJson(json: IDataObject, includeRaw = false): IDataObject {
	if (typeof json.error === 'string') {
		const help = typeof json.errorDescription === 'string' && !json.error.includes(json.errorDescription) ? `. ${json.errorDescription}` : '';
		const out: IDataObject = { error: `${json.error}${help}` };
		if (typeof json.taskId === 'string' && json.taskId !== '') out.taskId = json.taskId;
		if (typeof json.api === 'string') out.api = json.api;
		return out;
	}
	if (typeof json.taskId !== 'string') return json;
	const out: IDataObject = { taskId: json.taskId };
	if (typeof json.api === 'string') out.api = json.api;
	if (typeof json.model === 'string' && json.model !== '') out.model = json.model;
	if (typeof json.status === 'string') {
		out.status = json.status;
	} else if (typeof json.resultUrl === 'string' && json.resultUrl !== '') {
		out.status = 'success';
	} else {
		out.status = 'created';
		out.next = 'The task is running on KIE. Read its result with the KIE get or wait tool, passing this taskId and api.';
	}
	const urls = new Set<string>();
	for (const url of Array.isArray(json.resultUrls) ? json.resultUrls : []) if (typeof url === 'string') urls.add(url);
	if (typeof json.resultUrl === 'string' && json.resultUrl !== '') urls.add(json.resultUrl);
	if (typeof json.url === 'string' && json.url !== '') urls.add(json.url);
	if (urls.size > 0) out.urls = [...urls];
	if (json.resultObject !== undefined && json.resultObject !== null) out.result = json.resultObject as IDataObject;
	if (typeof json.progress === 'number' && json.final !== true) out.progress = json.progress;
	if (typeof json.creditsConsumed === 'number') out.credits = json.creditsConsumed;
	if (typeof json.costTime === 'number') out.costTime = json.costTime;
	if (includeRaw && json.raw !== undefined) out.raw = json.raw as IDataObject;
	if (json.status === 'failed') {
		out.error = [typeof json.failMsg === 'string' ? json.failMsg : 'KIE gave no reason', json.failCode ? `(code ${String(json.failCode)})` : '']
			.filter(Boolean)
			.join(' ');
	}
	return out;
}

function pairedIndex(item: INodeExecutionData, fallback: number): number {
	const paired = item.pairedItem;
	if (typeof paired === 'number') return paired;
	if (paired && !Array.isArray(paired)) return paired.item;
	return fallback;
}

/**
 * Compacts every output item, merging the per-file items of one task (downloads on) into one
 * item, and drops binary data.
 */
export function compactItems(items: INodeExecutionData[], includeRaw = false): INodeExecutionData[] {
	const out: INodeExecutionData[] = [];
	const byTask = new Map<string, IDataObject>();
	for (const [position, item] of items.entries()) {
		const json = compactJson(item.json, includeRaw);
		const itemIndex = pairedIndex(item, position);
		const key = typeof json.taskId === 'string' && json.error === undefined ? `${itemIndex}:${json.taskId}` : undefined;
		const earlier = key ? byTask.get(key) : undefined;
		if (earlier) {
			const urls = new Set([...((earlier.urls as string[]) ?? []), ...((json.urls as string[]) ?? [])]);
			if (urls.size > 0) earlier.urls = [...urls];
			continue;
		}
		if (key) byTask.set(key, json);
		out.push({ json, pairedItem: { item: itemIndex } });
	}
	return out;
}

/** An error as the tool's answer: the message carries its help, so the model can correct itself. */
export function toolErrorText(error: unknown): string {
	const message = error instanceof Error ? error.message : String(error);
	const description = (error as { description?: unknown } | undefined)?.description;
	if (typeof description !== 'string' || description.trim() === '' || message.includes(description)) return message;
	return `${message}. ${description.replace(/\n+/g, '; ')}`.replace(/\.\. /, '. ');
}
