import type { OutputSettings } from '../binary/download';
import type { FamilyId } from '../families/types';
import type { EventFilter } from './events';

/** The KIE Trigger's parameters as plain values (read by actions/trigger/description.ts). */
export interface TriggerSettings {
	api: 'auto' | FamilyId;
	events: EventFilter;
	includeIntermediate: boolean;
	verifyWithApi: boolean;
	output: OutputSettings;
	sharedToken: string;
	signatureToleranceSeconds: number;
	maxBodyBytes: number;
	ignoreDuplicates: boolean;
	duplicateTtlMs: number;
}
