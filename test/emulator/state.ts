/** Everything one emulator instance knows: options, account, tasks, logs, faults, uploads. */
import { createHmac, randomBytes, timingSafeEqual } from 'crypto';
import { CallbackSender } from './callbacks';
import { CatalogueStore } from './catalogue';
import { FaultRegistry } from './faults';
import { SlidingWindow } from './ratelimit';
import { TaskStore } from './tasks';
import type { CallbackLogEntry, EmulatorOptions, RequestLogEntry, UploadedFile } from './types';

export const DEFAULT_API_KEY = 'test-api-key-placeholder';

export type ResolvedOptions = Required<Omit<EmulatorOptions, 'hmacKey' | 'rateLimit' | 'discoveryRateLimit'>> & {
	hmacKey?: string;
	rateLimit: { max: number; windowMs: number } | null;
	discoveryRateLimit: { max: number; windowMs: number } | null;
};

export function resolveOptions(opts: EmulatorOptions = {}): ResolvedOptions {
	return {
		port: opts.port ?? 0,
		apiKeys: opts.apiKeys ?? [DEFAULT_API_KEY],
		rateLimit: opts.rateLimit === undefined ? { max: 20, windowMs: 10000 } : opts.rateLimit,
		rateLimitStyle: opts.rateLimitStyle ?? 'http',
		discoveryRateLimit: opts.discoveryRateLimit === undefined ? { max: 1, windowMs: 1000 } : opts.discoveryRateLimit,
		hmacKey: opts.hmacKey,
		defaultDurationMs: opts.defaultDurationMs ?? 1500,
		recordInfoNullMs: opts.recordInfoNullMs ?? 0,
		callbackDelaysMs: opts.callbackDelaysMs ?? [200, 500],
		credits: opts.credits ?? 1000.5,
		mediaBytes: opts.mediaBytes ?? {},
		rules: opts.rules ?? [],
	};
}

/** Upload path under which files are stored, like KIE's `kieai/<account>/...`. */
export const UPLOAD_ACCOUNT_PREFIX = 'kieai/136592';
export const UPLOAD_PREFIX = '/redpanda';
export const TEMPFILE_PREFIX = '/tempfile/';
export const MEDIA_PREFIX = '/media/';

export class EmulatorState {
	options: ResolvedOptions;
	url = '';
	credits: number;
	readonly log: RequestLogEntry[] = [];
	readonly callbackLog: CallbackLogEntry[] = [];
	readonly uploads: UploadedFile[] = [];
	/** filePath (kieai/…) → index in `uploads`. */
	readonly uploadsByPath = new Map<string, UploadedFile>();
	readonly faults = new FaultRegistry();
	readonly limiter: SlidingWindow;
	readonly callbacks: CallbackSender;
	readonly tasks: TaskStore;
	readonly catalogue = new CatalogueStore();
	/** One shared discovery budget per API key (models, schema, price, success-rate). */
	private readonly discovery = new Map<string, SlidingWindow>();
	private readonly secret = randomBytes(32);

	constructor(opts: EmulatorOptions = {}) {
		this.options = resolveOptions(opts);
		this.credits = this.options.credits;
		this.limiter = new SlidingWindow(this.options.rateLimit);
		this.callbacks = new CallbackSender(this.callbackLog, () => ({
			hmacKey: this.options.hmacKey,
			delaysMs: this.options.callbackDelaysMs,
		}));
		this.tasks = new TaskStore({
			base: () => this.url,
			credits: () => this.credits,
			refund: (n) => this.adjustCredits(n),
			sendCallback: (task, stage, body) => this.callbacks.send(task.taskId, task.callBackUrl!, stage, body),
		});
	}

	get uploadUrl(): string {
		return `${this.url}${UPLOAD_PREFIX}`;
	}

	discoveryLimiter(apiKey: string): SlidingWindow {
		let w = this.discovery.get(apiKey);
		if (!w) {
			w = new SlidingWindow(this.options.discoveryRateLimit);
			this.discovery.set(apiKey, w);
		}
		return w;
	}

	adjustCredits(delta: number): void {
		this.credits = Math.round((this.credits + delta) * 100) / 100;
	}

	configure(patch: Partial<EmulatorOptions> & { hmacKey?: string | null }): void {
		const o = this.options;
		if (patch.apiKeys !== undefined) o.apiKeys = [...patch.apiKeys];
		if (patch.rateLimit !== undefined) {
			o.rateLimit = patch.rateLimit;
			this.limiter.setLimit(patch.rateLimit);
		}
		if (patch.rateLimitStyle !== undefined) o.rateLimitStyle = patch.rateLimitStyle;
		if (patch.discoveryRateLimit !== undefined) {
			o.discoveryRateLimit = patch.discoveryRateLimit;
			for (const w of this.discovery.values()) w.setLimit(patch.discoveryRateLimit);
		}
		if ('hmacKey' in patch) o.hmacKey = patch.hmacKey ?? undefined;
		if (patch.defaultDurationMs !== undefined) o.defaultDurationMs = patch.defaultDurationMs;
		if (patch.recordInfoNullMs !== undefined) o.recordInfoNullMs = patch.recordInfoNullMs;
		if (patch.callbackDelaysMs !== undefined) o.callbackDelaysMs = [...patch.callbackDelaysMs];
		if (patch.credits !== undefined) {
			o.credits = patch.credits;
			this.credits = patch.credits;
		}
		if (patch.mediaBytes !== undefined) o.mediaBytes = { ...patch.mediaBytes };
		if (patch.rules !== undefined) o.rules = [...patch.rules];
	}

	reset(): void {
		this.log.length = 0;
		this.callbackLog.length = 0;
		this.uploads.length = 0;
		this.uploadsByPath.clear();
		this.faults.clear();
		this.limiter.reset();
		this.discovery.clear();
		this.catalogue.reset();
		this.callbacks.cancelAll();
		this.tasks.reset();
		this.credits = this.options.credits;
	}

	// ----- download-url signatures -----

	sign(path: string, expires: number): string {
		return createHmac('sha256', this.secret).update(`${path}|${expires}`).digest('hex');
	}

	/** A fresh link for a path, valid 20 minutes (as KIE's download-url). */
	signedUrl(path: string): string {
		const expires = Date.now() + 20 * 60 * 1000;
		return `${this.url}${path}?sig=${this.sign(path, expires)}&expires=${expires}`;
	}

	isSigned(path: string, query: Record<string, string>): boolean {
		const expires = Number(query.expires);
		if (!query.sig || !Number.isFinite(expires) || expires < Date.now()) return false;
		const want = Buffer.from(this.sign(path, expires), 'hex');
		const got = Buffer.from(query.sig, 'hex');
		return want.length === got.length && timingSafeEqual(want, got);
	}
}
