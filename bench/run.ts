/* eslint-disable @n8n/community-nodes/no-restricted-globals */
/**
 * `npm run bench`: every scenario beside its baselines, against the KIE emulator, through n8n-core's
 * real execution engine (test/harness). Prints a table and writes bench/report.json.
 *
 *   npm run bench                       all scenarios (about 6 minutes on 2 cores)
 *   npm run bench -- --only p1,p4       some of them (p1-queue: three processes on one account)
 *   npm run bench -- --p2-scale 0.1     P2 with tenfold shorter tasks (a quick smoke run)
 *   npm run bench -- --out bench/report-dev.json
 */
import '../test/setup-env';

import { writeFileSync } from 'fs';
import { join } from 'path';

import { closeBaselines } from './baselines';
import { ROOT, type ScenarioResult } from './common';
import { runP1 } from './p1-batch';
import { runP1Queue } from './p1-queue';
import { runP2 } from './p2-waiting';
import { runP3 } from './p3-memory';
import { runP4 } from './p4-overhead';
import { runP5 } from './p5-catalogue';
import { renderMarkdown, renderTable, reportJson } from './render';

interface Args {
	only: string[];
	p2Scale: number;
	out: string;
}

function parseArgs(argv: string[]): Args {
	const args: Args = { only: ['p4', 'p3', 'p5', 'p1', 'p1-queue', 'p2'], p2Scale: 1, out: join(ROOT, 'bench', 'report.json') };
	for (let i = 0; i < argv.length; i++) {
		const value = () => {
			const next = argv[++i];
			if (next === undefined) throw new Error(`${argv[i - 1]} needs a value`);
			return next;
		};
		if (argv[i] === '--only') args.only = value().split(',').map((id) => id.trim().toLowerCase());
		else if (argv[i] === '--p2-scale') args.p2Scale = Number(value());
		else if (argv[i] === '--out') args.out = join(process.cwd(), value());
		else throw new Error(`unknown option ${argv[i]}`);
	}
	return args;
}

const SCENARIOS: Record<string, (args: Args) => Promise<ScenarioResult>> = {
	// Order: CPU and memory first (quiet process), then the long waits.
	p4: async () => await runP4(),
	p3: async () => await runP3(),
	p5: async () => await runP5(),
	p1: async () => await runP1(),
	'p1-queue': async () => await runP1Queue(),
	p2: async (args) => await runP2({ scale: args.p2Scale }),
};

async function main(): Promise<void> {
	const args = parseArgs(process.argv.slice(2));
	const startedAt = new Date();
	const results: ScenarioResult[] = [];
	for (const id of Object.keys(SCENARIOS).filter((key) => args.only.includes(key))) {
		process.stdout.write(`[bench] ${id} …\n`);
		const result = await SCENARIOS[id](args);
		process.stdout.write(`[bench] ${result.title}: ${Math.round(result.wallSeconds)} s\n`);
		results.push(result);
	}
	await closeBaselines();
	const wallSeconds = Math.round((Date.now() - startedAt.getTime()) / 1000);
	const report = { ...reportJson(results, startedAt, wallSeconds), markdown: renderMarkdown(results) };
	writeFileSync(args.out, `${JSON.stringify(report, null, 2)}\n`);
	process.stdout.write(`\n${renderTable(results)}\n\nTotal ${Math.floor(wallSeconds / 60)} min ${wallSeconds % 60} s. Report: ${args.out}\n`);
}

main().then(
	() => process.exit(0),
	(error: Error) => {
		process.stderr.write(`bench failed: ${error.stack ?? error.message}\n`);
		process.exit(1);
	},
);
