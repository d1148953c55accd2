/** AccessKey audit (GetAccessKeyLastUsed*) of Trailscope's simulated account. Filled in below. */
import type { ActionTable } from './rpc';

export const accessKeyActions: ActionTable = {};
