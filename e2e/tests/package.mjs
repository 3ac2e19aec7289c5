/**
 * The package is loaded by n8n as a community package: both node types registered under its name,
 * and its runtime imports (n8n-workflow) resolve from n8n, not from a bundled copy.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assert } from '../lib/report.mjs';

export default {
	name: 'package',
	async run(ctx, report) {
		await report.check(ctx.group, 'community package loaded: n8n-nodes-kie-ai.kie and n8n-nodes-kie-ai.kieTrigger registered', () => {
			for (const type of [ctx.types.kie, ctx.types.trigger]) assert(ctx.nodeTypes.includes(type), `${type} is not among the ${ctx.nodeTypes.length} node types n8n loaded`);
			return `${ctx.nodeTypes.filter((t) => t.startsWith('n8n-nodes-kie-ai.')).join(', ')}`;
		});
		await report.check(ctx.group, 'n8n-workflow (and zod, if ever used) come from n8n (not installed with the package)', () => {
			const nodesDir = join(ctx.n8n.userFolder, '.n8n', 'nodes');
			const pkgDir = join(nodesDir, 'node_modules', 'n8n-nodes-kie-ai');
			for (const dep of ['zod', 'n8n-workflow']) {
				assert(!existsSync(join(pkgDir, 'node_modules', dep)) && !existsSync(join(nodesDir, 'node_modules', dep)), `${dep} is installed next to the package`);
			}
			const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
			assert(!pkg.peerDependencies && !pkg.devDependencies, 'the installed package.json still lists peer/dev dependencies (not installed like n8n does)');
			const usesWorkflow = readFileSync(join(pkgDir, 'dist', 'nodes', 'Kie', 'catalogue', 'discovery.js'), 'utf8').includes('require("n8n-workflow")');
			assert(usesWorkflow, 'the built catalogue no longer requires n8n-workflow: this check proves nothing');
			return 'the catalogue requires n8n-workflow (from n8n) and loads';
		});
	},
};
