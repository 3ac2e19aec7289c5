/* The shipped snapshot is generated, never hand-typed: re-generating it from the emulator (serving
 * test/fixtures/catalogue) reproduces the committed file byte for byte. */
import { readFileSync } from 'fs';

import { EMULATOR_AT, EMULATOR_LABEL, readCatalogue, serialise, SNAPSHOT_PATH } from '../../scripts/catalogue-update';
import { DEFAULT_API_KEY, startEmulator, type Emulator } from '../emulator';
import { snapshot, snapshotModel } from '../../nodes/Kie/catalogue/snapshot';

let kie: Emulator;
beforeAll(async () => {
	kie = await startEmulator({ rateLimit: null, discoveryRateLimit: null });
});
afterAll(async () => await kie.close());

describe('the shipped catalogue snapshot', () => {
	it('is what `npm run catalogue:update -- --emulator` writes (run it after changing the fixtures)', async () => {
		const lines: string[] = [];
		const generated = await readCatalogue({ baseUrl: kie.url, apiKey: DEFAULT_API_KEY, sourceLabel: EMULATOR_LABEL, at: EMULATOR_AT, spacingMs: 0, log: (line) => lines.push(line) });
		expect(serialise(generated)).toBe(readFileSync(SNAPSHOT_PATH, 'utf8'));
		expect(lines.some((line) => line.includes('218/218'))).toBe(true);
	}, 120000);

	it('lists every id of the 2026-10-02 catalogue with its price text, kind and source', () => {
		const ids = readFileSync(`${__dirname}/../fixtures/catalogue/samples/tansilandre/model_ids_2026-10-02.txt`, 'utf8').split('\n').filter(Boolean);
		const prices = (JSON.parse(readFileSync(`${__dirname}/../fixtures/catalogue/samples/tansilandre/price_texts.json`, 'utf8')) as { prices: Record<string, string | null> }).prices;
		expect(snapshot().models.map((model) => model.id).sort()).toEqual([...ids].sort());
		for (const id of ids) expect(snapshotModel(id)?.priceText ?? null).toBe(prices[id]);
		const veo = snapshotModel('veo-3-1')!;
		expect(veo).toMatchObject({ kind: 'task', title: 'Veo 3.1', provider: 'Google', schemaSource: { from: `${EMULATOR_LABEL}/api/v1/models/veo-3-1/schema`, at: EMULATOR_AT } });
		expect(veo.input?.branches[0].fields.map((field) => field.name)).toContain('image_urls');
	});
});
