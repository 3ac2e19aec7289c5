/** Reading execution data: node output items, binary files and their bytes. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** runData of an execution as printed by `n8n execute --rawOutput` or returned by the public API. */
export function runDataOf(execution) {
	return execution?.data?.resultData?.runData ?? execution?.resultData?.runData ?? {};
}

export function errorOf(execution) {
	return execution?.data?.resultData?.error ?? execution?.resultData?.error ?? null;
}

/** Items of a node's first output, last run. */
export function nodeItems(execution, nodeName) {
	const runs = runDataOf(execution)[nodeName];
	if (!runs || runs.length === 0) return null;
	const run = runs[runs.length - 1];
	return run.data?.main?.[0] ?? [];
}

export function nodeError(execution, nodeName) {
	const runs = runDataOf(execution)[nodeName];
	return runs?.[runs.length - 1]?.error ?? null;
}

/** The bytes of a binary entry: inline base64 (default mode) or a file under the user folder's storage. */
export function binaryBytes(entry, userFolder, executionId) {
	if (typeof entry.data === 'string' && entry.data.length > 0 && !entry.id) return Buffer.from(entry.data, 'base64');
	if (typeof entry.id === 'string') {
		const [mode, rel] = entry.id.split(/:(.*)/s);
		if (mode.startsWith('filesystem')) {
			const file = join(userFolder, '.n8n', 'storage', rel);
			if (existsSync(file)) return readFileSync(file);
			// n8n writes a webhook execution's files under executions/temp/ and moves them once the
			// execution has an id; when a later node passes the same file on, that move can leave the
			// stored id pointing at temp/ (n8n's restoreBinaryDataId, 2.8.4). Look where the file went.
			const moved = executionId && rel.includes('/temp/') ? join(userFolder, '.n8n', 'storage', rel.replace('/temp/', `/${executionId}/`)) : null;
			if (moved && existsSync(moved)) return readFileSync(moved);
			throw new Error(`binary ${entry.id}: no file at ${file}`);
		}
		throw new Error(`binary ${entry.id}: unsupported storage mode ${mode}`);
	}
	throw new Error(`binary entry without data or id: ${JSON.stringify(entry).slice(0, 200)}`);
}

/** What the first bytes say the file is. */
export function sniff(bytes) {
	const b = bytes;
	if (b.length >= 8 && b.readUInt32BE(0) === 0x89504e47) return 'image/png';
	if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
	if (b.length >= 12 && b.toString('ascii', 0, 4) === 'RIFF' && b.toString('ascii', 8, 12) === 'WEBP') return 'image/webp';
	if (b.length >= 12 && b.toString('ascii', 0, 4) === 'RIFF' && b.toString('ascii', 8, 12) === 'WAVE') return 'audio/wav';
	if (b.length >= 12 && b.toString('ascii', 4, 8) === 'ftyp') return 'video/mp4';
	if (b.length >= 3 && b.toString('ascii', 0, 3) === 'ID3') return 'audio/mpeg';
	if (b.length >= 2 && b[0] === 0xff && (b[1] & 0xe0) === 0xe0) return 'audio/mpeg';
	return 'unknown';
}

/**
 * All binary files on the items: [{ item, property, mimeType, fileName, size, sniffed, json }].
 * Reads the bytes to check what they really are.
 */
export function binaryFiles(items, userFolder, executionId) {
	const out = [];
	(items ?? []).forEach((item, index) => {
		for (const [property, entry] of Object.entries(item.binary ?? {})) {
			const bytes = binaryBytes(entry, userFolder, executionId);
			out.push({ item: index, property, mimeType: entry.mimeType, fileName: entry.fileName, size: bytes.length, sniffed: sniff(bytes), json: item.json });
		}
	});
	return out;
}
