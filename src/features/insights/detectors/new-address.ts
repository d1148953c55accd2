import type { AuditEvent } from "@/api/schemas/event";
import {
  actorOf,
  BASELINE_SHARE,
  distinct,
  groupBy,
  isAddress,
  plural,
  timed,
  topNames,
  type Detection,
} from "./types";

/**
 * An identity or AccessKey used from an address it had not used before in the
 * window. The oldest 40% of the loaded window is the baseline; a detection
 * needs the new addresses to come with a region the actor had not used either,
 * or with two or more new addresses — one new office address alone is normal.
 */
/** The network an address belongs to: its /24 (IPv4) or its first three groups (IPv6), so a pool of CI runners counts as one. */
export function networkOf(ip: string): string {
  if (/^\d+\.\d+\.\d+\.\d+$/.test(ip)) return ip.slice(0, ip.lastIndexOf("."));
  if (ip.includes(":")) return ip.split(":").slice(0, 3).join(":");
  return ip;
}

export function detectNewAddresses(events: readonly AuditEvent[]): Detection[] {
  const sorted = timed(events);
  const first = sorted[0];
  const last = sorted.at(-1);
  if (!first || !last) return [];
  const learnUntil =
    first.timeMs + (last.timeMs - first.timeMs) * BASELINE_SHARE;
  const byActor = groupBy(sorted, (e) => {
    const actor = actorOf(e);
    return actor ? `${actor.kind}:${actor.value}` : undefined;
  });
  const detections: Detection[] = [];
  for (const [key, list] of byActor) {
    const baseline = list.filter((e) => e.timeMs <= learnUntil);
    if (baseline.length === 0) continue; // nothing to compare with
    const knownIps = new Set(baseline.map((e) => e.sourceIp));
    const knownNetworks = new Set(baseline.map((e) => networkOf(e.sourceIp)));
    const knownRegions = new Set(baseline.map((e) => e.region));
    const fresh = list.filter(
      (e) =>
        e.timeMs > learnUntil &&
        isAddress(e.sourceIp) &&
        !knownNetworks.has(networkOf(e.sourceIp)),
    );
    if (fresh.length === 0) continue;
    const newIps = distinct(fresh.map((e) => e.sourceIp));
    const regions = distinct(fresh.map((e) => e.region).filter(Boolean));
    const newRegions = regions.filter((r) => !knownRegions.has(r));
    if (newRegions.length === 0 && newIps.length < 2) continue;
    const actor = actorOf(list[0]!)!;
    const owner = distinct(list.map((e) => e.userName).filter(Boolean))[0];
    const who =
      actor.kind === "accessKey"
        ? `AccessKey ${actor.value}${owner ? ` (${owner})` : ""}`
        : actor.value;
    const firstFresh = fresh[0]!;
    const lastFresh = fresh.at(-1)!;
    const names = distinct(fresh.map((e) => e.name));
    const condition =
      actor.kind === "accessKey"
        ? { key: "EventAccessKeyId", value: actor.value }
        : { key: "User", value: actor.value };
    detections.push({
      id: `new-address:${key}`,
      kind: "new-address",
      severity: newRegions.length > 0 ? "high" : "medium",
      title: `${who} used from ${plural(newIps.length, "new address", "new addresses")}${newRegions.length ? ` in ${plural(newRegions.length, "new region")}` : ""}`,
      explanation: `Before ${new Date(learnUntil).toISOString()} ${actor.kind === "accessKey" ? "this key" : "this identity"} was only used from ${plural(knownIps.size, "address", "addresses")} in ${plural(knownRegions.size, "region")}. Afterwards it made ${plural(fresh.length, "call")} from addresses in networks never seen for it before${newRegions.length ? `, in regions it had never used` : ""}. If nobody expects this, the credential may have leaked: disable it and review what it did.`,
      subject:
        owner && actor.kind === "accessKey" ? { ...actor, owner } : actor,
      evidence: [
        { label: "New addresses", values: newIps },
        { label: "Regions of these calls", values: regions },
        ...(newRegions.length
          ? [{ label: "Regions never used before", values: newRegions }]
          : []),
        { label: "Usual addresses", values: [...knownIps].filter(isAddress) },
        { label: "Actions", values: topNames(fresh) },
        ...(owner && actor.kind === "accessKey"
          ? [{ label: "Owner", values: [owner] }]
          : []),
      ],
      firstMs: firstFresh.timeMs,
      lastMs: lastFresh.timeMs,
      regions,
      eventIds: fresh.map((e) => e.id),
      filters: [condition],
      pivots: names.slice(0, 3).map((name) => ({
        label: `${name} events`,
        filters: [condition, { key: "EventName", value: name }],
      })),
    });
  }
  return detections;
}
