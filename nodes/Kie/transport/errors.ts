import { NodeApiError } from 'n8n-workflow';
import type { IDataObject, INode, JsonObject } from 'n8n-workflow';

interface CodeInfo {
	title: string;
	hint: string;
}

/** KIE's documented codes (docs/kie-api.md §2), each with what happened and what to do. */
const KIE_CODES: Record<number, CodeInfo> = {
	400: { title: 'KIE rejected the request (400)', hint: 'Check the input (content policy, format). For Veo 1080p "processing", wait 1–2 minutes and run again.' },
	401: { title: 'KIE rejected the API key (401)', hint: 'Check the API key in the KIE API credential (create one at https://kie.ai/api-key) and its IP whitelist.' },
	402: { title: 'Insufficient KIE credits (402)', hint: 'Top up your KIE account (https://kie.ai/billing), then run the workflow again. No task was created.' },
	403: { title: 'KIE refused access (403)', hint: 'Check the API key, its IP whitelist and its usage caps in your KIE settings.' },
	404: { title: 'Not found on KIE (404)', hint: 'Check the task ID and its API family, and the Base URL of the KIE API credential.' },
	405: { title: 'Method not allowed by KIE (405)', hint: 'Check the Base URL and Upload Base URL of the KIE API credential.' },
	408: { title: 'KIE timed out (408)', hint: 'Start a new task later.' },
	409: { title: 'Conflict on KIE (409)', hint: 'The resource already exists (e.g. a WAV was already made for this track); read it instead of creating it again.' },
	413: { title: 'KIE refused the input (413)', hint: 'The uploaded audio matches an existing work, or the input is too large.' },
	422: { title: 'KIE rejected the input (422)', hint: 'Fix the field KIE names in its message and run again. No credits were spent.' },
	// The key's own cap (hourly / daily / total credits), set by the account owner per API key:
	// waiting a few seconds does not lift it, so it is never retried.
	433: {
		title: "The API key's usage limit on KIE is reached (433)",
		hint: "This API key has its own hourly, daily or total usage cap, set in KIE's API-key settings (https://kie.ai/api-key). Raise or remove the cap there, or wait until the hour or day is over, or use another key. Nothing was created.",
	},
	429: { title: 'Rate limited by KIE (429)', hint: 'KIE allows 20 new tasks per 10 seconds per account. The node waited and retried; lower the batch rate or ask KIE for a higher limit.' },
	451: { title: 'KIE could not fetch an input file (451)', hint: 'Every input URL must be public and reachable by KIE. Upload binary files with the Upload File action or the binary input mapping of Create Task.' },
	455: { title: 'KIE is under maintenance (455)', hint: 'Try again later.' },
	500: { title: 'KIE server error (500)', hint: 'Try again in a moment; if it persists, contact KIE support with the task ID.' },
	501: { title: 'KIE generation failed (501)', hint: 'Create a new task, perhaps with a different prompt or input.' },
	505: { title: 'Feature disabled on KIE (505)', hint: 'This feature is currently disabled by KIE for this model or account.' },
	531: { title: 'KIE generation failed (531)', hint: 'KIE refunded the credits; create a new task.' },
	550: { title: 'KIE queue is full (550)', hint: 'KIE rejected the task because its queue is full; try again later.' },
};

export function describeKieCode(code: number): CodeInfo {
	return (
		KIE_CODES[code] ?? {
			title: `KIE answered with code ${code}`,
			hint: code >= 500 ? 'A server-side problem; try again later.' : 'Check the request against the KIE documentation.',
		}
	);
}

export interface KieErrorContext {
	node: INode;
	itemIndex?: number;
	/** What the request was, e.g. "create task (kling-3.0/video)". */
	action: string;
	/** True for a paid create whose outcome is unknown: the user is told a task may exist. */
	maybeCreated?: boolean;
	/** Extra guidance appended to the description. */
	extraHint?: string;
}

/** The one wording for every create whose outcome is unknown (reset, timeout, 5xx, 455, bad JSON). */
export const MAYBE_CREATED =
	'The task may or may not have been created: the node does not retry it, so you are never charged twice. Check your KIE dashboard (https://kie.ai/logs) before running it again.';

/**
 * n8n replaces a node error's headline with its own generic sentence when the headline names a
 * Node.js error code (ECONNREFUSED → "The service refused the connection…", ECONNRESET → "…You
 * can retry the request immediately…", see COMMON_ERRORS in n8n-workflow's node.error). Our
 * headlines say what happened in words instead, so they stay ours; the code goes to the description.
 */
// n8n's HTTP helper may have applied its generic text already, so those sentences are recognised too.
const CODE_WORDS: Array<[RegExp, string]> = [
	[/ECONNREFUSED|refused the connection/i, 'the connection was refused'],
	[/ECONNRESET|socket hang up|closed unexpectedly/i, 'the connection was reset'],
	[/ETIMEDOUT|ECONNABORTED|ESOCKETTIMEDOUT|timeout|timed out|connection was aborted/i, 'timed out'],
	[/ENOTFOUND|EAI_AGAIN|cannot be established|DNS server returned an error/i, 'the host name could not be resolved'],
	[/EHOSTUNREACH|ENETUNREACH|host is unreachable/i, 'the host is unreachable'],
];

/** A network failure in words, free of the codes n8n would swap for its own text. */
export function plainReason(reason: string, timeoutMs?: number): string {
	for (const [pattern, words] of CODE_WORDS) {
		if (!pattern.test(reason)) continue;
		return words === 'timed out' && timeoutMs !== undefined ? `timed out after ${Math.round(timeoutMs / 100) / 10} s` : words;
	}
	// Any other code-like word (EPIPE, EPROTO…) is left out of the headline for the same reason.
	return reason.replace(/\bE[A-Z_]{3,}\b:?\s*/g, '').trim() || 'no answer';
}

/** True when the failure is a timeout (the request may have reached KIE). */
export function isTimeoutReason(reason: string): boolean {
	return /ETIMEDOUT|ECONNABORTED|ESOCKETTIMEDOUT|timeout|timed out|connection was aborted/i.test(reason);
}

/** "Said: x." without doubling KIE's own full stop ("Credits insufficient." + "."). */
function sentence(text: string): string {
	return /[.!?]$/.test(text) ? text : `${text}.`;
}

function finish(context: KieErrorContext, description: string): string {
	const parts = [description];
	if (context.maybeCreated) parts.push(MAYBE_CREATED);
	if (context.extraHint) parts.push(context.extraHint);
	return parts.join(' ');
}

/** A KIE answer with a non-200 code (in the body or as the HTTP status). */
export function kieCodeError(
	context: KieErrorContext,
	code: number,
	kieMessage: string | undefined,
	body: IDataObject,
	httpStatus: number,
): NodeApiError {
	const info = describeKieCode(code);
	const message = kieMessage?.trim().replace(/[.]+$/, '');
	const said = message ? `: ${message}` : '';
	// "Try again" would invite a second paid task when the first may exist.
	const hint = context.maybeCreated ? '' : ` ${info.hint}`;
	return new NodeApiError(context.node, { ...(body as JsonObject), httpStatus }, {
		message: `${info.title}${said}`,
		description: finish(context, `${sentence(`While trying to ${context.action}, KIE answered code ${code}${said}`)}${hint}`),
		httpCode: String(code),
		itemIndex: context.itemIndex,
	});
}

/** A response that is not JSON (an HTML page from a proxy, a truncated body...). */
export function nonJsonError(context: KieErrorContext, httpStatus: number, text: string): NodeApiError {
	const snippet = text
		.replace(/<[^>]*>/g, ' ')
		.replace(/\s+/g, ' ')
		.trim()
		.slice(0, 200);
	const cloudflare = /error code: 10\d\d/i.test(text)
		? ' This looks like a Cloudflare block (error code 10xx): KIE\'s firewall refused the client, not the key.'
		: '';
	const hint =
		httpStatus >= 200 && httpStatus < 300
			? 'The body was not valid JSON (cut off or malformed); it may be a proxy or a temporary KIE fault.'
			: 'A proxy or firewall in front of KIE probably answered instead of KIE.';
	return new NodeApiError(context.node, { httpStatus, body: snippet }, {
		message: `KIE answered HTTP ${httpStatus} with a non-JSON body${snippet ? `: "${snippet.slice(0, 80)}"` : ''}`,
		description: finish(context, `While trying to ${context.action}: ${hint}${cloudflare} Check the Base URL of the KIE API credential and any proxy settings.`),
		httpCode: String(httpStatus),
		itemIndex: context.itemIndex,
	});
}

/**
 * No answer at all. The original error is not attached: its request config carries the API key.
 * `messageMapping` pins our headline: n8n would otherwise swap it for its generic text.
 */
export function networkError(context: KieErrorContext, reason: string, timeoutMs?: number): NodeApiError {
	const words = plainReason(reason, timeoutMs);
	const message = `Could not reach KIE: ${words}`;
	const check = 'Check the network and the Base URL of the KIE API credential.';
	return new NodeApiError(context.node, { reason: words }, {
		message,
		description: finish(context, `While trying to ${context.action}, the request got no answer: ${words}. ${check}`),
		itemIndex: context.itemIndex,
	});
}
