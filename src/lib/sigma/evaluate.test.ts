import { describe, expect, it } from "vitest";
import { compileRule, type CompiledRule } from "./compile";
import { evaluateRules, indexRules, matchingRules } from "./evaluate";
import { packRules } from "./rule-pack";

const make = (title: string, detection: string): CompiledRule => {
  const r = compileRule(
    `title: ${title}\nid: ${title}\ndetection:\n${detection}`,
  );
  if (!r.ok) throw new Error(JSON.stringify(r.refusals));
  return r.rule;
};

const named = make("named", "  s:\n    eventName: StopLogging\n  condition: s");
const anyName = make(
  "any",
  "  s:\n    userIdentity.type: root-account\n  condition: s",
);

describe("indexRules / matchingRules", () => {
  it("tries a rule only on the event names it requires, and unindexed rules on every event", () => {
    const index = indexRules([named, anyName]);
    expect([...index.byName.keys()]).toEqual(["stoplogging"]);
    expect(index.any).toEqual([anyName]);
    expect(
      matchingRules(index, {
        eventName: "STOPLOGGING",
        userIdentity: { type: "root-account" },
      }).map((r) => r.meta.title),
    ).toEqual(["named", "any"]);
    expect(matchingRules(index, { eventName: "Other" })).toEqual([]);
    expect(matchingRules(index, null)).toEqual([]);
    expect(matchingRules(index, { eventName: 7 })).toEqual([]);
  });

  it("gives the same answers as trying every rule on every event, over the pack's example events", () => {
    const rules = packRules();
    const index = indexRules(rules);
    const events = rules.flatMap((r) => [...r.tests.match, ...r.tests.nomatch]);
    for (const event of events)
      expect(
        matchingRules(index, event)
          .map((r) => r.meta.id)
          .sort(),
      ).toEqual(
        rules
          .filter((r) => r.match(event))
          .map((r) => r.meta.id)
          .sort(),
      );
  });
});

describe("evaluateRules", () => {
  it("returns, per rule with hits, the positions of the events it matched", () => {
    const hits = evaluateRules(
      [named, anyName],
      [
        { eventName: "StopLogging" },
        { eventName: "DeleteTrail", userIdentity: { type: "root-account" } },
        { eventName: "StopLogging", userIdentity: { type: "root-account" } },
      ],
    );
    expect(Object.fromEntries(hits)).toEqual({ named: [0, 2], any: [1, 2] });
    expect(evaluateRules([named], [])).toEqual(new Map());
  });
});

describe("an event whose name is not plain text", () => {
  it("meets the rules its name's text allows, and every rule when the name is a list", () => {
    const index = indexRules([named, anyName]);
    const list = { eventName: ["Other", "StopLogging"] };
    expect(named.match(list)).toBe(true);
    expect(matchingRules(index, list)).toEqual([named]);
    const numbered = make("numbered", "  s:\n    eventName: 7\n  condition: s");
    expect(matchingRules(indexRules([numbered]), { eventName: 7 })).toEqual([
      numbered,
    ]);
  });

  it("is answered the same the second time a name is met (the per-name lists are remembered)", () => {
    const index = indexRules([named, anyName]);
    const event = {
      eventName: "StopLogging",
      userIdentity: { type: "root-account" },
    };
    const first = matchingRules(index, event);
    expect(matchingRules(index, event)).toEqual(first);
    expect(first.map((r) => r.meta.title)).toEqual(["named", "any"]);
  });
});
