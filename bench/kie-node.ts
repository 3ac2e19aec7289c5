/* eslint-disable @typescript-eslint/no-require-imports */
/**
 * The KIE node class from its TypeScript source. Plain Node resolution (ts-node) would pick
 * `Kie.node.json` (the node's codex file, next to the source) for `../nodes/Kie/Kie.node`, so the
 * source is named with its extension.
 */
import type * as KieNode from '../nodes/Kie/Kie.node';

export const { Kie } = require('../nodes/Kie/Kie.node.ts') as typeof KieNode;
