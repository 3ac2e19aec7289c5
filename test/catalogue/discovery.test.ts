import { DiscoveryClient, LIST_TTL_MS, resetDiscoveryCaches, SCHEMA_TTL_MS } from '../../nodes/Kie/catalogue/discovery';
import { DISCOVERY_SPACING_MS, resetDiscoveryLimiters } from '../../nodes/Kie/catalogue/limiter';
import { FakeClock, fakeCatalogue, minGap } from './fake-catalogue';

beforeEach(() => {
	resetDiscoveryCaches();
	resetDiscoveryLimiters();
});

describe('DiscoveryClient', () => {
	it('reads the list once per 10 minutes and answers from the cache in between', async () => {
		const clock = new FakeClock();
		const kie = fakeCatalogue(clock);
		const client = new DiscoveryClient(kie.transport, clock);
		const first = await client.list();
		expect(first.origin).toBe('live');
		expect(first.models.map((model) => model.id)).toContain('veo-3-1');
		expect(first.models.find((model) => model.id === 'veo-3-1')).toMatchObject({ title: 'Veo 3.1', provider: 'Google', taskTypes: ['Text to Video', 'Image to Video'] });
		for (let i = 0; i < 30; i++) {
			clock.advance(300);
			expect((await client.list()).origin).toBe('cache');
		}
		expect(kie.starts.filter((start) => start.path === '/api/v1/models')).toHaveLength(1);
		clock.advance(LIST_TTL_MS);
		expect((await client.list()).origin).toBe('live');
		expect(kie.starts.filter((start) => start.path === '/api/v1/models')).toHaveLength(2);
	});

	it('shares one limiter per account: requests start at least 1.1 s apart across clients and endpoints', async () => {
		const clock = new FakeClock();
		const kie = fakeCatalogue(clock);
		const a = new DiscoveryClient(kie.transport, clock);
		const b = new DiscoveryClient(kie.transport, clock);
		await Promise.all([a.list(), b.model('veo-3-1'), a.model('bytedance/seedance-1.5-pro'), b.model('gpt-image-2-text-to-image'), a.model('nope/none')]);
		expect(kie.starts).toHaveLength(5);
		expect(minGap(kie.starts)).toBeGreaterThanOrEqual(1100);
	});

	it('caches each schema for an hour; concurrent asks share one request', async () => {
		const clock = new FakeClock();
		const kie = fakeCatalogue(clock);
		const client = new DiscoveryClient(kie.transport, clock);
		const [one, two] = await Promise.all([client.model('veo-3-1'), client.model('veo-3-1')]);
		expect(one.origin).toBe('live');
		expect(two.model).toBe(one.model);
		expect(one.model).toMatchObject({ kind: 'task', schemaSource: { from: 'GET https://kie.test/api/v1/models/veo-3-1/schema' } });
		clock.advance(SCHEMA_TTL_MS - 1);
		expect((await client.model('veo-3-1')).origin).toBe('cache');
		clock.advance(2);
		expect((await client.model('veo-3-1')).origin).toBe('live');
		expect(kie.starts).toHaveLength(2);
	});

	it('a 429 falls back to the cache, with a notice, and backs off instead of retrying at once', async () => {
		const clock = new FakeClock();
		let refusing = false;
		const kie = fakeCatalogue(clock, { refuse: () => refusing });
		const client = new DiscoveryClient(kie.transport, clock);
		await client.list();
		clock.advance(LIST_TTL_MS + 1);
		refusing = true;
		const stale = await client.list();
		expect(stale.origin).toBe('cache');
		expect(stale.notice).toContain('429');
		const sent = kie.starts.length;
		for (let i = 0; i < 30; i++) {
			clock.advance(333);
			const answer = await client.list();
			expect(answer.models.length).toBeGreaterThan(0);
		}
		// 30 searches in 10 s during a 429 storm: no request sent again within the cooldown.
		expect(kie.starts.length).toBe(sent);
	});

	it('one 429 is asked again after the back-off, so a model the snapshot lacks still gets its live form', async () => {
		const clock = new FakeClock();
		let refusals = 1;
		const kie = fakeCatalogue(clock, { refuse: () => refusals-- > 0 });
		const client = new DiscoveryClient(kie.transport, clock);
		const result = await client.model('veo-3-1');
		expect(result.origin).toBe('live');
		expect(kie.starts.map((start) => start.path)).toEqual(['/api/v1/models/veo-3-1/schema', '/api/v1/models/veo-3-1/schema']);
		expect(kie.starts[1].at - kie.starts[0].at).toBeGreaterThanOrEqual(2 * DISCOVERY_SPACING_MS);
	});

	it('no network and nothing cached: the shipped snapshot answers, never an error', async () => {
		const clock = new FakeClock();
		const kie = fakeCatalogue(clock, { fail: () => true });
		const client = new DiscoveryClient(kie.transport, clock);
		const list = await client.list();
		expect(list.origin).toBe('snapshot');
		expect(list.notice).toContain('ETIMEDOUT');
		const model = await client.model('veo-3-1');
		expect(['snapshot', 'none']).toContain(model.origin);
		expect(model.notice).toContain('ETIMEDOUT');
	});

	it('an id KIE does not list is marked unknown', async () => {
		const clock = new FakeClock();
		const client = new DiscoveryClient(fakeCatalogue(clock).transport, clock);
		const result = await client.model('made-up/model');
		expect(result.unknownToKie).toBe(true);
		expect(result.model).toBeUndefined();
	});
});
