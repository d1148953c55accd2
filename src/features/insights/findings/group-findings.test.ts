import { describe, expect, it } from "vitest";
import { groupFindings, type Signal } from "./group-findings";
import { applyTriage } from "./triage";

const signal = (over: Partial<Signal> & { id: string }): Signal => ({
  source: "rule",
  ruleId: "rule-a",
  severity: "medium",
  firstMs: 1_000,
  lastMs: 1_000,
  regions: ["cn-hangzhou"],
  eventIds: [over.id],
  ...over,
});

const key = (value: string) => ({ kind: "accessKey" as const, value });

describe("groupFindings", () => {
  it("collapses repeated hits of one actor into one finding with a timeline, oldest first", () => {
    const findings = groupFindings([
      signal({ id: "b", actor: key("LTAI1"), firstMs: 3_000, lastMs: 3_000 }),
      signal({ id: "a", actor: key("LTAI1"), firstMs: 2_000, lastMs: 2_000 }),
      signal({ id: "c", actor: key("LTAI1"), severity: "high" }),
    ]);
    expect(findings).toHaveLength(1);
    expect(findings[0]?.key).toBe("accessKey:LTAI1");
    expect(findings[0]?.severity).toBe("high");
    expect(findings[0]?.signals.map((s) => s.id)).toEqual(["c", "a", "b"]);
    expect(findings[0]?.firstMs).toBe(1_000);
    expect(findings[0]?.lastMs).toBe(3_000);
    expect(findings[0]?.eventIds).toEqual(["c", "a", "b"]);
  });

  it("groups signals without an actor by their resource, and keeps others apart", () => {
    const findings = groupFindings([
      signal({ id: "a", resource: "ACS::ECS::SecurityGroup:sg-1" }),
      signal({ id: "b", resource: "ACS::ECS::SecurityGroup:sg-1" }),
      signal({ id: "c" }),
    ]);
    expect(findings.map((f) => f.key).sort()).toEqual([
      "resource:ACS::ECS::SecurityGroup:sg-1",
      "signal:c",
    ]);
  });

  it("ranks by severity, then by the newest activity", () => {
    const findings = groupFindings([
      signal({ id: "old-high", actor: key("A"), severity: "high", lastMs: 1 }),
      signal({ id: "new-low", actor: key("B"), severity: "low", lastMs: 9 }),
      signal({ id: "new-high", actor: key("C"), severity: "high", lastMs: 5 }),
      signal({ id: "crit", actor: key("D"), severity: "critical", lastMs: 0 }),
    ]);
    expect(findings.map((f) => f.key)).toEqual([
      "accessKey:D",
      "accessKey:C",
      "accessKey:A",
      "accessKey:B",
    ]);
  });

  it("counts a signal reported twice only once", () => {
    const twice = signal({ id: "a", actor: key("A") });
    expect(groupFindings([twice, twice])[0]?.signals).toHaveLength(1);
  });
});

describe("applyTriage", () => {
  const [finding] = groupFindings([
    signal({ id: "a", actor: key("A"), lastMs: 5_000 }),
  ]);
  if (!finding) throw new Error("no finding");

  it("hides decided findings unless asked, and counts them", () => {
    const decisions = {
      [finding.key]: {
        state: "dismissed" as const,
        reason: "known job",
        atMs: 6_000,
        lastMs: 5_000,
      },
    };
    expect(applyTriage([finding], decisions, false)).toEqual({
      visible: [],
      hidden: 1,
    });
    const shown = applyTriage([finding], decisions, true);
    expect(shown.hidden).toBe(0);
    expect(shown.visible[0]?.triage?.reason).toBe("known job");
  });

  it("opens a decided finding again when it has newer activity", () => {
    const decisions = {
      [finding.key]: {
        state: "acknowledged" as const,
        reason: "",
        atMs: 4_500,
        lastMs: 4_000,
      },
    };
    const result = applyTriage([finding], decisions, false);
    expect(result.hidden).toBe(0);
    expect(result.visible[0]?.triage).toBeUndefined();
  });
});

describe("groupFindings across a user and its AccessKeys", () => {
  it("joins a key's signals with its owner's into one finding keyed by the user", () => {
    const findings = groupFindings([
      signal({ id: "k", actor: key("LTAI9"), owner: "dana" }),
      signal({ id: "u", actor: { kind: "user", value: "dana" } }),
      signal({ id: "o", actor: { kind: "user", value: "erin" } }),
    ]);
    expect(findings.map((f) => f.key).sort()).toEqual([
      "user:dana",
      "user:erin",
    ]);
    const dana = findings.find((f) => f.key === "user:dana");
    expect(dana?.signals.map((s) => s.id).sort()).toEqual(["k", "u"]);
  });
});
