import {
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  AlertStore,
  AlertStoreError,
  MAX_STORED_FIRINGS,
  writeAtomically,
  type GatewayRule,
} from "./store";

const NOW = Date.parse("2026-03-02T08:00:00Z");

const sampleRule = (over: Partial<GatewayRule> = {}): GatewayRule => ({
  id: "rule-1",
  name: "Trail stopped",
  source: {
    kind: "search",
    conditions: [{ key: "EventName", value: "StopLogging" }],
  },
  threshold: 1,
  windowMinutes: 30,
  scheduleMinutes: 15,
  severity: "high",
  quietMinutes: 60,
  perIdentity: false,
  destinations: ["centre"],
  destinationIds: [],
  enabled: true,
  createdAt: NOW,
  updatedAt: NOW,
  ...over,
});

let folder: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), "trailscope-alert-store-"));
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

describe("the gateway's alert store", () => {
  it("starts empty when there is no file yet, and writes nothing until a change", () => {
    const store = AlertStore.open(join(folder, "alerts.json"));
    expect(store.current.rules).toEqual([]);
    expect(readdirSync(folder)).toEqual([]);
  });

  it("keeps a rule and its firing across a restart (a new store over the same file)", async () => {
    const path = join(folder, "nested", "alerts.json");
    const store = AlertStore.open(path);
    await store.update((s) => {
      s.rules.push(sampleRule());
      s.lastRuns["rule-1"] = {
        at: NOW,
        windowStart: NOW - 1_800_000,
        windowEnd: NOW,
        matched: 2,
        outcome: "fired",
        partial: false,
      };
    });
    const again = AlertStore.open(path);
    expect(again.current.rules.map((r) => r.name)).toEqual(["Trail stopped"]);
    expect(again.current.lastRuns["rule-1"]?.outcome).toBe("fired");
  });

  it("leaves no temporary file behind and writes the file readable by its owner only", async () => {
    const path = join(folder, "alerts.json");
    const store = AlertStore.open(path);
    await Promise.all([
      store.update((s) => s.rules.push(sampleRule({ id: "a" }))),
      store.update((s) => s.rules.push(sampleRule({ id: "b" }))),
    ]);
    expect(readdirSync(folder)).toEqual(["alerts.json"]);
    const onDisk = JSON.parse(readFileSync(path, "utf8")) as {
      rules: { id: string }[];
    };
    expect(onDisk.rules.map((r) => r.id)).toEqual(["a", "b"]);
  });

  it("replaces the file whole: the old content stays until the new one is complete", async () => {
    const path = join(folder, "state.json");
    writeFileSync(path, "old");
    await writeAtomically(path, "new content");
    expect(readFileSync(path, "utf8")).toBe("new content");
    expect(readdirSync(folder)).toEqual(["state.json"]);
  });

  it("refuses a damaged file instead of starting empty over it", () => {
    const path = join(folder, "alerts.json");
    writeFileSync(path, "{ not json");
    expect(() => AlertStore.open(path)).toThrow(AlertStoreError);
    writeFileSync(path, JSON.stringify({ version: 9 }));
    expect(() => AlertStore.open(path)).toThrow(/not a Trailscope alert store/);
    expect(readFileSync(path, "utf8")).toBe(JSON.stringify({ version: 9 }));
  });

  it("keeps the newest firings past the cap but never drops a pending delivery", async () => {
    const store = AlertStore.open(join(folder, "alerts.json"));
    await store.update((s) => {
      for (let i = 0; i < MAX_STORED_FIRINGS + 5; i++)
        s.firings.unshift({
          id: `f${i}`,
          ruleId: "rule-1",
          ruleName: "r",
          severity: "low",
          at: NOW + i,
          windowStart: NOW,
          windowEnd: NOW,
          count: 1,
          events: [],
        });
      s.deliveries.push({
        id: "d-old",
        firingId: "f0",
        ruleId: "rule-1",
        destinationId: "x",
        status: "pending",
        attempts: 0,
        nextAttemptAt: NOW,
        createdAt: NOW,
      });
    });
    expect(store.current.firings).toHaveLength(MAX_STORED_FIRINGS);
    expect(store.current.firings[0]!.id).toBe(`f${MAX_STORED_FIRINGS + 4}`);
    expect(store.current.deliveries.map((d) => d.id)).toEqual(["d-old"]);
  });

  it("treats __proto__ rule ids as ordinary keys", async () => {
    const path = join(folder, "alerts.json");
    const store = AlertStore.open(path);
    await store.update((s) => {
      s.lastRuns["__proto__"] = {
        at: NOW,
        windowStart: NOW,
        windowEnd: NOW,
        matched: 0,
        outcome: "below",
        partial: false,
      };
    });
    const again = AlertStore.open(path);
    expect(Object.hasOwn(again.current.lastRuns, "__proto__")).toBe(true);
    expect(({} as Record<string, unknown>).outcome).toBeUndefined();
  });
});
