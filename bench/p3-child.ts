/* eslint-disable @n8n/community-nodes/no-restricted-globals */
/**
 * P3's measuring process: downloads one large result into n8n's binary store (filesystem mode)
 * through the real engine, and reports its own peak RSS growth. Run by p3-memory.ts:
 *   node --expose-gc -r ts-node/register/transpile-only bench/p3-child.ts <ours|buffered> <apiUrl> <taskId> <api> <mediaUrl> <warmTaskId> <warmApi> <warmMediaUrl>
 * Prints one JSON line.
 */
import '../test/setup-env';

import { readFileSync, rmSync, writeFileSync } from 'fs';
import { NodeConnectionTypes } from 'n8n-workflow';
import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { Kie } from './kie-node';
import { DEFAULT_API_KEY } from '../test/emulator';
import { getFilesystemStoragePath, runNode } from '../test/harness';
import { getFilesystemBinaryDataService } from '../test/harness/binary';

/** The baseline: the same download as one buffer (`encoding: 'arraybuffer'`), then stored. */
class BufferedDownload implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Buffered Download',
		name: 'bufferedDownload',
		group: ['transform'],
		version: 1,
		description: 'Downloads a URL into memory, then into binary data',
		defaults: { name: 'Buffered Download' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [{ displayName: 'URL', name: 'url', type: 'string', default: '' }],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const url = this.getNodeParameter('url', 0) as string;
		const body = (await this.helpers.httpRequest({ method: 'GET', url, encoding: 'arraybuffer' })) as ArrayBuffer | Buffer;
		const buffer = Buffer.isBuffer(body) ? body : Buffer.from(body);
		const binary = await this.helpers.prepareBinaryData(buffer, 'result.mp4', 'video/mp4');
		return [[{ json: { bytes: buffer.length }, binary: { data: binary } }]];
	}
}

function rssOf(field: 'VmRSS' | 'VmHWM'): number | undefined {
	try {
		const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync('/proc/self/status', 'utf8'));
		return match ? Number(match[1]) * 1024 : undefined;
	} catch {
		return undefined;
	}
}

async function download(mode: string, apiUrl: string, taskId: string, api: string, mediaUrl: string): Promise<INodeExecutionData | undefined> {
	const credentials = { apiKey: DEFAULT_API_KEY, baseUrl: apiUrl, uploadBaseUrl: `${apiUrl}/redpanda` };
	const result =
		mode === 'ours'
			? await runNode({
					node: new Kie(),
					parameters: { resource: 'task', operation: 'wait', taskId: '={{ $json.taskId }}', api, waitMode: 'poll' },
					items: [{ json: { taskId, api } }],
					credentials,
					binaryMode: 'filesystem',
					mode: 'trigger',
				})
			: await runNode({ node: new BufferedDownload(), parameters: { url: mediaUrl }, binaryMode: 'filesystem', mode: 'trigger' });
	if (result.status !== 'success') throw new Error(`${mode} download failed: ${result.error?.message}`);
	return result.output[0];
}

async function main(): Promise<void> {
	const [mode, apiUrl, taskId, api, mediaUrl, warmTaskId, warmApi, warmMediaUrl] = process.argv.slice(2);
	const gc = (globalThis as { gc?: () => void }).gc;
	// Warm-up: the same path with a small file loads and compiles everything once.
	await download(mode, apiUrl, warmTaskId, warmApi, warmMediaUrl);
	gc?.();
	gc?.();
	let peakResetWorked = true;
	try {
		writeFileSync('/proc/self/clear_refs', '5');
	} catch {
		peakResetWorked = false;
	}
	const baseline = process.memoryUsage().rss;
	let sampledPeak = baseline;
	const sampler = setInterval(() => {
		sampledPeak = Math.max(sampledPeak, process.memoryUsage().rss);
	}, 5);
	const started = Date.now();
	const item = await download(mode, apiUrl, taskId, api, mediaUrl);
	const seconds = (Date.now() - started) / 1000;
	clearInterval(sampler);
	sampledPeak = Math.max(sampledPeak, process.memoryUsage().rss);
	const hwm = peakResetWorked ? rssOf('VmHWM') : undefined;
	const peak = Math.max(sampledPeak, hwm ?? 0);
	const binary = item?.binary?.data;
	const service = await getFilesystemBinaryDataService();
	const stored = binary?.id ? (await service.getMetadata(binary.id)).fileSize : undefined;
	const storage = getFilesystemStoragePath();
	if (storage) rmSync(storage, { recursive: true, force: true });
	process.stdout.write(
		`${JSON.stringify({ mode, storedBytes: stored, seconds, baselineRss: baseline, sampledPeakRss: sampledPeak, hwmRss: hwm, peakRss: peak, growthBytes: peak - baseline, method: hwm !== undefined ? 'VmHWM after clear_refs + 5 ms sampling' : '5 ms sampling' })}\n`,
	);
}

main().then(
	() => process.exit(0),
	(error: Error) => {
		process.stderr.write(`${error.stack ?? error.message}\n`);
		process.exit(1);
	},
);
