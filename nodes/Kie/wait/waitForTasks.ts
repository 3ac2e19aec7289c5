import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { FamilyId } from '../families/types';
import { readTask } from '../task/read';
import { limiterFor, type LimiterSettings } from '../transport/limiter';
import { cancelSignal, getKieCredentials } from '../transport/request';
import { cancellableSleep, throwIfCancelled } from '../transport/sleep';
import { timeoutMs } from './deadline';
import { expectationFor } from './expected';
import type { ItemFailures } from '../utils/items';
import { errorTask, outcomeItems } from './outcome';
import { pollTogether, type PollOutcome, type PollTarget, type TargetPlan } from './pollLoop';
import { progressMessage, tallyOutcome, waitSummary, type WaitTally } from './progress';
import type { WaitSettings } from './settings';
import { wakeableSleep } from './wake';

export interface WaitRequest {
	itemIndex: number;
	taskId: string;
	family: FamilyId;
	model?: string;
	/** Created by this node a moment ago. */
	fresh?: boolean;
	/** This item's polling, output and request settings (read from its parameters by actions/). */
	settings: WaitSettings;
}

/** A reads-per-second cap as a sliding window (fractional caps widen the window). */
export function readLimit(perSecond: number): LimiterSettings {
	const max = Math.max(1, Math.round(perSecond));
	return { max, windowMs: Math.round((1000 * max) / perSecond) };
}

function lastTaskOf(outcome: PollOutcome) {
	return outcome.kind === 'timeout' || outcome.kind === 'error' ? outcome.last : outcome.kind === 'final' ? outcome.task : undefined;
}

/**
 * Waits for every requested task in one polling loop and returns each request's output items
 * (in request order). A task that cannot be delivered goes to the item loop's `failures`: with
 * continueOnFail it becomes the error item; otherwise the first such task stops the wait with its
 * error.
 */
export async function waitForTasks(ctx: IExecuteFunctions, requests: WaitRequest[], failures: ItemFailures): Promise<INodeExecutionData[][]> {
	if (requests.length === 0) return [];
	const node = ctx.getNode();
	const signal = cancelSignal(ctx);
	const settings = requests.map((request) => request.settings);
	const credentials = await getKieCredentials(ctx);
	// The read cap is per account and process-wide, like KIE's own limit.
	const limiter = limiterFor(credentials.baseUrl, credentials.apiKey, readLimit(settings[0].poll.readsPerSecond), 'read');
	const sleepFor = async (ms: number) => await cancellableSleep(ms, signal, node);

	const targets: PollTarget[] = requests.map((request, index) => ({ ...request, position: index + 1 }));
	const positionOf = (target: PollTarget) => target.position - 1;
	const results: INodeExecutionData[][] = requests.map(() => []);
	const started = Date.now();
	const tally: WaitTally = { tasks: targets.length, succeeded: 0, failed: 0, timedOut: 0, unknown: 0, errors: 0, reads: 0, waitedMs: 0 };
	const progress = (target: PollTarget, task: Parameters<typeof progressMessage>[2]) => {
		const line = progressMessage(target.position, targets.length, task);
		// The browser's developer console (manual runs) and n8n's log: the editor itself shows
		// nothing of a running node (README "Waiting").
		ctx.sendMessageToUI(line);
		ctx.logger?.info(`KIE Wait for Task "${node.name}": ${line}`);
	};

	await pollTogether(targets, {
		now: () => Date.now(),
		read: async (target) =>
			await readTask(ctx, target.family, target.taskId, target.itemIndex, settings[positionOf(target)].transport),
		acquire: async () => {
			try {
				return await limiter.acquire(sleepFor, signal);
			} catch (error) {
				throwIfCancelled(signal, node);
				throw new NodeOperationError(node, error as Error);
			}
		},
		sleep: async (ms, wake) => await wakeableSleep(ms, signal, wake, node),
		plan: (target, task): TargetPlan => {
			const { poll } = settings[positionOf(target)];
			const expectation = expectationFor(target.family, target.model ?? task?.model, poll.expectedSeconds);
			return {
				schedule: { kind: poll.kind, minMs: poll.minMs, maxMs: poll.maxMs, expectedMs: expectation.expectedMs },
				timeoutMs: timeoutMs(poll.timeoutMinutes, expectation.category, expectation.expectedMs),
				graceMs: poll.graceMs,
			};
		},
		onProgress: progress,
		onOutcome: async (target, outcome) => {
			tallyOutcome(tally, outcome as PollOutcome & { task?: { status: string } });
			const own = settings[positionOf(target)];
			try {
				results[positionOf(target)] = await outcomeItems(ctx, target, outcome, own.output, own.failuresAsItems || failures.continueOnFail);
			} catch (error) {
				results[positionOf(target)] = failures.fail(error, target.itemIndex, errorTask(target, lastTaskOf(outcome)));
			}
		},
	});
	tally.waitedMs = Date.now() - started;
	ctx.addExecutionHints?.({ message: waitSummary(tally), type: 'info', location: 'outputPane' });
	return results;
}
