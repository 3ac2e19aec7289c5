import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	INodeTypes,
	IVersionedNodeType,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeHelpers, deepCopy } from 'n8n-workflow';

export const HARNESS_PACKAGE = 'n8n-nodes-kie-ai-harness';
export const START_NODE_TYPE = `${HARNESS_PACKAGE}.start`;
export const PASS_THROUGH_NODE_TYPE = `${HARNESS_PACKAGE}.passThrough`;
export const START_NODE_NAME = 'Start';
export const DOWNSTREAM_NODE_NAME = 'Downstream';

/**
 * A plain execute() start node (a `trigger()` start node would make WorkflowExecute wait for
 * `emit`). It outputs the items given to the harness, so `$('Start')` works in expressions.
 */
export function createStartNode(items: INodeExecutionData[]): INodeType {
	return {
		description: {
			displayName: 'Harness Start',
			name: START_NODE_TYPE,
			group: ['input'],
			version: 1,
			description: 'Emits the harness input items',
			defaults: { name: START_NODE_NAME },
			inputs: [NodeConnectionTypes.Main],
			outputs: [NodeConnectionTypes.Main],
			properties: [],
		},
		// Binary inputs are stored the way an upstream node stores them (prepareBinaryData), so in
		// filesystem mode they get an id and are read back as streams.
		async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
			const out: INodeExecutionData[] = [];
			for (const [index, item] of items.entries()) {
				const copy: INodeExecutionData = { ...deepCopy(item), pairedItem: { item: index } };
				for (const [key, binary] of Object.entries(copy.binary ?? {})) {
					if (binary.id || !binary.data) continue;
					copy.binary![key] = await this.helpers.prepareBinaryData(Buffer.from(binary.data, 'base64'), binary.fileName, binary.mimeType);
				}
				out.push(copy);
			}
			return [out];
		},
	};
}

/** A no-op node downstream of the node under test: shows what the engine forwarded. */
export class HarnessPassThroughNode implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Harness Pass Through',
		name: PASS_THROUGH_NODE_TYPE,
		group: ['transform'],
		version: 1,
		description: 'Passes its input through',
		defaults: { name: DOWNSTREAM_NODE_NAME },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [this.getInputData()];
	}
}

export interface CapturedErrors {
	last?: Error;
}

/**
 * Wraps execute() of a node type so that the harness can keep the error instance it threw
 * (WorkflowExecute only stores a `{ ...error }` copy). The wrapper is transparent: same `this`,
 * same arguments, same result, error rethrown.
 */
function captureExecuteErrors(nodeType: INodeType, captured: CapturedErrors): INodeType {
	if (typeof nodeType.execute !== 'function') return nodeType;
	const original = nodeType.execute;
	const wrapper = Object.create(nodeType) as INodeType;
	Object.defineProperty(wrapper, 'execute', {
		value: async function (this: unknown, ...args: unknown[]) {
			try {
				return await (original as (...a: unknown[]) => unknown).apply(this, args);
			} catch (error) {
				captured.last = error as Error;
				throw error;
			}
		},
		enumerable: true,
	});
	return wrapper;
}

export function latestVersion(node: INodeType | IVersionedNodeType): number {
	if ('nodeVersions' in node) return node.currentVersion;
	const { version } = node.description;
	return Array.isArray(version) ? Math.max(...version) : version;
}

export function nodeDescription(node: INodeType | IVersionedNodeType, version?: number): INodeTypeDescription {
	return NodeHelpers.getVersionedNodeType(node, version).description;
}

/** INodeTypes as n8n's NodeTypes service exposes it, for the handful of types a harness run needs. */
export class HarnessNodeTypes implements INodeTypes {
	private readonly types = new Map<string, INodeType | IVersionedNodeType>();

	private readonly wrapped = new Map<string, INodeType>();

	constructor(
		startItems: INodeExecutionData[] = [{ json: {} }],
		readonly captured: CapturedErrors = {},
	) {
		this.add(START_NODE_TYPE, createStartNode(startItems));
		this.add(PASS_THROUGH_NODE_TYPE, new HarnessPassThroughNode());
	}

	add(typeName: string, nodeType: INodeType | IVersionedNodeType, captureErrors = false): this {
		this.types.set(typeName, nodeType);
		if (captureErrors) this.wrapped.set(typeName, nodeType as INodeType);
		return this;
	}

	getByName(nodeType: string): INodeType | IVersionedNodeType {
		const type = this.types.get(nodeType);
		if (!type) throw new Error(`Harness: unknown node type "${nodeType}"`);
		return type;
	}

	getByNameAndVersion(nodeType: string, version?: number): INodeType {
		const versioned = NodeHelpers.getVersionedNodeType(this.getByName(nodeType), version);
		if (this.wrapped.has(nodeType)) return captureExecuteErrors(versioned, this.captured);
		return versioned;
	}

	getKnownTypes(): IDataObject {
		const known: IDataObject = {};
		for (const name of this.types.keys()) known[name] = { className: name, sourcePath: '' };
		return known;
	}
}
