import type { IExecuteFunctions, INodeExecutionData, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

/** What every operation file exports as `execute` (actions/<resource>/<op>.operation.ts). */
export type Operation = (ctx: IExecuteFunctions, items: INodeExecutionData[]) => Promise<INodeExecutionData[]>;

/** A resource's Operation menu, shown when that resource is selected. */
export function operationMenu(resource: string, defaultOperation: string, options: INodePropertyOptions[]): INodeProperties {
	return {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		default: defaultOperation,
		displayOptions: { show: { resource: [resource] } },
		options,
	};
}
