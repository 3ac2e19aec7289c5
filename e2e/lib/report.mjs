/** Timed steps and checks, and the summary printed at the end. */
import { withProgress } from './progress.mjs';
import { seconds } from './util.mjs';

export class Report {
	constructor() {
		this.steps = []; // { group, name, ms, ok, error }
		this.checks = []; // { group, name, ok, detail, ms }
	}

	/** A timed step; a failure is recorded and rethrown (the caller decides whether to go on). */
	async step(group, name, fn, log) {
		const started = Date.now();
		console.log(`[${group}] ${name} …`);
		try {
			const value = await withProgress(`[${group}] ${name}`, log, fn);
			const ms = Date.now() - started;
			this.steps.push({ group, name, ms, ok: true });
			console.log(`[${group}] ${name}: done in ${seconds(ms)}`);
			return value;
		} catch (error) {
			const ms = Date.now() - started;
			this.steps.push({ group, name, ms, ok: false, error: error.message });
			console.log(`[${group}] ${name}: FAILED after ${seconds(ms)}: ${error.message}`);
			throw error;
		}
	}

	/** Records a step that was timed elsewhere (e.g. install sub-steps). */
	record(group, name, ms) {
		this.steps.push({ group, name, ms, ok: true });
	}

	/**
	 * A test: fn runs assertions (throwing on failure) and may return a short detail string.
	 * Failures are recorded, not rethrown, so the remaining tests still run.
	 */
	async check(group, name, fn) {
		const started = Date.now();
		try {
			const detail = await fn();
			const ms = Date.now() - started;
			this.checks.push({ group, name, ok: true, detail: detail ?? '', ms });
			console.log(`  PASS [${group}] ${name} (${seconds(ms)})${detail ? ` — ${detail}` : ''}`);
			return true;
		} catch (error) {
			const ms = Date.now() - started;
			this.checks.push({ group, name, ok: false, detail: error.message, ms });
			console.log(`  FAIL [${group}] ${name} (${seconds(ms)}): ${error.message}`);
			return false;
		}
	}

	fail(group, name, detail) {
		this.checks.push({ group, name, ok: false, detail, ms: 0 });
		console.log(`  FAIL [${group}] ${name}: ${detail}`);
	}

	get failed() {
		return this.checks.filter((c) => !c.ok).length + this.steps.filter((s) => !s.ok).length;
	}

	print(totalMs) {
		const lines = ['', '==================== e2e summary ====================', 'Timings:'];
		for (const s of this.steps) lines.push(`  ${s.ok ? '   ' : 'ERR'} ${seconds(s.ms).padStart(8)}  [${s.group}] ${s.name}${s.ok ? '' : ` — ${s.error}`}`);
		lines.push('Checks:');
		const groups = [...new Set(this.checks.map((c) => c.group))];
		for (const g of groups) {
			const mine = this.checks.filter((c) => c.group === g);
			const passed = mine.filter((c) => c.ok).length;
			lines.push(`  [${g}] ${passed}/${mine.length} passed`);
			for (const c of mine.filter((c) => !c.ok)) lines.push(`      FAIL ${c.name}: ${c.detail}`);
		}
		const total = this.checks.length;
		const passed = this.checks.filter((c) => c.ok).length;
		lines.push(`Total: ${passed}/${total} checks passed, ${this.steps.filter((s) => !s.ok).length} step(s) failed, ${seconds(totalMs)} wall clock.`);
		lines.push(this.failed === 0 && total > 0 ? 'RESULT: PASS' : 'RESULT: FAIL');
		console.log(lines.join('\n'));
	}
}

/** Assertion helper: throws with a message when the condition is false. */
export function assert(cond, message) {
	if (!cond) throw new Error(message);
}

export function assertEqual(actual, expected, what) {
	if (actual !== expected) throw new Error(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}
