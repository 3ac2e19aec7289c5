/* eslint-disable @n8n/community-nodes/no-restricted-globals */
/** Shared helpers of the benchmark: statistics, timing, the emulator as a child process, results. */
import { spawn, type ChildProcess } from 'child_process';
import { join } from 'path';
import { request } from 'undici';

import { DEFAULT_API_KEY } from '../test/emulator';

export const ROOT = join(__dirname, '..');
export const API_KEY = DEFAULT_API_KEY;

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function median(values: number[]): number {
	if (values.length === 0) return NaN;
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export const max = (values: number[]) => (values.length === 0 ? NaN : Math.max(...values));
export const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;
export const MB = 1024 * 1024;

/** One line of the report: a measured figure beside its target (if it has one) and baselines. */
export interface Row {
	scenario: string;
	metric: string;
	ours: string;
	baselines?: string;
	target?: string;
	/** undefined = informational. */
	met?: boolean;
	/** Why a target is not met (or how to read the figure). */
	note?: string;
}

export interface ScenarioResult {
	id: string;
	title: string;
	wallSeconds: number;
	rows: Row[];
	/** Everything measured, for report.json. */
	data: Record<string, unknown>;
}

/** Calls the emulator's control API. */
export async function control(base: string, method: 'GET' | 'POST', path: string, body?: unknown): Promise<unknown> {
	const res = await request(`${base}/__emulator/${path}`, {
		method,
		headers: body === undefined ? {} : { 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await res.body.text();
	return text ? (JSON.parse(text) as unknown) : undefined;
}

/** POSTs a KIE create straight to the emulator (as another client would); returns the task id. */
export async function createDirect(base: string, path: string, body: Record<string, unknown>): Promise<string> {
	const res = await request(`${base}${path}`, {
		method: 'POST',
		headers: { authorization: `Bearer ${API_KEY}`, 'content-type': 'application/json' },
		body: JSON.stringify(body),
	});
	const json = (await res.body.json()) as { code: number; data?: { taskId?: string } };
	if (json.code !== 200 || typeof json.data?.taskId !== 'string') throw new Error(`create failed: ${JSON.stringify(json)}`);
	return json.data.taskId;
}

export interface ChildEmulator {
	url: string;
	process: ChildProcess;
	stop(): Promise<void>;
}

/**
 * The emulator in its own process (test/emulator/cli.ts), so that its CPU and memory are not
 * counted as ours.
 */
export async function startChildEmulator(args: string[]): Promise<ChildEmulator> {
	const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', join(ROOT, 'test/emulator/cli.ts'), '--port', '0', ...args], {
		cwd: ROOT,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	const url = await new Promise<string>((resolve, reject) => {
		let out = '';
		let err = '';
		child.stdout!.on('data', (chunk: Buffer) => {
			out += chunk.toString();
			const match = /listening on (http:\/\/\S+)/.exec(out);
			if (match) resolve(match[1]);
		});
		child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
		child.on('exit', (code) => reject(new Error(`emulator exited (${code}): ${err}`)));
	});
	return {
		url,
		process: child,
		stop: async () => {
			if (child.exitCode !== null) return;
			await new Promise<void>((resolve) => {
				child.once('exit', () => resolve());
				child.kill('SIGTERM');
			});
		},
	};
}

/** Runs a TypeScript file as a child Node process and returns the JSON it prints last. */
export async function runChild<T>(file: string, args: string[], nodeArgs: string[] = []): Promise<T> {
	const child = spawn(process.execPath, [...nodeArgs, '-r', 'ts-node/register/transpile-only', join(ROOT, file), ...args], {
		cwd: ROOT,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	let out = '';
	let err = '';
	child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
	child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
	const code = await new Promise<number | null>((resolve) => child.on('exit', (exitCode) => resolve(exitCode)));
	const last = out.trim().split('\n').pop() ?? '';
	if (code !== 0) throw new Error(`${file} ${args.join(' ')} exited with ${code}: ${err.slice(-2000)}`);
	return JSON.parse(last) as T;
}

export function seconds(ms: number, digits = 1): string {
	return `${round(ms / 1000, digits)} s`;
}
