/* eslint-disable @n8n/community-nodes/no-restricted-globals */
/**
 * Runs the KIE emulator as a process (for the e2e suite and the sandbox):
 *   npx ts-node --transpile-only test/emulator/cli.ts --port 8787 [--api-key K] [--hmac-key K]
 *       [--rate 20/10000|off] [--discovery-rate 1/1000|off] [--duration-ms N]
 * Prints one line "KIE emulator listening on http://127.0.0.1:PORT"; stops on SIGINT/SIGTERM.
 */
import { startEmulator, type EmulatorOptions } from './index';

function windowArg(flag: string, v: string): { max: number; windowMs: number } | null {
	if (v === 'off') return null;
	const m = /^(\d+)\/(\d+)$/.exec(v);
	if (!m) throw new Error(`${flag} expects MAX/WINDOW_MS or off, got ${v}`);
	return { max: Number(m[1]), windowMs: Number(m[2]) };
}

export function parseArgs(argv: string[]): EmulatorOptions {
	const opts: EmulatorOptions = {};
	const apiKeys: string[] = [];
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		const [flag, inline] = arg.includes('=')
			? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
			: [arg, undefined];
		const value = (): string => {
			const v = inline ?? argv[++i];
			if (v === undefined) throw new Error(`${flag} needs a value`);
			return v;
		};
		switch (flag) {
			case '--port':
				opts.port = Number(value());
				break;
			case '--api-key':
				apiKeys.push(value());
				break;
			case '--hmac-key':
				opts.hmacKey = value();
				break;
			case '--rate':
				opts.rateLimit = windowArg(flag, value());
				break;
			case '--discovery-rate':
				opts.discoveryRateLimit = windowArg(flag, value());
				break;
			case '--duration-ms':
				opts.defaultDurationMs = Number(value());
				break;
			default:
				throw new Error(`unknown option ${arg}`);
		}
	}
	if (apiKeys.length > 0) opts.apiKeys = apiKeys;
	if (opts.port !== undefined && !Number.isInteger(opts.port)) throw new Error('--port must be an integer');
	return opts;
}

async function main(): Promise<void> {
	let opts: EmulatorOptions;
	try {
		opts = parseArgs(process.argv.slice(2));
	} catch (e) {
		process.stderr.write(`${(e as Error).message}\n`);
		process.exit(2);
	}
	const emulator = await startEmulator({ port: 8787, ...opts });
	process.stdout.write(`KIE emulator listening on ${emulator.url}\n`);
	let stopping = false;
	const stop = (): void => {
		if (stopping) return;
		stopping = true;
		emulator.close().then(
			() => process.exit(0),
			() => process.exit(1),
		);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

if (require.main === module) {
	main().catch((e: Error) => {
		process.stderr.write(`KIE emulator failed to start: ${e.message}\n`);
		process.exit(1);
	});
}
