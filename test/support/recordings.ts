import { existsSync, readdirSync, readFileSync, statSync } from 'fs';
import { join, resolve } from 'path';

/** Recorded real KIE traffic, vendored in the repository (origin and licence: test/fixtures/ORIGIN.md). */
export const RECORDINGS_DIR = resolve(__dirname, '../fixtures/kie-recordings');

/** The live-tested Market field list, vendored next to the recordings. */
export const MODEL_FIELDS_FILE = resolve(__dirname, '../fixtures/kie-model-fields.json');

export interface HarEntry {
	request: { method: string; url: string; postData?: { text?: string } };
	response: { status: number; content: { text?: string } };
}

export function harFiles(dir = RECORDINGS_DIR): string[] {
	if (!existsSync(dir)) throw new Error(`KIE recordings not found at ${dir}`);
	const out: string[] = [];
	for (const name of readdirSync(dir)) {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) out.push(...harFiles(path));
		else if (name === 'recording.har') out.push(path);
	}
	return out;
}

export function harEntries(file: string): HarEntry[] {
	return (JSON.parse(readFileSync(file, 'utf8')) as { log: { entries: HarEntry[] } }).log.entries;
}

export function recording(folder: string): HarEntry[] {
	return harEntries(join(RECORDINGS_DIR, folder, 'recording.har'));
}

export function responseJson(entry: HarEntry): Record<string, unknown> {
	return JSON.parse(entry.response.content.text ?? 'null') as Record<string, unknown>;
}
