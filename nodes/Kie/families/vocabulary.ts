/** Status words and error/stage paths several family specs share. */
import type { FamilySpec } from './types';

export const SUCCESS_FLAG_0_3 = { '0': 'running', '1': 'success', '2': 'failed', '3': 'failed' } as const;

export const SUNO_STRING_STATES = {
	PENDING: 'queued',
	SUCCESS: 'success',
	CREATE_TASK_FAILED: 'failed',
	GENERATE_AUDIO_FAILED: 'failed',
	GENERATE_WAV_FAILED: 'failed',
	GENERATE_MP4_FAILED: 'failed',
	GENERATE_LYRICS_FAILED: 'failed',
	CALLBACK_EXCEPTION: 'failed',
	SENSITIVE_WORD_ERROR: 'failed',
} as const;

export const VENDOR_ERRORS = { failCodePaths: ['errorCode', 'failCode'], failMsgPaths: ['errorMessage', 'failMsg'] };
export const SUNO_ERRORS = { failCodePaths: ['errorCode', 'failCode'], failMsgPaths: ['errorMessage', 'failMsg', 'msg'] };
export const SUNO_STAGES: FamilySpec['callback'] = { stagePath: 'callbackType', finalStages: ['complete', 'error'], failedStages: ['error'] };
