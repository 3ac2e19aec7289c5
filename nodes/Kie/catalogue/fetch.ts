import { createHash } from 'crypto';
import type { IDataObject, IExecuteFunctions, IHttpRequestOptions, ILoadOptionsFunctions } from 'n8n-workflow';

import { getKieCredentials, type KieContext } from '../transport/request';
import { USER_AGENT } from '../utils/version';
import { DiscoveryClient, type DiscoveryTransport, type Envelope } from './discovery';
import type { DiscoveryClock } from './limiter';

/**
 * The discovery transport of a running node: KIE's catalogue endpoints through n8n's
 * authenticated HTTP helper. No retries here: a refused discovery call is answered from the
 * cache (catalogue/discovery.ts), so retrying would only spend the shared budget.
 */

export type DiscoveryContext = ILoadOptionsFunctions | IExecuteFunctions;

const DISCOVERY_TIMEOUT_MS = 10000;

function parse(text: string): Envelope {
	const json = JSON.parse(text) as IDataObject;
	return { code: typeof json.code === 'number' ? json.code : 200, msg: String(json.msg ?? ''), data: json.data };
}

export async function discoveryTransport(ctx: DiscoveryContext): Promise<DiscoveryTransport> {
	const credentials = await getKieCredentials(ctx as unknown as KieContext);
	const account = `${credentials.baseUrl}#${createHash('sha256').update(credentials.apiKey).digest('hex').slice(0, 16)}`;
	return {
		account,
		baseUrl: credentials.baseUrl,
		fetch: async (path: string) => {
			const request: IHttpRequestOptions = {
				method: 'GET',
				url: `${credentials.baseUrl}${path}`,
				headers: { 'User-Agent': USER_AGENT, Accept: 'application/json' },
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
				encoding: 'text',
				timeout: DISCOVERY_TIMEOUT_MS,
			};
			const response = (await ctx.helpers.httpRequestWithAuthentication.call(ctx, 'kieApi', request)) as { body: unknown; statusCode: number };
			const text = typeof response.body === 'string' ? response.body : JSON.stringify(response.body ?? '');
			try {
				const envelope = parse(text);
				if (response.statusCode === 429) return { ...envelope, code: 429 };
				return envelope;
			} catch {
				return { code: response.statusCode === 200 ? 500 : response.statusCode, msg: `not JSON (HTTP ${response.statusCode})`, data: null };
			}
		},
	};
}

let clockOverride: DiscoveryClock | undefined;

/** Tests run the node's discovery on a fake clock. */
export function setDiscoveryClock(clock: DiscoveryClock | undefined): void {
	clockOverride = clock;
}

export async function discoveryClient(ctx: DiscoveryContext): Promise<DiscoveryClient> {
	return new DiscoveryClient(await discoveryTransport(ctx), clockOverride);
}
