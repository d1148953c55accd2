/**
 * The request handlers of Trailscope's simulated ActionTrail account, the
 * same in the browser (service worker) and in Node (tests): every
 * `/api/<RegionId>/` request, on any origin, GET or POST, and the trails'
 * delivered archives under `/api/_archive/` and their logstores under
 * `/api/_sls/`.
 */
import { http, type RequestHandler } from "msw";
import type { Account } from "./data/account";
import { accessKeyActions } from "./handlers/access-keys";
import { archiveHandlers } from "./handlers/archive";
import { eventActions } from "./handlers/events";
import { logServiceHandlers } from "./handlers/log-service";
import { regionActions } from "./handlers/regions";
import { createRpcResolver, type ActionTable } from "./handlers/rpc";
import { trailActions } from "./handlers/trails";

export const ACTIONS: ActionTable = {
  ...eventActions,
  ...trailActions,
  ...regionActions,
  ...accessKeyActions,
};

export function createHandlers(account: Account): RequestHandler[] {
  const resolver = createRpcResolver(account, ACTIONS);
  return [
    ...archiveHandlers(account),
    ...logServiceHandlers(account),
    http.get("*/api/:region/", resolver),
    http.post("*/api/:region/", resolver),
  ];
}
