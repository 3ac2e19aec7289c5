/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports */
/** A fresh clone with nothing beside it runs the suite: no file refers to a path outside the tree. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import { filesUnder, findOutsideReferences, scanTree } from './self-contained';

const ROOT = resolve(__dirname, '../..');
const DIRS = ['test', 'e2e', 'bench', 'scripts', 'nodes', 'credentials', 'docs', '.ci'];
/**
 * Planted violations are written with stand-ins (‹up› for two dots, ‹abs› for a leading slash,
 * ‹doc› for the API write-up's file name) so that this file itself stays clean for the scan above.
 */
const plant = (text: string) =>
	text.replace(/‹up›/g, '..').replace(/‹abs›/g, '/').replace(/‹doc›/g, ['kie', 'api.md'].join('-'));

describe('the repository stands on its own', () => {
	it('scans the folders that hold code, tests and scripts', () => {
		const files = filesUnder(ROOT, DIRS);
		expect(files).toEqual(expect.arrayContaining(['test/support/recordings.ts', 'scripts/sandbox.mjs', 'e2e/run.mjs']));
		expect(files.some((f) => f.startsWith('nodes/Kie/'))).toBe(true);
	});

	it('has no file under test/, e2e/, bench/, scripts/, nodes/, credentials/ that refers outside the repository', () => {
		const found = scanTree(ROOT, DIRS).map((v) => `${v.file}:${v.line}: ${v.why}: ${v.text}`);
		expect(found).toEqual([]);
	});
});

describe('the outside-reference check', () => {
	const check = (text: string, file = 'test/support/x.ts') => findOutsideReferences(text, file, ROOT);

	it.each([
		[`const dir = resolve(__dirname, '‹up›/shared/kie-recordings');`, 'test/x.ts'],
		[`const dir = resolve(__dirname, '‹up›/‹up›/‹up›/shared');`, 'test/support/x.ts'],
		[`const doc = '‹abs›work/shared/‹doc›';`, 'scripts/x.mjs'],
		[`const here = join(__dirname, '‹up›', '‹up›', '‹up›', 'other');`, 'test/support/x.ts'],
		[`import data from '‹up›/‹up›/‹up›/‹up›/elsewhere/data.json';`, 'e2e/lib/x.mjs'],
		[`/** Shapes from ‹doc› §4.3. */`, 'nodes/Kie/x.ts'],
		[`const home = '‹abs›home/someone/project';`, 'bench/x.ts'],
	])('flags %s in %s', (text, file) => {
		expect(check(plant(text), file).length).toBeGreaterThanOrEqual(1);
	});

	it.each([
		[`const dir = resolve(__dirname, '../fixtures/kie-recordings');`, 'test/support/x.ts'],
		[`const root = resolve(__dirname, '../..');`, 'test/support/x.ts'],
		[`const root = join(here, '..', '..');`, 'e2e/lib/x.mjs'],
		[`/** See docs/kie-api.md §4.2. */`, 'nodes/Kie/trigger/x.ts'],
		[`import { sleep } from '../../transport/sleep';`, 'nodes/Kie/wait/x.ts'],
		[`"@vue/shared": "3.5.45"`, 'e2e/x/package.json'],
	])('accepts %s in %s', (text, file) => {
		expect(check(text, file)).toEqual([]);
	});

	it('finds a violation planted in a file of a temporary tree', () => {
		const root = mkdtempSync(join(tmpdir(), 'kie-self-contained-'));
		try {
			mkdirSync(join(root, 'test', 'support'), { recursive: true });
			mkdirSync(join(root, 'nodes'), { recursive: true });
			writeFileSync(join(root, 'nodes', 'ok.ts'), `import { a } from './a';\n`);
			writeFileSync(join(root, 'test', 'support', 'clean.ts'), `export const DIR = '../fixtures';\n`);
			expect(scanTree(root, ['test', 'nodes'])).toEqual([]);
			writeFileSync(
				join(root, 'test', 'support', 'planted.ts'),
				plant(`// ok\nexport const DIR = resolve(__dirname, '‹up›/‹up›/‹up›/shared/kie-recordings');\n`),
			);
			const found = scanTree(root, ['test', 'nodes']);
			expect(found.map((v) => [v.file, v.line])).toEqual([
				['test/support/planted.ts', 2],
				['test/support/planted.ts', 2],
			]);
		} finally {
			rmSync(root, { recursive: true, force: true });
		}
	});
});
