/* eslint-disable @n8n/community-nodes/no-restricted-globals */
/**
 * The fault matrix's bookkeeping: the README shows exactly the cases of cases.ts, every case has
 * exactly one test, and the duplicate-create check used after every case does catch duplicates.
 */
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';

import { USER_AGENT } from '../../nodes/Kie/utils/version';
import { startEmulator, type Emulator } from '../emulator';
import { call } from '../emulator/helpers';
import { FAULT_CASES, renderFaultTable, TABLE_END, TABLE_START } from './cases';
import { duplicateCreates } from './support';

const ROOT = join(__dirname, '..', '..');

describe('fault matrix table', () => {
	it('has at least 40 uniquely named cases, each with a fault and an expected outcome', () => {
		expect(FAULT_CASES.length).toBeGreaterThanOrEqual(40);
		expect(new Set(FAULT_CASES.map((entry) => entry.id)).size).toBe(FAULT_CASES.length);
		for (const entry of FAULT_CASES) {
			expect(entry.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)+$/);
			expect(entry.fault.length).toBeGreaterThan(10);
			expect(entry.expected.length).toBeGreaterThan(10);
		}
	});

	it('every case has exactly one test, and every test names a case', () => {
		const files = readdirSync(__dirname).filter((name) => name.endsWith('.faults.test.ts'));
		const used: string[] = [];
		for (const file of files) {
			const source = readFileSync(join(__dirname, file), 'utf8');
			for (const match of source.matchAll(/caseTest\(\s*'([^']+)'/g)) used.push(match[1]);
		}
		expect([...used].sort()).toEqual(FAULT_CASES.map((entry) => entry.id).sort());
	});

	it("the README's Fault matrix section lists exactly these cases (regenerate: npx ts-node --transpile-only test/faults/write-readme.ts)", () => {
		const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
		const start = readme.indexOf(TABLE_START);
		const end = readme.indexOf(TABLE_END);
		expect(start).toBeGreaterThan(-1);
		expect(end).toBeGreaterThan(start);
		expect(readme.slice(start + TABLE_START.length, end).trim()).toBe(renderFaultTable());
		const listed = [...readme.slice(start, end).matchAll(/^\| \d+ \| `([^`]+)` \|/gm)].map((match) => match[1]);
		expect(listed).toEqual(FAULT_CASES.map((entry) => entry.id));
	});
});

describe('the duplicate-create check run after every case', () => {
	let kie: Emulator;
	beforeAll(async () => {
		kie = await startEmulator({ rateLimit: null, defaultDurationMs: 60000 });
	});
	afterAll(async () => await kie.close());
	beforeEach(() => kie.reset());

	const send = async (body: Record<string, unknown>) =>
		await call(kie.url, 'POST', '/api/v1/jobs/createTask', body, { headers: { 'user-agent': USER_AGENT } }).catch(() => undefined);

	it('accepts a create repeated after a clear 429', async () => {
		kie.addFault({ route: 'createTask', fault: { type: 'status', status: 429 }, times: 1 });
		const body = { model: 'nano-banana-pro', input: { prompt: 'once' } };
		await send(body);
		await send(body);
		expect(await duplicateCreates(kie)).toEqual([]);
	});

	it.each([
		['a 5xx', { type: 'status', status: 500 }],
		['a reset', { type: 'reset' }],
	] as const)('flags a create repeated after %s', async (_name, fault) => {
		kie.addFault({ route: 'createTask', fault, times: 1 });
		const body = { model: 'nano-banana-pro', input: { prompt: 'twice' } };
		await send(body);
		await send(body);
		const problems = await duplicateCreates(kie);
		expect(problems).toHaveLength(1);
		expect(problems[0]).toMatch(/^create re-sent after an ambiguous answer/);
	});

	it('flags a body charged twice', async () => {
		const body = { model: 'nano-banana-pro', input: { prompt: 'charged twice' } };
		await send(body);
		await send(body);
		const problems = await duplicateCreates(kie);
		expect(problems).toContain(`2 tasks created for one create body ${JSON.stringify(body)}`);
	});

	it("ignores the test's own creates (another user agent)", async () => {
		const body = { model: 'nano-banana-pro', input: { prompt: 'from the test' } };
		await call(kie.url, 'POST', '/api/v1/jobs/createTask', body);
		await call(kie.url, 'POST', '/api/v1/jobs/createTask', body);
		expect(await duplicateCreates(kie)).toEqual([]);
	});
});
