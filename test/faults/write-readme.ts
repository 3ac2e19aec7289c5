/* eslint-disable @n8n/community-nodes/no-restricted-globals */
/**
 * Rewrites the README's fault matrix table (between its two markers) from cases.ts:
 *   npx ts-node --transpile-only test/faults/write-readme.ts
 * Only the text between the markers changes.
 */
import { readFileSync, writeFileSync } from 'fs';
import { join } from 'path';

import { renderFaultTable, TABLE_END, TABLE_START } from './cases';

const path = join(__dirname, '..', '..', 'README.md');
const readme = readFileSync(path, 'utf8');
const start = readme.indexOf(TABLE_START);
const end = readme.indexOf(TABLE_END);
if (start < 0 || end < start) {
	process.stderr.write(`README.md has no fault matrix markers (${TABLE_START} … ${TABLE_END})\n`);
	process.exit(1);
}
writeFileSync(path, `${readme.slice(0, start + TABLE_START.length)}\n${renderFaultTable()}\n${readme.slice(end)}`);
process.stdout.write('README.md fault matrix table updated\n');
