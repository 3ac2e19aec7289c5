/**
 * Real-engine test harness: runs nodes through n8n-core's WorkflowExecute, ExecuteContext,
 * WebhookContext, RoutingNode and PackageDirectoryLoader. See test/harness/README.md.
 */
export type {
	BinaryMode,
	HttpRequestLike,
	KieTestCredentials,
	RunNodeOptions,
	RunNodeResult,
	TriggerCallResult,
	TriggerHarness,
	TriggerHarnessOptions,
	WebhookCallResult,
} from './types';
export { runNode, resumeWaiting } from './run-node';
export { createTriggerHarness } from './trigger';
export { loadBuiltPackage } from './loader';
export { testCredential } from './credential-test';
export { readBinary, getFilesystemStoragePath } from './binary';
export { TestCredentialsHelper, KIE_CREDENTIAL_TYPE } from './credentials';
export { DEFAULT_WEBHOOK_WAITING_BASE_URL } from './engine';
export { START_NODE_NAME, DOWNSTREAM_NODE_NAME } from './node-types';
export { startTestServer, sendJson } from './test-server';
export type { TestServer, RecordedRequest, TestRoute } from './test-server';
