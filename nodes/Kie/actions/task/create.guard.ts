import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteFunctions } from 'n8n-workflow';

import { kieRequest, type TransportSettings } from '../../transport/request';

/** Creates between two balance reads. */
export const BALANCE_CHECK_EVERY = 20;

/**
 * Create Task's *Minimum Balance (Credits)*: the balance is read (GET /api/v1/chat/credit) before
 * the execution's first create and again every 20 creates; below the floor nothing more is
 * created. Once tripped, every later item fails the same way without another read.
 */
export class SpendGuard {
	private creates = 0;
	private reading: Promise<void> | undefined;
	private tripped: { balance: number } | undefined;
	/** Task ids created so far, for the error. */
	readonly created: string[] = [];

	constructor(
		private readonly ctx: IExecuteFunctions,
		private readonly floor: number,
		private readonly settings: TransportSettings,
	) {}

	/** Call right before a create; throws when the balance is below the floor. */
	async beforeCreate(itemIndex: number): Promise<void> {
		if (!(this.floor > 0)) return;
		if (!this.tripped && this.creates % BALANCE_CHECK_EVERY === 0 && !this.reading) {
			this.reading = this.read(itemIndex).finally(() => {
				this.reading = undefined;
			});
		}
		this.creates++;
		if (this.reading) await this.reading;
		if (this.tripped) throw this.error(itemIndex, this.tripped.balance);
	}

	private async read(itemIndex: number): Promise<void> {
		const response = await kieRequest<unknown>(this.ctx, {
			method: 'GET',
			path: '/api/v1/chat/credit',
			kind: 'read',
			action: 'read the credit balance (Minimum Balance option)',
			itemIndex,
			settings: this.settings,
		});
		const balance = Number(response.data);
		if (Number.isFinite(balance) && balance < this.floor) this.tripped = { balance };
	}

	private error(itemIndex: number, balance: number): NodeOperationError {
		const created = this.created.length > 0 ? `Tasks already created in this execution (charged): ${this.created.join(', ')}.` : 'No task was created in this execution.';
		return new NodeOperationError(this.ctx.getNode(), `Balance ${balance} credits is below the minimum of ${this.floor} credits: no more tasks are created`, {
			itemIndex,
			description: `${created} Top up your KIE balance or lower "Minimum Balance (Credits)" in the options.`,
		});
	}
}
