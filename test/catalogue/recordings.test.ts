/* Every create body that real KIE accepted (the HAR recordings) passes the validator built from
 * that model's document in the shipped snapshot. */
import { checkInput, formatIssues } from '../../nodes/Kie/catalogue/check';
import { snapshotModel } from '../../nodes/Kie/catalogue/snapshot';
import { harEntries, harFiles } from '../support/recordings';

interface Accepted {
	file: string;
	model: string;
	input: Record<string, unknown>;
}

function acceptedCreates(): Accepted[] {
	const out: Accepted[] = [];
	for (const file of harFiles()) {
		for (const entry of harEntries(file)) {
			if (entry.request.method !== 'POST' || !entry.request.url.endsWith('/api/v1/jobs/createTask') || !entry.request.postData?.text) continue;
			const reply = JSON.parse(entry.response.content.text ?? '{}') as { code?: number };
			if (reply.code !== 200) continue;
			const body = JSON.parse(entry.request.postData.text) as { model: string; input: Record<string, unknown> };
			out.push({ file: file.split('recordings/')[1] ?? file, model: body.model, input: body.input });
		}
	}
	return out;
}

const accepted = acceptedCreates();

describe('bodies real KIE accepted', () => {
	it('are found (Market creates with code 200)', () => {
		expect(accepted.length).toBeGreaterThanOrEqual(5);
	});

	it.each(accepted.map((body) => [`${body.file} ${body.model}`, body] as const))('%s passes', (_name, body) => {
		const model = snapshotModel(body.model);
		expect(model?.input).toBeDefined();
		// Fields KIE's document does not list are refused by default (KIE ignores them and bills);
		// the option "Allow Fields Not in Schema" sends them, and then everything else must pass.
		const result = checkInput(model!.input!, body.model, body.input, { allowUnknownFields: true });
		expect(result.ok ? '' : formatIssues(result.issues)).toBe('');
	});
});
