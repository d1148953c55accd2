import { msg, plural } from "@lingui/core/macro";
import type { AuditEvent } from "@/api/schemas/event";
import {
  actorOf,
  distinct,
  groupBy,
  HOUR_MS,
  isAddress,
  timed,
  topNames,
  whoOf,
  type Detection,
} from "./types";

const DAY_MS = 24 * HOUR_MS;

/** The network an address belongs to: its /24 (IPv4) or its first three groups (IPv6), so a pool of CI runners counts as one. */
export function networkOf(ip: string): string {
  if (/^\d+\.\d+\.\d+\.\d+$/.test(ip)) return ip.slice(0, ip.lastIndexOf("."));
  if (ip.includes(":")) return ip.split(":").slice(0, 3).join(":");
  return ip;
}

export interface NewAddressOptions {
  /** Start of the range looked at (epoch ms); defaults to the oldest event. */
  rangeStartMs?: number;
  /** A credential whose first call in the range comes this long after the range starts is "dormant, then active". */
  dormantAfterMs: number;
  /** How much of its own history an actor needs before a new address is judged. */
  minHistoryMs: number;
}

const DEFAULTS: NewAddressOptions = {
  dormantAfterMs: 7 * DAY_MS,
  minHistoryMs: DAY_MS,
};

interface Actor {
  kind: "user" | "accessKey";
  value: string;
}

function describe(actor: Actor, list: readonly AuditEvent[]) {
  const owner = list.find((e) => e.userName)?.userName;
  const who = whoOf(actor, owner);
  const condition =
    actor.kind === "accessKey"
      ? { key: "EventAccessKeyId", value: actor.value }
      : { key: "User", value: actor.value };
  const subject =
    owner && actor.kind === "accessKey" ? { ...actor, owner } : actor;
  return { owner, who, condition, subject };
}

/** Action names, changes before reads (what a leaked key did matters most), then the most frequent. */
function rankedNames(events: readonly AuditEvent[]): string[] {
  const seen = new Map<string, { writes: number; calls: number }>();
  for (const e of events) {
    const n = seen.get(e.name) ?? { writes: 0, calls: 0 };
    n.calls += 1;
    if (e.rw === "Write") n.writes += 1;
    seen.set(e.name, n);
  }
  return [...seen]
    .sort(
      ([, a], [, b]) =>
        Number(b.writes > 0) - Number(a.writes > 0) || b.calls - a.calls,
    )
    .map(([name]) => name);
}

const pivotsOf = (
  events: readonly AuditEvent[],
  condition: { key: string; value: string },
) =>
  rankedNames(events)
    .slice(0, 3)
    .map((name) => ({
      label: msg`${name} events`,
      filters: [condition, { key: "EventName", value: name }],
    }));

/**
 * New addresses and regions for a credential, judged against what it did
 * before each call within the range (a rolling baseline), and credentials
 * with no activity until long after the range started ("dormant credential
 * active"), which have no baseline and are reported for that reason.
 */
export function detectNewAddresses(
  events: readonly AuditEvent[],
  options: Partial<NewAddressOptions> = {},
): Detection[] {
  const { dormantAfterMs, minHistoryMs, rangeStartMs } = {
    ...DEFAULTS,
    ...options,
  };
  const sorted = timed(events);
  const first = sorted[0];
  if (!first) return [];
  const rangeStart = Math.min(rangeStartMs ?? first.timeMs, first.timeMs);
  const byActor = groupBy(sorted, (e) => {
    const actor = actorOf(e);
    return actor ? `${actor.kind}:${actor.value}` : undefined;
  });
  // Role sessions get new names all the time: a session is dormant only if its role was too.
  const roleOf = (e: AuditEvent) =>
    e.identityType === "assumed-role" ? e.userName.split(":")[0] : undefined;
  const roleStart = new Map<string, number>();
  for (const e of sorted) {
    const role = roleOf(e);
    if (role && !roleStart.has(role)) roleStart.set(role, e.timeMs);
  }
  const detections: Detection[] = [];
  for (const [key, list] of byActor) {
    const actor = actorOf(list[0]!)!;
    const { who, condition, subject, owner } = describe(actor, list);
    const start = list[0]!.timeMs;

    const role = roleOf(list[0]!);
    const quietMs = (role ? roleStart.get(role)! : start) - rangeStart;
    if (quietMs >= dormantAfterMs) {
      const wake = list.filter((e) => e.timeMs < start + DAY_MS);
      const ips = distinct(wake.map((e) => e.sourceIp).filter(isAddress));
      const regions = distinct(wake.map((e) => e.region).filter(Boolean));
      const writes = wake.filter((e) => e.rw === "Write").length;
      const days = Math.floor(quietMs / DAY_MS);
      detections.push({
        id: `dormant-credential:${key}`,
        kind: "dormant-credential",
        severity: actor.kind === "accessKey" || writes > 0 ? "high" : "medium",
        title: msg`Dormant credential active: ${who} after ${plural(days, { one: "# quiet day", other: "# quiet days" })}`,
        explanation:
          actor.kind === "accessKey"
            ? msg`No activity of this key from the start of the events looked at until ${plural(days, { one: "# day", other: "# days" })} later; then ${plural(wake.length, { one: "# call", other: "# calls" })} within a day from ${plural(ips.length, { one: "# address", other: "# addresses" })}. There is no baseline to compare with, which is itself the finding: confirm that its owner expects this, or disable it.`
            : msg`No activity of this identity from the start of the events looked at until ${plural(days, { one: "# day", other: "# days" })} later; then ${plural(wake.length, { one: "# call", other: "# calls" })} within a day from ${plural(ips.length, { one: "# address", other: "# addresses" })}. There is no baseline to compare with, which is itself the finding: confirm that its owner expects this, or disable it.`,
        subject,
        evidence: [
          {
            label: msg`Quiet since (no earlier activity in the range: no baseline)`,
            values: [new Date(rangeStart).toISOString()],
            times: true,
          },
          { label: msg`First call`, values: [list[0]!.time], times: true },
          { label: msg`Addresses (all new for it)`, values: ips },
          { label: msg`Regions`, values: regions },
          { label: msg`Actions`, values: topNames(wake) },
          ...(owner && actor.kind === "accessKey"
            ? [{ label: msg`Owner`, values: [owner] }]
            : []),
        ],
        firstMs: wake[0]!.timeMs,
        lastMs: wake.at(-1)!.timeMs,
        regions,
        eventIds: wake.map((e) => e.id),
        filters: [condition],
        pivots: pivotsOf(wake, condition),
      });
    }

    // Rolling baseline: each call is compared with the actor's calls before it.
    const knownNetworks = new Set<string>();
    const knownIps = new Set<string>();
    const knownRegions = new Set<string>();
    const freshNetworks = new Set<string>();
    const newRegions: string[] = [];
    const fresh: AuditEvent[] = [];
    let usualIps: string[] = [];
    let usualRegions = 0;
    for (const e of list) {
      const net = networkOf(e.sourceIp);
      const judged = e.timeMs - start >= minHistoryMs;
      const address = isAddress(e.sourceIp);
      if (
        address &&
        (freshNetworks.has(net) || (judged && !knownNetworks.has(net)))
      ) {
        if (fresh.length === 0) {
          usualIps = [...knownIps].filter(isAddress);
          usualRegions = knownRegions.size;
        }
        freshNetworks.add(net);
        fresh.push(e);
        if (e.region && judged && !knownRegions.has(e.region))
          newRegions.push(e.region);
      }
      if (address && !knownNetworks.has(net)) knownNetworks.add(net);
      knownIps.add(e.sourceIp);
      if (e.region) knownRegions.add(e.region);
    }
    if (fresh.length === 0) continue;
    const newIps = distinct(fresh.map((e) => e.sourceIp));
    const regions = distinct(fresh.map((e) => e.region).filter(Boolean));
    const unseen = distinct(newRegions);
    if (unseen.length === 0 && newIps.length < 2) continue;
    detections.push({
      id: `new-address:${key}`,
      kind: "new-address",
      severity: unseen.length > 0 ? "high" : "medium",
      title: unseen.length
        ? msg`${who} used from ${plural(newIps.length, { one: "# new address", other: "# new addresses" })} in ${plural(unseen.length, { one: "# new region", other: "# new regions" })}`
        : msg`${who} used from ${plural(newIps.length, { one: "# new address", other: "# new addresses" })}`,
      explanation: unseen.length
        ? msg`Until its first call from a new network, it had only been used from ${plural(usualIps.length, { one: "# address", other: "# addresses" })} in ${plural(usualRegions, { one: "# region", other: "# regions" })}. From then on it made ${plural(fresh.length, { one: "# call", other: "# calls" })} from networks never seen for it before, in regions it had never used. If nobody expects this, the credential may have leaked: disable it and review what it did.`
        : msg`Until its first call from a new network, it had only been used from ${plural(usualIps.length, { one: "# address", other: "# addresses" })} in ${plural(usualRegions, { one: "# region", other: "# regions" })}. From then on it made ${plural(fresh.length, { one: "# call", other: "# calls" })} from networks never seen for it before. If nobody expects this, the credential may have leaked: disable it and review what it did.`,
      subject,
      evidence: [
        {
          label: msg`First call from a new network`,
          values: [fresh[0]!.time],
          times: true,
        },
        { label: msg`New addresses`, values: newIps },
        { label: msg`Regions of these calls`, values: regions },
        ...(unseen.length
          ? [{ label: msg`Regions never used before`, values: unseen }]
          : []),
        { label: msg`Usual addresses`, values: usualIps },
        { label: msg`Actions`, values: topNames(fresh) },
        ...(owner && actor.kind === "accessKey"
          ? [{ label: msg`Owner`, values: [owner] }]
          : []),
      ],
      firstMs: fresh[0]!.timeMs,
      lastMs: fresh.at(-1)!.timeMs,
      regions,
      eventIds: fresh.map((e) => e.id),
      filters: [condition],
      pivots: pivotsOf(fresh, condition),
    });
  }
  return detections;
}
