import type { FamilyId } from '../families/types';

/**
 * How a model runs, from the single path of its KIE document (catalogue/schema.ts):
 * `task` = Market `/api/v1/jobs/createTask`; `family` = one of our FamilySpec create endpoints;
 * `chat` = a synchronous endpoint (Create Task does not run it); `unchecked` = KIE has not
 * published the document yet (`openapi: null`): JSON mode only, nothing can be checked.
 */
export type ModelKind = 'task' | 'family' | 'chat' | 'unchecked';

export type InputType = 'string' | 'number' | 'integer' | 'boolean' | 'array' | 'object';

export type Scalar = string | number | boolean;

/** One property of a model's input, as KIE's schema declares it (3.0 keywords folded in). */
export interface InputField {
	name: string;
	/** Undefined when the schema gives no type (anything goes). */
	type?: InputType;
	description?: string;
	enum?: Scalar[];
	default?: unknown;
	example?: unknown;
	minimum?: number;
	maximum?: number;
	exclusiveMinimum?: number;
	exclusiveMaximum?: number;
	minLength?: number;
	maxLength?: number;
	minItems?: number;
	maxItems?: number;
	format?: string;
	items?: { type?: InputType; enum?: Scalar[]; format?: string };
	nullable?: boolean;
	deprecated?: boolean;
	/** Takes public file URLs (format uri or a *_url(s) name); binary inputs can be uploaded into it. */
	isUrl?: boolean;
}

/** One alternative shape of `input`: its own fields and its own required list. */
export interface InputBranch {
	/** "Branch 1", or the schema's title, or the branch's required fields. */
	title: string;
	fields: InputField[];
	required: string[];
}

/** A model's input: one branch, or several when KIE declares `input` as `oneOf`. */
export interface InputDefinition {
	branches: InputBranch[];
}

/** Where a model's definition came from and when (ISO time). */
export interface DefinitionSource {
	/** e.g. `GET https://api.kie.ai/api/v1/models/veo-3-1/schema`, or a fixture document's origin. */
	from: string;
	at: string;
}

/** Everything the node knows about one model, from the catalogue list and the model's document. */
export interface CatalogueModel {
	id: string;
	title: string;
	provider: string;
	taskTypes: string[];
	/** KIE's `pricingDesc` (multi-line prose), or null when KIE has none. */
	priceText: string | null;
	kind: ModelKind;
	/** The document's path (`/api/v1/jobs/createTask`, `/api/v1/veo/generate`, `/claude/v1/messages`). */
	path?: string;
	method?: 'GET' | 'POST';
	/** For `family` models: which status API reports on their tasks. */
	family?: FamilyId;
	/** Name of the callback field in the body (`callBackUrl` unless the document says otherwise). */
	callbackField?: string;
	input?: InputDefinition;
	schemaSource?: DefinitionSource;
}

/** The shipped offline catalogue (catalogue/catalogue-snapshot.json), written by `npm run catalogue:update`. */
export interface CatalogueSnapshot {
	generatedAt: string;
	/** The catalogue it was read from (base URL; never a key). */
	source: string;
	models: CatalogueModel[];
}

/** What a model produces, for default timeouts and poll schedules (defined beside the family specs). */
export type { ModelCategory } from '../families/types';
