/* eslint-disable @n8n/community-nodes/no-restricted-globals */
/**
 * One "worker" of P1-queue: its own Node process (so its own create limiter, like a queue-mode
 * n8n worker), running `executions` executions of `items` Create Task items at once through the
 * real engine (test/harness). Run by p1-queue.ts:
 *   node -r ts-node/register/transpile-only bench/p1-queue-worker.ts <apiUrl> <worker> <executions> <items> <max> <windowMs> <adaptive|fixed> <syncDir>
 * Once loaded it writes <syncDir>/ready-<worker> and starts when <syncDir>/go appears, so every
 * worker starts its executions at the same moment however long ts-node took to load it.
 * Prints one JSON line.
 */
import '../test/setup-env';

import { existsSync, writeFileSync } from 'fs';
import { join } from 'path';

import { Kie } from './kie-node';
import { useFixedCreateLimiters } from '../nodes/Kie/transport/limiter';
import { DEFAULT_API_KEY } from '../test/emulator';
import { runNode } from '../test/harness';

async function main(): Promise<void> {
	const [apiUrl, worker, executions, items, max, windowMs, mode, syncDir] = process.argv.slice(2);
	useFixedCreateLimiters(mode === 'fixed');
	writeFileSync(join(syncDir, `ready-${worker}`), '');
	while (!existsSync(join(syncDir, 'go'))) await new Promise((resolve) => setTimeout(resolve, 20));
	const credentials = { apiKey: DEFAULT_API_KEY, baseUrl: apiUrl, uploadBaseUrl: `${apiUrl}/redpanda` };
	const started = Date.now();
	const runs = await Promise.all(
		Array.from({ length: Number(executions) }, async (_, e) => {
			const result = await runNode({
				node: new Kie(),
				parameters: {
					resource: 'task',
					operation: 'create',
					model: { __rl: true, mode: 'id', value: 'nano-banana-pro' },
					inputMode: 'json',
					inputJson: `={{ JSON.stringify({ prompt: "queue w${worker} e${e} i" + $json.i }) }}`,
					requestOptions: { limitMax: Number(max), limitWindowSeconds: Number(windowMs) / 1000 },
				},
				items: Array.from({ length: Number(items) }, (_, i) => ({ json: { i } })),
				credentials,
				mode: 'trigger',
			});
			return {
				status: result.status,
				created: result.status === 'success' ? result.output.filter((item) => typeof item.json.taskId === 'string').length : 0,
				error: result.error?.message,
				endedAt: Date.now(),
			};
		}),
	);
	process.stdout.write(`${JSON.stringify({ worker, started, runs })}\n`);
}

main().then(
	() => process.exit(0),
	(error: Error) => {
		process.stdout.write(`${JSON.stringify({ error: error.stack ?? error.message })}\n`);
		process.exit(1);
	},
);
