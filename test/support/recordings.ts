import { existsSync, readdirSync, readFileSync, statSync } from 'fs';
import { join, resolve } from 'path';

/** ../shared/kie-recordings from the repository root (present on every dev and CI machine). */
export const RECORDINGS_DIR = resolve(__dirname, '../../../shared/kie-recordings');

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
