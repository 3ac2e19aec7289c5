/**
 * Public types of the KIE emulator. Other test code (unit, engine, e2e, bench, sandbox)
 * codes against these names: keep them stable.
 */
import type { FamilyId } from '../../nodes/Kie/families/types';

export type { FamilyId };
import type { CatalogueModel, PublishedModel, SuccessRatePoint } from './catalogue';
export type { CatalogueModel, PublishedModel, SuccessRatePoint };

export interface EmulatorOptions {
	/** 0 = random (default). */
	port?: number;
	/** Valid Bearer keys; default ['test-api-key-placeholder']. */
	apiKeys?: string[];
	/** Sliding window over ALL create endpoints; default {max:20, windowMs:10000}; null = off. */
	rateLimit?: { max: number; windowMs: number } | null;
	/** 'http' (default): HTTP 429 + body; 'body': HTTP 200 + the same body. */
	rateLimitStyle?: 'http' | 'body';
	/**
	 * Sliding window per API key shared by the four catalogue endpoints (`/api/v1/models…`);
	 * default {max:1, windowMs:1000} (KIE: 1 request/second per account); null = off. Over it:
	 * HTTP 200 + `{code:429, msg:'Your call frequency is too high. Please try again later.', data:null}`.
	 */
	discoveryRateLimit?: { max: number; windowMs: number } | null;
	/** When set, callbacks carry X-Webhook-Timestamp + X-Webhook-Signature. */
	hmacKey?: string;
	/** Task lifetime when no rule matches (default 1500). */
	defaultDurationMs?: number;
	/** Market recordInfo answers `{code:422,msg:'recordInfo is null'}` for this long after creation (default 0). */
	recordInfoNullMs?: number;
	/** Waits before retry 2 and 3 of a failed callback (default [200, 500]). */
	callbackDelaysMs?: number[];
	/** Account balance; default 1000.5 (a float, as real KIE). */
	credits?: number;
	/** Size in bytes of served results (default: small real files). */
	mediaBytes?: { image?: number; video?: number; audio?: number };
	/** Per-task behaviour, first match wins. */
	rules?: TaskRule[];
}

export interface TaskRule {
	/** All given conditions must hold. `family` is a FamilyId ('market', 'veo', 'suno', ...). */
	match?: { model?: string; family?: string; promptIncludes?: string };
	durationMs?: number;
	/** Task ends in the family's failure state with this code/message. */
	fail?: { code: string; msg: string };
	/** Number of result URLs (default 1; Suno 2 tracks; Midjourney 4; 4o `nVariants`). */
	resultCount?: number;
	/** Report progress where the family has it (Market `progress`). */
	progress?: boolean;
	/** Extension: credits charged for the create (default 1). */
	credits?: number;
	/** Extension: force the kind of media a Market model returns (default: guessed from the model id). */
	mediaKind?: MediaKind;
}

export type MediaKind = 'image' | 'video' | 'audio';

export interface RequestLogEntry {
	time: number;
	method: string;
	path: string;
	query: Record<string, string>;
	headers: Record<string, string>;
	body: unknown;
	rawBodyLength: number;
	/** HTTP status sent; 0 when the socket was destroyed without an answer. */
	status: number;
	route: string;
}

export interface CallbackLogEntry {
	time: number;
	taskId: string;
	url: string;
	/** 1, 2 or 3. */
	attempt: number;
	headers: Record<string, string>;
	body: unknown;
	status: number | 'error';
	/** Suno: 'text' | 'first' | 'complete' | 'error'; other families: 'complete' | 'error'. */
	stage?: string;
}

export type Fault =
	| { type: 'delay'; ms: number }
	| { type: 'status'; status: number; body?: string; contentType?: string; headers?: Record<string, string> }
	| { type: 'bodyCode'; code: number; msg: string }
	| { type: 'reset' }
	| { type: 'malformed' }
	| { type: 'truncated' }
	| { type: 'html403' }
	| { type: 'dataNull' }
	| { type: 'expired' };

/** route = a route name or a path prefix (starting with '/'). */
export interface FaultSpec {
	route: string;
	fault: Fault;
	/** Let the first N matching requests through. */
	skip?: number;
	/** Then apply the fault this many times (default: forever). */
	times?: number;
}

/** What the emulator knows about one task. A snapshot: `emulator.task(id)` returns a fresh one. */
export interface EmulatedTask {
	taskId: string;
	family: FamilyId;
	/** The create endpoint's kind: 'generate', 'extend', '4k', 'upscale', 'vary', 'upload-cover', ... */
	kind: string;
	/** Create path, e.g. '/api/v1/veo/generate'. */
	endpoint: string;
	model: string | null;
	/** The create request body as received. */
	request: Record<string, unknown>;
	callBackUrl: string | null;
	parentTaskId: string | null;
	createTime: number;
	durationMs: number;
	fail: { code: string; msg: string } | null;
	resultCount: number;
	progress: boolean;
	mediaKind: MediaKind;
	creditsCharged: number;
	/** The family's current status word/flag (e.g. 'generating', 1, 'FIRST_SUCCESS'). */
	status: string | number;
	/** Normalised: 'pending' | 'running' | 'success' | 'fail'. */
	outcome: 'pending' | 'running' | 'success' | 'fail';
	completeTime: number | null;
	/** Result URLs (empty until success). */
	resultUrls: string[];
	/** Callback stages already queued for delivery. */
	callbackStagesSent: string[];
}

export interface UploadedFile {
	fileName: string;
	bytes: Buffer;
	mimeType: string;
	via: 'base64' | 'stream' | 'url';
}

export interface Emulator {
	/** http://127.0.0.1:PORT — API base URL. */
	url: string;
	/** Base URL of the File Upload API (`${url}/redpanda`): POST `${uploadUrl}/api/file-base64-upload` etc. */
	uploadUrl: string;
	log: RequestLogEntry[];
	callbacks: CallbackLogEntry[];
	addFault(spec: FaultSpec): void;
	clearFaults(): void;
	configure(patch: Partial<EmulatorOptions>): void;
	task(taskId: string): EmulatedTask | undefined;
	/** Force completion now (and send its callbacks). No outcome: the task's own (rule) outcome; `{}`: success. */
	finishTask(taskId: string, outcome?: { fail?: { code: string; msg: string } }): void;
	/** Move a running task to `fraction` (0..1) of its duration now; 1 finishes it. */
	advanceTask(taskId: string, fraction: number): void;
	/** Resolves when at least n callback attempts are logged; rejects after timeoutMs (default 30 s: a ceiling for a busy machine). */
	waitForCallbacks(n: number, timeoutMs?: number): Promise<CallbackLogEntry[]>;
	uploads: UploadedFile[];
	/** Add (or replace) a catalogue model while running: listed, with /schema, /price, /success-rate; createTask runs it. */
	publishModel(model: PublishedModel): CatalogueModel;
	/** Remove a model from the catalogue (its per-model endpoints answer KIE's 404 body). False if it was not listed. */
	retireModel(model: string): boolean;
	/** The catalogue as `/api/v1/models` lists it now. */
	catalogueModels(): CatalogueModel[];
	/** Clear log, tasks, faults, uploads, callbacks, rate-limit windows; restore credits and the fixture catalogue; keep options. */
	reset(): void;
	close(): Promise<void>;
}
