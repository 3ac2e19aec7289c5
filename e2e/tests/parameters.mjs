/**
 * The workflows use only parameters the built nodes define (n8n ignores unknown ones silently, so a
 * renamed option would otherwise just stop having an effect), with option values the nodes accept.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { REPO_DIR } from '../lib/paths.mjs';
import { KIE_TRIGGER_TYPE, KIE_TYPE } from '../lib/workflows.mjs';

const require = createRequire(join(REPO_DIR, 'package.json'));

function descriptions() {
	const { Kie } = require(join(REPO_DIR, 'dist/nodes/Kie/Kie.node.js'));
	const { KieTrigger } = require(join(REPO_DIR, 'dist/nodes/Kie/KieTrigger.node.js'));
	return { [KIE_TYPE]: new Kie().description, [KIE_TRIGGER_TYPE]: new KieTrigger().description };
}

/** Properties shown for these parameter values (displayOptions.show only; enough for our workflows). */
function visible(properties, params) {
	return properties.filter((p) => {
		const show = p.displayOptions?.show ?? {};
		return Object.entries(show).every(([name, allowed]) => name.startsWith('@') || allowed.includes(params[name] ?? properties.find((q) => q.name === name)?.default));
	});
}

function problems(description, params) {
	const out = [];
	const shown = visible(description.properties, params);
	for (const [name, value] of Object.entries(params)) {
		const matches = shown.filter((p) => p.name === name);
		if (matches.length === 0) {
			out.push(`unknown or hidden parameter "${name}"`);
			continue;
		}
		const prop = matches[0];
		if (prop.type === 'options' && typeof value === 'string' && !value.startsWith('=') && !prop.options.some((o) => o.value === value)) {
			out.push(`"${name}" = "${value}" is not one of ${prop.options.map((o) => o.value).join(', ')}`);
		}
		if (prop.type === 'collection' && value && typeof value === 'object') {
			for (const [sub, subValue] of Object.entries(value)) {
				const option = prop.options.find((o) => o.name === sub);
				if (!option) out.push(`"${name}.${sub}" is not an option of ${name}`);
				else if (option.type === 'options' && !option.options.some((o) => o.value === subValue)) out.push(`"${name}.${sub}" = "${subValue}" is not allowed`);
			}
		}
	}
	return out;
}

export default {
	name: 'workflow parameters',
	async run(ctx, report) {
		await report.check(ctx.group, 'examples and fixtures use only parameters the built nodes define', () => {
			const byType = descriptions();
			const found = [];
			let nodes = 0;
			for (const wf of [...Object.values(ctx.examples), ...Object.values(ctx.fixtures)]) {
				for (const node of wf.nodes.filter((n) => byType[n.type])) {
					nodes++;
					for (const p of problems(byType[node.type], node.parameters)) found.push(`${wf.id} / ${node.name}: ${p}`);
				}
			}
			if (found.length) throw new Error(found.join('; '));
			return `${nodes} KIE nodes checked`;
		});
	},
};
