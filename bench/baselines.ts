/* eslint-disable @n8n/community-nodes/no-restricted-globals */
/**
 * The baselines: what a workflow gets without this package, written as the simplest loops with
 * undici against the same emulator.
 */
import { Agent, request } from 'undici';

import { API_KEY, sleep } from './common';

const agent = new Agent({ connections: 512, keepAliveTimeout: 2000 });

export interface NaiveBatchResult {
	wallMs: number;
	requests: number;
	rateLimited: number;
	failed: number;
	created: number;
}

/**
 * n8n's HTTP Request node with "Retry On Fail": every item's request goes out at once, and a
 * failed one is retried after each wait in `waitsMs` (defaults: 3 tries, 1000 ms apart).
 */
export async function naiveBatch(base: string, bodies: Array<Record<string, unknown>>, waitsMs: number[]): Promise<NaiveBatchResult> {
	let requests = 0;
	let rateLimited = 0;
	const started = Date.now();
	const outcomes = await Promise.all(
		bodies.map(async (body) => {
			for (let attempt = 0; ; attempt++) {
				requests += 1;
				const res = await request(`${base}/api/v1/jobs/createTask`, {
					method: 'POST',
					headers: { authorization: `Bearer ${API_KEY}`, 'content-type': 'application/json' },
					body: JSON.stringify(body),
					dispatcher: agent,
				});
				const json = (await res.body.json()) as { code?: number };
				const limited = res.statusCode === 429 || json.code === 429;
				if (!limited && json.code === 200) return true;
				if (limited) rateLimited += 1;
				if (attempt >= waitsMs.length) return false;
				await sleep(waitsMs[attempt]);
			}
		}),
	);
	const created = outcomes.filter(Boolean).length;
	return { wallMs: Date.now() - started, requests, rateLimited, failed: bodies.length - created, created };
}

export interface PollerResult {
	reads: number;
	/** When the result was in hand (status read + download). */
	doneAt: number;
	bytes: number;
}

/**
 * A fixed-interval poller: read the status every `intervalMs` until it ends, then download the
 * result. `phaseMs` delays the first read: real durations are not multiples of the interval.
 */
export async function fixedPoller(base: string, taskId: string, intervalMs: number, phaseMs = 0): Promise<PollerResult> {
	let reads = 0;
	await sleep(phaseMs);
	for (;;) {
		reads += 1;
		const res = await request(`${base}/api/v1/jobs/recordInfo?taskId=${taskId}`, {
			headers: { authorization: `Bearer ${API_KEY}` },
			dispatcher: agent,
		});
		const json = (await res.body.json()) as { data?: { state?: string; resultJson?: string } };
		const state = json.data?.state;
		if (state === 'success' || state === 'fail') {
			let bytes = 0;
			if (state === 'success') {
				const [url] = (JSON.parse(json.data!.resultJson!) as { resultUrls: string[] }).resultUrls;
				const media = await request(url, { dispatcher: agent });
				bytes = (await media.body.arrayBuffer()).byteLength;
			}
			return { reads, doneAt: Date.now(), bytes };
		}
		await sleep(intervalMs);
	}
}

export async function closeBaselines(): Promise<void> {
	await agent.close();
}
