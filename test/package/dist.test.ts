import { execFileSync } from 'child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'fs';
import { join, resolve } from 'path';

import { PACKAGE_VERSION } from '../../nodes/Kie/utils/version';

const ROOT = resolve(__dirname, '../..');
const DIST = join(ROOT, 'dist');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
	version: string;
	dependencies?: Record<string, string>;
	peerDependencies?: Record<string, string>;
	scripts: Record<string, string>;
	n8n: { nodes: string[]; credentials: string[] };
	files: string[];
};

function jsFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		return statSync(path).isDirectory() ? jsFiles(path) : name.endsWith('.js') ? [path] : [];
	});
}

beforeAll(() => {
	if (!existsSync(DIST)) throw new Error('dist/ is missing: run `npm run build` before `npm test`');
});

describe('the built package', () => {
	it('requires only n8n-workflow, zod, crypto and relative modules at run time', () => {
		const allowed = new Set(['n8n-workflow', 'zod', 'crypto', 'node:crypto']);
		const offenders: string[] = [];
		for (const file of jsFiles(DIST)) {
			const source = readFileSync(file, 'utf8');
			for (const match of source.matchAll(/require\(["']([^"']+)["']\)/g)) {
				const target = match[1];
				if (!target.startsWith('.') && !allowed.has(target)) offenders.push(`${file.slice(ROOT.length + 1)} → ${target}`);
			}
			if (/\bimport\(/.test(source)) offenders.push(`${file.slice(ROOT.length + 1)} → dynamic import()`);
		}
		expect(offenders).toEqual([]);
	});

	it('uses no timers, process or console in shipped code', () => {
		const offenders = jsFiles(DIST).filter((file) => /\b(setTimeout|setInterval|process\.|console\.)/.test(readFileSync(file, 'utf8')));
		expect(offenders).toEqual([]);
	});

	it('declares no runtime dependencies and peers only on n8n-workflow', () => {
		expect(pkg.dependencies ?? {}).toEqual({});
		expect(pkg.peerDependencies).toEqual({ 'n8n-workflow': '*' });
		for (const script of ['preinstall', 'install', 'postinstall', 'prepare', 'prepublish']) {
			expect(pkg.scripts[script]).toBeUndefined();
		}
	});

	it('keeps the User-Agent version equal to package.json', () => {
		expect(PACKAGE_VERSION).toBe(pkg.version);
	});

	it('packs every node, credential, codex file and icon', () => {
		const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' });
		const files = new Set((JSON.parse(out) as Array<{ files: Array<{ path: string }> }>)[0].files.map((file) => file.path));
		for (const path of [...pkg.n8n.nodes, ...pkg.n8n.credentials]) expect(files).toContain(path);
		for (const node of pkg.n8n.nodes) expect(files).toContain(node.replace(/\.js$/, '.json'));
		expect(files).toContain('dist/nodes/Kie/kie.svg');
		expect(files).toContain('dist/nodes/Kie/kie.dark.svg');
		expect(files).toContain('dist/icons/kie.svg');
		expect(files).toContain('dist/icons/kie.dark.svg');
		expect([...files].filter((path) => path.startsWith('dist/test') || path.includes('emulator'))).toEqual([]);
	});
});
