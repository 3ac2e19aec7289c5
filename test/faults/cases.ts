/**
 * The fault matrix: every case the suite in this folder runs against the KIE emulator's fault
 * injection, with the fault and the expected outcome. The README's "Fault matrix" table is
 * rendered from this list (`renderFaultTable`), and `table.test.ts` checks that the README shows
 * exactly this table and that every case here has exactly one test in a `*.faults.test.ts` file.
 *
 * `knownBug` marks a case whose expected outcome the runtime does not deliver yet: its test runs
 * as `it.failing`, so the suite stays green while the bug is open and turns red once it is fixed
 * (then remove `knownBug`).
 */

export interface FaultCase {
	id: string;
	area: string;
	/** What the emulator is made to do. */
	fault: string;
	/** What the node must do. */
	expected: string;
	/** Open runtime bug (file:line — what), when the expected outcome is not met yet. */
	knownBug?: string;
}

export const FAULT_CASES: readonly FaultCase[] = [
	// ---- 429 storms -------------------------------------------------------------------------
	{ id: 'create-429-http-storm', area: '429 storm', fault: 'HTTP 429 on the first 12 creates of an 8-item batch', expected: 'every item created exactly once, 0 failures' },
	{ id: 'create-429-body-storm', area: '429 storm', fault: 'body code 429 (HTTP 200) on the first 12 creates of an 8-item batch', expected: 'every item created exactly once, 0 failures' },
	{ id: 'create-429-retry-after', area: '429 storm', fault: 'one create answered HTTP 429 with Retry-After: 1', expected: 'all creates of the account pause ≥ 1 s, then each item is created once' },
	{ id: 'create-429-window-http', area: '429 storm', fault: "KIE's own window (5 per 1 s, HTTP 429) stricter than the node's limiter", expected: 'the 429s are absorbed: 15 of 15 created once, 0 failures' },
	{ id: 'create-429-window-body', area: '429 storm', fault: "KIE's own window (5 per 1 s) answering body code 429 on HTTP 200", expected: 'the 429s are absorbed: 15 of 15 created once, 0 failures' },
	{ id: 'create-429-exhausted', area: '429 storm', fault: 'every create answered HTTP 429 (continueOnFail)', expected: '"Rate limited by KIE (429)" error item per item once Max Retry Wait has passed (not after Max Attempts), saying a re-run costs nothing; no task created' },
	{ id: 'read-429-http', area: '429 storm', fault: 'HTTP 429 three times on a status read (Get Task)', expected: 'read retried, task output' },
	{ id: 'read-429-body-poll', area: '429 storm', fault: 'body code 429 three times on status reads (Wait for Task)', expected: 'polling continues, result downloaded' },
	// ---- 5xx and resets on reads (recovered) --------------------------------------------------
	{ id: 'read-500-get', area: 'read 5xx/reset', fault: 'HTTP 500 twice on Get Task', expected: 'recovered by retry, task output' },
	{ id: 'read-502-text-poll', area: 'read 5xx/reset', fault: 'HTTP 502 "Bad Gateway" (text) twice while polling', expected: 'recovered, result downloaded' },
	{ id: 'read-455-maintenance', area: 'read 5xx/reset', fault: 'body code 455 (maintenance) twice on Get Task', expected: 'recovered by retry' },
	{ id: 'read-body-500', area: 'read 5xx/reset', fault: 'body code 500 on HTTP 200 twice on Get Task', expected: 'recovered by retry' },
	{ id: 'read-reset-poll', area: 'read 5xx/reset', fault: 'connection reset twice while polling', expected: 'recovered, result downloaded' },
	{ id: 'read-reset-exhausted', area: 'read 5xx/reset', fault: 'connection reset on every read (Max Attempts 3)', expected: '"Could not reach KIE" after exactly 3 reads; no "may have been created" wording' },
	{ id: 'upload-500-recovered', area: 'upload', fault: 'HTTP 500 once on the base64 upload', expected: 'upload retried (replayable body), file stored once' },
	{ id: 'upload-stream-reset', area: 'upload', fault: 'connection reset on a streamed (> 4 MB) upload', expected: 'clear error, not retried (a stream cannot be replayed)' },
	// ---- 5xx, resets, timeouts on creates -----------------------------------------------------
	{ id: 'create-500', area: 'create 5xx/reset', fault: 'HTTP 500 on a create', expected: '"may or may not have been created" error; no second create' },
	{ id: 'create-502-text', area: 'create 5xx/reset', fault: 'HTTP 502 with a text body on a create', expected: 'non-JSON error saying the task may exist; no second create' },
	{ id: 'create-body-500', area: 'create 5xx/reset', fault: 'body code 500 on HTTP 200 on a create', expected: '"may or may not have been created" error; no second create' },
	{ id: 'create-reset-batch', area: 'create 5xx/reset', fault: 'connection reset on the 2nd create of a 3-item batch (continueOnFail)', expected: 'items 1 and 3 created; item 2 "Could not reach KIE: the connection was reset" saying the task may exist, no "retry immediately"; 3 creates in all' },
	{ id: 'create-timeout', area: 'create 5xx/reset', fault: 'create answered after 1.5 s, timeout 0.5 s', expected: '"Could not reach KIE: timed out after 0.5 s", "may or may not have been created … before running it again"; no second create (and KIE did create it)' },
	{ id: 'create-455-maintenance', area: 'create 5xx/reset', fault: 'body code 455, then HTTP 455 (maintenance) on a create', expected: '"KIE is under maintenance (455)" with the "may or may not have been created" wording, no "try again"; no second create' },
	{ id: 'create-refused', area: 'create 5xx/reset', fault: 'KIE refuses the connection on a create', expected: '"Could not reach KIE: the connection was refused" stays the headline (not n8n\'s generic text); "may or may not have been created"' },
	{ id: 'create-402-credits', area: 'create 4xx', fault: 'body code 402 "Credits insufficient." on a create', expected: '"Insufficient KIE credits (402): Credits insufficient", top-up hint, no double period' },
	{ id: 'create-433-key-cap', area: 'create 4xx', fault: "body code 433 (the key's own usage cap) on a create", expected: "own message naming the API key's hourly/daily/total cap in KIE's API-key settings; not retried" },
	// ---- timeouts ----------------------------------------------------------------------------
	{ id: 'read-timeout-recovered', area: 'timeout', fault: 'one status read answered after 1.5 s, timeout 0.5 s', expected: 'read retried, task output' },
	{ id: 'download-timeout', area: 'timeout', fault: 'result host answers after 3 s, Download Timeout 1 s', expected: '"KIE task … succeeded, but its result from <host> could not be downloaded: … timed out after 1 s" within ~1 s, with Get Download URL / kie.ai/logs' },
	// ---- proxy HTML 403 ----------------------------------------------------------------------
	{ id: 'create-html403', area: 'proxy 403', fault: 'Cloudflare HTML 403 on a create', expected: 'non-JSON error with the Cloudflare hint; not retried; no task' },
	{ id: 'read-html403-poll', area: 'proxy 403', fault: 'Cloudflare HTML 403 on a status read while polling', expected: 'the wait stops with the non-JSON error after 1 read' },
	// ---- malformed / truncated / double-encoded JSON ------------------------------------------
	{ id: 'read-malformed-recovered', area: 'bad JSON', fault: 'malformed JSON (HTTP 200) twice on Get Task', expected: 'recovered by retry' },
	{ id: 'read-truncated-poll', area: 'bad JSON', fault: 'truncated JSON twice while polling', expected: 'recovered, result downloaded' },
	{ id: 'create-malformed', area: 'bad JSON', fault: 'malformed JSON (HTTP 200) answering a create', expected: '"may or may not have been created" error; no second create' },
	{ id: 'create-truncated', area: 'bad JSON', fault: 'truncated JSON answering a create', expected: '"may or may not have been created" error; no second create' },
	{ id: 'record-double-encoded', area: 'bad JSON', fault: 'record with `resultJson` a JSON string and `param.input` a JSON string inside the `param` JSON string (as real KIE sends)', expected: 'decoded: status success, resultUrls, model and input read' },
	{ id: 'callback-double-encoded', area: 'bad JSON', fault: 'callback with the same double-encoded `param.input` and string `resultJson` (trigger)', expected: 'decoded: resultUrls and input read, workflow started' },
	// ---- data: null --------------------------------------------------------------------------
	{ id: 'create-data-null', area: 'data: null', fault: '`{code:200, data:null}` answering a create', expected: '"accepted the request … but returned no task ID" error; no second create' },
	{ id: 'read-data-null-poll', area: 'data: null', fault: '`data: null` twice on status reads while polling', expected: 'treated as "not visible yet", then the result' },
	{ id: 'get-data-null', area: 'data: null', fault: '`data: null` on Get Task', expected: '"KIE has no … task … (yet)" error' },
	// ---- recordInfo is null / unknown ids -----------------------------------------------------
	{ id: 'record-null-grace', area: 'unknown task', fault: '"recordInfo is null" for 0.7 s after creation (Create Task + Wait for Completion)', expected: 'waited through, result output' },
	{ id: 'record-null-expiry', area: 'unknown task', fault: '"recordInfo is null" for ever (an id KIE never issued), grace 0.5 s', expected: '"KIE does not know … task" after the grace period' },
	{ id: 'unknown-task-wrong-api', area: 'unknown task', fault: 'a Market task waited for as Veo', expected: '"KIE does not know Veo 3.1 task …" naming the API to check' },
	{ id: 'unknown-task-batch', area: 'unknown task', fault: 'Get Task for a known and an unknown id (continueOnFail)', expected: 'known task output, unknown one an error item, order kept' },
	// ---- expired result URLs -------------------------------------------------------------------
	{ id: 'download-expired-batch', area: 'expired URL', fault: 'every result link of 3 tasks expired (403 XML)', expected: 'each recovered through download-url once; 3 files' },
	{ id: 'download-expired-fresh-refused', area: 'expired URL', fault: 'expired link, and the fresh link refused (410) too', expected: 'error saying the task succeeded, naming both statuses, one download-url call' },
	{ id: 'download-url-refused-422', area: 'expired URL', fault: 'expired link, and download-url answers 422 "url is wrong"', expected: 'error saying the task succeeded (Get Download URL, kie.ai/logs within 14 days); no "No credits were spent … run again"' },
	{ id: 'download-url-endpoint-500', area: 'expired URL', fault: 'expired link, download-url answers HTTP 500 once', expected: 'download-url retried, file recovered' },
	// ---- result host down / oversized -----------------------------------------------------------
	{ id: 'download-host-down', area: 'result host', fault: 'result host resets every connection (continueOnFail)', expected: 'error item keeping taskId and status, saying the task succeeded' },
	{ id: 'download-host-503', area: 'result host', fault: 'result host answers 503', expected: '"… could not be downloaded: the result host answered HTTP 503"; no download-url call' },
	{ id: 'download-503-once', area: 'result host', fault: 'result host answers 503 once (a blip), then serves the file', expected: 'the download (a GET) is retried and the file output' },
	{ id: 'download-oversized', area: 'oversized', fault: '2 MB result, Max File Size 1 MB', expected: '"larger than the maximum" error, refused on the declared size (no output item)' },
	{ id: 'trigger-download-oversized', area: 'oversized', fault: 'trigger downloading a 4 kB result with a 1 kB limit', expected: 'event kept (workflow started) with downloadError' },
	{ id: 'callback-oversized-body', area: 'oversized', fault: 'callback body over Max Body Size', expected: 'HTTP 400, no workflow' },
	// ---- callbacks (KIE Trigger) ---------------------------------------------------------------
	{ id: 'callback-duplicate-trigger', area: 'callback', fault: 'the same signed callback delivered twice to the trigger', expected: 'one workflow; the repeat gets 200 `duplicate: true`' },
	{ id: 'callback-forged-trigger', area: 'callback', fault: 'callback signed with the wrong key', expected: 'HTTP 401, no workflow' },
	{ id: 'callback-replayed-trigger', area: 'callback', fault: 'correctly signed callback with a 1 h old timestamp', expected: 'HTTP 401 (replay), no workflow' },
	{ id: 'callback-nonfinal-trigger', area: 'callback', fault: 'Suno "text" stage callback', expected: 'HTTP 200 ignored, no workflow' },
	{ id: 'callback-malformed-trigger', area: 'callback', fault: 'callback body that is not JSON, and one without a task id', expected: 'HTTP 400 each, no workflow' },
	{ id: 'callback-concurrent-copies', area: 'callback', fault: 'the same callback posted 2, 5 and 10 times at once (3 rounds each)', expected: 'exactly 1 workflow each time; every copy gets 200, the others `duplicate: true`' },
	{ id: 'callback-duplicate-during-verify', area: 'callback', fault: "a copy arriving while the first is verifying (KIE's record read held)", expected: '1 workflow; the copy gets `duplicate: true`; 1 record read' },
	{ id: 'callback-duplicate-during-download', area: 'callback', fault: 'a copy arriving after the first 200, while its download is held', expected: '1 workflow, 1 download; the copy gets `duplicate: true`' },
	{ id: 'callback-redelivery-30', area: 'callback', fault: '30 callbacks delivered again while the first 30 download; then again, then after a restart', expected: '30 workflows in all, 0 duplicates started, 30 downloads' },
	{ id: 'callback-released-after-failure', area: 'callback', fault: "Verify with API: the record is not final yet at the first delivery (503), final at KIE's retry", expected: '503 without a workflow, then the retry starts it once' },
	{ id: 'callback-unverified-no-fetch', area: 'callback', fault: 'Verify + Download for an unknown and a running task; Download without HMAC, token or Verify', expected: '503, 503, refused (500); the sentinel host named in the bodies gets 0 requests' },
	{ id: 'callback-token-redacted', area: 'callback', fault: "task created with the trigger's URL + `?token=`; KIE echoes it in its record and callback", expected: 'the token (and API key) absent from the trigger output and from Get Task; `token=[redacted]`' },
	// ---- callbacks (Wait for Task, callback mode) ------------------------------------------------
	{ id: 'callback-concurrent-resume', area: 'callback', fault: "5 copies of KIE's callback posted at once to a waiting execution", expected: 'one resume; the other 4 get 409' },
	{ id: 'callback-duplicate-resume', area: 'callback', fault: "KIE's callback delivered again after the execution resumed", expected: 'one resume; the repeat gets 409' },
	{ id: 'callback-forged-resume', area: 'callback', fault: 'forged signature, then the genuine callback', expected: '401 and still waiting; the genuine one resumes' },
	{ id: 'callback-replayed-resume', area: 'callback', fault: 'correctly signed callback with a 1 h old timestamp', expected: '401, still waiting' },
	{ id: 'callback-nonfinal-resume', area: 'callback', fault: 'Suno "text" and "first" stage callbacks', expected: '200 acknowledged, not resumed; "complete" resumes' },
	{ id: 'callback-malformed-resume', area: 'callback', fault: 'callback without a task id', expected: '400, still waiting' },
	{ id: 'callback-forged-body-resume', area: 'callback', fault: 'genuine signature, body rewritten to point at another file', expected: "resumed with the record's result, not the body's" },
	// ---- cancel ------------------------------------------------------------------------------------
	{ id: 'cancel-during-read-backoff', area: 'cancel', fault: 'status reads fail (500) with a 20 s back-off; workflow stopped', expected: 'canceled within 1 s, no further read' },
	{ id: 'cancel-during-create-backoff', area: 'cancel', fault: 'create answered 429 with Retry-After: 30; workflow stopped', expected: 'canceled within 1 s, one create request, no task' },
	{ id: 'cancel-in-limiter-queue', area: 'cancel', fault: 'creates queued in the limiter (1 per 30 s); workflow stopped', expected: 'canceled within 1 s, only the first create sent' },
	{ id: 'cancel-during-polling', area: 'cancel', fault: 'a 60 s task being polled; workflow stopped', expected: 'canceled within 1 s' },
	{ id: 'cancel-during-download', area: 'cancel', fault: 'a 1 GB result being downloaded (filesystem mode); workflow stopped', expected: 'canceled within 1 s' },
	// ---- mixed batches -------------------------------------------------------------------------------
	{ id: 'batch-mixed-create', area: 'mixed batch', fault: '6 creates: invalid input, KIE 422, reset, 3 fine (continueOnFail)', expected: '6 items in input order with the right errors; 5 create requests, none repeated' },
	{ id: 'batch-mixed-wait', area: 'mixed batch', fault: 'Create + Wait for Completion of 5: 2 fail on KIE, 1 expired link, 1 host down, 1 fine (continueOnFail)', expected: 'every item accounted for: 2 files, 2 failed items, 1 error item; 5 creates' },
	{ id: 'batch-stop-on-failure', area: 'mixed batch', fault: '8 creates, 3 at a time, each answered after 0.3 s; item 3 has invalid input; no continueOnFail', expected: "node fails with item 3's error only after the 2 creates in flight are answered; items 4–8 never sent; nothing repeated" },
	{ id: 'batch-stop-reports-created', area: 'mixed batch', fault: '4 creates one at a time, the 3rd rejected by KIE (422), no continueOnFail', expected: "the error names the 2 tasks already created (paid), so a re-run can skip them instead of paying again; the saved error keeps them as data (context.createdTasks)" },
];

export function faultCase(id: string): FaultCase {
	const found = FAULT_CASES.find((entry) => entry.id === id);
	if (!found) throw new Error(`Unknown fault case "${id}" (add it to test/faults/cases.ts)`);
	return found;
}

const escape = (text: string) => text.replace(/\|/g, '\\|');

/** The README table, one row per case. */
export function renderFaultTable(): string {
	const rows = FAULT_CASES.map(
		(entry, index) =>
			`| ${index + 1} | \`${entry.id}\` | ${escape(entry.area)} | ${escape(entry.fault)} | ${escape(entry.expected)}${entry.knownBug ? ' **(open bug, see below)**' : ''} |`,
	);
	const table = ['| # | Case | Area | Fault injected | Expected outcome |', '|---|---|---|---|---|', ...rows];
	const bugs = FAULT_CASES.filter((entry) => entry.knownBug !== undefined).map((entry) => `- \`${entry.id}\`: ${entry.knownBug}`);
	const intro = 'Open bugs: their tests run as `it.failing` (green while the bug is there, red once it is fixed); `FAULTS_SHOW_OPEN_BUGS=1 npx jest test/faults` runs them as plain tests.';
	return (bugs.length > 0 ? [...table, '', intro, '', ...bugs] : table).join('\n');
}

export const TABLE_START = '<!-- fault-matrix:start (generated from test/faults/cases.ts) -->';
export const TABLE_END = '<!-- fault-matrix:end -->';
