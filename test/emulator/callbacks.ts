/**
 * Callback delivery as KIE does it: POST JSON with undici, 3 tries in total (waits from
 * `callbackDelaysMs` between them), optional HMAC headers, every attempt logged. Deliveries of one
 * task are serialised so multi-stage callbacks (Suno text → first → complete) arrive in order.
 */
import { createHmac } from 'crypto';
import { Agent, request } from 'undici';
import type { CallbackLogEntry } from './types';

export interface CallbackSettings {
	hmacKey?: string;
	delaysMs: number[];
}

/** base64(HMAC-SHA256(taskId + "." + timestamp, key)) — KIE's webhook signature. */
export function signCallback(taskId: string, timestamp: string, key: string): string {
	return createHmac('sha256', key).update(`${taskId}.${timestamp}`).digest('base64');
}

export class CallbackSender {
	private readonly agent = new Agent({ keepAliveTimeout: 1000, keepAliveMaxTimeout: 1000 });
	private chains = new Map<string, Promise<boolean>>();
	private epoch = 0;
	private sleepers = new Set<{ timer: NodeJS.Timeout; resolve: () => void }>();
	private listeners = new Set<() => void>();

	constructor(
		private readonly log: CallbackLogEntry[],
		private readonly settings: () => CallbackSettings,
	) {}

	/** Queue one callback (all its attempts) after the task's earlier callbacks; resolves to "delivered". */
	send(taskId: string, url: string, stage: string, body: unknown): Promise<boolean> {
		const epoch = this.epoch;
		const prev = this.chains.get(taskId) ?? Promise.resolve(true);
		const next = prev.then(() => this.deliver(taskId, url, stage, body, epoch)).catch(() => false);
		this.chains.set(taskId, next);
		return next;
	}

	/** Called whenever an attempt is logged. */
	onLog(fn: () => void): () => void {
		this.listeners.add(fn);
		return () => this.listeners.delete(fn);
	}

	/** Forget pending deliveries and retries (reset). */
	cancelAll(): void {
		this.epoch++;
		this.chains.clear();
		for (const s of this.sleepers) {
			clearTimeout(s.timer);
			s.resolve();
		}
		this.sleepers.clear();
	}

	async close(): Promise<void> {
		this.cancelAll();
		await this.agent.destroy();
	}

	private sleep(ms: number): Promise<void> {
		return new Promise((resolve) => {
			const entry = {
				timer: setTimeout(() => {
					this.sleepers.delete(entry);
					resolve();
				}, ms),
				resolve,
			};
			this.sleepers.add(entry);
		});
	}

	private async deliver(taskId: string, url: string, stage: string, body: unknown, epoch: number): Promise<boolean> {
		for (let attempt = 1; attempt <= 3; attempt++) {
			if (attempt > 1) {
				const delays = this.settings().delaysMs;
				await this.sleep(delays[attempt - 2] ?? delays[delays.length - 1] ?? 0);
			}
			if (epoch !== this.epoch) return false;
			const headers: Record<string, string> = {
				'content-type': 'application/json',
				'user-agent': 'kie-emulator-callback/1.0',
			};
			const key = this.settings().hmacKey;
			if (key) {
				const ts = String(Math.floor(Date.now() / 1000));
				headers['X-Webhook-Timestamp'] = ts;
				headers['X-Webhook-Signature'] = signCallback(taskId, ts, key);
			}
			let status: number | 'error';
			try {
				const res = await request(url, {
					method: 'POST',
					headers,
					body: JSON.stringify(body),
					dispatcher: this.agent,
					headersTimeout: 15000,
					bodyTimeout: 15000,
				});
				await res.body.dump();
				status = res.statusCode;
			} catch {
				status = 'error';
			}
			if (epoch !== this.epoch) return false;
			this.log.push({ time: Date.now(), taskId, url, attempt, headers, body, status, stage });
			for (const fn of this.listeners) fn();
			if (typeof status === 'number' && status >= 200 && status < 300) return true;
		}
		return false;
	}
}
