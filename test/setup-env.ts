/* eslint-disable @n8n/community-nodes/no-restricted-globals */
// n8n-core's InstanceSettings writes an encryption key under N8N_USER_FOLDER on first use:
// keep that out of the developer's home.
import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

if (!process.env.N8N_USER_FOLDER || !process.env.N8N_USER_FOLDER.includes('kie-test-')) {
	process.env.N8N_USER_FOLDER = mkdtempSync(join(tmpdir(), 'kie-test-'));
}
process.env.N8N_ENCRYPTION_KEY = process.env.N8N_ENCRYPTION_KEY ?? 'kie-tests-encryption-key-placeholder';
// n8n's logger prints info lines (e.g. "KIE task created: …" for every create) to the console:
// keep test and bench output to warnings unless asked for more.
process.env.N8N_LOG_LEVEL = process.env.N8N_LOG_LEVEL ?? 'warn';
