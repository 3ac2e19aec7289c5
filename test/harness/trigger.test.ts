import { HarnessTriggerFixture } from './fixtures/HarnessTriggerFixture.node';
import { createTriggerHarness } from './index';

describe('createTriggerHarness (real WebhookContext)', () => {
	it('returns workflow data, keeps static data between calls and de-duplicates', async () => {
		const harness = createTriggerHarness({
			node: new HarnessTriggerFixture(),
			parameters: { secret: 's3cret' },
		});
		const headers = { 'X-Secret': 's3cret' };

		const first = await harness.call({ body: { id: 'a', status: 'success' }, headers });
		expect(first.statusCode).toBe(200);
		expect(first.responseBody).toEqual({ message: 'Workflow was started' });
		expect(first.workflowData).toHaveLength(1);
		const json = first.workflowData![0][0].json;
		expect(json).toMatchObject({ id: 'a', status: 'success', deliveries: 1 });
		expect(json.rawLength).toBe(Buffer.from(JSON.stringify({ id: 'a', status: 'success' })).length);
		expect(json.url).toBe(`http://127.0.0.1:5678/webhook/${harness.webhookId}/callback`);
		expect(harness.staticData).toEqual({ [`node:${harness.nodeName}`]: { seen: ['a'] } });

		const second = await harness.call({ body: { id: 'b' }, headers });
		expect(second.workflowData![0][0].json.deliveries).toBe(2);

		const duplicate = await harness.call({ body: { id: 'a' }, headers });
		expect(duplicate.workflowData).toBeUndefined();
		expect(duplicate.statusCode).toBe(200);
		expect(duplicate.responseBody).toEqual({ duplicate: true, id: 'a' });
		expect(harness.staticData).toEqual({ [`node:${harness.nodeName}`]: { seen: ['a', 'b'] } });
	});

	it('captures what the node wrote to the response object', async () => {
		const harness = createTriggerHarness({ node: new HarnessTriggerFixture(), parameters: { secret: 's3cret' } });
		const result = await harness.call({ body: { id: 'x' }, headers: { 'x-secret': 'wrong' } });
		expect(result.noWebhookResponse).toBe(true);
		expect(result.statusCode).toBe(401);
		expect(result.responseBody).toEqual({ error: 'bad secret' });
		expect(result.workflowData).toBeUndefined();
		expect(harness.staticData).toEqual({});
	});

	it('answers 404 for a method the node has no webhook for', async () => {
		const harness = createTriggerHarness({ node: new HarnessTriggerFixture(), parameters: {} });
		const result = await harness.call({ method: 'GET' });
		expect(result.statusCode).toBe(404);
	});
});
