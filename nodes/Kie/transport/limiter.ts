import { createHash } from 'crypto';

export interface LimiterSettings {
	/** Creates allowed per window. */
	max: number;
	/** Window length. */
	windowMs: number;
}

/** KIE's documented account limit: 20 new generation requests per 10 seconds. */
export const KIE_CREATE_LIMIT: LimiterSettings = { max: 20, windowMs: 10000 };

export type Waiter = (ms: number) => Promise<void>;

/** What became of a request that held a slot (passed to the function `acquire` returns). */
export interface SlotOutcome {
	/** KIE answered 429: the request was dropped, not counted, and may be sent again. */
	rateLimited?: boolean;
	/** KIE's Retry-After, when it sent one. */
	retryAfterMs?: number;
}

export type ReleaseSlot = (outcome?: SlotOutcome) => void;

export interface LimiterOptions {
	/**
	 * Adapt this process's share of the window to the 429s it sees (creates: other n8n processes,
	 * e.g. queue-mode workers, spend the same account's window and nothing here can see them).
	 */
	adaptive?: boolean;
	/** Jitter source (tests pass a seeded one). */
	random?: () => number;
}

/**
 * Windows between probes for more of the window after a 429: a process holding a fraction f of
 * the window probes every f × PROBE_WINDOWS_FULL windows, at least 1 and at most MAX_PROBE_WINDOWS
 * (jittered ×0.5–1.5).
 */
const PROBE_WINDOWS_FULL = 20;
const MAX_PROBE_WINDOWS = 4;
/** Quiet windows after the last 429 before the limiter bursts again, as it does when alone. */
const CALM_WINDOWS = 10;

interface Slot {
	/** When the slot counts from: the start, moved to the answer once it came. */
	at: number;
	/** When the request left. */
	startedAt: number;
	/** KIE answered the request (and, unless a 429 is reported after, accepted it). */
	answered?: boolean;
	/** Its acceptance gave a slot back to the share (it was in flight at the last decrease). */
	credited?: boolean;
}

/**
 * A sliding-window limiter: at most `max` starts in any `windowMs`. Callers are served in
 * arrival order, so a batch is spread evenly instead of bursting into 429s. KIE counts at
 * arrival, ours at departure, so a small margin absorbs network jitter.
 *
 * Adaptive mode (creates) also keeps this process's *share* of the window. Several n8n
 * processes (queue-mode workers) spending one account cannot see each other, but a 429 tells
 * each of them that the account's window is full — and costs nothing, because KIE drops a
 * rejected create. So, in the spirit of TCP's congestion control:
 * - slow start: at first at most a quarter of the window is unanswered, one more per accepted
 *   answer, so a process joining a window others already fill meets a few 429s, not a burst;
 * - on a 429 the share falls to the accepted slots this process holds in the window (once per
 *   congestion, not once per in-flight answer; in-flight requests accepted later add theirs).
 *   Those slots come back to this process as they expire, so processes that all keep to what
 *   they hold fill the account's window exactly and see no further 429;
 * - the rejected request waits a jittered pacing interval (`retryDelay`), or KIE's Retry-After
 *   (which holds every caller here), so processes rejected together do not retry together;
 * - after a 429 the share grows by a step after 20 × share / max windows (1–4, jittered), and
 *   every window after that while growth meets no 429, the step doubling: small shares probe
 *   sooner than large ones, which pulls the shares towards equal, and a process whose
 *   neighbours finished takes over their part of the window within a few windows;
 * - while 429s are recent, starts are paced at window / share, so a full window shows up as one
 *   429 instead of a burst of them; a lone process (no 429 for ten windows) sends a quarter of
 *   the window at once and the rest at twice the even pace.
 * See README, "Scaling out", for the figures on three workers.
 */
export class SlidingWindowLimiter {
	private slots: Slot[] = [];

	private pausedUntil = 0;

	private tail: Promise<void> = Promise.resolve();

	private readonly adaptive: boolean;

	private readonly random: () => number;

	/** Starts per window this process allows itself (adaptive mode). */
	private shareValue: number;

	/** How much the next probe adds; doubles while probes meet no 429. */
	private step = 1;

	/** Unanswered starts allowed (slow start: grows by one per accepted answer). */
	private flightCap: number;

	private nextGrowthAt: number;

	private decreasedAt = Number.NEGATIVE_INFINITY;

	private lastRejectedAt = Number.NEGATIVE_INFINITY;

	private tokens: number;

	private tokensAt: number;

	constructor(
		public settings: LimiterSettings,
		private readonly now: () => number = Date.now,
		options: LimiterOptions = {},
	) {
		this.adaptive = options.adaptive === true;
		this.random = options.random ?? Math.random;
		this.shareValue = settings.max;
		this.nextGrowthAt = now();
		this.tokens = this.burst();
		this.tokensAt = now();
		this.flightCap = this.burst();
	}

	private get marginMs(): number {
		return Math.max(20, Math.round(this.settings.windowMs * 0.02));
	}

	/** This process's current share of the window (the configured maximum when not adaptive). */
	get share(): number {
		return this.adaptive ? Math.min(this.shareValue, this.settings.max) : this.settings.max;
	}

	/** Whether a 429 was seen within the last ten windows. */
	contended(now = this.now()): boolean {
		return now - this.lastRejectedAt < CALM_WINDOWS * this.settings.windowMs;
	}

	/**
	 * Resolves when the caller may send. `wait` must reject when the caller's execution is
	 * cancelled; a cancelled caller gives up its place without taking a slot. Call the returned
	 * function when the request has been answered, with `{ rateLimited: true }` after a 429.
	 */
	async acquire(wait: Waiter, signal?: AbortSignal): Promise<ReleaseSlot> {
		const turn = this.tail.then(async () => await this.take(wait, signal));
		this.tail = turn.then(
			() => undefined,
			() => undefined,
		);
		const slot = signal ? await this.abortable(turn, signal) : await turn;
		let rejected = false;
		return (outcome?: SlotOutcome) => {
			if (rejected) return;
			// KIE counts a request when it arrives, somewhere between our departure and the answer:
			// moving the slot to the answer's time keeps the next window from opening too early.
			// (Counting creates from the middle of the round trip instead was tried: on a busy machine
			// the legs are uneven, and a lone process met 429s — bench P1, README "Scaling out".)
			slot.at = Math.max(slot.at, this.now());
			if (outcome?.rateLimited) {
				rejected = true;
				if (slot.answered) {
					// The transport reports every answer first, then the 429 it was: undo its acceptance.
					this.flightCap = Math.max(1, this.flightCap - 1);
					if (slot.credited) this.shareValue = Math.max(1, this.shareValue - 1);
				}
				this.rejected(slot, outcome.retryAfterMs);
			} else if (!slot.answered) {
				slot.answered = true;
				this.flightCap = Math.min(this.settings.max, this.flightCap + 1);
				// In flight at the last decrease and accepted: part of this process's hold on the window.
				if (this.adaptive && slot.startedAt <= this.decreasedAt) {
					slot.credited = true;
					this.shareValue = Math.min(this.settings.max, this.shareValue + 1);
				}
			}
		};
	}

	/** A caller stopped while queued behind others leaves at once; its turn is skipped later. */
	private async abortable<T>(turn: Promise<T>, signal: AbortSignal): Promise<T> {
		return await new Promise<T>((resolve, reject) => {
			const onAbort = () => reject(new Error('cancelled'));
			if (signal.aborted) return onAbort();
			signal.addEventListener('abort', onAbort, { once: true });
			turn.then(
				(value) => {
					signal.removeEventListener('abort', onAbort);
					resolve(value);
				},
				(error: unknown) => {
					signal.removeEventListener('abort', onAbort);
					reject(error);
				},
			);
		});
	}

	/** Blocks every caller for `ms`. */
	pause(ms: number): void {
		this.pausedUntil = Math.max(this.pausedUntil, this.now() + ms);
	}

	/** Starts recorded inside the current window (for tests and diagnostics). */
	inWindow(): number {
		this.prune(this.now());
		return this.slots.length;
	}

	/** KIE dropped the request of `slot` (429): it does not count, and the window is full. */
	private rejected(slot: Slot, retryAfterMs: number | undefined): void {
		const now = this.now();
		this.slots = this.slots.filter((s) => s !== slot);
		if (!this.adaptive) {
			// Everyone sharing this account in this process backs off, not just this request.
			this.pause(retryAfterMs ?? this.settings.windowMs);
			return;
		}
		this.lastRejectedAt = now;
		// Answers to requests that left before the last decrease report the same congestion.
		if (slot.startedAt > this.decreasedAt) {
			this.prune(now);
			// The account's window is full, and this process holds the accepted slots of it: keep to
			// them (requests still in flight may be rejected too). They come back to this process as
			// they expire, so processes that all keep to what they hold fill the window exactly, with
			// no further 429.
			const held = this.slots.filter((s) => s.answered).length;
			this.shareValue = Math.max(1, Math.min(this.shareValue, held));
			this.step = 1;
			// Probes of a full window cost a 429 to whichever process comes next, most often the one
			// sending most: small shares probing more often than large ones moves the window
			// towards equal shares, so the processes of a batch finish together (no tail).
			const probeWindows = Math.min(
				MAX_PROBE_WINDOWS,
				Math.max(1, (PROBE_WINDOWS_FULL * this.shareValue) / this.settings.max),
			);
			this.nextGrowthAt = now + probeWindows * this.settings.windowMs * (0.5 + this.random());
			this.decreasedAt = now;
			this.tokens = Math.min(this.tokens, 1);
		}
		// KIE's hint holds for everyone here; without one, only the rejected request waits (retryDelay).
		if (retryAfterMs !== undefined) this.pause(retryAfterMs);
	}

	/**
	 * How long a request KIE rejected waits before it queues again: a jittered pacing interval
	 * (0.5–1.5 × window / share), so processes that were rejected together do not retry together.
	 */
	retryDelay(): number {
		if (!this.adaptive) return 0;
		return Math.round((this.settings.windowMs / this.share) * (0.5 + this.random()));
	}

	/**
	 * Probes for more of the window: one more start per window at first, twice as many after
	 * every probe that met no 429 (another process finished and left its part of the window).
	 */
	private grow(now: number): void {
		const { max, windowMs } = this.settings;
		if (this.shareValue >= max || now < this.nextGrowthAt) return;
		if (now - this.decreasedAt > windowMs && this.nextGrowthAt > this.decreasedAt + windowMs) {
			// The previous growth step was scheduled after the last 429 and met none.
			this.step = Math.min(this.step * 2, max / 2);
		}
		this.shareValue = Math.min(max, this.shareValue + this.step);
		this.nextGrowthAt = now + windowMs;
	}

	/** Pacing: a bucket of starts refilled at the share's rate (twice as fast, and deeper, when alone). */
	private burst(now = this.now()): number {
		return this.contended(now) ? 1 : Math.max(1, Math.ceil(this.settings.max / 4));
	}

	private refillRate(now: number): number {
		const perMs = this.share / this.settings.windowMs;
		return this.contended(now) ? perMs : 2 * perMs;
	}

	private prune(now: number): void {
		const horizon = now - this.settings.windowMs - this.marginMs;
		this.slots = this.slots.filter((slot) => slot.at > horizon);
	}

	private async take(wait: Waiter, signal?: AbortSignal): Promise<Slot> {
		for (;;) {
			if (signal?.aborted) throw new Error('cancelled');
			const now = this.now();
			if (now < this.pausedUntil) {
				await wait(this.pausedUntil - now);
				continue;
			}
			this.prune(now);
			if (this.adaptive) this.grow(now);
			const allowed = this.adaptive ? Math.max(1, Math.round(this.share)) : this.settings.max;
			if (this.slots.length >= allowed) {
				const oldest = Math.min(...this.slots.map((slot) => slot.at));
				await wait(Math.max(1, oldest + this.settings.windowMs + this.marginMs - now));
				continue;
			}
			if (this.adaptive) {
				// Slow start: a process joining a window that others already fill learns it from
				// the first answers, not after a whole burst came back rejected.
				if (this.slots.filter((s) => !s.answered).length >= this.flightCap) {
					await wait(Math.max(1, Math.round(this.settings.windowMs / this.settings.max / 4)));
					continue;
				}
				const rate = this.refillRate(now);
				this.tokens = Math.min(this.burst(now), this.tokens + (now - this.tokensAt) * rate);
				this.tokensAt = now;
				if (this.tokens < 1) {
					await wait(Math.max(1, Math.ceil((1 - this.tokens) / rate)));
					continue;
				}
				this.tokens -= 1;
			}
			const slot = { at: now, startedAt: now };
			this.slots.push(slot);
			return slot;
		}
	}
}

const limiters = new Map<string, SlidingWindowLimiter>();

let adaptiveCreates = true;

/**
 * The process-wide limiter for one KIE account. The key is the base URL plus a hash prefix of
 * the API key, so the key itself is never kept; every execution in this n8n process shares it.
 * `scope` keeps separate budgets apart (KIE limits creates and status reads independently).
 * Create limiters adapt to 429s (see SlidingWindowLimiter); read limiters are plain caps.
 */
export function limiterFor(
	baseUrl: string,
	apiKey: string,
	settings: LimiterSettings,
	scope: 'create' | 'read' = 'create',
): SlidingWindowLimiter {
	const account = `${baseUrl}#${createHash('sha256').update(apiKey).digest('hex').slice(0, 16)}`;
	const key = scope === 'create' ? account : `${account}#${scope}`;
	let limiter = limiters.get(key);
	if (!limiter) {
		limiter = new SlidingWindowLimiter(settings, Date.now, { adaptive: scope === 'create' && adaptiveCreates });
		limiters.set(key, limiter);
	} else {
		limiter.settings = settings;
	}
	return limiter;
}

/** Forgets every limiter (tests). */
export function resetLimiters(): void {
	limiters.clear();
}

/**
 * Fixed (non-adaptive) create limiters from now on: the bench's "naive per-process limiter"
 * baseline (bench/p1-queue.ts). Forgets existing limiters.
 */
export function useFixedCreateLimiters(fixed: boolean): void {
	adaptiveCreates = !fixed;
	limiters.clear();
}
