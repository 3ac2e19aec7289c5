/**
 * Progress for long steps: while anything registered here runs, one line is printed at least every
 * 15 s with what is happening (the innermost activity), how long it has been running, and the log
 * file to look at. Used by the e2e runner and the sandbox (installs, builds, waits for n8n).
 */
const EVERY_MS = Number(process.env.KIE_PROGRESS_EVERY_MS) || 15_000;
const stack = [];
let timer = null;

function seconds(ms) {
	return `${Math.round(ms / 1000)} s`;
}

function tick() {
	const top = stack[stack.length - 1];
	if (!top) return;
	const outer = stack[0];
	const now = Date.now();
	const total = stack.length > 1 ? ` (${outer.what}: ${seconds(now - outer.since)})` : '';
	const log = top.log ?? stack.findLast((a) => a.log)?.log;
	console.log(`  … still ${top.what}: ${seconds(now - top.since)}${total}${log ? `; log: ${log}` : ''}`);
}

/** Runs `fn` as a named activity; progress lines name it while it is the innermost one. */
export async function withProgress(what, log, fn) {
	const entry = { what, log, since: Date.now() };
	stack.push(entry);
	if (!timer) {
		timer = setInterval(tick, EVERY_MS);
		timer.unref();
	}
	try {
		return await fn();
	} finally {
		stack.splice(stack.indexOf(entry), 1);
		if (stack.length === 0 && timer) {
			clearInterval(timer);
			timer = null;
		}
	}
}
