/**
 * Poll-mode Wait for Task after a callback-mode one (the pattern that cannot lose a result when
 * KIE's callback never arrives): items that already carry a final result pass straight through —
 * no read, no second download, one item per file, once — and only the items the callback-mode
 * Wait let through unchanged (Wait Limit reached, no status) are polled. Real engine + emulator.
 */
import { Kie } from '../../nodes/Kie/Kie.node';
import { carriesFinalResult } from '../../nodes/Kie/wait/passthrough';
import { startReceiver } from '../emulator/helpers';
import { readBinary, runNode } from '../harness';
import { useEmulator } from '../support/kie';
import { createMarket, credentials, readsOf, waitParameters } from './support';

const emulator = useEmulator({ callbackDelaysMs: [20, 20] });

const mediaOf = (taskId: string) => emulator().log.filter((entry) => entry.route === 'media' && entry.path.includes(taskId)).length;

describe('Wait for Task (poll) passes through items that already carry a final result', () => {
	it('callback-mode items pass; the lost callback’s unchanged item is polled; 2 files stay 2 items', async () => {
		emulator().configure({ rules: [{ match: { promptIncludes: 'two files' }, durationMs: 100, resultCount: 2 }, { match: { promptIncludes: 'lost' }, durationMs: 400 }] });
		const twoFiles = await createMarket(emulator(), 'grok-imagine/text-to-image', 'two files');
		emulator().finishTask(twoFiles, {});
		// Callback-mode Wait on a task already final: it reads once and outputs one item per file.
		const viaCallback = await runNode({
			node: new Kie(),
			parameters: waitParameters({ waitMode: 'callback' }),
			items: [{ json: { taskId: twoFiles, api: 'market' } }],
			credentials: credentials(emulator()),
		});
		expect(viaCallback.status).toBe('success');
		expect(viaCallback.output).toHaveLength(2);
		const lost = await createMarket(emulator(), 'grok-imagine/text-to-image', 'lost callback');
		const readsBefore = readsOf(emulator(), twoFiles);
		const downloadsBefore = mediaOf(twoFiles);

		const result = await runNode({
			node: new Kie(),
			parameters: waitParameters({ waitMode: 'poll' }),
			// What reaches the poll Wait: 2 file items of one task, and the Wait Limit's unchanged item.
			items: [...viaCallback.output.map((item) => ({ json: item.json, binary: item.binary })), { json: { taskId: lost, api: 'market' } }],
			credentials: credentials(emulator()),
		});
		expect(result.status).toBe('success');
		expect(result.output.map((item) => [item.json.taskId, item.json.index])).toEqual([
			[twoFiles, 0],
			[twoFiles, 1],
			[lost, 0],
		]);
		expect(result.output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(readsOf(emulator(), twoFiles)).toBe(readsBefore);
		expect(mediaOf(twoFiles)).toBe(downloadsBefore);
		expect(mediaOf(lost)).toBe(1);
		for (const item of result.output) expect((await readBinary(item)).subarray(1, 4).toString()).toBe('PNG');
	});

	it('callbacks blocked during the whole wait: the poll-mode Wait still delivers the result', async () => {
		// n8n unreachable for all of KIE's tries: every callback attempt is answered 503.
		const down = await startReceiver(() => 503);
		try {
			emulator().configure({ rules: [{ match: { promptIncludes: 'blocked' }, durationMs: 600000 }] });
			const taskId = await createMarket(emulator(), 'grok-imagine/text-to-image', 'blocked callbacks', down.url);
			const input = { taskId, api: 'market' };
			const waiting = await runNode({ node: new Kie(), parameters: waitParameters({ waitMode: 'callback' }), items: [{ json: input }], credentials: credentials(emulator()) });
			expect(waiting.status).toBe('waiting');
			emulator().finishTask(taskId, {});
			await emulator().waitForCallbacks(3, 10000);
			expect(down.received.length).toBeGreaterThanOrEqual(3);
			// The Wait Limit passes: n8n continues with the callback-mode node's input item unchanged.
			const result = await runNode({ node: new Kie(), parameters: waitParameters({ waitMode: 'poll' }), items: [{ json: input }], credentials: credentials(emulator()) });
			expect(result.status).toBe('success');
			expect(result.output).toHaveLength(1);
			expect(result.output[0].json).toMatchObject({ taskId, status: 'success' });
			expect((await readBinary(result.output[0])).subarray(1, 4).toString()).toBe('PNG');
		} finally {
			await down.close();
		}
	});

	it('decides from status, final, taskId and (when downloads are wanted) the binary', () => {
		const final = { taskId: 't', status: 'success', final: true, resultUrls: ['https://x/a.png'] };
		expect(carriesFinalResult({ json: final }, false)).toBe(true);
		expect(carriesFinalResult({ json: final }, true)).toBe(false);
		expect(carriesFinalResult({ json: final, binary: { data: { data: '', mimeType: 'image/png' } } }, true)).toBe(true);
		expect(carriesFinalResult({ json: { ...final, resultUrls: [] } }, true)).toBe(true);
		expect(carriesFinalResult({ json: { taskId: 't', status: 'failed', final: true } }, true)).toBe(true);
		expect(carriesFinalResult({ json: { taskId: 't', api: 'market' } }, true)).toBe(false);
		expect(carriesFinalResult({ json: { taskId: 't', status: 'running', final: false } }, false)).toBe(false);
		expect(carriesFinalResult({ json: { status: 'success', final: true } }, false)).toBe(false);
	});
});
