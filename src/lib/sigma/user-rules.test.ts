import { describe, expect, it } from "vitest";
import { compileRules } from "./compile";
import { PACK_FILES, compilePack } from "./rule-pack";
import {
  exportRules,
  MAX_USER_RULES_CHARS,
  validateUserRules,
} from "./user-rules";

const OWN = `title: Our break-glass user signed in
id: 5b0c4a43-5f0e-4c55-a0a2-0d5a1a9c0001
level: high
detection:
  selection:
    eventName: ConsoleSignin
    userIdentity.userName: break-glass
  condition: selection
`;

describe("validateUserRules", () => {
  it("accepts a pasted rule and it matches events at once", () => {
    const { rules, refusals } = validateUserRules(OWN);
    expect(refusals).toEqual([]);
    expect(rules.map((r) => r.meta.title)).toEqual([
      "Our break-glass user signed in",
    ]);
    expect(
      rules[0]!.match({
        eventName: "ConsoleSignin",
        userIdentity: { userName: "Break-Glass" },
      }),
    ).toBe(true);
  });

  it("gives a rule without id a stable id from its text", () => {
    const text =
      "title: t\ndetection:\n  s:\n    eventName: X\n  condition: s\n";
    const a = validateUserRules(text).rules[0]!.meta.id;
    expect(a).toMatch(/^user-[0-9a-f]{8}$/);
    expect(validateUserRules(text).rules[0]!.meta.id).toBe(a);
    expect(
      validateUserRules(text.replace("X", "Y")).rules[0]!.meta.id,
    ).not.toBe(a);
  });

  it("refuses, per document, with line, reason and title, and keeps the good rules", () => {
    const text = [
      OWN,
      "---",
      "title: Counting rule",
      "detection:",
      "  s:",
      "    eventName: ConsoleSignin",
      "  condition: s | count() by sourceIpAddress > 10",
      "---",
      "title: Keyword rule",
      "detection:",
      "  keywords:",
      "    - DeleteTrail",
      "  condition: keywords",
      "",
    ].join("\n");
    const { rules, refusals } = validateUserRules(text);
    expect(rules).toHaveLength(1);
    expect(
      refusals.map((r) => [
        r.document,
        r.line,
        r.title,
        r.reason.split(":")[0],
      ]),
    ).toEqual([
      [2, 15, "Counting rule", "condition"],
      [3, 20, "Keyword rule", "the selection `keywords` is a keyword list"],
    ]);
  });

  it("refuses an id the pack or an earlier rule already uses", () => {
    const pack = compilePack(PACK_FILES).rules;
    const packId = pack[0]!.meta.id;
    const copy = OWN.replace("5b0c4a43-5f0e-4c55-a0a2-0d5a1a9c0001", packId);
    const { rules, refusals } = validateUserRules(
      `${OWN}---\n${OWN}---\n${copy}`,
      pack.map((r) => r.meta.id),
    );
    expect(rules).toHaveLength(1);
    expect(refusals.map((r) => [r.document, r.line, r.reason])).toEqual([
      [
        2,
        11,
        "the id 5b0c4a43-5f0e-4c55-a0a2-0d5a1a9c0001 is already used by another rule",
      ],
      [3, 20, `the id ${packId} is already used by another rule`],
    ]);
  });

  it("refuses empty and oversized text without parsing it", () => {
    expect(validateUserRules("").refusals[0]?.reason).toBe(
      "the text holds no rule",
    );
    expect(
      validateUserRules("#".repeat(MAX_USER_RULES_CHARS + 1)).refusals[0]
        ?.reason,
    ).toMatch(/larger than/);
  });
});

describe("exportRules", () => {
  it("writes one multi-document YAML file that imports back to the same rules, leaving out switched-off ones", () => {
    const pack = compilePack(PACK_FILES).rules;
    const own = validateUserRules(OWN).rules[0]!;
    const switches = [
      ...pack.map((rule, i) => ({ rule, enabled: i !== 0 })),
      { rule: own, enabled: true },
    ];
    const text = exportRules(switches);
    const back = compileRules(text);
    expect(back.every((r) => r.ok)).toBe(true);
    expect(back.map((r) => (r.ok ? r.rule.meta.id : ""))).toEqual([
      ...pack.slice(1).map((r) => r.meta.id),
      own.meta.id,
    ]);
    const all = compileRules(exportRules(switches, { includeDisabled: true }));
    expect(all).toHaveLength(pack.length + 1);
    // the pack's test events travel with it
    expect(all[0]?.ok && all[0].rule.tests.match.length).toBeGreaterThan(0);
  });
});
