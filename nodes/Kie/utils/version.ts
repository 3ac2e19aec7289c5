/** Kept equal to package.json's version by a test; sent in the User-Agent. */
export const PACKAGE_VERSION = '0.1.0';
export const USER_AGENT = `n8n-nodes-kie-ai/${PACKAGE_VERSION}`;
