import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions } from 'n8n-workflow';

import { FAMILIES, FAMILY_IDS } from '../families/specs';
import type { FamilyId } from '../families/types';
import { readTask } from '../task/read';
import type { NormalisedTask } from '../task/types';
import { limiterFor } from '../transport/limiter';
import { cancelSignal, getKieCredentials, type TransportSettings } from '../transport/request';
import { cancellableSleep } from '../transport/sleep';
import { DEFAULT_READS_PER_SECOND } from '../wait/settings';
import { readLimit } from '../wait/waitForTasks';

/**
 * Tasks created by this n8n process recently: task id → API. An agent usually reads a task it
 * just created, and KIE's task ids do not name their API.
 */
const REMEMBERED = new Map<string, FamilyId>();
const REMEMBER_MAX = 1000;

export function rememberTask(taskId: string, family: FamilyId): void {
	if (taskId === '') return;
	REMEMBERED.delete(taskId);
	REMEMBERED.set(taskId, family);
	while (REMEMBERED.size > REMEMBER_MAX) REMEMBERED.delete(REMEMBERED.keys().next().value as string);
}

export function rememberedFamily(taskId: string): FamilyId | undefined {
	return REMEMBERED.get(taskId);
}

/** Runway and Runway Aleph answer with UUIDs; Market, Veo, Suno and the rest with 32 hex digits. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The APIs to try for a task id, most likely first: those whose spec says they mint ids of its
 * style, by their lookup rank (`taskIds` in families/<family>.ts), then every other API.
 */
export function candidateFamilies(taskId: string): FamilyId[] {
	const style = UUID.test(taskId.trim()) ? 'uuid' : 'hex';
	const first = FAMILY_IDS.filter((id) => FAMILIES[id].taskIds.style === style).sort(
		(a, b) => FAMILIES[a].taskIds.lookupRank - FAMILIES[b].taskIds.lookupRank,
	);
	return [...first, ...FAMILY_IDS.filter((id) => !first.includes(id))];
}

/**
 * Finds the API of a task without an `api` field: remembered creates first, then one status read
 * per candidate API (through the account's read cap) until one knows the task.
 */
export async function findTaskFamily(
	ctx: IExecuteFunctions,
	taskId: string,
	itemIndex: number,
	settings?: TransportSettings,
): Promise<{ family: FamilyId; task?: NormalisedTask }> {
	const remembered = rememberedFamily(taskId);
	if (remembered) return { family: remembered };
	const credentials = await getKieCredentials(ctx);
	const limiter = limiterFor(credentials.baseUrl, credentials.apiKey, readLimit(DEFAULT_READS_PER_SECOND), 'read');
	const signal = cancelSignal(ctx);
	const sleepFor = async (ms: number) => await cancellableSleep(ms, signal, ctx.getNode());
	const tried: FamilyId[] = [];
	for (const family of candidateFamilies(taskId)) {
		await limiter.acquire(sleepFor, signal);
		tried.push(family);
		const task = await readTask(ctx, family, taskId, itemIndex, settings);
		if (task) {
			rememberTask(taskId, family);
			return { family, task };
		}
	}
	throw new NodeOperationError(ctx.getNode(), `No KIE API knows task "${taskId}" yet, so "api" is needed`, {
		itemIndex,
		description: `Tried: ${tried.map((id) => FAMILIES[id].displayName).join(', ')}. Pass "api" with the value the create result gave (one of: ${FAMILY_IDS.join(', ')}); a task created seconds ago may not be visible yet.`,
	});
}

/** Forgets every remembered task (tests). */
export function forgetRememberedTasks(): void {
	REMEMBERED.clear();
}
