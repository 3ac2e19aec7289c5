/* eslint-disable @n8n/community-nodes/no-restricted-globals */
/** The printed table and the JSON report. */
import { cpus, totalmem } from 'os';

import type { Row, ScenarioResult } from './common';

function pad(text: string, width: number): string {
	return text.length >= width ? text : text + ' '.repeat(width - text.length);
}

function status(row: Row): string {
	if (row.met === undefined) return '';
	return row.met ? 'met' : 'NOT MET';
}

/** A plain-text table, one row per measured figure, wrapped to stay readable in a terminal. */
export function renderTable(results: ScenarioResult[]): string {
	const header = ['Scenario', 'Metric', 'Ours', 'Target', 'Result', 'Baselines'];
	const rows = results.flatMap((result) => result.rows.map((row) => [row.scenario, row.metric, row.ours, row.target ?? '', status(row), row.baselines ?? '']));
	const widths = header.map((title, column) => Math.min(column === 5 ? 100 : 56, Math.max(title.length, ...rows.map((row) => row[column].length))));
	const line = (cells: string[]) => cells.map((cell, column) => pad(cell, widths[column])).join(' | ');
	const out = [line(header), widths.map((width) => '-'.repeat(width)).join('-|-'), ...rows.map(line)];
	const notes = results.flatMap((result) => result.rows.filter((row) => row.note).map((row) => `  ${row.scenario} ${row.metric}: ${row.note}`));
	if (notes.length > 0) out.push('', 'Notes:', ...notes);
	return out.join('\n');
}

/** The README's table: Markdown, same content. */
export function renderMarkdown(results: ScenarioResult[]): string {
	const escape = (text: string) => text.replace(/\|/g, '\\|');
	const rows = results.flatMap((result) =>
		result.rows.map((row) => `| ${row.scenario} | ${escape(row.metric)} | ${escape(row.ours)} | ${escape(row.target ?? '')} | ${status(row)} | ${escape(row.baselines ?? '')} |`),
	);
	return ['| Scenario | Metric | Ours | Target | Result | Baselines |', '|---|---|---|---|---|---|', ...rows].join('\n');
}

export function reportJson(results: ScenarioResult[], startedAt: Date, wallSeconds: number): Record<string, unknown> {
	const targets = results.flatMap((result) => result.rows.filter((row) => row.met !== undefined));
	return {
		startedAt: startedAt.toISOString(),
		wallSeconds,
		machine: { node: process.version, cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGb: Math.round(totalmem() / 1024 ** 3) },
		allTargetsMet: targets.every((row) => row.met === true),
		targets: targets.map((row) => ({ scenario: row.scenario, metric: row.metric, measured: row.ours, target: row.target, met: row.met, note: row.note })),
		scenarios: Object.fromEntries(results.map((result) => [result.id, { title: result.title, wallSeconds: result.wallSeconds, rows: result.rows, data: result.data }])),
	};
}
