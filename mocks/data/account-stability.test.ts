import { describe, expect, it } from "vitest";
import {
  ACCOUNT_STORAGE_KEY,
  createAccount,
  TRAILS_STORAGE_KEY,
  type Account,
  type KeyValueStorage,
} from "./account";
import { INCIDENTS } from "./incidents";

const ANCHOR = Date.UTC(2026, 10, 23, 6, 30);
const HOUR = 3_600_000;
const DAY = 86_400_000;
const SCALE = 0.2;

function memoryStorage(): KeyValueStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

/** The account as a browser opens it at `openedAt` (the clock then runs on from there). */
const openAt = (openedAt: number, extra: { seed?: number } = {}) =>
  createAccount({
    seed: extra.seed ?? 7,
    anchor: ANCHOR,
    now: openedAt,
    clock: () => openedAt,
    scale: SCALE,
  });

function eventsBetween(
  account: Account,
  region: string,
  fromMs: number,
  toMs: number,
): Record<string, unknown>[] {
  const store = account.store(region);
  const out: Record<string, unknown>[] = [];
  for (
    let i = store.lowerBound(fromMs / 1000);
    i < store.lowerBound(toMs / 1000);
    i++
  )
    out.push(store.materialize(i));
  return out;
}

describe("the simulated account is one account", () => {
  it("shows the same events, with the same IDs, in a fixed past hour whenever it is opened", () => {
    // 10:00 in UTC+8 on Friday 2026-11-20: a working hour.
    const hour = Date.UTC(2026, 10, 20, 2);
    const first = openAt(ANCHOR + 20 * 60_000);
    const later = openAt(ANCHOR + 20 * 60_000 + 20 * 60_000);
    const tomorrow = openAt(ANCHOR + DAY + 7 * 60_000);
    for (const region of ["cn-hangzhou", "cn-shanghai"]) {
      const a = eventsBetween(first, region, hour, hour + HOUR);
      expect(a.length).toBeGreaterThan(0);
      expect(eventsBetween(later, region, hour, hour + HOUR)).toEqual(a);
      expect(eventsBetween(tomorrow, region, hour, hour + HOUR)).toEqual(a);
    }
  });

  it("opens a shared event link on the same event after the window has slid", () => {
    const first = openAt(ANCHOR + 5 * 60_000);
    const store = first.store("cn-hangzhou");
    const recent = store.lowerBound((ANCHOR - 80 * DAY) / 1000);
    const sample = [
      0,
      1,
      recent,
      recent + 1,
      Math.floor(store.size / 2),
      store.size - 1,
    ].map((i) => store.materialize(i));
    const next = openAt(ANCHOR + 2 * DAY + 13 * 60_000);
    const nextStore = next.store("cn-hangzhou");
    for (const event of sample.slice(2)) {
      const row = nextStore.findEventId(String(event.eventId));
      expect(row).toBeDefined();
      expect(nextStore.materialize(row!)).toEqual(event);
    }
    // The oldest events have left the 90 days: their links find nothing, not another event.
    expect(nextStore.findEventId(String(sample[0]!.eventId))).toBeUndefined();
    expect(next.incidentEventId("b-stop")).toBe(
      first.incidentEventId("b-stop"),
    );
  });

  it("keeps the incidents at fixed times relative to the anchor, not to when it is opened", () => {
    const a = openAt(ANCHOR + 60_000);
    const b = openAt(ANCHOR + 3 * DAY);
    expect(b.specials).toEqual(a.specials);
    const stop = a.specials.find((s) => s.tag === "b-stop")!;
    expect(ANCHOR - stop.timeMs).toBeGreaterThan(
      (INCIDENTS.stoppedProdInstance.daysBefore - 1) * DAY,
    );
    const id = a.incidentEventId("b-stop")!;
    const row = b.store("cn-hangzhou").findEventId(id);
    expect(row).toBeDefined();
    expect(b.store("cn-hangzhou").materialize(row!).eventName).toBe(
      "StopInstance",
    );
  });

  it("keeps producing events while the console is open, the same for the same seed", () => {
    let now = ANCHOR + 10 * 60_000;
    const opened = now;
    const make = () =>
      createAccount({
        seed: 7,
        anchor: ANCHOR,
        now: opened,
        clock: () => now,
        scale: 0.2,
      });
    const account = make();
    const twin = make();
    const before = account.store("cn-hangzhou").size;
    const lastBefore = account.store("cn-hangzhou").timeSec(before - 1);
    expect(lastBefore * 1000).toBeLessThanOrEqual(opened);
    now += 3 * HOUR; // past the hours generated in advance
    expect(account.currentTime()).toBe(opened + 3 * HOUR);
    const store = account.store("cn-hangzhou");
    expect(store.size).toBeGreaterThan(before);
    expect(store.timeSec(store.size - 1) * 1000).toBeLessThanOrEqual(now);
    expect(store.timeSec(store.size - 1) * 1000).toBeGreaterThan(
      opened + 2 * HOUR,
    );
    const newest = store.materialize(store.size - 1);
    const twinStore = twin.store("cn-hangzhou");
    expect(twinStore.materialize(twinStore.size - 1)).toEqual(newest);
    // And a fresh open at that time shows the same newest event.
    const reopened = createAccount({
      seed: 7,
      anchor: ANCHOR,
      now,
      clock: () => now,
      scale: 0.2,
    });
    const row = reopened
      .store("cn-hangzhou")
      .findEventId(String(newest.eventId));
    expect(row).toBeDefined();
  });

  it("fixes seed and anchor on the first open and keeps them, with the trails, until reset", () => {
    const storage = memoryStorage();
    const first = createAccount({
      now: ANCHOR,
      clock: () => ANCHOR,
      scale: 0.001,
      storage,
    });
    expect(JSON.parse(storage.data.get(ACCOUNT_STORAGE_KEY)!)).toEqual({
      seed: first.seed,
      anchor: ANCHOR,
    });
    first.trails.delete("org-audit-all");
    first.saveTrails();
    const later = ANCHOR + DAY + 90_000;
    const second = createAccount({
      now: later,
      clock: () => later,
      scale: 0.001,
      storage,
    });
    expect(second.anchor).toBe(ANCHOR);
    expect(second.seed).toBe(first.seed);
    expect(second.trails.has("org-audit-all")).toBe(false);
    expect(second.trails.get("security-writes-hz")).toEqual(
      first.trails.get("security-writes-hz"),
    );
    second.resetAccount();
    expect(storage.data.has(TRAILS_STORAGE_KEY)).toBe(false);
    const third = createAccount({
      now: later,
      clock: () => later,
      scale: 0.001,
      storage,
    });
    expect(third.seed).not.toBe(first.seed);
    expect(third.anchor).toBe(later - (later % 60_000));
    expect(third.trails.has("org-audit-all")).toBe(true);
  });
});
