/**
 * The canvas subtitle of the KIE node, short enough for the canvas (it cuts at about 30
 * characters): `Create: google/nano-banana`, `Wait (poll): $json.taskId`. n8n evaluates it in the editor without execution data, and
 * `$parameter` hands a resource locator's value (the model ID), never its cached name, so Create
 * shows the model ID. Wait shows where the task ID comes from (`$rawParameter` leaves an
 * expression unresolved, e.g. `$json.taskId`) and the wait mode.
 */
const taskIdSource = 'String($rawParameter["taskId"] || "").replace(/^=\\{\\{\\s*|\\s*\\}\\}$/g, "")';

export const KIE_SUBTITLE =
	'={{ ({' +
	' create: "Create: " + ($parameter["model"] || "no model yet"),' +
	` wait: "Wait (" + ($parameter["waitMode"] === "callback" ? "callback" : "poll") + "): " + ${taskIdSource},` +
	` get: "Get: " + ${taskIdSource},` +
	' upload: "Upload file",' +
	' getCredits: "Get credits",' +
	' getDownloadUrl: "Get download URL"' +
	' })[$parameter["operation"]] || $parameter["operation"] }}';
