import { PackageDirectoryLoader } from 'n8n-core';

/**
 * Loads a built package (package.json `n8n.nodes` / `n8n.credentials`, usually under dist/) with
 * n8n-core's PackageDirectoryLoader, the loader n8n uses when a community package is installed.
 * Node types are returned as n8n names them: `<package name>.<description.name>`.
 */
export async function loadBuiltPackage(
	packageRoot: string,
): Promise<{ nodeTypes: string[]; credentialTypes: string[]; loader: PackageDirectoryLoader }> {
	const loader = new PackageDirectoryLoader(packageRoot);
	await loader.loadAll();
	return {
		nodeTypes: Object.keys(loader.nodeTypes).map((name) => `${loader.packageName}.${name}`),
		credentialTypes: Object.keys(loader.credentialTypes),
		loader,
	};
}
