/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports */
/**
 * Finds references to paths outside the repository: a fresh clone must run with nothing beside it
 * (see test/fixtures/ORIGIN.md). The patterns are assembled from pieces so that this file does not
 * match itself.
 */
import { readdirSync, readFileSync, statSync } from 'fs';
import { dirname, join, relative, resolve, sep } from 'path';

export interface Violation {
	file: string;
	line: number;
	text: string;
	why: string;
}

const UP = '..';
const SHARED_DIR = new RegExp(`(^|[^\\w.-])\\.\\.[\\\\/]+shared([\\\\/]|\\b)`);
const WORK_DIR = new RegExp(`(^|[^\\w.-])[\\\\/]work[\\\\/]`);
const HOME_DIRS = new RegExp(`(^|[^\\w.-])[\\\\/](home|Users)[\\\\/][\\w.-]+[\\\\/]`);
/** A citation of the API write-up must name the copy inside the repository. */
const API_DOC = new RegExp(`(^|[^\\w/.-])kie-api\\.md`);
/** A run of `../` (or `..\`) segments, as in `'../../x'`. */
const UP_CHAIN = /(?:^|[^\w.])((?:\.\.[\\/])+\.?\.?)/g;
/** A run of `'..'` arguments, as in `join(here, '..', '..')`. */
const UP_ARGS = new RegExp(`(?:['"\`]${'\\.'.repeat(2)}['"\`]\\s*,\\s*)*['"\`]${'\\.'.repeat(2)}['"\`]`, 'g');

function escapes(root: string, fromDir: string, ups: number): boolean {
	const target = resolve(fromDir, ...Array<string>(ups).fill(UP));
	const rel = relative(root, target);
	return rel === UP || rel.startsWith(UP + sep);
}

/** The references to outside paths in one file's text; `file` is relative to `root`. */
export function findOutsideReferences(text: string, file: string, root: string): Violation[] {
	const out: Violation[] = [];
	const fromDir = dirname(resolve(root, file));
	text.split('\n').forEach((lineText, i) => {
		const add = (why: string) => out.push({ file, line: i + 1, text: lineText.trim().slice(0, 160), why });
		if (SHARED_DIR.test(lineText)) add('refers to a shared folder beside the repository');
		if (WORK_DIR.test(lineText) || HOME_DIRS.test(lineText)) add('refers to an absolute path on one machine');
		if (API_DOC.test(lineText)) add('cites the API write-up without its place in the repository (docs/kie-api.md)');
		for (const m of lineText.matchAll(UP_CHAIN)) {
			const ups = (m[1].match(/\.\.[\\/]/g) ?? []).length + (m[1].endsWith(UP) ? 1 : 0);
			if (escapes(root, fromDir, ups)) add(`"${m[1]}" leads out of the repository from ${dirname(file)}`);
		}
		for (const m of lineText.matchAll(UP_ARGS)) {
			const ups = (m[0].match(/\.\./g) ?? []).length;
			if (escapes(root, fromDir, ups)) add(`${ups} '..' path segments lead out of the repository from ${dirname(file)}`);
		}
	});
	return out;
}

const SKIP_DIRS = new Set(['node_modules', 'dist', '.git']);

function isText(buffer: Buffer): boolean {
	return !buffer.subarray(0, 8000).includes(0);
}

/** Every text file under `dirs` (relative to `root`), skipping node_modules and lock files. */
export function filesUnder(root: string, dirs: string[]): string[] {
	const out: string[] = [];
	const walk = (dir: string) => {
		for (const name of readdirSync(dir)) {
			if (SKIP_DIRS.has(name)) continue;
			const path = join(dir, name);
			if (statSync(path).isDirectory()) walk(path);
			else if (name !== 'package-lock.json') out.push(relative(root, path));
		}
	};
	for (const dir of dirs) {
		try {
			if (statSync(join(root, dir)).isDirectory()) walk(join(root, dir));
		} catch {
			// a folder the tree does not have (e.g. no bench/ in a trimmed copy)
		}
	}
	return out.sort();
}

export function scanTree(root: string, dirs: string[]): Violation[] {
	return filesUnder(root, dirs).flatMap((file) => {
		const buffer = readFileSync(join(root, file));
		return isText(buffer) ? findOutsideReferences(buffer.toString('utf8'), file, root) : [];
	});
}
