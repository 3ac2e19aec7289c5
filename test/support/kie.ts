import type { INodeParameters } from 'n8n-workflow';

import { Kie } from '../../nodes/Kie/Kie.node';
import { resetLimiters } from '../../nodes/Kie/transport/limiter';
import { DEFAULT_API_KEY, startEmulator, type Emulator, type EmulatorOptions } from '../emulator';
import { runNode, type RunNodeOptions } from '../harness';

/** Request options that keep tests fast: quick back-off, the emulator's small rate window. */
export const FAST_REQUESTS = { baseDelayMs: 20, maxAttempts: 4, maxTotalWaitSeconds: 10 };

/** One emulator for a test file, reset (and limiters forgotten) before every test. */
export function useEmulator(options: EmulatorOptions = {}): () => Emulator {
	let kie: Emulator | undefined;
	beforeAll(async () => {
		kie = await startEmulator({ defaultDurationMs: 300, rateLimit: null, ...options });
	});
	beforeEach(() => {
		kie!.reset();
		kie!.clearFaults();
		kie!.configure({ rateLimit: options.rateLimit ?? null, rules: options.rules ?? [] });
		resetLimiters();
	});
	afterAll(async () => await kie?.close());
	return () => kie!;
}

export function credentialsFor(kie: Emulator, apiKey = DEFAULT_API_KEY) {
	return { apiKey, baseUrl: kie.url, uploadBaseUrl: kie.uploadUrl };
}

/** Runs the real KIE node through n8n-core against the emulator. */
export async function runKie(kie: Emulator, parameters: INodeParameters, extra: Partial<RunNodeOptions> = {}) {
	return await runNode({ node: new Kie(), parameters, credentials: credentialsFor(kie), ...extra });
}

export const modelById = (id: string) => ({ __rl: true, mode: 'id', value: id });

/** Create Task parameters for one Nano Banana Pro task in JSON mode, with the given request options. */
export const redPandaCreate = (requestOptions: INodeParameters = FAST_REQUESTS) => ({
	resource: 'task',
	operation: 'create',
	model: modelById('nano-banana-pro'),
	inputMode: 'json',
	inputJson: '{"prompt":"a red panda"}',
	requestOptions,
});
