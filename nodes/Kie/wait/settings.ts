import type { OutputSettings } from '../binary/download';
import type { TransportSettings } from '../transport/request';
import type { ScheduleKind } from './schedule';

/**
 * KIE limits status reads per task id (10 per second, KIE's agent skill, see docs/kie-api.md), not
 * per account: the per-task limit is kept by the schedule's minimum step (PER_TASK_MIN_INTERVAL_MS).
 * The cap over all tasks of one key is only a ceiling against runaway loads; at 100 per second a
 * wait over 200 tasks still reads each young task every 2 s.
 */
export const DEFAULT_READS_PER_SECOND = 100;
/** KIE's recordInfo limit: 10 reads per second per task id. */
export const PER_TASK_MIN_INTERVAL_MS = 100;
export const DEFAULT_GRACE_SECONDS = 30;

/** How one task is polled: read from the node's polling options by actions/options/poll.ts. */
export interface PollSettings {
	kind: ScheduleKind;
	minMs: number;
	maxMs: number;
	/** 0 = from recent tasks, the catalogue or the API family. */
	expectedSeconds: number;
	/** 0 = per category. */
	timeoutMinutes: number;
	graceMs: number;
	readsPerSecond: number;
}

/** In an AI agent's tool call the agent waits for every read: at most this long between reads unless set. */
export const TOOL_MAX_INTERVAL_MS = 5000;

/** Everything a wait needs to know about one item, as plain values. */
export interface WaitSettings {
	poll: PollSettings;
	output: OutputSettings;
	/** "Output Failed Tasks": a failed task becomes an item instead of an error. */
	failuresAsItems: boolean;
	transport: TransportSettings;
}
