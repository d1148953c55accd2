/**
 * AccessKey audit of Trailscope's simulated account:
 * GetAccessKeyLastUsedInfo / Products / Events / Ips / Resources, computed
 * from the account's own events (so the leaked CI key shows its last foreign use).
 */
import type { Account } from "../data/account";
import { ACTORS, allAccessKeys } from "../data/people";
import { GLOBAL_EVENTS_REGION, REGION_IDS } from "../data/regions";
import { hashString } from "../data/prng";
import { decodeToken, encodeToken } from "./events";
import {
  invalidValue,
  missing,
  type ActionTable,
  type RpcContext,
} from "./rpc";

interface Use {
  time: number;
  event: Record<string, unknown>;
}

interface KeyUsage {
  last: Use | undefined;
  byService: Map<string, Use>;
  byEvent: Map<string, Use & { service: string }>;
  byIp: Map<string, Use>;
  byResource: Map<string, Use & { type: string }>;
}

/** Regions where a key can have been used: its owner's regions plus wherever incidents used it. */
function regionsFor(account: Account, accessKeyId: string): string[] {
  if (account.ownData) return account.ownData.regions;
  const regions = new Set<string>();
  for (const actor of ACTORS) {
    const owns =
      allAccessKeys(actor).includes(accessKeyId) ||
      (actor.identityType === "assumed-role" && accessKeyId.startsWith("STS."));
    if (!owns) continue;
    for (const [region, weight] of Object.entries(actor.regions))
      if (weight > 0) regions.add(region);
    if (actor.global.length) regions.add(GLOBAL_EVENTS_REGION);
  }
  for (const s of account.specials)
    if (s.accessKeyId === accessKeyId) regions.add(s.region);
  return REGION_IDS.filter((r) => regions.has(r));
}

function usageOf(account: Account, accessKeyId: string): KeyUsage {
  const usage: KeyUsage = {
    last: undefined,
    byService: new Map(),
    byEvent: new Map(),
    byIp: new Map(),
    byResource: new Map(),
  };
  for (const region of regionsFor(account, accessKeyId)) {
    const store = account.store(region);
    const matches = store.matcher([
      { key: "EventAccessKeyId", value: accessKeyId },
    ]);
    for (let i = store.size - 1; i >= 0; i--) {
      if (!matches(i)) continue;
      const time = store.timeSec(i) * 1000;
      const facts = store.facts(i);
      // Materialise only rows that improve an answer (rows are scanned newest first).
      let event: Record<string, unknown> | undefined;
      const get = () => (event ??= store.materialize(i));
      const newer = (map: Map<string, Use>, key: string) =>
        key !== "" && (map.get(key)?.time ?? -1) < time;
      if (!usage.last || usage.last.time < time)
        usage.last = { time, event: get() };
      if (newer(usage.byService, facts.service))
        usage.byService.set(facts.service, { time, event: get() });
      const eventKey = `${facts.service}.${facts.name}`;
      if (newer(usage.byEvent, eventKey))
        usage.byEvent.set(eventKey, {
          time,
          event: get(),
          service: facts.service,
        });
      if (newer(usage.byIp, facts.ip))
        usage.byIp.set(facts.ip, { time, event: get() });
      for (const part of facts.resourceName.split(/[;,]/)) {
        if (newer(usage.byResource, part))
          usage.byResource.set(part, {
            time,
            event: get(),
            type: facts.resourceType,
          });
      }
    }
  }
  return usage;
}

function keyParam(params: URLSearchParams): string {
  const key = params.get("AccessKey");
  if (!key) throw missing("AccessKey");
  return key;
}

function page<T>(
  ctx: RpcContext,
  items: T[],
): { items: T[]; NextToken?: string } {
  const raw = ctx.params.get("PageSize");
  let size = 20;
  if (raw !== null && raw !== "") {
    const n = /^\d+$/.test(raw) ? Number(raw) : NaN;
    if (!Number.isInteger(n) || n < 0 || n > 100)
      throw invalidValue("PageSize", "It must be an integer from 0 to 100.");
    size = n === 0 ? 20 : n;
  }
  const hash = hashString(
    JSON.stringify([
      ctx.action,
      ctx.region,
      ctx.params.get("AccessKey"),
      ctx.params.get("ServiceName"),
      raw,
    ]),
  );
  const token = ctx.params.get("NextToken");
  const offset = token ? decodeToken(token, hash) : 0;
  const slice = items.slice(offset, offset + size);
  const next = offset + slice.length;
  return {
    items: slice,
    ...(next < items.length ? { NextToken: encodeToken(next, hash) } : {}),
  };
}

const str = (value: unknown): string =>
  typeof value === "string" ? value : "";
const byTimeDesc = <T extends Use>(a: T, b: T) => b.time - a.time;
const SOURCE = "ActionTrail";

function info(ctx: RpcContext): Record<string, unknown> {
  const key = keyParam(ctx.params);
  const usage = usageOf(ctx.account, key);
  const last = usage.last;
  if (!last) return { AccessKeyId: key };
  const identity = (last.event.userIdentity ?? {}) as Record<string, unknown>;
  const type = str(identity.type);
  return {
    AccessKeyId: key,
    AccountId: str(identity.accountId) || ctx.account.info.accountId,
    AccountType:
      type === "root-account"
        ? "Root"
        : type === "assumed-role"
          ? "AssumedRole"
          : "RamUser",
    UserName: str(identity.userName),
    ServiceName: str(last.event.serviceName),
    Source: SOURCE,
    UsedTimestamp: last.time,
    Detail: JSON.stringify(last.event),
  };
}

function serviceFilter(ctx: RpcContext): (service: string) => boolean {
  const wanted = ctx.params.get("ServiceName");
  return (service) => !wanted || service === wanted;
}

export const accessKeyActions: ActionTable = {
  GetAccessKeyLastUsedInfo: { write: false, rateLimit: 50, handle: info },
  GetAccessKeyLastUsedProducts: {
    write: false,
    rateLimit: 50,
    handle: (ctx) => {
      const usage = usageOf(ctx.account, keyParam(ctx.params));
      const products = [...usage.byService].sort((a, b) =>
        byTimeDesc(a[1], b[1]),
      );
      return {
        Products: products.map(([service, use]) => ({
          ServiceName: service,
          UsedTimestamp: use.time,
          Source: SOURCE,
          Detail: JSON.stringify(use.event),
        })),
      };
    },
  },
  GetAccessKeyLastUsedEvents: {
    write: false,
    rateLimit: 50,
    handle: (ctx) => {
      const usage = usageOf(ctx.account, keyParam(ctx.params));
      const ok = serviceFilter(ctx);
      const list = [...usage.byEvent.values()]
        .filter((u) => ok(u.service))
        .sort(byTimeDesc);
      const { items, ...rest } = page(ctx, list);
      return {
        ...rest,
        Events: items.map((u) => ({
          EventName: str(u.event.eventName),
          ServiceName: u.service,
          UsedTimestamp: u.time,
          Source: SOURCE,
          Detail: JSON.stringify(u.event),
        })),
      };
    },
  },
  GetAccessKeyLastUsedIps: {
    write: false,
    rateLimit: 50,
    handle: (ctx) => {
      const usage = usageOf(ctx.account, keyParam(ctx.params));
      const ok = serviceFilter(ctx);
      const list = [...usage.byIp]
        .filter(([, u]) => ok(str(u.event.serviceName)))
        .sort((a, b) => byTimeDesc(a[1], b[1]));
      const { items, ...rest } = page(ctx, list);
      return {
        ...rest,
        Ips: items.map(([ip, u]) => ({
          SourceIp: ip,
          UsedTimestamp: u.time,
          Source: SOURCE,
          Detail: JSON.stringify(u.event),
        })),
      };
    },
  },
  GetAccessKeyLastUsedResources: {
    write: false,
    rateLimit: 50,
    handle: (ctx) => {
      const usage = usageOf(ctx.account, keyParam(ctx.params));
      const ok = serviceFilter(ctx);
      const list = [...usage.byResource]
        .filter(([, u]) => ok(str(u.event.serviceName)))
        .sort((a, b) => byTimeDesc(a[1], b[1]));
      const { items, ...rest } = page(ctx, list);
      return {
        ...rest,
        Resources: items.map(([name, u]) => ({
          ResourceName: name,
          ResourceType: u.type,
          UsedTimestamp: u.time,
          Source: SOURCE,
          Detail: JSON.stringify(u.event),
        })),
      };
    },
  },
};
