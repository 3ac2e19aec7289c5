/* eslint-disable @n8n/community-nodes/no-restricted-globals */
/**
 * P4 — overhead: 1 000 items through Create Task against a zero-latency emulator with no rate
 * limit (the emulator runs in its own process, so its CPU is not counted). Method:
 * process.cpuUsage() (user + system) around each run of the same workflow (Start → node →
 * Downstream, through n8n-core's WorkflowExecute) with three nodes in the middle:
 *   ours — Create Task (validation, request building, limiter, envelope check, item handling);
 *   raw  — a minimal node doing the same 1 000 POSTs with n8n's httpRequestWithAuthentication,
 *          5 at a time, with no logic: n8n's HTTP stack and credential handling alone;
 *   noop — a node returning its input: the engine's own cost for 1 000 items.
 * ours − noop is everything the KIE node costs (its HTTP requests included); ours − raw is our
 * code alone. Each is the median of 5 runs after a warm-up.
 */
import { NodeConnectionTypes } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { resetLimiters } from '../nodes/Kie/transport/limiter';
import { runNode } from '../test/harness';
import { API_KEY, control, median, round, startChildEmulator, type ScenarioResult } from './common';
import { Kie } from './kie-node';

const ITEMS = 1000;
const REPEATS = 5;
const CONCURRENCY = 5;

class NoOp implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'No Op',
		name: 'benchNoOp',
		group: ['transform'],
		version: 1,
		description: 'Returns its input',
		defaults: { name: 'No Op' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [this.getInputData().map((item, index) => ({ json: item.json, pairedItem: { item: index } }))];
	}
}

class RawHttp implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Raw HTTP',
		name: 'benchRawHttp',
		group: ['transform'],
		version: 1,
		description: 'POSTs one create per item with n8n’s HTTP helper and nothing else',
		defaults: { name: 'Raw HTTP' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'kieApi', required: true }],
		properties: [],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const { baseUrl } = (await this.getCredentials('kieApi')) as IDataObject;
		const out: INodeExecutionData[] = new Array(items.length);
		let next = 0;
		const worker = async () => {
			while (next < items.length) {
				const index = next++;
				const response = (await this.helpers.httpRequestWithAuthentication.call(this, 'kieApi', {
					method: 'POST',
					url: `${String(baseUrl)}/api/v1/jobs/createTask`,
					body: { model: 'nano-banana-pro', input: { prompt: `raw item ${index}` } },
					json: true,
				})) as IDataObject;
				out[index] = { json: { taskId: (response.data as IDataObject).taskId as string }, pairedItem: { item: index } };
			}
		};
		await Promise.all(Array.from({ length: CONCURRENCY }, worker));
		return [out];
	}
}

type Variant = 'ours' | 'raw' | 'noop';

export async function runP4(): Promise<ScenarioResult> {
	const started = Date.now();
	const emulator = await startChildEmulator(['--rate', 'off', '--duration-ms', '3600000']);
	const credentials = { apiKey: API_KEY, baseUrl: emulator.url, uploadBaseUrl: `${emulator.url}/redpanda` };
	const ourParameters = {
		resource: 'task',
		operation: 'create',
		model: { __rl: true, mode: 'id', value: 'nano-banana-pro' },
		inputMode: 'json',
		inputJson: '={{ JSON.stringify({ prompt: "overhead item " + $json.i }) }}',
		createOptions: { concurrency: CONCURRENCY },
		requestOptions: { limitMax: 1000000, limitWindowSeconds: 1 },
	};

	const once = async (variant: Variant, count: number) => {
		await control(emulator.url, 'POST', 'reset');
		resetLimiters();
		const items = Array.from({ length: count }, (_, i) => ({ json: { i } }));
		const node = variant === 'ours' ? new Kie() : variant === 'raw' ? new RawHttp() : new NoOp();
		const parameters = variant === 'ours' ? ourParameters : {};
		const before = process.cpuUsage();
		const wallStart = process.hrtime.bigint();
		const result = await runNode({ node, parameters, items, credentials: variant === 'noop' ? undefined : credentials, mode: 'trigger' });
		const wallMs = Number(process.hrtime.bigint() - wallStart) / 1e6;
		const cpu = process.cpuUsage(before);
		if (result.status !== 'success' || result.output.length !== count) {
			throw new Error(`P4 ${variant} run failed: ${result.status} ${result.error?.message ?? ''} (${result.output.length} items)`);
		}
		return { cpuMs: (cpu.user + cpu.system) / 1000, wallMs };
	};

	try {
		for (const variant of ['ours', 'raw', 'noop'] as const) await once(variant, 300);
		const runs: Record<Variant, Array<{ cpuMs: number; wallMs: number }>> = { ours: [], raw: [], noop: [] };
		for (let repeat = 0; repeat < REPEATS; repeat++) {
			for (const variant of ['ours', 'raw', 'noop'] as const) runs[variant].push(await once(variant, ITEMS));
		}
		const cpu = (variant: Variant) => median(runs[variant].map((run) => run.cpuMs));
		const wall = (variant: Variant) => median(runs[variant].map((run) => run.wallMs));
		const perItem = (ms: number) => ms / ITEMS;
		const total = perItem(cpu('ours') - cpu('noop'));
		const http = perItem(cpu('raw') - cpu('noop'));
		const ownCode = perItem(cpu('ours') - cpu('raw'));
		const met = total <= 2;
		return {
			id: 'p4',
			title: `P4 overhead: ${ITEMS} items through Create Task, zero-latency emulator, no limit`,
			wallSeconds: (Date.now() - started) / 1000,
			rows: [
				{
					scenario: 'P4',
					metric: 'CPU per item (Create Task − no-op node)',
					ours: `${round(total, 3)} ms`,
					baselines: `split: n8n’s HTTP client (raw HTTP node − no-op) ${round(http, 3)} ms + our code (Create Task − raw HTTP node) ${round(ownCode, 3)} ms`,
					target: '≤ 2 ms',
					met,
					note: met ? undefined : `our code alone is ${round(ownCode, 3)} ms per item; the rest is n8n's own HTTP request helper`,
				},
				{
					scenario: 'P4',
					metric: `wall time for ${ITEMS} items (median of ${REPEATS})`,
					ours: `${round(wall('ours') / 1000, 2)} s`,
					baselines: `raw HTTP node ${round(wall('raw') / 1000, 2)} s; no-op node ${round(wall('noop'), 0)} ms`,
				},
			],
			data: { items: ITEMS, repeats: REPEATS, concurrency: CONCURRENCY, runs, medianCpuMs: { ours: cpu('ours'), raw: cpu('raw'), noop: cpu('noop') }, perItemMs: { total, http, ownCode } },
		};
	} finally {
		await emulator.stop();
	}
}
