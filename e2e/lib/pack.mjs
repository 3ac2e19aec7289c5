/**
 * Builds and packs this package, and installs the tarball into $N8N_USER_FOLDER/.n8n/nodes the way
 * n8n's community-package installer does (CommunityPackagesService.downloadPackage, 2.8.4 and 2.41):
 * untar into nodes/node_modules/<name>, drop dev/peer/optional dependencies from its package.json,
 * `npm install` inside it with the installer's flags, record it in nodes/package.json.
 * The package ships no zod or n8n-workflow: both must resolve from the n8n host.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_DIR } from './paths.mjs';
import { cleanEnv, run } from './procs.mjs';

const INSTALLER_ARGS = ['--audit=false', '--fund=false', '--bin-links=false', '--install-strategy=shallow', '--ignore-scripts=true', '--package-lock=false'];

async function must(cmd, args, opts, what) {
	const res = await run(cmd, args, opts);
	if (res.code !== 0) throw new Error(`${what} failed (exit ${res.code}):\n${(res.stdout + res.stderr).split('\n').slice(-30).join('\n')}`);
	return res;
}

export function packageInfo() {
	return JSON.parse(readFileSync(join(REPO_DIR, 'package.json'), 'utf8'));
}

/** npm run build. */
export async function buildPackage({ log }) {
	return (await must('npm', ['run', 'build'], { cwd: REPO_DIR, env: cleanEnv({}, { forNpm: true }), log }, 'npm run build')).ms;
}

/** npm pack into outDir; checks that every file of the package.json `n8n` block is in the tarball. */
export async function packPackage(outDir, { log }) {
	mkdirSync(outDir, { recursive: true });
	const pkg = packageInfo();
	for (const f of [...pkg.n8n.credentials, ...pkg.n8n.nodes]) {
		if (!existsSync(join(REPO_DIR, f))) throw new Error(`${f} (package.json "n8n" block) is missing: build first`);
	}
	const res = await must('npm', ['pack', '--json', '--pack-destination', outDir], { cwd: REPO_DIR, env: cleanEnv({}, { forNpm: true }), log }, 'npm pack');
	const info = JSON.parse(res.stdout.slice(res.stdout.indexOf('[')))[0];
	const files = new Set(info.files.map((f) => f.path));
	const missing = [...pkg.n8n.credentials, ...pkg.n8n.nodes].filter((f) => !files.has(f));
	if (missing.length) throw new Error(`npm pack left out ${missing.join(', ')}`);
	return { tarball: join(outDir, info.filename), name: info.name, version: info.version, files: info.files.length, size: info.size, ms: res.ms };
}

/** Installs a packed tarball into <userFolder>/.n8n/nodes like n8n's installer. */
export async function installIntoUserFolder(userFolder, tarball, { name, log }) {
	const nodesDir = join(userFolder, '.n8n', 'nodes');
	const pkgDir = join(nodesDir, 'node_modules', name);
	mkdirSync(nodesDir, { recursive: true });
	const rootJson = join(nodesDir, 'package.json');
	if (!existsSync(rootJson)) writeFileSync(rootJson, JSON.stringify({ name: 'installed-nodes', private: true, dependencies: {} }, null, 2));
	rmSync(pkgDir, { recursive: true, force: true });
	mkdirSync(pkgDir, { recursive: true });
	const started = Date.now();
	await must('tar', ['-xzf', tarball, '-C', pkgDir, '--strip-components=1'], { cwd: nodesDir, log }, 'tar -x');
	const pkgJsonPath = join(pkgDir, 'package.json');
	// eslint-disable-next-line no-unused-vars
	const { devDependencies, peerDependencies, optionalDependencies, ...pkgJson } = JSON.parse(readFileSync(pkgJsonPath, 'utf8'));
	writeFileSync(pkgJsonPath, JSON.stringify(pkgJson, null, 2));
	await must('npm', ['install', ...INSTALLER_ARGS], { cwd: pkgDir, env: cleanEnv({}, { forNpm: true }), log }, 'npm install (community-package style)');
	const root = JSON.parse(readFileSync(rootJson, 'utf8'));
	root.dependencies = { ...(root.dependencies ?? {}), [name]: pkgJson.version };
	writeFileSync(rootJson, JSON.stringify(root, null, 2));
	for (const dep of ['zod', 'n8n-workflow']) {
		if (existsSync(join(pkgDir, 'node_modules', dep)) || existsSync(join(nodesDir, 'node_modules', dep))) {
			throw new Error(`${dep} was installed next to the package: it must come from the n8n host`);
		}
	}
	return { dir: pkgDir, ms: Date.now() - started };
}
