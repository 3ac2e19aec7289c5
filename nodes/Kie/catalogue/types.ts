import type { z } from 'zod';
import type { FamilyId } from '../families/types';

export type ModelCategory = 'image' | 'video' | 'audio' | 'text';

/**
 * One model (Market) or one family endpoint (Veo generate, Suno extend, …). Adding a model is
 * adding one of these; no code branches on ids.
 */
export interface CatalogueEntry {
	/** Market: KIE's exact model id (`kling-3.0/video`). Family endpoints: our id (`veo3.1/generate`). */
	id: string;
	/** Shown in the model picker, after the category. */
	name: string;
	category: ModelCategory;
	/** Which status API reports on tasks created by this entry. */
	family: FamilyId;
	/** Path of the create endpoint on the API base URL. */
	createPath: string;
	/** Default POST. Veo 1080p is a GET with the input as query string. */
	createMethod?: 'POST' | 'GET';
	/**
	 * `market`: body `{ model: id, callBackUrl, input }`.
	 * `flat`: body `{ ...input, callBackUrl }` (every non-Market family).
	 */
	bodyStyle: 'market' | 'flat';
	/** Name of the callback field in the body; default `callBackUrl`. */
	callbackField?: string;
	/** `task` (default): the response's `data.taskId` names a task to poll. `result`: the response carries the result itself (Veo 1080p). */
	responseKind?: 'task' | 'result';
	/** Zod schema of `input` (an object schema). Field types follow the model page exactly (string vs number). */
	input: z.ZodTypeAny;
	/** Input fields that take public URLs (string or string[]); binary properties can be uploaded into them. */
	urlFields: string[];
	/** Typical generation time in seconds (poll schedule hint). */
	typicalSeconds?: number;
	/** One line for the UI (e.g. "needs a callback URL; a placeholder is sent when none is given"). */
	notes?: string;
}
