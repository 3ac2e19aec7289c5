/* Create Task sends exactly what real KIE traffic shows, for every recorded create request. */
import type { INodeParameters } from 'n8n-workflow';

import { CATALOGUE, findModel } from '../../nodes/Kie/catalogue';
import { CALLBACK_PLACEHOLDER } from '../../nodes/Kie/actions/task/create.properties';
import { FAST_REQUESTS, modelById, runKie, useEmulator } from '../support/kie';
import { harEntries, harFiles } from '../support/recordings';

const emulator = useEmulator();

interface RecordedCreate {
	file: string;
	path: string;
	body: Record<string, unknown>;
	response: { code: number; msg: string };
}

const createPaths = new Set(CATALOGUE.filter((entry) => (entry.createMethod ?? 'POST') === 'POST').map((entry) => entry.createPath));

function recordedCreates(): RecordedCreate[] {
	const out: RecordedCreate[] = [];
	for (const file of harFiles()) {
		for (const entry of harEntries(file)) {
			const path = new URL(entry.request.url).pathname;
			if (entry.request.method !== 'POST' || !createPaths.has(path) || !entry.request.postData?.text) continue;
			out.push({
				file: file.split('kie-recordings/')[1],
				path,
				body: JSON.parse(entry.request.postData.text) as Record<string, unknown>,
				response: JSON.parse(entry.response.content.text ?? '{}') as RecordedCreate['response'],
			});
		}
	}
	return out;
}

const creates = recordedCreates();

function entryFor(recorded: RecordedCreate) {
	if (recorded.path === '/api/v1/jobs/createTask') return findModel(String(recorded.body.model));
	const candidates = CATALOGUE.filter((entry) => entry.createPath === recorded.path);
	return candidates.length === 1 ? candidates[0] : undefined;
}

describe('Create Task against recorded KIE requests', () => {
	it('finds the recorded creates (Market and Suno)', () => {
		expect(creates.length).toBeGreaterThanOrEqual(10);
		expect(creates.some((recorded) => recorded.path === '/api/v1/generate')).toBe(true);
	});

	it.each(creates.map((recorded) => [`${recorded.file} ${String(recorded.body.model ?? recorded.path)}`, recorded] as const))(
		'%s: same path, field names and JSON types as recorded',
		async (_name, recorded) => {
			const entry = entryFor(recorded);
			expect(entry).toBeDefined();
			const { callBackUrl, ...rest } = recorded.body;
			const input = entry!.bodyStyle === 'market' ? (recorded.body.input as Record<string, unknown>) : rest;
			const parameters: INodeParameters = {
				resource: 'task',
				operation: 'create',
				model: modelById(entry!.id),
				inputMode: 'json',
				inputJson: JSON.stringify(input),
				callbackMode: callBackUrl ? 'url' : 'none',
				callbackUrl: (callBackUrl as string) ?? '',
				requestOptions: FAST_REQUESTS,
			};
			const result = await runKie(emulator(), parameters);
			const sent = emulator().log.filter((logged) => logged.method === 'POST' && logged.path === recorded.path);
			expect(sent).toHaveLength(1);
			if (!callBackUrl && entry!.notes?.match(/callback/i)) {
				// KIE refused this recorded request ("Please enter callBackUrl."): the node sends its placeholder.
				expect(sent[0].body).toEqual({ ...recorded.body, callBackUrl: CALLBACK_PLACEHOLDER });
			} else {
				expect(sent[0].body).toEqual(recorded.body);
			}
			const acceptedByKie = recorded.response.code === 200 || (!callBackUrl && /callBackUrl/.test(recorded.response.msg));
			if (acceptedByKie) {
				expect(result.status).toBe('success');
				expect(result.output[0].json).toMatchObject({ api: entry!.family, model: entry!.id });
			} else {
				// The recorded answer was an error in a 200 body (e.g. 422 "Record does not exist"): so is ours.
				expect(result.status).toBe('error');
				expect(result.error?.message).toBe(`KIE rejected the input (${recorded.response.code}): ${recorded.response.msg}`);
			}
		},
	);
});
