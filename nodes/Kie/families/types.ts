/**
 * The bottom layer: what KIE's task APIs are, as types. Nothing here imports another module of
 * the node; task/, catalogue/ and everything above import these.
 */

/** The four states every KIE status vocabulary is folded into. */
export type TaskStatus = 'queued' | 'running' | 'success' | 'failed';

/** What a model or a family produces, for default timeouts and poll schedules. */
export type ModelCategory = 'image' | 'video' | 'audio' | 'text';

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
	/**
	 * The task ids this API mints (Runway's are UUIDs, the others 32 hex digits) and where it comes
	 * in the lookup of a task id given without its API (tool/family.ts), lower first among its style:
	 * the Market is first (most tasks are Market tasks), then the APIs with their own popular models.
	 */
	taskIds: { style: 'hex' | 'uuid'; lookupRank: number };
	/** What the family produces, for tasks whose model is not in the catalogue (wait/deadline.ts). */
	category: ModelCategory;
	/** Callback specifics. */
	callback: {
		/** Dot paths to the stage of a multi-stage callback (Suno `data.callbackType`). */
		stagePath?: string;
		/** Stages that are final; other stages are intermediate. Absent = every callback is final. */
		finalStages?: string[];
		/** Callback stages that mean failure. */
		failedStages?: string[];
	};
	/** How to tell this family's callback bodies from the others' (task/detect.ts interprets it). */
	detect: DetectHints;
}

/**
 * A test on a callback body. `at` is a dot path from the body (`data`, `data.info`; '' is the body
 * itself); a path through a non-object reads as nothing.
 */
export type BodyTest =
	/** The object at `at` has one of `keys` (even with an empty value). */
	| { has: string[]; at: string }
	/** The object at `at` has none of `keys` (also true when `at` is no object). */
	| { lacks: string[]; at: string }
	/** One of `keys` at `at` holds a value other than undefined, null or ''. */
	| { present: string[]; at: string }
	/** The value at this path is a string (starting with `prefix` when given). */
	| { string: string; prefix?: string }
	/** The value at this path is null (an absent key is not null). */
	| { isNull: string }
	/** This path holds a non-empty array whose entries all pass `every` (each entry is their root). */
	| { items: string; every: BodyTest[] }
	/** This path holds a non-empty array. */
	| { nonEmptyArray: string }
	/** The result URLs at this path (a string, an array, `{resultUrl}` objects) are not empty and all match `match`. */
	| { urls: string; match?: RegExp }
	/** At least one of the tests passes. */
	| { any: BodyTest[] }
	/** The JSON text (or object) at this path is the root of `tests`; unreadable text counts as `{}`. */
	| { json: string; tests: BodyTest[] };

/** One callback shape: every test passes → the body is this family's (or, with `alsoFits`, maybe). */
export interface CallbackShape {
	/**
	 * Shapes overlap (a Suno MP4 body looks like a Runway one), so every family's shapes are tried in
	 * one order, lowest first; two shapes never share a number (test/families/specs.test.ts).
	 */
	order: number;
	tests: BodyTest[];
	/** Said in the trigger's output: which feature decided. */
	reason: string;
	/** The shape fits these families too (less likely first): the result is a guess, this family first. */
	alsoFits?: FamilyId[];
}

export interface DetectHints {
	/** At least one shape must name this family alone, or the trigger could never detect it. */
	shapes: CallbackShape[];
	/**
	 * Place of this family (lower = likelier) in the guess for a body that carries nothing but a task
	 * id (a failure callback of several families). Absent = this family never sends such a body.
	 */
	bareFailureRank?: number;
}
