/**
 * What a family spec (nodes/Kie/families/<family>.ts) must hold for the node to work with it; a
 * spec that forgets its callback shapes would otherwise be silently undetectable by the trigger.
 */
import type { FamilySpec } from '../../nodes/Kie/families/types';

const CATEGORIES = ['image', 'video', 'audio', 'text'];

/** Problems of one spec, as sentences naming the family; empty when it is whole. */
export function specProblems(spec: FamilySpec, knownIds: readonly string[]): string[] {
	const problems: string[] = [];
	const say = (text: string) => problems.push(`${spec.id}: ${text}`);
	if (spec.endpoints.length === 0) say('no create endpoint');
	for (const endpoint of spec.endpoints) if (!endpoint.path.startsWith('/api/')) say(`endpoint ${endpoint.id} has path ${endpoint.path}`);
	if (!spec.recordPath.startsWith('/api/')) say(`record path ${spec.recordPath}`);
	if (spec.statusField === '') say('no status field');
	const words = Object.values(spec.statusMap);
	if (!words.includes('success')) say('no status word means success');
	if (!words.includes('failed') && spec.failedWhenErrorSet !== true) say('no status word means failure (and failedWhenErrorSet is not set)');
	if (!CATEGORIES.includes(spec.category)) say(`category ${String(spec.category)} is none of ${CATEGORIES.join(', ')}`);
	const shapes = spec.detect?.shapes ?? [];
	if (shapes.length === 0) say('no callback shapes (detect.shapes): the trigger could never detect it');
	else if (!shapes.some((shape) => (shape.alsoFits ?? []).length === 0)) say('no callback shape names it alone: the trigger could only ever guess it');
	for (const shape of shapes) {
		if (shape.tests.length === 0) say(`callback shape ${shape.order} has no tests (it would match every body)`);
		if (shape.reason.trim() === '') say(`callback shape ${shape.order} has no reason`);
		for (const other of shape.alsoFits ?? []) {
			if (other === spec.id) say(`callback shape ${shape.order} names the family itself in alsoFits`);
			else if (!knownIds.includes(other)) say(`callback shape ${shape.order} names an unknown family ${other}`);
		}
	}
	return problems;
}

/** Problems of the whole registry: each spec's, its key, and orders or ranks used twice. */
export function registryProblems(families: Record<string, FamilySpec>): string[] {
	const ids = Object.keys(families);
	const problems = ids.flatMap((id) => [
		...(families[id].id === id ? [] : [`${id}: registered under another id (${families[id].id})`]),
		...specProblems(families[id], ids),
	]);
	const owner = new Map<number, string>();
	for (const id of ids) {
		for (const shape of families[id].detect?.shapes ?? []) {
			const first = owner.get(shape.order);
			if (first !== undefined) problems.push(`${id}: callback shape order ${shape.order} is also used by ${first}`);
			else owner.set(shape.order, id);
		}
	}
	const lookup = new Map<string, string>();
	for (const id of ids) {
		const { style, lookupRank } = families[id].taskIds;
		const first = lookup.get(`${style} ${lookupRank}`);
		if (first !== undefined) problems.push(`${id}: taskIds lookupRank ${lookupRank} (${style}) is also used by ${first}`);
		else lookup.set(`${style} ${lookupRank}`, id);
	}
	const ranks = new Map<number, string>();
	for (const id of ids) {
		const rank = families[id].detect?.bareFailureRank;
		if (rank === undefined) continue;
		const first = ranks.get(rank);
		if (first !== undefined) problems.push(`${id}: bareFailureRank ${rank} is also used by ${first}`);
		else ranks.set(rank, id);
	}
	return problems;
}
