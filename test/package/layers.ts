/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports */
/**
 * The import graph of the runtime code (nodes/, credentials/) and its layers, as ARCHITECTURE.md
 * draws them: every import goes to the same or a lower layer, and no files import each other in
 * a circle.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'fs';
import { dirname, join, relative, resolve, sep } from 'path';

/** file (relative to the root, with `/`) → the files it imports (same form). */
export type ImportGraph = Map<string, string[]>;

/**
 * From the top down. A file belongs to the first layer with a pattern it starts with (folders end
 * in `/`); `api/` is accepted beside `families/` for the API family specs.
 */
export const LAYERS: Array<{ name: string; paths: string[] }> = [
	{ name: 'node classes', paths: ['nodes/Kie/Kie.node.ts', 'nodes/Kie/KieTrigger.node.ts', 'credentials/'] },
	{ name: 'node face', paths: ['nodes/Kie/actions/', 'nodes/Kie/methods/', 'nodes/Kie/tool/'] },
	{ name: 'engines', paths: ['nodes/Kie/wait/', 'nodes/Kie/trigger/', 'nodes/Kie/binary/', 'nodes/Kie/callback/'] },
	{ name: 'tasks and catalogue', paths: ['nodes/Kie/task/', 'nodes/Kie/catalogue/'] },
	{ name: 'API specs and transport', paths: ['nodes/Kie/families/', 'nodes/Kie/api/', 'nodes/Kie/transport/'] },
	{ name: 'shared helpers', paths: ['nodes/Kie/utils/'] },
];

/** The layer index of a file (0 = top), or undefined when no layer holds it. */
export function layerOf(file: string, layers = LAYERS): number | undefined {
	const index = layers.findIndex((layer) => layer.paths.some((path) => (path.endsWith('/') ? file.startsWith(path) : file === path)));
	return index < 0 ? undefined : index;
}

/** Module specifiers of static imports and re-exports, `import x = require(…)` and `import(…)`. */
const SPECIFIERS = [
	/\b(?:import|export)\s+(?:type\s+)?(?:[\w*\s{},$]*?\s+from\s+)?['"]([^'"]+)['"]/g,
	/\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
	/\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
];

function stripComments(text: string): string {
	return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

/** The relative module specifiers a TypeScript file's text imports. */
export function relativeImports(text: string): string[] {
	const code = stripComments(text);
	const found: string[] = [];
	for (const pattern of SPECIFIERS) {
		for (const match of code.matchAll(pattern)) if (match[1].startsWith('.')) found.push(match[1]);
	}
	return found;
}

function resolveSpecifier(root: string, fromFile: string, specifier: string): string | undefined {
	const base = resolve(root, dirname(fromFile), specifier);
	const candidates = [base, `${base}.ts`, join(base, 'index.ts')];
	const hit = candidates.find((candidate) => existsSync(candidate) && statSync(candidate).isFile());
	return hit === undefined ? undefined : relative(root, hit).split(sep).join('/');
}

function tsFilesUnder(root: string, dir: string): string[] {
	const full = join(root, dir);
	if (!existsSync(full)) return [];
	return readdirSync(full, { withFileTypes: true }).flatMap((entry) => {
		const path = `${dir}/${entry.name}`;
		if (entry.isDirectory()) return tsFilesUnder(root, path);
		return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
	});
}

/**
 * Reads the relative imports of every .ts file under `dirs`. An import that names no file is
 * kept as `?<specifier>` so that a test sees it instead of losing the arrow.
 */
export function readImportGraph(root: string, dirs: string[]): ImportGraph {
	const graph: ImportGraph = new Map();
	for (const file of dirs.flatMap((dir) => tsFilesUnder(root, dir)).sort()) {
		const text = readFileSync(join(root, file), 'utf8');
		const targets = relativeImports(text).map((specifier) => resolveSpecifier(root, file, specifier) ?? `?${specifier}`);
		graph.set(file, [...new Set(targets)]);
	}
	return graph;
}

/** Groups of two or more files that import each other in a circle, and files importing themselves (Tarjan). */
export function findCycles(graph: ImportGraph): string[][] {
	const index = new Map<string, number>();
	const low = new Map<string, number>();
	const stack: string[] = [];
	const onStack = new Set<string>();
	const cycles: string[][] = [];
	let counter = 0;
	const visit = (file: string) => {
		index.set(file, counter);
		low.set(file, counter);
		counter++;
		stack.push(file);
		onStack.add(file);
		for (const target of graph.get(file) ?? []) {
			if (!graph.has(target)) continue;
			if (!index.has(target)) {
				visit(target);
				low.set(file, Math.min(low.get(file)!, low.get(target)!));
			} else if (onStack.has(target)) {
				low.set(file, Math.min(low.get(file)!, index.get(target)!));
			}
		}
		if (low.get(file) === index.get(file)) {
			const group: string[] = [];
			let member: string;
			do {
				member = stack.pop()!;
				onStack.delete(member);
				group.push(member);
			} while (member !== file);
			if (group.length > 1 || (graph.get(file) ?? []).includes(file)) cycles.push(group.sort());
		}
	};
	for (const file of graph.keys()) if (!index.has(file)) visit(file);
	return cycles.sort((a, b) => a[0].localeCompare(b[0]));
}

export interface Arrow {
	from: string;
	to: string;
}

/** Imports that climb to a higher layer than their file's own. */
export function upwardImports(graph: ImportGraph, layers = LAYERS): Arrow[] {
	const out: Arrow[] = [];
	for (const [from, targets] of graph) {
		const own = layerOf(from, layers);
		for (const to of targets) {
			const theirs = layerOf(to, layers);
			if (own !== undefined && theirs !== undefined && theirs < own) out.push({ from, to });
		}
	}
	return out;
}

/** Files of the graph that no layer holds. */
export function unplacedFiles(graph: ImportGraph, layers = LAYERS): string[] {
	return [...graph.keys()].filter((file) => layerOf(file, layers) === undefined);
}

/** Imports that name no file of the tree. */
export function unresolvedImports(graph: ImportGraph): Arrow[] {
	return [...graph].flatMap(([from, targets]) => targets.filter((to) => to.startsWith('?')).map((to) => ({ from, to })));
}
