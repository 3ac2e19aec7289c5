import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { WaitSettings } from '../../wait/settings';
import { transportSettings } from '../common';
import { outputSettings } from './output';
import { pollSettings } from './poll';

/** One item's Polling, Output and Request Options as the wait engine takes them (wait/waitForTasks.ts). */
export function waitSettings(ctx: IExecuteFunctions, itemIndex: number, toolCall: boolean): WaitSettings {
	const transport = transportSettings(ctx, itemIndex);
	const output = ctx.getNodeParameter('outputOptions', itemIndex, {}) as IDataObject;
	return {
		poll: pollSettings(ctx.getNodeParameter('pollOptions', itemIndex, {}) as IDataObject, toolCall),
		output: outputSettings(output, transport, toolCall),
		failuresAsItems: output.outputFailed === true,
		transport,
	};
}
