import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { AuditEvent } from "@/api/schemas/event";
import { makeEvent } from "@/lib/audit-event-factory";
import { createLogger } from "../logger";
import {
  textMessage,
  webhookBody,
  type Notification,
  type Outgoing,
  type Sender,
} from "./destinations";
import type { SeenTrail } from "@/lib/alerts/trail-watch";
import type { EventReader } from "./lookup";
import {
  AlertScheduler,
  resumeDestination,
  type SchedulerOptions,
} from "./scheduler";
import { DeliveryFailed } from "./ssrf";
import { AlertStore, type Destination, type GatewayRule } from "./store";
import type { TrailReader } from "./trails";

const MIN = 60_000;
const T0 = Date.parse("2026-03-02T08:00:00Z");

let folder: string;
let path: string;
let now: number;
let events: AuditEvent[];
let logLines: string[];

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), "trailscope-alert-scheduler-"));
  path = join(folder, "alerts.json");
  now = T0;
  events = [];
  logLines = [];
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

const stopLogging = (at: number, user = "alice") =>
  makeEvent({ time: at, name: "StopLogging", user, region: "cn-hangzhou" });

/** ActionTrail as the scheduler sees it: the events of a window, filtered by EventName. */
const reads: { region: string; startMs: number; endMs: number }[] = [];
const reader: EventReader = (query) => {
  reads.push({
    region: query.region,
    startMs: query.startMs,
    endMs: query.endMs,
  });
  const name = query.attributes.find((a) => a.Key === "EventName")?.Value;
  return Promise.resolve({
    events: events.filter(
      (e) =>
        e.timeMs >= query.startMs &&
        e.timeMs <= query.endMs &&
        (name === undefined || e.name === name),
    ),
    complete: true,
  });
};

const rule = (over: Partial<GatewayRule> = {}): GatewayRule => ({
  id: "rule-trail",
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
  destinationIds: ["dest-hook"],
  enabled: true,
  createdAt: T0,
  updatedAt: T0,
  ...over,
});

const hook = (over: Partial<Destination> = {}): Destination => ({
  id: "dest-hook",
  name: "On-call webhook",
  settings: {
    kind: "webhook",
    url: "https://hooks.example.com/in/abc123456789",
    secret: "whsec-abcdef123456",
  },
  consecutiveFailures: 0,
  createdAt: T0,
  updatedAt: T0,
  ...over,
});

/** The firing a sent notification carried (fails the test for a trail notice). */
function firingOf(sent: Outgoing | undefined): Notification["firing"] {
  if (!sent || !("firing" in sent)) throw new Error("not a firing");
  return sent.firing;
}

interface FakeSender {
  send: Sender;
  sent: Outgoing[];
  attempts: number;
}

/** A destination that fails the first `failures` attempts (retryable), then accepts. */
function fakeSender(failures = 0, retryable = true): FakeSender {
  const fake: FakeSender = {
    sent: [],
    attempts: 0,
    send: (_destination, notification) => {
      fake.attempts++;
      if (fake.attempts <= failures)
        return Promise.reject(
          new DeliveryFailed("The destination answered HTTP 503.", retryable),
        );
      fake.sent.push(notification);
      return Promise.resolve();
    },
  };
  return fake;
}

async function world(
  sender: FakeSender | Sender,
  options: Partial<SchedulerOptions> = {},
  setup?: (store: AlertStore) => Promise<void>,
) {
  const store = AlertStore.open(path);
  if (setup) await setup(store);
  const scheduler = new AlertScheduler({
    store,
    clock: () => now,
    readEvents: reader,
    send: typeof sender === "function" ? sender : sender.send,
    logger: createLogger((line) => logLines.push(line)),
    regions: ["cn-hangzhou"],
    account: "audit-prod",
    linkFor: (f) => `https://trailscope.example.com/alerts?firing=${f.id}`,
    pack: [],
    retryDelaysMs: [30_000, 120_000],
    pauseAfterFailures: 3,
    ...options,
  });
  return { store, scheduler };
}

const withRuleAndHook =
  (...rules: GatewayRule[]) =>
  (store: AlertStore) =>
    store.update((s) => {
      s.rules.push(...(rules.length ? rules : [rule()]));
      s.destinations.push(hook());
    });

describe("when rules run", () => {
  it("runs a new rule at once, then every 15 minutes over its window", async () => {
    reads.length = 0;
    const { store, scheduler } = await world(
      fakeSender(),
      {},
      withRuleAndHook(),
    );
    await scheduler.tick();
    expect(reads).toEqual([
      { region: "cn-hangzhou", startMs: T0 - 30 * MIN, endMs: T0 },
    ]);
    now = T0 + 14 * MIN;
    await scheduler.tick();
    expect(reads).toHaveLength(1);
    now = T0 + 15 * MIN;
    await scheduler.tick();
    expect(reads).toHaveLength(2);
    expect(store.current.lastRuns["rule-trail"]).toMatchObject({
      at: T0 + 15 * MIN,
      outcome: "below",
    });
  });

  it("runs a 5-minute rule three times in 15 minutes and never runs a disabled one", async () => {
    reads.length = 0;
    const { scheduler } = await world(
      fakeSender(),
      {},
      withRuleAndHook(
        rule({ id: "fast", scheduleMinutes: 5 }),
        rule({ id: "off", enabled: false }),
      ),
    );
    for (let m = 0; m < 15; m++) {
      now = T0 + m * MIN;
      await scheduler.tick();
    }
    expect(reads.map((r) => r.endMs)).toEqual([
      T0,
      T0 + 5 * MIN,
      T0 + 10 * MIN,
    ]);
  });

  it("fires only at the threshold", async () => {
    events = [stopLogging(T0 - MIN)];
    const { store, scheduler } = await world(
      fakeSender(),
      {},
      withRuleAndHook(rule({ threshold: 2 })),
    );
    await scheduler.tick();
    expect(store.current.lastRuns["rule-trail"]?.outcome).toBe("below");
    expect(store.current.firings).toEqual([]);
  });

  it("records a run whose reads all failed as failed, with the service's words", async () => {
    const { store, scheduler } = await world(
      fakeSender(),
      {
        readEvents: () =>
          Promise.reject(
            new Error(
              "InvalidAccessKeyId.NotFound: Specified access key is not found.",
            ),
          ),
      },
      withRuleAndHook(),
    );
    await scheduler.tick();
    expect(store.current.lastRuns["rule-trail"]).toMatchObject({
      outcome: "failed",
      error:
        "cn-hangzhou: InvalidAccessKeyId.NotFound: Specified access key is not found.",
    });
  });
});

describe("the quiet period", () => {
  it("sends at most one notification per rule per hour, then fires again", async () => {
    const sender = fakeSender();
    events = [stopLogging(T0 - MIN)];
    const { store, scheduler } = await world(sender, {}, withRuleAndHook());
    await scheduler.tick();
    expect(sender.sent).toHaveLength(1);
    expect(firingOf(sender.sent[0]).events.map((e) => e.name)).toEqual([
      "StopLogging",
    ]);

    events.push(stopLogging(T0 + 10 * MIN, "bob"));
    now = T0 + 15 * MIN;
    await scheduler.tick();
    expect(store.current.lastRuns["rule-trail"]?.outcome).toBe("quiet");
    expect(store.current.firings).toHaveLength(1);

    events.push(stopLogging(T0 + 55 * MIN, "carol"));
    now = T0 + 60 * MIN;
    await scheduler.tick();
    expect(store.current.lastRuns["rule-trail"]?.outcome).toBe("fired");
    expect(store.current.firings).toHaveLength(2);
    expect(sender.sent).toHaveLength(2);
  });
});

describe("delivery", () => {
  it("retries with backoff and delivers once", async () => {
    const sender = fakeSender(2);
    events = [stopLogging(T0 - MIN)];
    const { store, scheduler } = await world(sender, {}, withRuleAndHook());
    await scheduler.tick();
    expect(sender.attempts).toBe(1);
    expect(store.current.deliveries[0]).toMatchObject({
      status: "pending",
      attempts: 1,
      nextAttemptAt: T0 + 30_000,
    });

    now = T0 + 29_000;
    await scheduler.tick();
    expect(sender.attempts).toBe(1);
    now = T0 + 30_000;
    await scheduler.tick();
    expect(sender.attempts).toBe(2);
    expect(store.current.deliveries[0]!.nextAttemptAt).toBe(
      T0 + 30_000 + 120_000,
    );
    now = T0 + 150_000;
    await scheduler.tick();
    expect(sender.sent).toHaveLength(1);
    expect(store.current.deliveries[0]).toMatchObject({
      status: "sent",
      attempts: 3,
      sentAt: T0 + 150_000,
    });
    now = T0 + 600_000;
    await scheduler.tick();
    expect(sender.attempts).toBe(3);
    expect(store.current.destinations[0]!.consecutiveFailures).toBe(0);
  });

  it("gives up after its attempts, or at once when refused for good, with a warning", async () => {
    const sender = fakeSender(99, false);
    events = [stopLogging(T0 - MIN)];
    const { store, scheduler } = await world(sender, {}, withRuleAndHook());
    await scheduler.tick();
    expect(store.current.deliveries[0]).toMatchObject({
      status: "failed",
      attempts: 1,
    });
    expect(store.current.warnings[0]).toMatchObject({
      kind: "delivery-failed",
      ruleId: "rule-trail",
      detail:
        "Delivery to On-call webhook gave up after 1 attempt: The destination answered HTTP 503.",
    });
    expect(logLines.join("\n")).not.toContain("whsec-abcdef123456");
  });

  it("pauses a destination that keeps failing, holds its deliveries, and sends them once resumed", async () => {
    const failing = fakeSender(3);
    events = [stopLogging(T0 - MIN)];
    const { store, scheduler } = await world(
      failing,
      { retryDelaysMs: [MIN, MIN, MIN, MIN] },
      withRuleAndHook(),
    );
    for (let m = 0; m <= 3; m++) {
      now = T0 + m * MIN;
      await scheduler.tick();
    }
    expect(failing.attempts).toBe(3);
    const [dest] = store.current.destinations;
    expect(dest).toMatchObject({
      pausedAt: T0 + 2 * MIN,
      consecutiveFailures: 3,
    });
    expect(store.current.deliveries[0]!.status).toBe("held");
    expect(store.current.warnings[0]).toMatchObject({
      kind: "destination-paused",
      destinationId: "dest-hook",
    });

    await store.update((s) => resumeDestination(s, "dest-hook", now));
    await scheduler.tick();
    expect(failing.sent).toHaveLength(1);
    expect(store.current.deliveries[0]!.status).toBe("sent");
  });
});

describe("a gateway restart", () => {
  it("loses no firing: a send cut by the restart is delivered by the next gateway", async () => {
    let reached: () => void = () => undefined;
    const sending = new Promise<void>((resolve) => {
      reached = resolve;
    });
    const hanging: Sender = () => {
      reached();
      return new Promise<void>(() => undefined);
    };
    events = [stopLogging(T0 - MIN)];
    const first = await world(hanging, {}, withRuleAndHook());
    void first.scheduler.tick();
    await sending;

    // The process dies here; a new gateway opens the same file.
    now = T0 + 30_000;
    const sender = fakeSender();
    const second = await world(sender);
    expect(second.store.current.rules.map((r) => r.id)).toEqual(["rule-trail"]);
    expect(second.store.current.firings).toHaveLength(1);
    await second.scheduler.tick();
    expect(sender.sent).toHaveLength(1);
    expect(sender.sent[0]!.deliveryId).toBe(
      second.store.current.deliveries[0]!.id,
    );
    expect(firingOf(sender.sent[0]).id).toBe(
      second.store.current.firings[0]!.id,
    );
    expect(second.store.current.deliveries[0]).toMatchObject({
      status: "sent",
      attempts: 2,
    });
    // The rule does not fire again for the same events: its last run was kept.
    expect(second.store.current.lastRuns["rule-trail"]?.at).toBe(T0);
  });
});

describe("the trail watch", () => {
  it("records a stopped or failing trail as a warning, a delivery as a standing confirmation, looks every 5 minutes, and keeps it across a restart", async () => {
    let seen: SeenTrail[] = [
      {
        name: "audit-prod",
        health: { level: "healthy", lastDelivery: T0 - 4 * MIN },
      },
    ];
    let looks = 0;
    const readTrails: TrailReader = () => {
      looks++;
      return Promise.resolve(seen);
    };
    const { store, scheduler } = await world(fakeSender(), { readTrails });
    await scheduler.tick();
    expect(store.current.notices).toEqual([
      expect.objectContaining({
        id: "delivered-audit-prod",
        kind: "delivery-ok",
        level: "delivered",
        at: T0 - 4 * MIN,
        read: true,
      }),
    ]);
    seen = [
      {
        name: "audit-prod",
        health: {
          level: "failing",
          code: "NoSuchBucket",
          detail: "NoSuchBucket: The specified bucket does not exist.",
          lastDelivery: T0 - 4 * MIN,
        },
      },
    ];
    now = T0 + 4 * MIN;
    await scheduler.tick();
    expect(looks).toBe(1);
    now = T0 + 5 * MIN;
    await scheduler.tick();
    expect(looks).toBe(2);
    expect(store.current.notices[0]).toMatchObject({
      kind: "delivery-warning",
      trail: "audit-prod",
      level: "failing",
      code: "NoSuchBucket",
      read: false,
    });
    expect(logLines.join("\n")).toContain("trail delivery warning");
    await scheduler.stop();
    const again = AlertStore.open(path);
    expect(again.current.notices.map((n) => n.kind)).toEqual([
      "delivery-warning",
      "delivery-ok",
    ]);
    expect(again.current.trails["audit-prod"]?.level).toBe("failing");
  });

  it("sends the trail notices to a destination that opted into delivery confirmations, and only to it", async () => {
    const sender = fakeSender();
    const seen: SeenTrail[] = [
      {
        name: "audit\u202Eprod",
        health: {
          level: "failing",
          code: "NoSuchBucket",
          detail: "NoSuchBucket: The specified bucket does not exist.",
          lastDelivery: T0 - 4 * MIN,
        },
      },
    ];
    const { store, scheduler } = await world(
      sender,
      {
        readTrails: () => Promise.resolve(seen),
        trailsLink: () => "https://trailscope.example.com/trails",
      },
      (s) =>
        s.update((state) => {
          state.destinations.push(
            hook({ id: "dest-ops", deliveryConfirmations: true }),
            hook({ id: "dest-quiet" }),
          );
        }),
    );
    await scheduler.tick();
    const sent = sender.sent.map((n) => ("notice" in n ? n.notice : null));
    expect(sent).toEqual([
      expect.objectContaining({ kind: "delivery-warning", level: "failing" }),
      expect.objectContaining({ kind: "delivery-ok", level: "delivered" }),
    ]);
    expect(
      store.current.deliveries.map((d) => [d.destinationId, d.status]),
    ).toEqual([
      ["dest-ops", "sent"],
      ["dest-ops", "sent"],
    ]);
    const text = textMessage(sender.sent[0]!);
    expect(text).toContain(
      "[Trailscope warning] Trail audit⟦RLO⟧prod failed to deliver",
    );
    expect(text).toContain("Code: NoSuchBucket");
    expect(text).toContain(
      "Open in Trailscope: https://trailscope.example.com/trails",
    );
    expect(JSON.parse(webhookBody(sender.sent[1]!))).toMatchObject({
      type: "trailscope.trail.notice",
      kind: "delivery-ok",
      level: "delivered",
      at: new Date(T0 - 4 * MIN).toISOString(),
    });
  });

  it("keeps what it saw when the trails cannot be read", async () => {
    const { store, scheduler } = await world(fakeSender(), {
      readTrails: () => Promise.reject(new Error("Throttling.User: slow down")),
    });
    await scheduler.tick();
    expect(store.current.notices).toEqual([]);
    expect(logLines.join("\n")).toContain("trails could not be read");
  });
});
