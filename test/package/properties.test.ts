/* eslint-disable @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-restricted-imports */
/**
 * The built nodes' parameters, in order, against a committed outline: moving property definitions
 * between files must not rename, drop or reorder what users' workflows store. A deliberate change
 * updates the outline: `KIE_UPDATE_PROPERTY_OUTLINE=1 npx jest test/package/properties.test.ts`.
 */
import { existsSync, readFileSync, writeFileSync } from 'fs';
import { join, resolve } from 'path';
import type { INodeProperties, INodePropertyCollection, INodePropertyOptions, INodeTypeDescription } from 'n8n-workflow';

const ROOT = resolve(__dirname, '../..');
const DIST = join(ROOT, 'dist');
const OUTLINE = join(ROOT, 'test/fixtures/node-property-outline.json');

type Option = INodePropertyOptions | INodeProperties | INodePropertyCollection;

/** `name` of each parameter, with where it shows (resource/operation) and the names inside collections. */
function outline(properties: INodeProperties[]): string[] {
	return properties.flatMap((property) => {
		const show = property.displayOptions?.show ?? {};
		const where = ['resource', 'operation', '@tool']
			.filter((key) => show[key] !== undefined)
			.map((key) => `${key}=${(show[key] as unknown[]).join('|')}`)
			.join(' ');
		const head = where === '' ? property.name : `${property.name} (${where})`;
		const inner =
			property.type === 'collection' || property.type === 'fixedCollection'
				? ((property.options ?? []) as Option[]).map((option) => {
						const values = (option as INodePropertyCollection).values;
						return `  ${option.name}${values ? `: ${values.map((value) => value.name).join(', ')}` : ''}`;
					})
				: property.type === 'options'
					? [`  = ${((property.options ?? []) as INodePropertyOptions[]).map((option) => String(option.value)).join(', ')}`]
					: [];
		return [head, ...inner];
	});
}

function built(file: string, className: string): INodeTypeDescription {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const module = require(join(DIST, file)) as Record<string, new () => { description: INodeTypeDescription }>;
	return new module[className]().description;
}

beforeAll(() => {
	if (!existsSync(DIST)) throw new Error('dist/ is missing: run `npm run build` before `npm test`');
});

describe('the built nodes keep their parameters', () => {
	it('in name, place and order', () => {
		const now = {
			kie: outline(built('nodes/Kie/Kie.node.js', 'Kie').properties),
			kieTrigger: outline(built('nodes/Kie/KieTrigger.node.js', 'KieTrigger').properties),
		};
		if (process.env.KIE_UPDATE_PROPERTY_OUTLINE === '1') writeFileSync(OUTLINE, `${JSON.stringify(now, null, '\t')}\n`);
		const committed = JSON.parse(readFileSync(OUTLINE, 'utf8')) as typeof now;
		expect(now.kie).toEqual(committed.kie);
		expect(now.kieTrigger).toEqual(committed.kieTrigger);
		expect(now.kie.length).toBeGreaterThan(20);
	});
});
