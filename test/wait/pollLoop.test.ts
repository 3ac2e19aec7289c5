import { pollTogether, type PollOutcome, type PollTarget, type PollerDeps, type TargetPlan } from '../../nodes/Kie/wait/pollLoop';
import { recentDuration, resetDurations } from '../../nodes/Kie/wait/durations';
import type { ScheduleSettings } from '../../nodes/Kie/wait/schedule';
import { SlidingWindowLimiter } from '../../nodes/Kie/transport/limiter';
import type { NormalisedTask, TaskStatus } from '../../nodes/Kie/task/types';
import { VirtualTime } from './virtual-time';

const EPOCH = 1_760_000_000_000;

interface FakeTask {
	/** Virtual ms (relative to EPOCH) when the task becomes visible / ends. */
	visibleAt?: number;
	createdAt?: number;
	endsAt: number;
	outcome?: 'success' | 'failed';
	/** Progress steps: [atMs, percent]. */
	progress?: Array<[number, number]>;
	readLatencyMs?: number;
	readError?: Error;
	/** No createTime in the record. */
	hideCreateTime?: boolean;
}

interface Harness {
	time: VirtualTime;
	reads: Array<{ at: number; taskId: string }>;
	outcomes: Map<string, { outcome: PollOutcome; at: number }>;
	progress: Array<{ taskId: string; status: TaskStatus; progress?: number }>;
	run: () => Promise<void>;
}

function fixed(minMs: number, expectedMs = 60000): ScheduleSettings {
	return { kind: 'fixed', minMs, maxMs: minMs, expectedMs };
}

function harness(
	tasks: Record<string, FakeTask>,
	options: {
		schedule?: ScheduleSettings;
		timeoutMs?: number;
		graceMs?: number;
		readsPerSecond?: number;
		fresh?: boolean;
		onOutcome?: (target: PollTarget, outcome: PollOutcome) => Promise<void>;
		cancelAt?: number;
	} = {},
): Harness {
	const time = new VirtualTime(EPOCH);
	const limiter = new SlidingWindowLimiter({ max: options.readsPerSecond ?? 1000, windowMs: 1000 }, () => time.now);
	const reads: Harness['reads'] = [];
	const outcomes: Harness['outcomes'] = new Map();
	const progress: Harness['progress'] = [];
	const targets: PollTarget[] = Object.keys(tasks).map((taskId, index) => ({
		position: index + 1,
		itemIndex: index,
		taskId,
		family: 'market',
		model: 'test/model',
		fresh: options.fresh,
	}));

	const record = (taskId: string, fake: FakeTask): NormalisedTask | undefined => {
		const age = time.now - EPOCH;
		if (fake.visibleAt !== undefined && age < fake.visibleAt) return undefined;
		const ended = age >= fake.endsAt;
		const status: TaskStatus = ended ? (fake.outcome ?? 'success') : age < Math.min(fake.endsAt / 4, 2000) ? 'queued' : 'running';
		const task: NormalisedTask = {
			taskId,
			api: 'market',
			status,
			stage: ended ? status : status === 'queued' ? 'waiting' : 'generating',
			final: ended,
			resultUrls: ended && status === 'success' ? [`https://cdn.test/${taskId}.png`] : [],
			raw: {},
		};
		if (!fake.hideCreateTime) task.createTime = EPOCH + (fake.createdAt ?? 0);
		if (ended) task.completeTime = EPOCH + fake.endsAt;
		const step = (fake.progress ?? []).filter(([at]) => age >= at).pop();
		if (step && !ended) task.progress = step[1];
		if (status === 'failed') {
			task.failCode = '500';
			task.failMsg = 'Internal error';
		}
		return task;
	};

	const deps: PollerDeps = {
		now: () => time.now,
		read: async (target) => {
			const fake = tasks[target.taskId];
			reads.push({ at: time.now - EPOCH, taskId: target.taskId });
			if (fake.readLatencyMs) await time.after(fake.readLatencyMs);
			if (fake.readError) throw fake.readError;
			return record(target.taskId, fake);
		},
		acquire: async () => await limiter.acquire(async (ms) => await time.sleep(ms)),
		sleep: async (ms, wake) => {
			if (options.cancelAt !== undefined && time.now - EPOCH >= options.cancelAt) throw new Error('The execution was cancelled');
			await time.sleep(ms, wake);
		},
		plan: (): TargetPlan => ({
			schedule: options.schedule ?? fixed(1000),
			timeoutMs: options.timeoutMs ?? 3600000,
			graceMs: options.graceMs ?? 30000,
		}),
		onProgress: (_target, task) => progress.push({ taskId: task.taskId, status: task.status, progress: task.progress }),
		onOutcome: async (target, outcome) => {
			outcomes.set(target.taskId, { outcome, at: time.now - EPOCH });
			await options.onOutcome?.(target, outcome);
		},
	};
	return { time, reads, outcomes, progress, run: async () => await pollTogether(targets, deps) };
}

beforeEach(() => resetDurations());

describe('pollTogether', () => {
	it('waits for 50 tasks of different durations in one loop: done in about the slowest one’s time', async () => {
		const tasks: Record<string, FakeTask> = {};
		let sum = 0;
		for (let i = 0; i < 50; i++) {
			const endsAt = 1000 + ((i * 7919) % 60000);
			sum += endsAt;
			tasks[`t${i}`] = { endsAt };
		}
		const slowest = Math.max(...Object.values(tasks).map((task) => task.endsAt));
		const h = harness(tasks, { readsPerSecond: 100 });
		await h.run();
		expect(h.outcomes.size).toBe(50);
		for (const [taskId, { outcome, at }] of h.outcomes) {
			expect(outcome.kind).toBe('final');
			expect(at - tasks[taskId].endsAt).toBeLessThanOrEqual(1000);
		}
		const total = h.time.now - EPOCH;
		expect(total).toBeLessThanOrEqual(slowest + 1000);
		expect(total).toBeLessThan(sum / 20);
	});

	it('never exceeds the global cap on reads per second, serving the most overdue first', async () => {
		const tasks: Record<string, FakeTask> = {};
		for (let i = 0; i < 30; i++) tasks[`t${i}`] = { endsAt: 10000 };
		const h = harness(tasks, { schedule: fixed(100), readsPerSecond: 5 });
		await h.run();
		const times = h.reads.map((read) => read.at).sort((a, b) => a - b);
		for (let i = 0; i + 5 < times.length; i++) expect(times[i + 5] - times[i]).toBeGreaterThanOrEqual(1000);
		// Round-robin under the cap: every task was read before any was read twice.
		const firstRound = h.reads.slice(0, 30).map((read) => read.taskId);
		expect(new Set(firstRound).size).toBe(30);
		expect(h.outcomes.size).toBe(30);
	});

	it('tolerates a task KIE does not show yet, then reports an unknown task after the grace period', async () => {
		const schedule: ScheduleSettings = { kind: 'adaptive', minMs: 1000, maxMs: 30000, expectedMs: 120000 };
		const h = harness({ late: { visibleAt: 4000, endsAt: 8000 }, ghost: { visibleAt: Infinity, endsAt: 1 } }, { schedule, graceMs: 20000 });
		await h.run();
		expect(h.outcomes.get('late')!.outcome.kind).toBe('final');
		const ghost = h.outcomes.get('ghost')!;
		expect(ghost.outcome.kind).toBe('notFound');
		expect(ghost.at).toBeGreaterThanOrEqual(20000);
		expect(ghost.at).toBeLessThan(26000);
		// While invisible, reads follow the schedule (every Min Poll Interval while the task is young)
		// and never more than 3 s apart, up to the end of the grace period.
		const ghostReads = h.reads.filter((read) => read.taskId === 'ghost').map((read) => read.at);
		expect(ghostReads.slice(0, 11)).toEqual(Array.from({ length: 11 }, (_, i) => i * 1000));
		expect(ghostReads.slice(1).every((at, i) => at - ghostReads[i] <= 3000)).toBe(true);
		expect(ghostReads[ghostReads.length - 1]).toBe(20000);
	});

	it('runs the grace period from the first read (a fresh task’s first read may come late)', async () => {
		// A first step of 60 s (Fixed, Min Poll Interval 60 s): the grace period starts there, not at 0.
		const schedule: ScheduleSettings = { kind: 'fixed', minMs: 60000, maxMs: 60000, expectedMs: 240000 };
		const h = harness({ t: { visibleAt: 62000, endsAt: 65000 } }, { schedule, graceMs: 5000, fresh: true });
		await h.run();
		expect(h.reads[0].at).toBe(60000);
		expect(h.outcomes.get('t')!.outcome.kind).toBe('final');
	});

	it('gives up at the deadline after one last read, with the last known status', async () => {
		const h = harness({ slow: { endsAt: 10 * 60000, progress: [[0, 5], [30000, 40]] } }, { schedule: fixed(7000), timeoutMs: 60000 });
		await h.run();
		const { outcome, at } = h.outcomes.get('slow')!;
		expect(outcome.kind).toBe('timeout');
		expect(at).toBe(60000);
		expect(h.reads[h.reads.length - 1].at).toBe(60000);
		const last = (outcome as Extract<PollOutcome, { kind: 'timeout' }>).last!;
		expect(last.status).toBe('running');
		expect(last.progress).toBe(40);
	});

	it('stops everything at once when a settled task stops the wait (no continueOnFail)', async () => {
		const h = harness(
			{ bad: { endsAt: 2000, outcome: 'failed' }, long: { endsAt: 100000 } },
			{
				onOutcome: async (_target, outcome) => {
					if (outcome.kind === 'final' && outcome.task.status === 'failed') throw new Error('task failed');
				},
			},
		);
		await expect(h.run()).rejects.toThrow('task failed');
		expect(h.time.now - EPOCH).toBeLessThan(5000);
		expect(h.outcomes.has('long')).toBe(false);
	});

	it('turns a failing read into that task’s outcome; the others carry on', async () => {
		const boom = new Error('KIE rejected the API key (401)');
		const h = harness({ broken: { endsAt: 1000, readError: boom }, fine: { endsAt: 3000 } });
		await h.run();
		expect(h.outcomes.get('broken')!.outcome).toEqual({ kind: 'error', error: boom, last: undefined, reads: 1 });
		expect(h.outcomes.get('fine')!.outcome.kind).toBe('final');
	});

	it('does not let a slow read hold up the other tasks', async () => {
		const h = harness({ slowReads: { endsAt: 1000, readLatencyMs: 20000 }, quick: { endsAt: 3000 } });
		await h.run();
		expect(h.outcomes.get('quick')!.at).toBeLessThanOrEqual(4000);
		expect(h.outcomes.get('slowReads')!.at).toBeGreaterThanOrEqual(20000);
	});

	it('reports each change of status or progress once', async () => {
		const h = harness({ t: { endsAt: 10000, progress: [[3000, 10], [6000, 50]] } }, { schedule: fixed(500) });
		await h.run();
		expect(h.reads.length).toBeGreaterThan(15);
		expect(h.progress).toEqual([
			{ taskId: 't', status: 'queued', progress: undefined },
			{ taskId: 't', status: 'running', progress: undefined },
			{ taskId: 't', status: 'running', progress: 10 },
			{ taskId: 't', status: 'running', progress: 50 },
			{ taskId: 't', status: 'success', progress: undefined },
		]);
	});

	it('runs the schedule on the task’s age from its createTime', async () => {
		const schedule: ScheduleSettings = { kind: 'adaptive', minMs: 1000, maxMs: 30000, expectedMs: 120000 };
		// Created 100 s before the wait started: steps of ~10 % of that age, not the Min Poll
		// Interval of a task that just started.
		const h = harness({ old: { createdAt: -100000, endsAt: 20000 } }, { schedule });
		await h.run();
		const gaps = h.reads.slice(1).map((read, i) => read.at - h.reads[i].at);
		expect(gaps[0]).toBe(9900);
		expect(h.reads.length).toBe(3);
	});

	it('starts fresh tasks on the schedule’s first step, and learns how long the model took', async () => {
		const schedule: ScheduleSettings = { kind: 'adaptive', minMs: 2000, maxMs: 30000, expectedMs: 120000 };
		const h = harness({ fresh: { endsAt: 110000 } }, { schedule, fresh: true });
		await h.run();
		// Not at once (KIE would only say "queued"), but after the first step.
		expect(h.reads[0].at).toBe(2000);
		// Fewer than a fixed 3 s poller's 37, while seen within 10 % of its 110 s.
		expect(h.reads.length).toBeLessThan(37);
		expect(h.outcomes.get('fresh')!.at - 110000).toBeLessThanOrEqual(11000);
		expect(recentDuration('market', 'test/model')).toBe(110000);
	});

	it('learns from the wait itself when the record has no times', async () => {
		const h = harness({ t: { endsAt: 4000, hideCreateTime: true } }, { fresh: true });
		await h.run();
		expect(recentDuration('market', 'test/model')).toBe(h.outcomes.get('t')!.at);
	});

	it('ends when the execution is cancelled, and reads still in flight deliver nothing', async () => {
		// t's second read starts at 4 s and answers "success" at 7 s, after the cancel at 5 s.
		const h = harness({ t: { endsAt: 4000, readLatencyMs: 3000 }, u: { endsAt: 60000 } }, { cancelAt: 5000 });
		await expect(h.run()).rejects.toThrow('cancelled');
		expect(h.time.now - EPOCH).toBe(5000);
		await h.time.sleep(10000);
		await h.time.flush();
		expect(h.reads.filter((read) => read.taskId === 't')).toHaveLength(2);
		expect(h.outcomes.size).toBe(0);
	});
});

describe('adaptive schedule through the poll loop (virtual clock)', () => {
	const adaptive = (expectedSeconds: number): ScheduleSettings => ({ kind: 'adaptive', minMs: 2000, maxMs: 30000, expectedMs: expectedSeconds * 1000 });

	it.each([
		// [expected s, real s]: matched, 5 times too long or too short, and bench P2's mismatches
		[120, 120],
		[120, 24],
		[120, 600],
		[300, 300],
		[300, 60],
		[30, 150],
		[60, 1],
		[180, 5],
		[180, 20],
	])('expected %i s, real %i s: final → seen (read answered after 80 ms) within max(2 s, 10 %% of the real duration)', async (expected, real) => {
		const h = harness({ t: { endsAt: real * 1000, readLatencyMs: 80 } }, { schedule: adaptive(expected), fresh: true });
		await h.run();
		expect(h.outcomes.get('t')!.outcome.kind).toBe('final');
		expect(h.outcomes.get('t')!.at - real * 1000).toBeLessThanOrEqual(Math.max(2000, 0.1 * real * 1000));
	});

	it('reads a 300 s task a third as often as a fixed 3 s poller (101 reads); a 120 s task 29 times (the bound\'s floor is 28)', async () => {
		const long = harness({ t: { endsAt: 300000, readLatencyMs: 80 } }, { schedule: adaptive(300), fresh: true });
		await long.run();
		expect(long.reads.length).toBeLessThanOrEqual(101 / 3);
		const medium = harness({ t: { endsAt: 120000, readLatencyMs: 80 } }, { schedule: adaptive(120), fresh: true });
		await medium.run();
		expect(medium.reads.length).toBeLessThanOrEqual(29);
	});
});
