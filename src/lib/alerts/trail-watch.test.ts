import { describe, expect, it } from "vitest";
import type { TrailHealth } from "@/lib/trail-health";
import { watchTrails } from "./trail-watch";

const NOW = Date.UTC(2026, 10, 23, 3, 0, 0);
let n = 0;
const id = () => `n${++n}`;
const seen = (name: string, health: TrailHealth) => [{ name, health }];

describe("watching trails' delivery", () => {
  it("warns once when a trail stops logging, not again while it stays stopped", () => {
    const first = watchTrails(
      { t: { level: "healthy" } },
      seen("t", { level: "stopped" }),
      NOW,
      id,
    );
    expect(first.notices).toMatchObject([
      { kind: "delivery-warning", trail: "t", level: "stopped", read: false },
    ]);
    const again = watchTrails(
      first.trails,
      seen("t", { level: "stopped" }),
      NOW + 5 * 60_000,
      id,
    );
    expect(again.notices).toEqual([]);
  });

  it("warns with the service's code when delivery fails, and says when it recovers", () => {
    const failing = watchTrails(
      {},
      seen("t", {
        level: "failing",
        code: "NoSuchBucket",
        detail: "NoSuchBucket: gone",
      }),
      NOW,
      id,
    );
    expect(failing.notices[0]).toMatchObject({
      kind: "delivery-warning",
      code: "NoSuchBucket",
      detail: "NoSuchBucket: gone",
    });
    const back = watchTrails(
      failing.trails,
      seen("t", { level: "healthy", lastDelivery: NOW + 60_000 }),
      NOW + 60_000,
      id,
    );
    expect(back.notices).toMatchObject([
      { kind: "delivery-ok", level: "recovered", read: false },
      {
        id: "delivered-t",
        kind: "delivery-ok",
        level: "delivered",
        read: true,
      },
    ]);
  });

  it("keeps one delivery confirmation per trail, moved on to each newer delivery", () => {
    const a = watchTrails(
      {},
      seen("t", { level: "healthy", lastDelivery: NOW }),
      NOW,
      id,
    );
    expect(a.notices).toEqual([
      expect.objectContaining({ id: "delivered-t", at: NOW, read: true }),
    ]);
    const same = watchTrails(
      a.trails,
      seen("t", { level: "healthy", lastDelivery: NOW }),
      NOW + 60_000,
      id,
    );
    expect(same.notices).toEqual([]);
    const newer = watchTrails(
      a.trails,
      seen("t", { level: "healthy", lastDelivery: NOW + 300_000 }),
      NOW + 300_000,
      id,
    );
    expect(newer.notices).toEqual([
      expect.objectContaining({ id: "delivered-t", at: NOW + 300_000 }),
    ]);
  });

  it("does not warn about a trail first seen already stopped", () => {
    expect(
      watchTrails({}, seen("t", { level: "stopped" }), NOW, id).notices,
    ).toEqual([]);
  });

  it("warns when a trail is late while logging", () => {
    const late = watchTrails(
      { t: { level: "healthy" } },
      seen("t", { level: "late", lastDelivery: NOW - 3_600_000 }),
      NOW,
      id,
    );
    expect(late.notices[0]).toMatchObject({
      kind: "delivery-warning",
      level: "late",
    });
  });
});
