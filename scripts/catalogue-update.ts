/* eslint-disable @n8n/community-nodes/no-restricted-globals */
/**
 * npm run catalogue:update — writes the offline catalogue shipped in the package
 * (nodes/Kie/catalogue/catalogue-snapshot.json) from a live catalogue, within KIE's discovery budget
 * (1 request per second per account across /models, /schema, /price, /success-rate).
 *
 *   KIE_API_KEY=… [KIE_BASE_URL=https://api.kie.ai] npm run catalogue:update
 *   npm run catalogue:update -- --emulator [--fast]   the emulator serving test/fixtures/catalogue
 *                                                     (--fast: its discovery budget off, no spacing)
 *   options: --out FILE   --at ISO-TIME (recorded as the fetch time; default now)
 *
 * Never edit the snapshot by hand: re-run this. Progress goes to stderr at least every 15 s.
 */
import { writeFileSync } from 'fs';
import { resolve } from 'path';

import type { CatalogueModel, CatalogueSnapshot } from '../nodes/Kie/catalogue/model';
import { summaryOf, type Envelope } from '../nodes/Kie/catalogue/discovery';
import { DiscoveryLimiter, type DiscoveryClock } from '../nodes/Kie/catalogue/limiter';
import { interpretDocument } from '../nodes/Kie/catalogue/schema';

export interface UpdateOptions {
	baseUrl: string;
	apiKey: string;
	/** Recorded as `schemaSource.from` prefix instead of the base URL (e.g. the emulator's fixtures). */
	sourceLabel?: string;
	at?: string;
	log?: (line: string) => void;
	clock?: DiscoveryClock;
	/** Retries of one request refused with 429 before giving up on it. */
	maxRetries?: number;
	/** Gap between request starts; KIE's budget needs ≥ 1100 (the default). Only the emulator with its budget off may go lower. */
	spacingMs?: number;
}

const REAL_CLOCK: DiscoveryClock = {
	now: () => Date.now(),
	sleep: async (ms) => await new Promise((done) => setTimeout(done, ms)),
};

async function getJson(baseUrl: string, apiKey: string, path: string): Promise<Envelope> {
	const controller = new AbortController();
	const timer = setTimeout(() => controller.abort(), 30000);
	try {
		const response = await fetch(`${baseUrl}${path}`, {
			headers: { Authorization: `Bearer ${apiKey}`, Accept: 'application/json' },
			signal: controller.signal,
		});
		const text = await response.text();
		const json = JSON.parse(text) as { code?: number; msg?: string; data?: unknown };
		return { code: typeof json.code === 'number' ? json.code : response.status, msg: String(json.msg ?? ''), data: json.data };
	} finally {
		clearTimeout(timer);
	}
}

/** Reads the whole catalogue (list + one schema per model) and returns the snapshot. */
export async function readCatalogue(options: UpdateOptions): Promise<CatalogueSnapshot> {
	const clock = options.clock ?? REAL_CLOCK;
	const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
	const limiter = new DiscoveryLimiter(options.spacingMs);
	const at = options.at ?? new Date().toISOString();
	const label = options.sourceLabel ?? options.baseUrl;
	const maxRetries = options.maxRetries ?? 5;
	let lastLog = clock.now();

	const call = async (path: string): Promise<Envelope> => {
		for (let attempt = 0; ; attempt++) {
			const reply = await limiter.run(clock, async () => await getJson(options.baseUrl, options.apiKey, path));
			if (reply.code !== 429) return reply;
			if (attempt >= maxRetries) throw new Error(`${path}: still refused (429) after ${maxRetries} retries`);
			// The budget is shared with everything else on the account: back off and try again.
			limiter.backOff(clock, 2000 * (attempt + 1));
		}
	};

	const list = await call('/api/v1/models');
	if (list.code !== 200) throw new Error(`/api/v1/models answered ${list.code}: ${list.msg}`);
	const raw = ((list.data ?? {}) as { models?: unknown[] }).models ?? [];
	const summaries = raw.map(summaryOf).filter((model): model is CatalogueModel => model !== undefined);
	log(`catalogue: ${summaries.length} models listed; reading their schemas (about ${Math.ceil(summaries.length * 1.1)} s)`);

	const models: CatalogueModel[] = [];
	for (const [index, summary] of summaries.entries()) {
		const path = `/api/v1/models/${summary.id}/schema`;
		const reply = await call(path);
		const model: CatalogueModel = { ...summary };
		if (reply.code === 200) {
			try {
				Object.assign(model, interpretDocument((reply.data as { openapi?: unknown } | null)?.openapi ?? null));
				model.schemaSource = { from: `${label}${path}`, at };
			} catch (error) {
				log(`catalogue: ${summary.id}: schema unusable (${(error as Error).message}); listed without input`);
			}
		} else {
			log(`catalogue: ${summary.id}: schema answered ${reply.code} ${reply.msg}; listed without input`);
		}
		if (model.kind === 'task' && !model.input && !model.path) model.kind = 'unchecked';
		models.push(model);
		if (clock.now() - lastLog >= 10000 || index === summaries.length - 1) {
			lastLog = clock.now();
			log(`catalogue: ${index + 1}/${summaries.length} schemas read`);
		}
	}
	return { generatedAt: at, source: label, models };
}

export function serialise(snapshot: CatalogueSnapshot): string {
	return `${JSON.stringify(snapshot, null, '\t')}\n`;
}

export const SNAPSHOT_PATH = resolve(__dirname, '../nodes/Kie/catalogue/catalogue-snapshot.json');

/** The fetch time recorded when the snapshot is generated from the emulator (reproducible). */
export const EMULATOR_AT = '2026-10-02T00:00:00.000Z';
export const EMULATOR_LABEL = 'emulator serving test/fixtures/catalogue';

async function main(argv: string[]): Promise<void> {
	const arg = (name: string) => {
		const index = argv.indexOf(name);
		return index >= 0 ? argv[index + 1] : undefined;
	};
	const out = resolve(arg('--out') ?? SNAPSHOT_PATH);
	let stop: (() => Promise<void>) | undefined;
	let options: UpdateOptions;
	if (argv.includes('--emulator')) {
		// Test code, loaded only for this mode.
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const { startEmulator, DEFAULT_API_KEY } = require('../test/emulator') as typeof import('../test/emulator');
		// The emulator's discovery budget is on unless --fast (then requests are not spaced either).
		const fast = argv.includes('--fast');
		const emulator = await startEmulator({ rateLimit: null, ...(fast ? { discoveryRateLimit: null } : {}) });
		stop = async () => await emulator.close();
		options = { baseUrl: emulator.url, apiKey: DEFAULT_API_KEY, sourceLabel: EMULATOR_LABEL, at: arg('--at') ?? EMULATOR_AT, spacingMs: fast ? 0 : undefined };
	} else {
		const apiKey = process.env.KIE_API_KEY ?? '';
		if (!apiKey) throw new Error('Set KIE_API_KEY (and optionally KIE_BASE_URL), or pass --emulator');
		const baseUrl = (process.env.KIE_BASE_URL ?? 'https://api.kie.ai').replace(/\/+$/, '');
		options = { baseUrl, apiKey, at: arg('--at') };
	}
	const heartbeat = setInterval(() => process.stderr.write('catalogue: still reading…\n'), 15000);
	try {
		const snapshot = await readCatalogue(options);
		writeFileSync(out, serialise(snapshot));
		const withInput = snapshot.models.filter((model) => model.input).length;
		process.stderr.write(`catalogue: wrote ${out}: ${snapshot.models.length} models, ${withInput} with input definitions\n`);
	} finally {
		clearInterval(heartbeat);
		await stop?.();
	}
}

if (require.main === module) {
	main(process.argv.slice(2)).catch((error: Error) => {
		process.stderr.write(`catalogue:update failed: ${error.message}\n`);
		process.exit(1);
	});
}
