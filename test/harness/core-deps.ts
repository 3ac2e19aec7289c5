/* eslint-disable @typescript-eslint/no-require-imports */
import { dirname } from 'path';

/**
 * n8n-core 2.8.1 ships its OWN copies of @n8n/di (0.10.0) and @n8n/backend-common (1.8.1) under
 * node_modules/n8n-core/node_modules, while the hoisted node_modules/@n8n/di is another version.
 * `import { Container } from '@n8n/di'` would therefore get a different DI container from the one
 * n8n-core uses (Container.get(BinaryDataService) would return a different instance). These are
 * resolved from n8n-core's own directory, through the normal (jest-aware) require.
 */
const coreDir = dirname(require.resolve('n8n-core/package.json'));

function requireFromCore<T>(request: string): T {
	return require(require.resolve(request, { paths: [coreDir] })) as T;
}

type DiModule = typeof import('@n8n/di');
type BackendCommonModule = typeof import('@n8n/backend-common');

export const { Container } = requireFromCore<DiModule>('@n8n/di');
export const { Logger } = requireFromCore<BackendCommonModule>('@n8n/backend-common');

interface SshClientsManagerModule {
	SSHClientsManager: new (...args: any[]) => { cleanupTimer?: NodeJS.Timeout; onShutdown(): void }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/**
 * The first ExecuteContext instantiates n8n-core's SSHClientsManager, whose constructor starts a
 * 60 s setInterval that nothing stops outside n8n's shutdown hooks; under jest that keeps the
 * worker alive ("Jest did not exit"). The harness un-refs that timer (n8n-core behaviour is
 * otherwise unchanged).
 */
export function releaseCoreTimers(): void {
	const { SSHClientsManager } = requireFromCore<SshClientsManagerModule>(
		'n8n-core/dist/execution-engine/ssh-clients-manager',
	);
	const manager = Container.get(SSHClientsManager);
	manager.cleanupTimer?.unref?.();
}
