/* eslint-disable @n8n/community-nodes/no-restricted-globals */
/** Shared pieces of the Wait for Task engine tests: tasks created on the emulator, node parameters. */
import type { INodeParameters } from 'n8n-workflow';

import { Kie } from '../../nodes/Kie/Kie.node';
import { DEFAULT_API_KEY, type Emulator } from '../emulator';
import { call } from '../emulator/helpers';
import { runNode, type KieTestCredentials, type RunNodeOptions, type RunNodeResult } from '../harness';

export const PLACEHOLDER_CALLBACK = 'https://example.invalid/no-callback';

export function credentials(kie: Emulator, webhookHmacKey?: string): KieTestCredentials {
	return { apiKey: DEFAULT_API_KEY, baseUrl: kie.url, uploadBaseUrl: kie.uploadUrl, ...(webhookHmacKey ? { webhookHmacKey } : {}) };
}

/** Creates a task straight on the emulator (as another workflow or tool would) and returns its id. */
export async function createOn(kie: Emulator, path: string, body: Record<string, unknown>): Promise<string> {
	const reply = await call(kie.url, 'POST', path, body);
	const taskId = reply.json?.data?.taskId ?? reply.json?.data?.task_id;
	if (reply.json?.code !== 200 || typeof taskId !== 'string') {
		throw new Error(`create on ${path} failed: ${reply.text}`);
	}
	return taskId;
}

export async function createMarket(kie: Emulator, model = 'grok-imagine/text-to-image', prompt = 'a red panda', callBackUrl?: string): Promise<string> {
	return await createOn(kie, '/api/v1/jobs/createTask', { model, input: { prompt }, ...(callBackUrl ? { callBackUrl } : {}) });
}

/** Fast polling for tests: the adaptive schedule with a short expected duration and small steps. */
export const FAST_POLL = { expectedSeconds: 0.5, minIntervalSeconds: 0.1, maxIntervalSeconds: 0.3, readsPerSecond: 100, timeoutMinutes: 0.5 };

export function waitParameters(overrides: INodeParameters = {}): INodeParameters {
	return {
		resource: 'task',
		operation: 'wait',
		taskId: '={{ $json.taskId }}',
		api: 'auto',
		waitMode: 'poll',
		pollOptions: { ...FAST_POLL },
		outputOptions: {},
		...overrides,
	};
}

export async function runWait(
	kie: Emulator,
	items: Array<Record<string, unknown>>,
	overrides: INodeParameters = {},
	extra: Partial<RunNodeOptions> = {},
): Promise<RunNodeResult> {
	return await runNode({
		node: new Kie(),
		parameters: waitParameters(overrides),
		items: items.map((json) => ({ json: json as never })),
		credentials: credentials(kie),
		...extra,
	});
}

/** Status reads the emulator received for a task. */
export function readsOf(kie: Emulator, taskId: string): number {
	return kie.log.filter((entry) => entry.query.taskId === taskId && /record/i.test(entry.route)).length;
}

/**
 * Resolves once the emulator has served `reads` status reads of a task: tests move a task on
 * when the waiting code has looked at it, whatever the machine's speed. The ceiling only stops a
 * broken test; it is not a speed target.
 */
export async function afterReads(kie: Emulator, taskId: string, reads: number, ceilingMs = 60_000): Promise<void> {
	const started = Date.now();
	while (readsOf(kie, taskId) < reads) {
		if (Date.now() - started > ceilingMs) throw new Error(`task ${taskId}: fewer than ${reads} status reads after ${ceilingMs} ms`);
		await new Promise((resolve) => setTimeout(resolve, 5));
	}
}

/** Finishes a task once it has been read `reads` times: the waiting code sees it running first. */
export async function finishAfterReads(kie: Emulator, taskId: string, reads: number, ceilingMs = 60_000): Promise<void> {
	await afterReads(kie, taskId, reads, ceilingMs);
	kie.finishTask(taskId, {});
}
