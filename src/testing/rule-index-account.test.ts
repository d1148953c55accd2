import { describe, expect, it } from "vitest";
import { createAccount } from "@mocks/data/account";
import { REGION_IDS } from "@mocks/data/regions";
import { auditEventSchema, type AuditEvent } from "@/api/schemas/event";
import { actorOf, byTime } from "@/features/insights/detectors/types";
import {
  ruleSignals,
  type Novelty,
} from "@/features/insights/findings/group-findings";
import { makeEvent } from "@/lib/audit-event-factory";
import type { CompiledRule } from "@/lib/sigma/compile";
import { indexRules, matchingRules } from "@/lib/sigma/evaluate";
import { packRules } from "@/lib/sigma/rule-pack";

/** The simulated account's events (fixed seed and `now`), as the API client parses them. */
function accountEvents(count: number): AuditEvent[] {
  const account = createAccount({
    seed: 20261123,
    now: Date.UTC(2026, 10, 28, 12, 0),
    scale: 0.5,
    latency: [0, 0],
    rateLimits: false,
  });
  const events: AuditEvent[] = [];
  for (const region of REGION_IDS) {
    const store = account.store(region);
    for (let i = 0; i < store.size && events.length < count; i++) {
      const parsed = auditEventSchema.safeParse(store.materialize(i));
      if (parsed.success) events.push(parsed.data);
    }
  }
  return events;
}

/** Every rule on every event, in the rules' order: what the index must agree with. */
const everyRule = (rules: readonly CompiledRule[], event: unknown) =>
  rules.filter((r) => r.match(event)).map((r) => r.meta.id);

/**
 * The rule signals' facts worked out the plain way: the events sorted, the
 * rules tried one by one, each actor's addresses and regions gathered event
 * by event.
 */
function plainFacts(rules: readonly CompiledRule[], events: AuditEvent[]) {
  const seen = new Map<string, { ips: Set<string>; regions: Set<string> }>();
  const out: [string, Novelty, Novelty][] = [];
  const novelty = (s: Set<string> | undefined, v: string): Novelty =>
    !s ? "none" : s.has(v) ? "usual" : "new";
  for (const e of [...events].sort(byTime)) {
    const actor = actorOf(e);
    const key = actor && `${actor.kind}:${actor.value}`;
    const h = key ? seen.get(key) : undefined;
    for (const id of everyRule(rules, e.raw))
      out.push([
        `${id}:${e.id}`,
        novelty(h?.ips, e.sourceIp),
        novelty(h?.regions, e.region),
      ]);
    if (key) {
      const next = h ?? { ips: new Set(), regions: new Set() };
      if (e.sourceIp) next.ips.add(e.sourceIp);
      if (e.region) next.regions.add(e.region);
      seen.set(key, next);
    }
  }
  return out;
}

describe("the indexed rule pack on the simulated account", () => {
  const rules = packRules();
  const events = accountEvents(20_000);

  it("matches exactly what every rule tried on every event matches", () => {
    const index = indexRules(rules);
    const differ: string[] = [];
    let hits = 0;
    for (const e of events) {
      const indexed = matchingRules(index, e.raw).map((r) => r.meta.id);
      const plain = everyRule(rules, e.raw);
      if (indexed.sort().join() !== plain.sort().join()) differ.push(e.id);
      hits += plain.length;
    }
    expect(differ).toEqual([]);
    // The comparison means something only if some events are hits.
    expect(hits).toBeGreaterThan(0);
  });

  it("gives the same signals and novelty facts whatever order the events come in", () => {
    const index = indexRules(rules);
    const shuffled = [...events].reverse();
    // Interleave: the events of the regions mixed, not merely reversed.
    const mixed = shuffled
      .filter((_, i) => i % 2 === 0)
      .concat(shuffled.filter((_, i) => i % 2 === 1));
    const expected = plainFacts(rules, events);
    expect(expected.length).toBeGreaterThan(0);
    for (const order of [events, mixed]) {
      const got = ruleSignals(index, order).map((s) => [
        s.id,
        s.facts?.ipNovelty,
        s.facts?.regionNovelty,
      ]);
      expect(got.sort()).toEqual([...expected].sort());
    }
  });

  it("judges novelty against the actor's earlier events even when the hit comes first in the list", () => {
    const base = Date.UTC(2026, 10, 20, 3, 0);
    const earlier = makeEvent({
      time: base,
      user: "wen.li",
      ip: "198.51.100.9",
    });
    const hit = makeEvent({
      time: base + 3_600_000,
      name: "AuthorizeSecurityGroup",
      rw: "Write",
      user: "wen.li",
      ip: "198.51.100.9",
      params: {
        SecurityGroupId: "sg-1",
        IpProtocol: "tcp",
        PortRange: "22/22",
        SourceCidrIp: "0.0.0.0/0",
      },
    });
    const facts = ruleSignals(indexRules(rules), [hit, earlier]).map(
      (s) => s.facts?.ipNovelty,
    );
    expect(facts.length).toBeGreaterThan(0);
    expect(new Set(facts)).toEqual(new Set(["usual"]));
  });
});
