import { config } from '@n8n/node-cli/eslint';

// n8n's community-node rules (the same set `n8n-node lint` and the verification scanner use),
// applied to the shipped code: `npm run lint` names nodes/, credentials/ and package.json.
export default config;
