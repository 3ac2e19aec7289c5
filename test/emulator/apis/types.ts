/** The shape of a family definition and of what its builders receive. */
import type { EmulatedTask, FamilyId, MediaKind } from '../types';

/** A task's creation-time facts: the public snapshot without its live status, plus minted ids. */
export type TaskData = Omit<EmulatedTask, 'status' | 'outcome' | 'completeTime' | 'resultUrls' | 'callbackStagesSent'> & {
	/** Random ids minted at creation (Suno track ids, Runway video id, ...). */
	ids: string[];
};

export interface TaskView {
	word: string | number;
	outcome: 'pending' | 'running' | 'success' | 'fail';
	/** 0..1 of the task's lifetime. */
	fraction: number;
	completeTime: number | null;
	/** Index of the current phase (-1 when terminal). */
	phase: number;
}

export interface Ctx {
	task: TaskData;
	view: TaskView;
	/** Emulator base URL (for media links). */
	base: string;
	/** Account balance now. */
	credits: number;
}

export interface ParentDef {
	/** Request field holding the parent task id. */
	field: string;
	families: FamilyId[];
	/** Body msg (code 422) when the parent does not exist. */
	unknownMsg: string;
}

export interface CreateDef {
	path: string;
	kind: string;
	parent?: ParentDef;
}

export interface PhaseDef {
	/** Start of the phase as a fraction of the lifetime. */
	at: number;
	word: string | number;
	/** Callback stage sent when the phase starts (Suno 'text' / 'first'); skipped by failing tasks. */
	stage?: string;
}

export interface FamilyDef {
	id: FamilyId;
	creates: CreateDef[];
	recordPath: string;
	/** KIE rejects creates without callBackUrl: 200 {code:422,msg:'Please enter callBackUrl.'}. */
	callbackRequired: boolean;
	idStyle: 'hex' | 'uuid';
	/** Create response `data`. */
	createData: (taskId: string) => Record<string, unknown>;
	/** Response for an unknown task id on the status endpoint. */
	unknownRecord: { code: number; msg: string };
	phases: PhaseDef[];
	successWord: string | number;
	failWord: string | number;
	/** Status word for "generated, but the callback could not be delivered" (Luma: 4). */
	callbackFailedWord?: string | number;
	resultCount: (req: Record<string, unknown>, kind: string) => number;
	mediaKind: (req: Record<string, unknown>, kind: string, model: string | null) => MediaKind;
	record: (c: Ctx) => Record<string, unknown>;
	callback: (c: Ctx, stage: string) => Record<string, unknown>;
	/** The main result URLs once successful. */
	resultUrls: (c: Ctx) => string[];
}
