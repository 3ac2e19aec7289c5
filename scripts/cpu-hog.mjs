#!/usr/bin/env node
// Keeps every core busy so that tests can be run under load (see .ci/run and README, "Development").
// Prints its pid on the first line, stops on SIGTERM/SIGINT, and stops by itself after a bounded
// lifetime so that a forgotten hog never outlives its run.
//   node scripts/cpu-hog.mjs [--minutes N] [--workers N]      (defaults: 30 minutes, one per core)
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

const arg = (name, fallback) => {
	const i = process.argv.indexOf(`--${name}`);
	const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
	if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number`);
	return value;
};
const MAX_MINUTES = 30;
const minutes = Math.min(arg('minutes', MAX_MINUTES), MAX_MINUTES);
const workers = arg('workers', availableParallelism());

// Each worker spins in short slices and yields between them so that terminate() takes effect at once.
const spin = `
const { parentPort } = require('node:worker_threads');
let x = 0;
function slice() { const end = Date.now() + 50; while (Date.now() < end) x = (x * 31 + 7) % 1000003; setImmediate(slice); }
slice();
`;
const pool = Array.from({ length: workers }, () => new Worker(spin, { eval: true }));

let stopping = false;
async function stop(reason) {
	if (stopping) return;
	stopping = true;
	clearTimeout(deadline);
	await Promise.all(pool.map((w) => w.terminate()));
	console.log(`cpu-hog ${process.pid}: stopped (${reason})`);
	process.exit(0);
}
const deadline = setTimeout(() => void stop(`lifetime of ${minutes} min reached`), minutes * 60_000);
process.on('SIGTERM', () => void stop('SIGTERM'));
process.on('SIGINT', () => void stop('SIGINT'));

console.log(`${process.pid}`);
console.log(`cpu-hog ${process.pid}: ${workers} busy worker(s), at most ${minutes} min; stop with kill ${process.pid}`);
