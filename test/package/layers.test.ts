/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports */
/** The runtime code's imports run one way, down the layers ARCHITECTURE.md draws, with no circle. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { dirname, join, resolve } from 'path';

import {
	findCycles,
	layerOf,
	readImportGraph,
	relativeImports,
	unplacedFiles,
	unresolvedImports,
	upwardImports,
	type ImportGraph,
} from './layers';

const ROOT = resolve(__dirname, '../..');

const graphOf = (edges: Record<string, string[]>): ImportGraph => new Map(Object.entries(edges));

describe('the import graph of nodes/ and credentials/', () => {
	const graph = readImportGraph(ROOT, ['nodes', 'credentials']);

	it('reads every runtime file, with the imports the node classes are known to make', () => {
		expect(graph.size).toBeGreaterThan(60);
		expect(graph.get('nodes/Kie/Kie.node.ts')).toEqual(expect.arrayContaining(['nodes/Kie/actions/router.ts']));
		expect(graph.has('credentials/KieApi.credentials.ts')).toBe(true);
	});

	it('resolves every relative import to a file of the tree', () => {
		expect(unresolvedImports(graph)).toEqual([]);
	});

	it('places every file in a layer', () => {
		expect(unplacedFiles(graph)).toEqual([]);
	});

	it('has no circle of imports', () => {
		expect(findCycles(graph)).toEqual([]);
	});

	it('has no import that climbs to a higher layer', () => {
		expect(upwardImports(graph).map(({ from, to }) => `${from} -> ${to}`)).toEqual([]);
	});
});

describe('the layer check itself', () => {
	it('orders the layers from the node classes down to the shared helpers', () => {
		const order = [
			'nodes/Kie/Kie.node.ts',
			'nodes/Kie/actions/router.ts',
			'nodes/Kie/wait/waitForTasks.ts',
			'nodes/Kie/task/read.ts',
			'nodes/Kie/transport/request.ts',
			'nodes/Kie/utils/errors.ts',
		].map((file) => layerOf(file));
		expect(order).toEqual([0, 1, 2, 3, 4, 5]);
		expect(layerOf('nodes/Kie/methods/searchModels.ts')).toBe(layerOf('nodes/Kie/actions/router.ts'));
		expect(layerOf('nodes/Kie/callback/hmac.ts')).toBe(layerOf('nodes/Kie/trigger/handle.ts'));
		expect(layerOf('nodes/Kie/api/specs.ts')).toBe(layerOf('nodes/Kie/families/specs.ts'));
		expect(layerOf('nodes/Kie/elsewhere.ts')).toBeUndefined();
	});

	it('finds an import from an engine up into actions/, and none in a downward graph', () => {
		const down = graphOf({
			'nodes/Kie/actions/task/wait.operation.ts': ['nodes/Kie/wait/waitForTasks.ts', 'nodes/Kie/actions/common.ts'],
			'nodes/Kie/actions/common.ts': [],
			'nodes/Kie/wait/waitForTasks.ts': ['nodes/Kie/task/read.ts', 'nodes/Kie/wait/outcome.ts'],
			'nodes/Kie/wait/outcome.ts': [],
			'nodes/Kie/task/read.ts': ['nodes/Kie/transport/request.ts'],
			'nodes/Kie/transport/request.ts': ['nodes/Kie/utils/values.ts'],
			'nodes/Kie/utils/values.ts': [],
		});
		expect(upwardImports(down)).toEqual([]);
		expect(findCycles(down)).toEqual([]);

		const climbing = new Map(down);
		climbing.set('nodes/Kie/wait/waitForTasks.ts', [...down.get('nodes/Kie/wait/waitForTasks.ts')!, 'nodes/Kie/actions/common.ts']);
		climbing.set('nodes/Kie/utils/values.ts', ['nodes/Kie/transport/request.ts']);
		expect(upwardImports(climbing)).toEqual([
			{ from: 'nodes/Kie/wait/waitForTasks.ts', to: 'nodes/Kie/actions/common.ts' },
			{ from: 'nodes/Kie/utils/values.ts', to: 'nodes/Kie/transport/request.ts' },
		]);
	});

	it('finds circles within one layer, across layers and of one file, and names their members', () => {
		const graph = graphOf({
			'nodes/Kie/wait/a.ts': ['nodes/Kie/wait/b.ts'],
			'nodes/Kie/wait/b.ts': ['nodes/Kie/wait/c.ts'],
			'nodes/Kie/wait/c.ts': ['nodes/Kie/wait/a.ts'],
			'nodes/Kie/task/x.ts': ['nodes/Kie/families/y.ts'],
			'nodes/Kie/families/y.ts': ['nodes/Kie/task/x.ts'],
			'nodes/Kie/task/self.ts': ['nodes/Kie/task/self.ts'],
			'nodes/Kie/task/alone.ts': ['nodes/Kie/task/x.ts'],
		});
		expect(findCycles(graph)).toEqual([
			['nodes/Kie/families/y.ts', 'nodes/Kie/task/x.ts'],
			['nodes/Kie/task/self.ts'],
			['nodes/Kie/wait/a.ts', 'nodes/Kie/wait/b.ts', 'nodes/Kie/wait/c.ts'],
		]);
	});

	it('reads imports of every form, but not the ones in comments or of packages', () => {
		const text = [
			`import { a } from './a';`,
			`import type { B } from '../b';`,
			`import {`,
			`\tc,`,
			`\ttype D,`,
			`} from './c';`,
			`export { e } from './e';`,
			`export * from './f';`,
			`import './side-effect';`,
			`const g = await import('./g');`,
			`import { NodeOperationError } from 'n8n-workflow';`,
			`// import { h } from './commented';`,
			`/* import { i } from './block-commented'; */`,
		].join('\n');
		expect(relativeImports(text).sort()).toEqual(['../b', './a', './c', './e', './f', './g', './side-effect'].sort());
	});

	it('reads a tree on disk: resolves files, folders and JSON, and keeps an import that names nothing', () => {
		const root = mkdtempSync(join(tmpdir(), 'kie-layers-'));
		const write = (file: string, text: string) => {
			mkdirSync(dirname(join(root, file)), { recursive: true });
			writeFileSync(join(root, file), text);
		};
		try {
			write('nodes/Kie/wait/waitForTasks.ts', `import { x } from '../actions/common';\nimport data from './data.json';\nimport { y } from '../task';\n`);
			write('nodes/Kie/wait/data.json', '{}');
			write('nodes/Kie/actions/common.ts', `import { gone } from './missing';\n`);
			write('nodes/Kie/task/index.ts', '');
			const graph = readImportGraph(root, ['nodes']);
			expect(graph.get('nodes/Kie/wait/waitForTasks.ts')).toEqual(['nodes/Kie/actions/common.ts', 'nodes/Kie/wait/data.json', 'nodes/Kie/task/index.ts']);
			expect(unresolvedImports(graph)).toEqual([{ from: 'nodes/Kie/actions/common.ts', to: '?./missing' }]);
			expect(upwardImports(graph)).toEqual([{ from: 'nodes/Kie/wait/waitForTasks.ts', to: 'nodes/Kie/actions/common.ts' }]);
		} finally {
			rmSync(root, { recursive: true, force: true });
		}
	});
});
