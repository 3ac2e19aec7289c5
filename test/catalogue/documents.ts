import { readFileSync } from 'fs';
import { join } from 'path';

/**
 * Real KIE documents vendored under test/fixtures/catalogue/samples (origins in that folder's
 * ORIGIN.md: KIE responses saved on 2026-10-02 by tansilandre/kie-ai-tool-mcp-skills-agent).
 */
export const SAMPLES = join(__dirname, '../fixtures/catalogue/samples/tansilandre');

export function sample<T = unknown>(name: string): T {
	return JSON.parse(readFileSync(join(SAMPLES, name), 'utf8')) as T;
}

/** `data.openapi` of a saved `/schema` reply. */
export function realDocument(model: 'veo-3-1' | 'gpt-image-2-text-to-image' | 'bytedance/seedance-1.5-pro'): Record<string, unknown> {
	const reply = sample<{ data: { openapi: Record<string, unknown> } }>(`schema_${model.replace('/', '__')}.json`);
	return reply.data.openapi;
}
