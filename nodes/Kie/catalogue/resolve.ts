import { FAMILIES, familyEndpoint } from '../families/specs';
import type { DiscoveryClient, ModelResult } from './discovery';

/**
 * The model behind an id: a family endpoint id (`suno/generate`: one of the create endpoints in
 * families/specs.ts, which KIE's catalogue does not list) without any request, else what the
 * catalogue says (live, cached or snapshot).
 */
export async function resolveModel(client: DiscoveryClient, id: string): Promise<ModelResult> {
	const endpoint = familyEndpoint(id);
	if (endpoint) {
		return {
			origin: 'family',
			model: {
				id,
				title: `${FAMILIES[endpoint.family].displayName} (${endpoint.path})`,
				provider: '',
				taskTypes: [],
				priceText: null,
				kind: 'family',
				family: endpoint.family,
				path: endpoint.path,
				method: endpoint.method,
			},
			notice: `${id} is a ${FAMILIES[endpoint.family].displayName} endpoint (${endpoint.path}) that KIE's model catalogue does not describe: its input was sent unchecked.`,
		};
	}
	return await client.model(id);
}
