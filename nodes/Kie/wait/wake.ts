import { NodeOperationError } from 'n8n-workflow';
import type { INode } from 'n8n-workflow';

import { cancellableSleep, throwIfCancelled } from '../transport/sleep';

/**
 * Sleeps `ms` unless `wake` fires first (a read ended and the loop has news) or the execution
 * is cancelled (then it throws). A fresh signal per sleep keeps listeners off the execution's
 * signal, which lives as long as the whole wait.
 */
export async function wakeableSleep(ms: number, cancel: AbortSignal | undefined, wake: AbortSignal, node: INode): Promise<void> {
	throwIfCancelled(cancel, node);
	if (wake.aborted) return;
	const local = new AbortController();
	const stop = () => local.abort();
	cancel?.addEventListener('abort', stop, { once: true });
	wake.addEventListener('abort', stop, { once: true });
	try {
		await cancellableSleep(ms, local.signal, node);
	} catch (error) {
		throwIfCancelled(cancel, node);
		if (!wake.aborted) throw new NodeOperationError(node, error as Error);
	} finally {
		cancel?.removeEventListener('abort', stop);
		wake.removeEventListener('abort', stop);
	}
}
