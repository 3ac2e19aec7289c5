import type { TaskStatus } from '../task/types';

export type FamilyId =
	| 'market'
	| 'veo'
	| 'runway'
	| 'aleph'
	| 'gpt4o'
	| 'fluxKontext'
	| 'midjourney'
	| 'luma'
	| 'suno'
	| 'sunoLyrics'
	| 'sunoWav'
	| 'sunoVocal'
	| 'sunoMp4'
	| 'sunoMidi'
	| 'sunoCover';

/**
 * Everything that differs between KIE's task APIs, as data. The normaliser, the poller and
 * the trigger interpret these specs; no family gets its own parsing code.
 */
export interface FamilySpec {
	id: FamilyId;
	displayName: string;
	/** GET path of the family's status endpoint; the task id goes in `?taskId=`. */
	recordPath: string;
	/**
	 * Create endpoints of this API. A catalogue document whose single path is one of these runs on
	 * this family. The ids name the endpoints for models KIE's catalogue does not list (kept so
	 * workflows that use them go on working); their input is sent unchecked.
	 */
	endpoints: Array<{ id: string; path: string; method?: 'GET' }>;
	/** Create endpoints that answer with the result itself instead of a task (Veo 1080p). */
	resultOnCreatePaths?: string[];
	/** Where the status lives in the record's `data` (dot path). */
	statusField: string;
	/** Family status word (stringified) → normalised status. Unknown words count as `running`. */
	statusMap: Record<string, TaskStatus>;
	/** Dot paths (in record `data` or callback `data`) holding result URLs: a string, an array, a JSON string, or an array of objects (see `urlKeys`). */
	resultPaths: string[];
	/** Keys to read inside arrays of objects on a result path (e.g. Suno `audioUrl`). */
	urlKeys?: string[];
	/** Keys whose URLs are never results (wildcard paths would otherwise pick them up). */
	excludeUrlKeys?: string[];
	/** Dot paths for text results. */
	resultObjectPaths?: string[];
	failCodePaths: string[];
	failMsgPaths: string[];
	progressPath?: string;
	/** Multiply the progress value by this (4o reports "0.00".."1.00"). */
	progressScale?: number;
	/** Paths to credits spent. */
	creditPaths?: string[];
	/** A set failCode/failMsg means failure even when the status word does not say so (Aleph: 0 = failed or in progress). */
	failedWhenErrorSet?: boolean;
	modelPaths?: string[];
	/** KIE rejects creates without a callBackUrl for this family (Suno, Runway). */
	callbackRequired: boolean;
	/** Typical duration in seconds, used to shape the poll schedule when the model has none. */
	typicalSeconds: number;
	/** Callback specifics. */
	callback: {
		/** Dot paths to the stage of a multi-stage callback (Suno `data.callbackType`). */
		stagePath?: string;
		/** Stages that are final; other stages are intermediate. Absent = every callback is final. */
		finalStages?: string[];
		/** Callback stages that mean failure. */
		failedStages?: string[];
	};
}
