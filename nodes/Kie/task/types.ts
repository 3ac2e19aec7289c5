import type { FamilyId, TaskStatus } from '../families/types';

// Defined beside the family specs (the bottom layer) so families/ never imports task/.
export type { TaskStatus } from '../families/types';

/**
 * One shape for a KIE task, whatever API family it came from and whether it was read
 * from a record-info endpoint or received as a callback. Get Task, Wait for Task and the
 * KIE Trigger all emit this.
 */
export interface NormalisedTask {
	taskId: string;
	api: FamilyId;
	model?: string;
	status: TaskStatus;
	/** The family's own status word (e.g. `generating`, `TEXT_SUCCESS`, `1`), for display and debugging. */
	stage?: string;
	/** True when the task will not change any more (success or failed). */
	final: boolean;
	/** 0–100 where KIE reports progress. */
	progress?: number;
	resultUrls: string[];
	/** Audio tracks among the results (Suno: `audio_url` with its title and duration in seconds). */
	tracks?: Array<{ url: string; title?: string; duration?: number }>;
	/** Text/structured results (Market `resultObject`, Suno lyrics, …). */
	resultObject?: unknown;
	failCode?: string;
	failMsg?: string;
	createTime?: number | string;
	completeTime?: number | string;
	costTime?: number;
	creditsConsumed?: number;
	/** The parsed record or callback `data`, with JSON-string fields decoded. */
	raw: unknown;
}
