import type { INodeExecutionData } from 'n8n-workflow';

/**
 * Whether an input item already carries its task's final result, as the items of a callback-mode
 * Wait for Task (or of Get Task) do. Poll mode passes such items straight through: no read, no
 * second download, and a task with 2 files stays 2 items (each file item is not waited on again).
 * This is what makes "callback-mode Wait, then poll-mode Wait" safe when a callback is lost: the
 * callback's items pass, the items the Wait Limit let through unchanged (no status) are polled.
 */
export function carriesFinalResult(item: INodeExecutionData, downloadWanted: boolean): boolean {
	const json = item.json ?? {};
	if (json.final !== true || typeof json.taskId !== 'string' || json.taskId === '') return false;
	if (json.status === 'failed') return true;
	if (json.status !== 'success') return false;
	const urls = Array.isArray(json.resultUrls) ? json.resultUrls : [];
	// Asked for the files but the item has none (e.g. from Get Task): wait (read once, download).
	if (downloadWanted && urls.length > 0) return item.binary !== undefined && Object.keys(item.binary).length > 0;
	return true;
}
