/** What a user sees of a poll wait: the summary hint n8n shows above the node's output. */
import { startEmulator, type Emulator } from '../emulator';
import { waitSummary } from '../../nodes/Kie/wait/progress';
import { createMarket, runWait } from './support';

describe('wait summary', () => {
	it('counts outcomes, reads and time in words', () => {
		expect(waitSummary({ tasks: 20, succeeded: 19, failed: 1, timedOut: 0, unknown: 0, errors: 0, reads: 212, waitedMs: 130400 })).toBe(
			'Waited 2 min 10 s for 20 KIE tasks: 19 succeeded, 1 failed on KIE (212 status reads).',
		);
		expect(waitSummary({ tasks: 1, succeeded: 0, failed: 0, timedOut: 1, unknown: 0, errors: 0, reads: 3, waitedMs: 4000 })).toBe(
			'Waited 4 s for 1 KIE task: 1 still running at the timeout (3 status reads).',
		);
	});
});

describe('Wait for Task hint (engine + emulator)', () => {
	let kie: Emulator;
	beforeAll(async () => {
		kie = await startEmulator({ rateLimit: null, defaultDurationMs: 300 });
	});
	afterAll(async () => await kie.close());

	it('leaves the summary as an execution hint on the node’s run', async () => {
		const ids = [await createMarket(kie), await createMarket(kie)];
		const result = await runWait(kie, ids.map((taskId) => ({ taskId, api: 'market' })), { outputOptions: { download: false } });
		expect(result.status).toBe('success');
		const hints = result.run.data.resultData.runData[result.nodeName][0].hints ?? [];
		expect(hints).toEqual([expect.objectContaining({ location: 'outputPane', message: expect.stringMatching(/^Waited \d+ s for 2 KIE tasks: 2 succeeded \(\d+ status reads\)\.$/) })]);
	});
});
