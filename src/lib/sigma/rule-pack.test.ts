import { describe, expect, it } from "vitest";
import { eventWireSchema } from "@/api/schemas/event";
import {
  TACTICS,
  TECHNIQUE_TACTICS,
  TECHNIQUES,
  techniquesOf,
  tacticsOf,
} from "./attack";
import { PACK_FILES, compilePack } from "./rule-pack";

const { rules, problems } = compilePack(PACK_FILES);

/** A rule's example event as the service would send it (the wire schema must accept it). */
const wire = (event: unknown, n: number): Record<string, unknown> => {
  const full = {
    eventId: `test-${n}`,
    eventTime: "2026-11-20T08:00:00Z",
    eventVersion: 1,
    ...(event as Record<string, unknown>),
  };
  eventWireSchema.parse(full);
  return full;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const LEVELS = ["informational", "low", "medium", "high", "critical"];

describe("the ActionTrail rule pack", () => {
  it("compiles every file, strictly, with none refused", () => {
    expect(problems).toEqual([]);
    expect(rules).toHaveLength(PACK_FILES.length);
    expect(rules.length).toBeGreaterThanOrEqual(40);
  });

  it("gives every rule the metadata Sigma and the insights screen need, with unique UUIDs", () => {
    const lacking = rules
      .filter(
        ({ meta }) =>
          !UUID.test(meta.id) ||
          meta.title.length < 6 ||
          meta.description.length < 20 ||
          !LEVELS.includes(meta.level) ||
          meta.falsepositives.length === 0 ||
          meta.logsource.product !== "alibaba_cloud" ||
          meta.logsource.service !== "actiontrail" ||
          techniquesOf(meta.tags).length === 0 ||
          tacticsOf(meta.tags).length === 0,
      )
      .map((r) => r.meta.title);
    expect(lacking).toEqual([]);
    const ids = rules.map((r) => r.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("tags only ATT&CK v19 tactics (Defense Evasion is retired)", () => {
    const slugs = new Set(TACTICS.map((t) => t.slug));
    const unknown = rules.flatMap((rule) =>
      rule.meta.tags
        .filter((t) => t.startsWith("attack.") && !/^attack\.t\d/.test(t))
        .filter((t) => !slugs.has(t.slice(7)))
        .map((t) => `${rule.meta.title}: ${t}`),
    );
    expect(unknown).toEqual([]);
  });

  it("uses only techniques Trailscope can name, each with a tactic the rule is tagged with", () => {
    const problems = rules.flatMap((rule) => {
      const tactics = tacticsOf(rule.meta.tags).map((t) => t.slug);
      const techniques = techniquesOf(rule.meta.tags);
      return [
        ...techniques
          .filter((t) => !TECHNIQUES[t] || !TECHNIQUE_TACTICS[t])
          .map((t) => `${rule.meta.title}: unknown ${t}`),
        ...(techniques.some((t) =>
          TECHNIQUE_TACTICS[t]?.some((tactic) => tactics.includes(tactic)),
        )
          ? []
          : [`${rule.meta.title}: no technique fits its tactics`]),
      ];
    });
    expect(problems).toEqual([]);
  });

  it.each(rules.map((r) => [r.meta.title, r] as const))(
    "%s: matches its positive events and none of its negative ones",
    (_title, rule) => {
      expect(rule.tests.match.length).toBeGreaterThan(0);
      expect(rule.tests.nomatch.length).toBeGreaterThan(0);
      expect(rule.tests.match.map((e, n) => rule.match(wire(e, n)))).toEqual(
        rule.tests.match.map(() => true),
      );
      expect(rule.tests.nomatch.map((e, n) => rule.match(wire(e, n)))).toEqual(
        rule.tests.nomatch.map(() => false),
      );
    },
  );

  it("indexes a rule under event names only when its positive events carry them", () => {
    const misindexed = rules.flatMap((rule) =>
      rule.tests.match
        .map((e) =>
          String((e as { eventName: unknown }).eventName).toLowerCase(),
        )
        .filter((name) => rule.eventNames && !rule.eventNames.has(name))
        .map((name) => `${rule.meta.title}: ${name}`),
    );
    expect(misindexed).toEqual([]);
    expect(rules.filter((r) => r.eventNames === undefined).length).toBeLessThan(
      5,
    );
  });
});

describe("the pack in Chinese", () => {
  const han = /\p{Script=Han}/u;
  it("gives every rule a zh-CN title, description and false positives with Chinese words", () => {
    const lacking = rules
      .filter(({ meta }) => {
        const zh = meta.i18n?.["zh-CN"];
        return (
          !zh ||
          !han.test(zh.title) ||
          !han.test(zh.description) ||
          zh.falsepositives.length !== meta.falsepositives.length ||
          !zh.falsepositives.every((f) => han.test(f))
        );
      })
      .map(({ meta }) => meta.title);
    expect(lacking).toEqual([]);
  });
});
