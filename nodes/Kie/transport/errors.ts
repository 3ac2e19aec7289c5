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

const MAYBE_CREATED =
	'The task may or may not have been created: the node does not retry it, so you are never charged twice. Check your KIE dashboard (https://kie.ai/logs) before running it again.';

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
	const said = kieMessage ? `: ${kieMessage}` : '';
	// "Try again" would invite a second paid task when the first may exist.
	const hint = context.maybeCreated ? '' : ` ${info.hint}`;
	return new NodeApiError(context.node, { ...(body as JsonObject), httpStatus }, {
		message: `${info.title}${said}`,
		description: finish(context, `While trying to ${context.action}, KIE answered code ${code}${said}.${hint}`),
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

/** No answer at all. The original error is not attached: its request config carries the API key. */
export function networkError(context: KieErrorContext, reason: string): NodeApiError {
	return new NodeApiError(context.node, { reason }, {
		message: `Could not reach KIE: ${reason}`,
		description: finish(context, `While trying to ${context.action}, the request got no answer (${reason}). Check the network and the Base URL of the KIE API credential.`),
		itemIndex: context.itemIndex,
	});
}
