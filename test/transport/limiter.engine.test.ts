/* eslint-disable @n8n/community-nodes/no-restricted-globals */
/**
 * The create limiter against a rate-limited emulator, in a file of its own: no request of another
 * test (a retry still running after its test ended) can share the emulator's window with it.
 */
import { FAST_REQUESTS, redPandaCreate as create, runKie, useEmulator } from '../support/kie';

const emulator = useEmulator();


const requestsTo = (route: string) => emulator().log.filter((entry) => entry.route === route);

describe('the create limiter', () => {
	it('spreads a burst of 60 creates over the window: zero 429s from a 20-per-window KIE', async () => {
		emulator().configure({ rateLimit: { max: 20, windowMs: 1000 } });
		const items = Array.from({ length: 60 }, (_, i) => ({ json: { i } }));
		// The node's window is KIE's plus a generous allowance (1 s) for the time between a request
		// leaving the node and KIE counting it, which grows when the machine is busy. Without it a
		// loaded machine turns that lag into a 429; with it the count below holds at any speed.
		const result = await runKie(
			emulator(),
			{ ...create({ ...FAST_REQUESTS, limitMax: 20, limitWindowSeconds: 2 }), createOptions: { concurrency: 10 } },
			{ items },
		);
		expect(result.status).toBe('success');
		expect(result.output).toHaveLength(60);
		const creates = requestsTo('createTask');
		expect(creates.filter((entry) => entry.status === 429)).toEqual([]);
		expect(creates).toHaveLength(60);
		const times = creates.map((entry) => entry.time).sort((a, b) => a - b);
		for (let i = 20; i < times.length; i++) expect(times[i] - times[i - 20]).toBeGreaterThanOrEqual(1000);
		// How fast the batch goes through (spread, not slowed) is a speed target: \`npm run bench\`
		// measures it; the limiter's exact schedule is checked on a virtual clock in limiter.test.ts.
	});
});
