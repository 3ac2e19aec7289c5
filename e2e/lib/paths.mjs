/** Where things are: the repository, the install cache, the per-run scratch folder. */
import { homedir, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const E2E_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const REPO_DIR = resolve(E2E_DIR, '..');
export const EXAMPLES_DIR = join(REPO_DIR, 'examples');

/**
 * The install cache, outside the source tree: $KIE_E2E_CACHE, else
 * ${XDG_CACHE_HOME:-$HOME/.cache}/n8n-nodes-kie-ai/e2e.
 */
export function cacheRoot(env = process.env) {
	if (env.KIE_E2E_CACHE) return resolve(env.KIE_E2E_CACHE);
	const base = env.XDG_CACHE_HOME ? resolve(env.XDG_CACHE_HOME) : join(homedir(), '.cache');
	return join(base, 'n8n-nodes-kie-ai', 'e2e');
}

/** Scratch space of one run (user folders, logs, packed tarball): $KIE_E2E_WORK or a temp folder. */
export function workRoot(env = process.env) {
	if (env.KIE_E2E_WORK) return resolve(env.KIE_E2E_WORK);
	return join(tmpdir(), `kie-e2e-${process.pid}`);
}
