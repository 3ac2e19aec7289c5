/* eslint-disable @n8n/community-nodes/no-restricted-globals */
/**
 * Shared pieces of the fault matrix: one emulator per file, one named test per case, and the
 * matrix-wide invariants checked after every case — no paid create sent twice (from the
 * emulator's request log and task list) — plus helpers for "no result lost".
 */
import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { resetDurations } from '../../nodes/Kie/wait/durations';
import { USER_AGENT } from '../../nodes/Kie/utils/version';
import type { EmulatedTask, Emulator, EmulatorOptions, RequestLogEntry } from '../emulator';
import { call } from '../emulator/helpers';
import type { RunNodeResult } from '../harness';
import { FAST_REQUESTS, modelById, useEmulator } from '../support/kie';
import { faultCase } from './cases';

export { FAST_REQUESTS, modelById };

/** Fast polling: the adaptive schedule with a short expected duration and small steps. */
export const FAST_POLL = { expectedSeconds: 0.3, minIntervalSeconds: 0.05, maxIntervalSeconds: 0.2, readsPerSecond: 200, notFoundGraceSeconds: 2 };

/** Storms need more attempts than FAST_REQUESTS allows (a create may meet several 429s). */
export const STORM_REQUESTS: INodeParameters = { ...FAST_REQUESTS, maxAttempts: 10, limitWindowSeconds: 0.2 };

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** One emulator for the file (reset before every case), with the invariants checked after each. */
export function useFaultEmulator(options: EmulatorOptions = {}): () => Emulator {
	const emulator = useEmulator({ defaultDurationMs: 300, ...options });
	beforeEach(() => {
		resetDurations();
		emulator().configure({
			recordInfoNullMs: options.recordInfoNullMs ?? 0,
			mediaBytes: options.mediaBytes ?? {},
			rateLimitStyle: options.rateLimitStyle ?? 'http',
			defaultDurationMs: options.defaultDurationMs ?? 300,
		});
	});
	afterEach(async () => {
		expect(await duplicateCreates(emulator())).toEqual([]);
	});
	return emulator;
}

/**
 * The test of one case of `cases.ts`. A case with an open bug runs as `it.failing` (it passes while
 * the bug is there); FAULTS_SHOW_OPEN_BUGS=1 runs it as a plain test, to see how it fails.
 */
export function caseTest(id: string, fn: () => Promise<void>, timeoutMs?: number): void {
	const entry = faultCase(id);
	const title = `${id}: ${entry.expected}`;
	if (entry.knownBug && process.env.FAULTS_SHOW_OPEN_BUGS !== '1') it.failing(`${title} [open bug]`, fn, timeoutMs);
	else it(title, fn, timeoutMs);
}

const CREATE_ROUTE = /^(createTask|.+\.create)$/;

/** Create requests sent by the node (not by the test itself), in arrival order. */
export function nodeCreates(kie: Emulator): RequestLogEntry[] {
	return kie.log.filter((entry) => CREATE_ROUTE.test(entry.route) && entry.headers['user-agent'] === USER_AGENT);
}

export async function emulatedTasks(kie: Emulator): Promise<EmulatedTask[]> {
	const reply = await call(kie.url, 'GET', '/__emulator/tasks', undefined, { key: null });
	return reply.json as EmulatedTask[];
}

/**
 * Paid creates sent twice. Every case sends distinct create bodies, so one body is one intended
 * task: it may be charged at most once, and may be sent again only after a clear rejection —
 * never after an answer that leaves its fate open (no answer, a 5xx) or one that created it.
 * (Ambiguous HTTP 200 answers — truncated, malformed, `data: null` — are checked by their cases.)
 */
export async function duplicateCreates(kie: Emulator): Promise<string[]> {
	const tasks = await emulatedTasks(kie);
	const groups = new Map<string, RequestLogEntry[]>();
	for (const entry of nodeCreates(kie)) {
		const key = JSON.stringify(entry.body);
		groups.set(key, [...(groups.get(key) ?? []), entry]);
	}
	const problems: string[] = [];
	for (const [body, entries] of groups) {
		const charged = tasks.filter((task) => JSON.stringify(task.request) === body);
		if (charged.length > 1) problems.push(`${charged.length} tasks created for one create body ${body}`);
		const ordered = [...entries].sort((a, b) => a.time - b.time);
		for (const entry of ordered.slice(0, -1)) {
			const createdHere = charged.some((task) => task.createTime >= entry.time && task.createTime < ordered[ordered.indexOf(entry) + 1].time);
			if (entry.status === 0 || entry.status >= 500 || createdHere) {
				problems.push(`create re-sent after ${createdHere ? 'it created a task' : `an ambiguous answer (HTTP ${entry.status || 'none'})`}: ${body}`);
			}
		}
	}
	return problems;
}

/** Input item indexes the output accounts for (through pairedItem). */
export function pairedIndexes(items: INodeExecutionData[]): number[] {
	const seen = new Set<number>();
	for (const item of items) {
		const paired = item.pairedItem;
		for (const entry of Array.isArray(paired) ? paired : [paired]) {
			if (typeof entry === 'number') seen.add(entry);
			else if (entry && typeof entry === 'object') seen.add(entry.item);
		}
	}
	return [...seen].sort((a, b) => a - b);
}

/** No result lost: every input item has at least one output item paired with it. */
export function expectEveryItem(result: RunNodeResult, count: number): void {
	expect(result.status).toBe('success');
	expect(pairedIndexes(result.output)).toEqual(Array.from({ length: count }, (_, index) => index));
}

/** Create Task parameters for items `{ i }`: a distinct prompt per item. */
export function createParameters(extra: INodeParameters = {}, requestOptions: INodeParameters = FAST_REQUESTS): INodeParameters {
	return {
		resource: 'task',
		operation: 'create',
		model: modelById('grok-imagine/text-to-image'),
		inputMode: 'json',
		// A distinct prompt per item; `bad: true` adds an aspect ratio the catalogue refuses.
		inputJson:
			'={{ JSON.stringify($json.bad ? { prompt: "fault matrix item " + $json.i, aspect_ratio: "7:3" } : { prompt: "fault matrix item " + $json.i + ($json.tag ? " " + $json.tag : "") }) }}',
		requestOptions,
		...extra,
	};
}

export const itemsOf = (count: number, tag = ''): INodeExecutionData[] =>
	Array.from({ length: count }, (_, i) => ({ json: tag ? { i, tag } : { i } }));

export function requestsTo(kie: Emulator, route: string | RegExp): RequestLogEntry[] {
	return kie.log.filter((entry) => (typeof route === 'string' ? entry.route === route : route.test(entry.route)));
}

export const getParameters = (extra: INodeParameters = {}): INodeParameters => ({
	resource: 'task',
	operation: 'get',
	requestOptions: FAST_REQUESTS,
	...extra,
});
