/**
 * ActionTrail records its own API calls: when the console creates, changes,
 * starts, stops or deletes a trail, the simulated account stores the event
 * the service would (by the identity that called, in the region called,
 * failed calls with their errorCode) so the event search finds it at once.
 */
import type { Account } from "../data/account";
import { template } from "../data/catalog";
import {
  CONSOLE_IDENTITIES,
  CONSOLE_SOURCE_IP,
  CONSOLE_USER_AGENT,
} from "../data/console-identities";
import { isoSeconds } from "../data/event-factory";
import { ACCOUNT_ID } from "../data/people";
import { derive, hashString, uuidFrom } from "../data/prng";
import { toRecorded } from "../data/recorded-events";
import type { RpcError } from "./rpc";
import { isRpcEnvelopeParam } from "@/api/rpc-envelope";

export interface RecordedCall {
  region: string;
  action: string;
  params: URLSearchParams;
  requestId: string;
}

export function recordCall(
  account: Account,
  call: RecordedCall,
  outcome: { body: Record<string, unknown> } | { error: RpcError },
): void {
  const { region, action, params, requestId } = call;
  const tpl = template(`Actiontrail.${action}`);
  const who = CONSOLE_IDENTITIES[account.identity];
  const timeMs = Math.floor(account.currentTime() / 1000) * 1000;
  const host = tpl.service.host(region);
  const own: Record<string, unknown> = {};
  for (const [key, value] of params)
    if (!isRpcEnvelopeParam(key)) own[key] = value;
  const name = params.get("Name") ?? "";
  const h = hashString(
    `${requestId}|${timeMs}|${account.recorded.length}|${action}|${name}`,
  );
  const event: Record<string, unknown> = {
    eventId: uuidFrom(h, derive(h, 1), derive(h, 2), derive(h, 3)),
    eventVersion: 1,
    eventTime: isoSeconds(timeMs),
    eventName: action,
    eventType: "ApiCall",
    eventRW: tpl.rw,
    eventCategory: "Management",
    eventSource: host,
    serviceName: tpl.service.name,
    apiVersion: tpl.service.apiVersion,
    acsRegion: region,
    isGlobal: false,
    requestId,
    sourceIpAddress: CONSOLE_SOURCE_IP,
    userAgent: CONSOLE_USER_AGENT,
    userIdentity: {
      type: "ram-user",
      principalId: who.principalId,
      accountId: ACCOUNT_ID,
      userName: who.userName,
      accessKeyId: who.accessKeyId,
    },
    requestParameters: {
      RegionId: region,
      ...own,
      AcsProduct: tpl.service.name,
      HostId: host,
      RequestId: requestId,
    },
  };
  if ("body" in outcome)
    event.responseElements = { RequestId: requestId, ...outcome.body };
  event.additionalEventData = { Scheme: "https" };
  if ("error" in outcome) {
    event.errorCode = outcome.error.code;
    event.errorMessage = outcome.error.message;
  }
  if (tpl.resourceType) {
    event.resourceType = tpl.resourceType;
    if (name) {
      event.resourceName = name;
      event.referencedResources = { [tpl.resourceType]: [name] };
    }
  }
  if (tpl.sensitive) event.eventAttributes = { SensitiveAction: "true" };
  event.recipientAccountId = ACCOUNT_ID;
  const recorded = toRecorded(event);
  if (recorded) account.recordEvent(recorded);
}
