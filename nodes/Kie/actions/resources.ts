import * as account from './account/Account.resource';
import * as file from './file/File.resource';
import * as task from './task/Task.resource';
import * as utility from './utility/Utility.resource';

/**
 * Every resource of the KIE node, keyed by its Resource value, in the order their menus and
 * parameters are listed (actions/descriptions.ts); the router looks operations up here.
 */
export const RESOURCES = { task, file, account, utility };

export type Resource = keyof typeof RESOURCES;
