import { describe, expect, it } from "vitest";
import { installAccount } from "@mocks/node";
import { simulateIncident } from "@mocks/data/simulated-incidents";
import { QueryClient } from "@tanstack/react-query";
import { useAlertsStore } from "@/stores/alerts-store";
import { checkTrails } from "./scheduler";

const warnings = () =>
  useAlertsStore
    .getState()
    .notices.filter((n) => n.kind === "delivery-warning")
    .map((n) => ({ trail: n.trail, level: n.level, code: n.code }));

describe("the console's watch on trail delivery (simulated account)", () => {
  it("warns about a trail whose bucket is gone, then about a trail that stops, and confirms deliveries", async () => {
    const account = installAccount();
    const client = new QueryClient();
    await checkTrails(client, Date.now());
    expect(warnings()).toEqual([
      { trail: "ops-shanghai-trail", level: "failing", code: "NoSuchBucket" },
    ]);
    const confirmations = useAlertsStore
      .getState()
      .notices.filter((n) => n.kind === "delivery-ok");
    expect(confirmations.length).toBeGreaterThan(0);
    expect(confirmations.every((n) => n.read)).toBe(true);

    const { target } = simulateIncident(account, "stop-trail");
    await checkTrails(client, Date.now());
    expect(warnings()).toEqual([
      { trail: target, level: "stopped", code: undefined },
      { trail: "ops-shanghai-trail", level: "failing", code: "NoSuchBucket" },
    ]);
  }, 30_000);
});
