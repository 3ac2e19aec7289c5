/* eslint-disable @n8n/community-nodes/no-restricted-globals */
/**
 * P1 — batch creates: 200 items through Create Task while the emulator enforces a scaled KIE
 * window (20 per 2 s), beside naive clients retrying on fixed waits.
 */
import { Kie } from './kie-node';
import { resetLimiters } from '../nodes/Kie/transport/limiter';
import { startEmulator } from '../test/emulator';
import { runNode } from '../test/harness';
import { naiveBatch, type NaiveBatchResult } from './baselines';
import { API_KEY, round, type ScenarioResult } from './common';

export interface P1Options {
	items: number;
	max: number;
	windowMs: number;
}

export const P1_DEFAULTS: P1Options = { items: 200, max: 20, windowMs: 2000 };

/** The shortest time `items` creates can take under "max per windowMs" (the last window's start). */
export function floorMs({ items, max, windowMs }: P1Options): number {
	return (Math.ceil(items / max) - 1) * windowMs;
}

export async function runP1(options: P1Options = P1_DEFAULTS): Promise<ScenarioResult> {
	const started = Date.now();
	const kie = await startEmulator({ rateLimit: { max: options.max, windowMs: options.windowMs }, defaultDurationMs: 3600000 });
	try {
		const floor = floorMs(options);
		resetLimiters();
		const ourStart = Date.now();
		const result = await runNode({
			node: new Kie(),
			parameters: {
				resource: 'task',
				operation: 'create',
				model: { __rl: true, mode: 'id', value: 'nano-banana-pro' },
				inputMode: 'json',
				inputJson: '={{ JSON.stringify({ prompt: "bench item " + $json.i }) }}',
				// The user sets the limiter to the account's limit (KIE: 20 per 10 s; scaled here).
				requestOptions: { limitMax: options.max, limitWindowSeconds: options.windowMs / 1000 },
			},
			items: Array.from({ length: options.items }, (_, i) => ({ json: { i } })),
			credentials: { apiKey: API_KEY, baseUrl: kie.url, uploadBaseUrl: kie.uploadUrl },
			continueOnFail: true,
			mode: 'trigger',
		});
		const ourWall = Date.now() - ourStart;
		const creates = kie.log.filter((entry) => entry.route === 'createTask');
		const ours = {
			wallMs: ourWall,
			ratio: ourWall / floor,
			requests: creates.length,
			rateLimited: creates.filter((entry) => entry.status === 429).length,
			failed: result.output.filter((item) => item.json.error !== undefined).length,
			created: result.output.filter((item) => typeof item.json.taskId === 'string' && item.json.error === undefined).length,
			status: result.status,
		};

		const bodies = Array.from({ length: options.items }, (_, i) => ({ model: 'nano-banana-pro', input: { prompt: `baseline item ${i}` } }));
		kie.reset();
		const fixed = await naiveBatch(kie.url, bodies, [1000, 1000, 1000]);
		kie.reset();
		await new Promise((resolve) => setTimeout(resolve, options.windowMs));
		const exponential = await naiveBatch(kie.url, bodies, [2000, 4000, 8000]);
		const describe = (b: NaiveBatchResult) => `${round(b.wallMs / 1000, 1)} s (${round(b.wallMs / floor)}×), ${b.rateLimited} × 429, ${b.failed} failed`;

		const ratioMet = ours.ratio <= 1.1;
		return {
			id: 'p1',
			title: `P1 batch creates: ${options.items} items, KIE window ${options.max} per ${options.windowMs / 1000} s (floor ${floor / 1000} s)`,
			wallSeconds: (Date.now() - started) / 1000,
			rows: [
				{
					scenario: 'P1',
					metric: 'wall time / floor',
					ours: `${round(ourWall / 1000, 1)} s = ${round(ours.ratio)}×`,
					baselines: `fixed 1 s ×3: ${describe(fixed)}; 2/4/8 s: ${describe(exponential)}`,
					target: '≤ 1.10×',
					met: ratioMet,
					note: ratioMet ? undefined : 'the limiter waits a safety margin (2 % of the window) per window and starts each window after the previous answer',
				},
				{ scenario: 'P1', metric: '429s received', ours: String(ours.rateLimited), baselines: `${fixed.rateLimited} / ${exponential.rateLimited}` },
				{
					scenario: 'P1',
					metric: 'failed items',
					ours: `${ours.failed} of ${options.items}`,
					baselines: `${fixed.failed} / ${exponential.failed} of ${options.items}`,
					target: '0',
					met: ours.failed === 0 && ours.created === options.items,
				},
			],
			data: { floorMs: floor, options, ours, baselines: { fixed1s: fixed, exponential248: exponential } },
		};
	} finally {
		await kie.close();
	}
}
