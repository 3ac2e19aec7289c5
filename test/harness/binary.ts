import { mkdtempSync } from 'fs';
import type { BinaryDataConfig } from 'n8n-core';
import { BinaryDataService, ErrorReporter } from 'n8n-core';
import type { INodeExecutionData } from 'n8n-workflow';
import { BINARY_ENCODING } from 'n8n-workflow';
import { tmpdir } from 'os';
import { join } from 'path';

import { Container, Logger } from './core-deps';
import type { BinaryMode } from './types';

let filesystemService: BinaryDataService | undefined;
let filesystemStoragePath: string | undefined;

/**
 * n8n-core's BinaryDataService in filesystem mode under a temp dir (created once per process).
 * It is the same class n8n runs with N8N_DEFAULT_BINARY_DATA_MODE=filesystem.
 */
export async function getFilesystemBinaryDataService(): Promise<BinaryDataService> {
	if (filesystemService) return filesystemService;
	filesystemStoragePath = mkdtempSync(join(tmpdir(), 'kie-binary-'));
	const config = {
		mode: 'filesystem',
		availableModes: ['filesystem'],
		localStoragePath: filesystemStoragePath,
		signingSecret: 'kie-harness-binary-signing-secret',
		dbMaxFileSize: 512,
	} as unknown as BinaryDataConfig;
	const service = new BinaryDataService(
		config,
		Container.get(ErrorReporter),
		Container.get(Logger) as never,
	);
	await service.init();
	filesystemService = service;
	return service;
}

export function getFilesystemStoragePath(): string | undefined {
	return filesystemStoragePath;
}

/**
 * Runs `fn` with the process-wide BinaryDataService (what every n8n-core helper gets from the DI
 * Container) switched to the requested mode, then restores the previous one. 'default' keeps the
 * service n8n-core creates on its own: no manager, so binary data is stored inline as base64.
 * Runs in different binary modes must not overlap in time within one process.
 */
export async function withBinaryMode<T>(mode: BinaryMode | undefined, fn: () => Promise<T>): Promise<T> {
	if (mode !== 'filesystem') return await fn();
	const previous = Container.get(BinaryDataService);
	const service = await getFilesystemBinaryDataService();
	Container.set(BinaryDataService, service);
	try {
		return await fn();
	} finally {
		Container.set(BinaryDataService, previous);
	}
}

/** The bytes of an output binary, whether stored inline (default mode) or on disk (filesystem mode). */
export async function readBinary(item: INodeExecutionData, property = 'data'): Promise<Buffer> {
	const binary = item.binary?.[property];
	if (!binary) {
		const present = Object.keys(item.binary ?? {}).join(', ') || 'none';
		throw new Error(`Item has no binary property "${property}" (binary properties: ${present})`);
	}
	if (binary.id) {
		const service = await getFilesystemBinaryDataService();
		return await service.getAsBuffer(binary);
	}
	return Buffer.from(binary.data, BINARY_ENCODING);
}
