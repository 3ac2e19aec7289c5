/* eslint-disable @n8n/community-nodes/no-restricted-globals */
import type { INodeParameters, NodeApiError } from 'n8n-workflow';

import { USER_AGENT } from '../../nodes/Kie/utils/version';
import { credentialsFor, FAST_REQUESTS, redPandaCreate as create, runKie, useEmulator } from '../support/kie';

const emulator = useEmulator();

const credits = (requestOptions: INodeParameters = FAST_REQUESTS) => ({ resource: 'account', operation: 'getCredits', requestOptions });

const requestsTo = (route: string) => emulator().log.filter((entry) => entry.route === route);

describe('kieRequest through the real n8n-core execution context', () => {
	it('sends the Bearer key and its own User-Agent, and reads the float credits', async () => {
		const result = await runKie(emulator(), credits());
		expect(result.status).toBe('success');
		expect(result.output[0].json.credits).toBeCloseTo(1000.5);
		const [request] = requestsTo('credit');
		expect(request.headers.authorization).toBe(`Bearer ${credentialsFor(emulator()).apiKey}`);
		expect(request.headers['user-agent']).toBe(USER_AGENT);
	});

	it.each([
		[400, 'KIE rejected the request (400)'],
		[401, 'KIE rejected the API key (401)'],
		[402, 'Insufficient KIE credits (402)'],
		[404, 'Not found on KIE (404)'],
		[422, 'KIE rejected the input (422)'],
		[451, 'KIE could not fetch an input file (451)'],
		[501, 'KIE generation failed (501)'],
		[505, 'Feature disabled on KIE (505)'],
	])('maps body code %i on HTTP 200 to a clear error, without retrying', async (code, title) => {
		emulator().addFault({ route: 'credit', fault: { type: 'bodyCode', code, msg: `kie says ${code}` } });
		const result = await runKie(emulator(), credits());
		expect(result.status).toBe('error');
		const error = result.error as NodeApiError;
		expect(error.name).toBe('NodeApiError');
		expect(error.message).toBe(`${title}: kie says ${code}`);
		expect(error.httpCode).toBe(String(code));
		expect(error.description).toMatch(/KIE answered code/);
		expect(requestsTo('credit')).toHaveLength(1);
	});

	it('tells the user to top up on 402', async () => {
		emulator().addFault({ route: 'credit', fault: { type: 'bodyCode', code: 402, msg: 'Credits insufficient' } });
		const result = await runKie(emulator(), credits());
		expect(result.error?.description).toMatch(/Top up your KIE account/);
	});

	it('maps a real wrong key (HTTP 401 + KIE body) to the API-key error', async () => {
		const result = await runKie(emulator(), credits(), { credentials: credentialsFor(emulator(), 'not-a-valid-key-placeholder') });
		expect(result.error?.message).toBe('KIE rejected the API key (401): You do not have access permissions');
	});

	it('gives a proxy HTML 403 its own error', async () => {
		emulator().addFault({ route: 'credit', fault: { type: 'html403' } });
		const result = await runKie(emulator(), credits());
		expect(result.error?.message).toMatch(/^KIE answered HTTP 403 with a non-JSON body/);
		expect(result.error?.description).toMatch(/proxy or firewall/);
		expect(requestsTo('credit')).toHaveLength(1);
	});

	it.each([
		['HTTP 500', { type: 'status', status: 500 }],
		['HTTP 502 plain text', { type: 'status', status: 502, body: 'Bad Gateway' }],
		['maintenance body code 455', { type: 'bodyCode', code: 455, msg: 'maintenance' }],
		['a connection reset', { type: 'reset' }],
		['malformed JSON', { type: 'malformed' }],
		['truncated JSON', { type: 'truncated' }],
		['HTTP 429', { type: 'status', status: 429 }],
		['body code 429', { type: 'bodyCode', code: 429, msg: 'Rate limit exceeded' }],
	] as const)('recovers a read from %s by retrying', async (_name, fault) => {
		emulator().addFault({ route: 'credit', fault, times: 2 });
		const result = await runKie(emulator(), credits());
		expect(result.status).toBe('success');
		expect(result.output[0].json.credits).toBeCloseTo(1000.5);
		expect(requestsTo('credit')).toHaveLength(3);
	});

	it('gives up a read after Max Attempts', async () => {
		emulator().addFault({ route: 'credit', fault: { type: 'status', status: 500 } });
		const result = await runKie(emulator(), credits({ ...FAST_REQUESTS, maxAttempts: 3 }));
		expect(result.error?.message).toMatch(/KIE server error \(500\)/);
		expect(requestsTo('credit')).toHaveLength(3);
	});

	it('honours Retry-After on a 429', async () => {
		emulator().addFault({ route: 'credit', fault: { type: 'status', status: 429, headers: { 'retry-after': '1' } }, times: 1 });
		const started = Date.now();
		const result = await runKie(emulator(), credits({ ...FAST_REQUESTS, baseDelayMs: 1 }));
		expect(result.status).toBe('success');
		const [first, second] = requestsTo('credit');
		expect(second.time - first.time).toBeGreaterThanOrEqual(950);
		// A ceiling against a much longer default back-off, not a speed target.
		expect(Date.now() - started).toBeLessThan(15_000);
	});

	it.each([
		['HTTP 429', { type: 'status', status: 429 }],
		['body code 429', { type: 'bodyCode', code: 429, msg: 'Rate limit exceeded' }],
	] as const)('retries a create after a clear %s rejection and creates one task', async (_name, fault) => {
		emulator().addFault({ route: 'createTask', fault, times: 1 });
		const result = await runKie(emulator(), create({ ...FAST_REQUESTS, limitWindowSeconds: 0.3 }));
		expect(result.status).toBe('success');
		expect(result.output[0].json.taskId).toMatch(/^[0-9a-f]{32}$/);
		expect(requestsTo('createTask')).toHaveLength(2);
	});

	it.each([
		['HTTP 500', { type: 'status', status: 500 }],
		['a connection reset', { type: 'reset' }],
		['a truncated answer', { type: 'truncated' }],
	] as const)('never repeats a create after %s, and says the task may exist', async (_name, fault) => {
		emulator().addFault({ route: 'createTask', fault, times: 1 });
		const result = await runKie(emulator(), create());
		expect(result.status).toBe('error');
		expect(result.error?.description).toMatch(/may or may not have been created/);
		expect(requestsTo('createTask')).toHaveLength(1);
	});

	it('never repeats a create after a timeout', async () => {
		emulator().addFault({ route: 'createTask', fault: { type: 'delay', ms: 3000 }, times: 1 });
		const result = await runKie(emulator(), create({ ...FAST_REQUESTS, timeoutSeconds: 0.5 }));
		expect(result.status).toBe('error');
		expect(result.error?.message).toMatch(/^Could not reach KIE/);
		expect(result.error?.description).toMatch(/may or may not have been created/);
		expect(requestsTo('createTask')).toHaveLength(1);
	});

	it('stops within a second when the execution is cancelled during a back-off', async () => {
		emulator().addFault({ route: 'credit', fault: { type: 'status', status: 500 } });
		const controller = new AbortController();
		const started = Date.now();
		setTimeout(() => controller.abort(), 300);
		const result = await runKie(emulator(), credits({ baseDelayMs: 20000, maxAttempts: 5, maxTotalWaitSeconds: 100 }), {
			signal: controller.signal,
		});
		expect(result.status).toBe('canceled');
		// The back-off would last 20 s.
		expect(Date.now() - started).toBeLessThan(10_000);
		expect(requestsTo('credit')).toHaveLength(1);
	});
});
