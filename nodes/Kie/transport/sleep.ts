import { NodeOperationError, sleep, sleepWithAbort } from 'n8n-workflow';
import type { INode } from 'n8n-workflow';

/** True once the execution was stopped. */
export function isCancelled(signal: AbortSignal | undefined): boolean {
	return signal?.aborted === true;
}

/**
 * Waits `ms`, ending early (with an error) when the execution is cancelled. Older n8n hosts
 * lack `sleepWithAbort`; there we sleep in short slices and check the signal between them, so
 * a stop still takes effect within half a second.
 */
export async function cancellableSleep(ms: number, signal: AbortSignal | undefined, node: INode): Promise<void> {
	if (ms <= 0) {
		throwIfCancelled(signal, node);
		return;
	}
	throwIfCancelled(signal, node);
	if (typeof sleepWithAbort === 'function') {
		try {
			await sleepWithAbort(ms, signal);
		} catch (error) {
			throwIfCancelled(signal, node);
			throw new NodeOperationError(node, error as Error);
		}
		return;
	}
	const end = Date.now() + ms;
	while (Date.now() < end) {
		await sleep(Math.min(500, end - Date.now()));
		throwIfCancelled(signal, node);
	}
}

export function throwIfCancelled(signal: AbortSignal | undefined, node: INode): void {
	if (isCancelled(signal)) {
		throw new NodeOperationError(node, 'The execution was cancelled', {
			description: 'The workflow was stopped while the KIE node was waiting.',
		});
	}
}
