import type { DiscoveryTransport, Envelope } from '../../nodes/Kie/catalogue/discovery';
import type { DiscoveryClock } from '../../nodes/Kie/catalogue/limiter';
import { sample } from './documents';

/** A clock whose sleep advances time at once; records when each request started. */
export class FakeClock implements DiscoveryClock {
	constructor(public time = 1_000_000) {}
	now = () => this.time;
	sleep = async (ms: number) => {
		this.time += Math.max(0, ms);
		await Promise.resolve();
	};
	advance(ms: number): void {
		this.time += ms;
	}
}

export interface FakeCatalogueOptions {
	/** Answer 429 to every request while this returns true. */
	refuse?: () => boolean;
	/** Throw (network error) while this returns true. */
	fail?: () => boolean;
}

/**
 * KIE's catalogue as a transport: the real saved `/models` reply (7 models) and the real
 * `/schema` replies; other ids answer KIE's 404 text. Records the start time of every request,
 * so tests can check KIE's 1 request/second budget.
 */
export function fakeCatalogue(clock: FakeClock, options: FakeCatalogueOptions = {}, account = 'https://kie.test#abc') {
	const starts: Array<{ path: string; at: number }> = [];
	const models = sample<{ data: { models: Array<Record<string, unknown>> } }>('models.json');
	const listed = [...models.data.models];
	const transport: DiscoveryTransport = {
		account,
		baseUrl: 'https://kie.test',
		fetch: async (path: string): Promise<Envelope> => {
			starts.push({ path, at: clock.now() });
			if (options.fail?.()) throw new Error('ETIMEDOUT');
			if (options.refuse?.()) return { code: 429, msg: 'Your call frequency is too high. Please try again later.', data: null };
			if (path === '/api/v1/models') return { code: 200, msg: 'success', data: { total: listed.length, models: listed } };
			const match = /^\/api\/v1\/models\/(.+)\/schema$/.exec(path);
			const id = match ? match[1] : '';
			if (['veo-3-1', 'gpt-image-2-text-to-image', 'bytedance/seedance-1.5-pro'].includes(id)) {
				return sample<Envelope>(`schema_${id.replace('/', '__')}.json`);
			}
			return { code: 404, msg: 'The model name you specified is not supported. Please verify your input and use one of the supported models provided by KIE.', data: null };
		},
	};
	return { transport, starts, listed };
}

/** The smallest gap between two consecutive request starts. */
export function minGap(starts: Array<{ at: number }>): number {
	let gap = Infinity;
	for (let i = 1; i < starts.length; i++) gap = Math.min(gap, starts[i].at - starts[i - 1].at);
	return gap;
}
