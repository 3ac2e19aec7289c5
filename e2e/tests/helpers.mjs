/** Shared helpers of the e2e tests. */
import { assert } from '../lib/report.mjs';
import { binaryFiles, errorOf, nodeItems } from '../lib/results.mjs';
import { waitFor } from '../lib/util.mjs';

export const isCreate = (entry) => entry.route === 'createTask' || entry.route.endsWith('.create');
export const isUpload = (entry) => entry.route.startsWith('upload.');
export const isMedia = (entry) => entry.route === 'media';

/** Runs a workflow with `n8n execute`, asserting success; returns the run data. */
export async function executeOk(ctx, workflowId) {
	const res = await ctx.n8n.execute(workflowId);
	if (!res.data) throw new Error(`n8n execute --id=${workflowId} printed no result (exit ${res.code ?? res.signal}):\n${res.output.split('\n').slice(-25).join('\n')}`);
	const error = errorOf(res.data);
	if (error) throw new Error(`execution failed: ${error.message}${error.description ? ` — ${error.description}` : ''}`);
	if (res.code !== 0) {
		// n8n 2.41's CLI can crash while exiting after it printed a successful result (isolated-vm);
		// the result is what counts, but say so.
		console.log(`  note: n8n execute --id=${workflowId} printed a successful result but exited with ${res.code ?? res.signal}`);
	}
	return res.data;
}

/** Binary files on a node's output, with their bytes checked. */
export function filesOf(ctx, run, nodeName) {
	const items = nodeItems(run, nodeName);
	assert(items, `node "${nodeName}" did not run`);
	return binaryFiles(items, ctx.n8n.userFolder, run.id);
}

/** Asserts that files are real media of the given kind (mime type and magic bytes agree). */
export function assertMedia(files, kind, { count } = {}) {
	assert(files.length > 0, `no binary ${kind} files in the output`);
	if (count !== undefined) assert(files.length === count, `expected ${count} ${kind} files, got ${files.length}`);
	for (const f of files) {
		assert(f.mimeType?.startsWith(`${kind}/`), `${f.property} of item ${f.item} has mime type ${f.mimeType}, expected ${kind}/*`);
		assert(f.sniffed.startsWith(`${kind}/`), `${f.property} of item ${f.item} (${f.mimeType}) does not look like ${kind}: first bytes say ${f.sniffed}`);
		assert(f.size > 100, `${f.property} of item ${f.item} has only ${f.size} bytes`);
	}
	return files.map((f) => `${f.mimeType} ${f.size} B`).join(', ');
}

/** POST JSON somewhere; returns { status, json, text }. */
export async function postJson(url, body, headers = {}) {
	const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
	const text = await res.text();
	let json = null;
	try {
		json = JSON.parse(text);
	} catch {
		/* not JSON */
	}
	return { status: res.status, json, text };
}

/**
 * Activates a workflow through the public API and waits until its webhook answers something other
 * than 404 (activation is asynchronous on 2.41.x). `probe` sends the request used to check.
 */
export async function activate(ctx, workflowId, probe) {
	await ctx.n8n.rest.activate(workflowId);
	return waitFor(
		async () => {
			const res = await probe();
			return res.status !== 404 ? res : null;
		},
		{ timeoutMs: 30_000, intervalMs: 300, what: `the webhook of ${workflowId} to be registered` },
	);
}
