import { describe, expect, it } from "vitest";
import { auditEventSchema } from "@/api/schemas/event";
import { createAccount } from "./account";
import { GLOBAL_EVENTS_REGION } from "./regions";

const NOW = Date.UTC(2026, 10, 23, 6, 30);
const SMALL = 0.01;

function sample(
  account: ReturnType<typeof createAccount>,
  region: string,
  step: number,
) {
  const store = account.store(region);
  const out: Record<string, unknown>[] = [];
  for (let i = 0; i < store.size; i += step) out.push(store.materialize(i));
  return out;
}

describe("createAccount", () => {
  it("is deterministic: the same seed and now give identical events and IDs", () => {
    const a = createAccount({ seed: 7, now: NOW, scale: SMALL });
    const b = createAccount({ seed: 7, now: NOW, scale: SMALL });
    // Touch regions in a different order: generation per region must not depend on it.
    b.store("cn-shanghai");
    expect(sample(a, "cn-hangzhou", 37)).toEqual(sample(b, "cn-hangzhou", 37));
    expect(sample(a, "cn-shanghai", 11)).toEqual(sample(b, "cn-shanghai", 11));
    expect(a.incidentEventId("b-stop")).toBe(b.incidentEventId("b-stop"));
  });

  it("gives another seed other events and IDs", () => {
    const a = createAccount({ seed: 7, now: NOW, scale: SMALL });
    const b = createAccount({ seed: 8, now: NOW, scale: SMALL });
    const ids = (acc: typeof a) =>
      sample(acc, "cn-hangzhou", 50).map((e) => e.eventId);
    expect(ids(a)).not.toEqual(ids(b));
    expect(a.incidentEventId("b-stop")).not.toBe(b.incidentEventId("b-stop"));
  });

  it("generates a region only when it is first used", () => {
    const account = createAccount({ now: NOW, scale: SMALL });
    expect(account.isGenerated("cn-hangzhou")).toBe(false);
    account.store("cn-hangzhou");
    expect(account.isGenerated("cn-hangzhou")).toBe(true);
    expect(account.isGenerated("eu-west-1")).toBe(false);
  });

  it("keeps 90 days of events sorted by time, busiest in cn-hangzhou", () => {
    const account = createAccount({ now: NOW, scale: 0.05 });
    const hz = account.store("cn-hangzhou");
    const sh = account.store("cn-shanghai");
    expect(hz.size).toBeGreaterThan(sh.size);
    expect(hz.size).toBeGreaterThan(0.05 * 150_000);
    for (let i = 1; i < hz.size; i++)
      expect(hz.timeSec(i) >= hz.timeSec(i - 1)).toBe(true);
    expect(hz.timeSec(0) * 1000).toBeGreaterThanOrEqual(NOW - 90 * 86_400_000);
    expect(hz.timeSec(hz.size - 1) * 1000).toBeLessThan(NOW);
  });

  it("produces events every schema accepts, with unique IDs and realistic fields", () => {
    const account = createAccount({ now: NOW, scale: SMALL });
    const events = sample(account, "cn-hangzhou", 1);
    const ids = new Set<string>();
    for (const raw of events) {
      const parsed = auditEventSchema.safeParse(raw);
      expect(parsed.success).toBe(true);
      ids.add(String(raw.eventId));
    }
    expect(ids.size).toBe(events.length);
    const types = new Set(events.map((e) => e.eventType));
    expect(types).toEqual(
      new Set(["ApiCall", "ConsoleOperation", "AliyunServiceEvent"]),
    );
    const failures = events.filter((e) => e.errorCode).length / events.length;
    expect(failures).toBeGreaterThan(0.01);
    expect(failures).toBeLessThan(0.08);
    const system = events.find((e) => e.eventType === "AliyunServiceEvent")!;
    expect(system.userIdentity).toMatchObject({ type: "system" });
    expect(
      (system.userIdentity as Record<string, unknown>).accountId,
    ).toBeUndefined();
    expect(events.some((e) => String(e.resourceName).startsWith("i-bp1"))).toBe(
      true,
    );
    expect(
      events.some(
        (e) =>
          (e.eventAttributes as Record<string, string> | undefined)
            ?.SensitiveAction === "true",
      ),
    ).toBe(true);
  });

  it("stores global services (RAM, IMS, sign-in) in ap-southeast-1 only", () => {
    const account = createAccount({ now: NOW, scale: SMALL });
    const hz = sample(account, "cn-hangzhou", 1);
    expect(hz.some((e) => e.isGlobal === true)).toBe(false);
    const sg = sample(account, GLOBAL_EVENTS_REGION, 1);
    const services = new Set(
      sg.filter((e) => e.isGlobal === true).map((e) => e.serviceName),
    );
    expect(services).toContain("Ram");
    expect(sg.some((e) => e.eventType === "ConsoleSignin")).toBe(true);
  });

  it("has a daily and weekly rhythm: weekday office hours busier than nights and weekends", () => {
    const account = createAccount({ now: NOW, scale: 0.05 });
    const store = account.store("cn-hangzhou");
    const byLocalHour = new Array<number>(24).fill(0);
    let weekend = 0;
    let weekday = 0;
    for (let i = 0; i < store.size; i++) {
      const local = new Date(store.timeSec(i) * 1000 + 8 * 3_600_000);
      byLocalHour[local.getUTCHours()]!++;
      if (local.getUTCDay() === 0 || local.getUTCDay() === 6) weekend++;
      else weekday++;
    }
    expect(byLocalHour[15]!).toBeGreaterThan(byLocalHour[5]! * 1.5);
    expect(weekday / 5).toBeGreaterThan((weekend / 2) * 1.3);
  });
});
