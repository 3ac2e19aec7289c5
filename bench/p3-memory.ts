/* eslint-disable @n8n/community-nodes/no-restricted-globals */
/**
 * P3 — memory: a 1 GB result (streamed by the emulator) downloaded by Wait for Task into n8n's
 * binary data in filesystem mode, beside the same download buffered in memory first. Each runs in
 * its own Node process (bench/p3-child.ts), which reports the growth of its peak RSS over its RSS
 * after a warm-up; the emulator runs here, so its buffers are not counted.
 */
import { startEmulator } from '../test/emulator';
import { createDirect, MB, round, runChild, type ScenarioResult } from './common';

interface ChildReport {
	mode: string;
	storedBytes?: number;
	seconds: number;
	baselineRss: number;
	peakRss: number;
	growthBytes: number;
	method: string;
}

export const P3_BYTES = 1024 * MB;

export async function runP3(bytes = P3_BYTES): Promise<ScenarioResult> {
	const started = Date.now();
	const kie = await startEmulator({ rateLimit: null, mediaBytes: { video: bytes } });
	try {
		const big = await createDirect(kie.url, '/api/v1/veo/generate', { prompt: 'a long take', model: 'veo3_fast' });
		const warm = await createDirect(kie.url, '/api/v1/jobs/createTask', { model: 'nano-banana-pro', input: { prompt: 'warm-up' } });
		kie.finishTask(big, {});
		kie.finishTask(warm, {});
		const bigUrl = kie.task(big)!.resultUrls[0];
		const warmUrl = kie.task(warm)!.resultUrls[0];
		const run = async (mode: 'ours' | 'buffered') =>
			await runChild<ChildReport>('bench/p3-child.ts', [mode, kie.url, big, 'veo', bigUrl, warm, 'market', warmUrl], ['--expose-gc']);
		const ours = await run('ours');
		let buffered: ChildReport | { error: string };
		try {
			buffered = await run('buffered');
		} catch (error) {
			buffered = { error: (error as Error).message.slice(0, 300) };
		}
		const growth = ours.growthBytes / MB;
		const met = growth <= 100 && ours.storedBytes === bytes;
		const baseline = 'error' in buffered ? `buffered: failed (${buffered.error})` : `buffered: +${round(buffered.growthBytes / MB, 0)} MB in ${round(buffered.seconds, 1)} s`;
		return {
			id: 'p3',
			title: `P3 memory: a ${round(bytes / MB / 1024, 2)} GB result into filesystem binary data`,
			wallSeconds: (Date.now() - started) / 1000,
			rows: [
				{
					scenario: 'P3',
					metric: `peak RSS growth, ${round(bytes / MB, 0)} MB result (${round(ours.seconds, 1)} s)`,
					ours: `+${round(growth, 1)} MB`,
					baselines: baseline,
					target: '≤ 100 MB',
					met,
					note: met ? undefined : ours.storedBytes !== bytes ? `stored ${ours.storedBytes} bytes instead of ${bytes}` : 'the download is streamed; the growth is n8n-core\'s and the HTTP client\'s buffers',
				},
			],
			data: { bytes, ours, buffered },
		};
	} finally {
		await kie.close();
	}
}
