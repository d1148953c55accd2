import { describe, expect, it } from "vitest";
import { TACTICS } from "./attack";
import { coverage, coverageMatrix } from "./coverage";

describe("coverage", () => {
  it("lists covered tactics in matrix order with their techniques and summed hits", () => {
    const result = coverage([
      {
        id: "a",
        title: "Trail stopped",
        tags: ["attack.defense-impairment", "attack.t1685.002"],
        hits: 2,
      },
      {
        id: "b",
        title: "Admin granted",
        tags: [
          "attack.privilege-escalation",
          "attack.persistence",
          "attack.t1098.003",
        ],
        hits: 0,
      },
      {
        id: "c",
        title: "Logstore deleted",
        tags: [
          "attack.defense-impairment",
          "attack.t1685.002",
          "attack.stealth",
          "attack.t1070",
        ],
        hits: 3,
      },
    ]);
    expect(result.map((t) => [t.id, t.name, t.hits])).toEqual([
      ["TA0003", "Persistence", 0],
      ["TA0004", "Privilege Escalation", 0],
      ["TA0005", "Stealth", 3],
      ["TA0112", "Defense Impairment", 5],
    ]);
    const impairment = result.find((t) => t.id === "TA0112")!;
    expect(impairment.sources).toEqual(["Trail stopped", "Logstore deleted"]);
    expect(impairment.techniques).toEqual([
      {
        id: "T1685.002",
        name: "Disable or Modify Tools: Disable or Modify Cloud Log",
        sources: ["Trail stopped", "Logstore deleted"],
        hits: 5,
      },
    ]);
    // each technique sits under the tactics it belongs to, not every tactic of the rule
    expect(result.find((t) => t.id === "TA0005")?.techniques).toEqual([
      {
        id: "T1070",
        name: "Indicator Removal",
        sources: ["Logstore deleted"],
        hits: 3,
      },
    ]);
  });

  it("places a technique tagged without any of its tactics under its own tactics", () => {
    const result = coverage([
      {
        id: "p",
        title: "Public bucket",
        tags: ["attack.persistence", "attack.t1530"],
        hits: 1,
      },
    ]);
    expect(result.map((t) => [t.name, t.techniques.map((x) => x.id)])).toEqual([
      ["Persistence", []],
      ["Collection", ["T1530"]],
    ]);
  });

  it("ignores the retired defense-evasion tactic and names unknown techniques by ID", () => {
    const result = coverage([
      {
        id: "x",
        title: "Old rule",
        tags: ["attack.defense-evasion", "attack.discovery", "attack.t9999"],
        hits: 1,
      },
    ]);
    expect(result).toEqual([
      {
        id: "TA0007",
        name: "Discovery",
        sources: ["Old rule"],
        hits: 1,
        techniques: [
          { id: "T9999", name: "T9999", sources: ["Old rule"], hits: 1 },
        ],
      },
    ]);
  });

  it("returns nothing for no sources", () => {
    expect(coverage([])).toEqual([]);
  });
});

describe("coverageMatrix", () => {
  it("lists every v19 tactic and the known techniques under it, gaps included", () => {
    const matrix = coverageMatrix([
      {
        id: "a",
        title: "Public bucket",
        tags: ["attack.collection", "attack.t1530"],
        hits: 3,
      },
    ]);
    expect(matrix.map((t) => t.name)).toEqual(TACTICS.map((t) => t.name));
    const collection = matrix.find((t) => t.name === "Collection")!;
    expect(collection).toMatchObject({ covered: true, hits: 3 });
    expect(collection.techniques.find((t) => t.id === "T1530")).toMatchObject({
      covered: true,
      sources: ["Public bucket"],
      hits: 3,
    });
    const impact = matrix.find((t) => t.name === "Impact")!;
    expect(impact.covered).toBe(false);
    expect(impact.techniques.length).toBeGreaterThan(0);
    expect(impact.techniques.every((t) => !t.covered && t.hits === 0)).toBe(
      true,
    );
  });
});
