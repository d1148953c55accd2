import { describe, expect, it } from "vitest";
import type { LookupAttribute } from "@/api/schemas/event";
import { INCIDENTS } from "@mocks/data/incidents";
import { installAccount } from "@mocks/node";
import { DAY, isoSec, once, rpcError } from "@mocks/testing/helpers";

const NOW = Date.UTC(2026, 10, 23, 6, 30);
// A frozen clock makes every call land in the same second: rate limits are tested on their own.
const fixed = () =>
  installAccount({ now: NOW, clock: () => NOW, rateLimits: false });
const HZ = "cn-hangzhou";

describe("LookupEvents time rules", () => {
  it("defaults to the last 7 days, newest first, and echoes the window", async () => {
    fixed();
    const page = await once(HZ, "LookupEvents", {});
    expect(page.startTime).toBe(isoSec(NOW - 7 * DAY));
    expect(page.endTime).toBe(isoSec(NOW));
    expect(page.events).toHaveLength(20);
    const times = page.events.map((e) => e.timeMs);
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(times.every((t) => t >= NOW - 7 * DAY && t <= NOW)).toBe(true);
  });

  it.each([
    [
      "a span over 30 days",
      { StartTime: isoSec(NOW - 31 * DAY), EndTime: isoSec(NOW) },
      "InvalidParameterDateOutOfRange",
    ],
    [
      "a start over 90 days back",
      { StartTime: isoSec(NOW - 91 * DAY), EndTime: isoSec(NOW - 80 * DAY) },
      "InvalidParameterStartTimeOutOfDate",
    ],
    [
      "a start in the future",
      { StartTime: isoSec(NOW + 3_600_000), EndTime: isoSec(NOW + 7_200_000) },
      "InvalidParameterStartTimeExceedsCurrent",
    ],
    [
      "an end before the start",
      { StartTime: isoSec(NOW - DAY), EndTime: isoSec(NOW - 2 * DAY) },
      "InvalidParameterCombination",
    ],
    [
      "an end equal to the start",
      { StartTime: isoSec(NOW - DAY), EndTime: isoSec(NOW - DAY) },
      "InvalidParameterCombination",
    ],
    [
      "a start with milliseconds",
      { StartTime: "2026-11-20T00:00:00.000Z", EndTime: isoSec(NOW) },
      "InvalidParameterStartTime",
    ],
    [
      "a start without zone",
      { StartTime: "2026-11-20 00:00:00", EndTime: isoSec(NOW) },
      "InvalidParameterStartTime",
    ],
    [
      "an impossible start date",
      { StartTime: "2026-02-30T00:00:00Z", EndTime: isoSec(NOW) },
      "InvalidParameterStartTime",
    ],
    [
      "a bad end",
      { StartTime: isoSec(NOW - DAY), EndTime: "yesterday" },
      "InvalidParameterEndTime",
    ],
    ["a start alone", { StartTime: isoSec(NOW - DAY) }, "MissingParameter"],
    ["an end alone", { EndTime: isoSec(NOW) }, "MissingParameter"],
  ])("refuses %s", async (_label, params, code) => {
    fixed();
    const error = await rpcError(HZ, "LookupEvents", params);
    expect(error.code).toBe(code);
    expect(error.status).toBe(400);
    expect(error.requestId).not.toBe("");
  });

  it("accepts exactly 30 days ending now and a start exactly 90 days back", async () => {
    fixed();
    await expect(
      once(HZ, "LookupEvents", {
        StartTime: isoSec(NOW - 30 * DAY),
        EndTime: isoSec(NOW),
      }),
    ).resolves.toBeDefined();
    await expect(
      once(HZ, "LookupEvents", {
        StartTime: isoSec(NOW - 90 * DAY),
        EndTime: isoSec(NOW - 89 * DAY),
      }),
    ).resolves.toBeDefined();
  });
});

describe("LookupEvents paging and direction", () => {
  it.each([0, 51, 2.5])(
    "refuses MaxResults %s with InvalidParameterValue",
    async (n) => {
      fixed();
      expect((await rpcError(HZ, "LookupEvents", { MaxResults: n })).code).toBe(
        "InvalidParameterValue",
      );
    },
  );

  it("serves 1 and 50 results", async () => {
    fixed();
    expect(
      (await once(HZ, "LookupEvents", { MaxResults: 1 })).events,
    ).toHaveLength(1);
    expect(
      (await once(HZ, "LookupEvents", { MaxResults: 50 })).events,
    ).toHaveLength(50);
  });

  it("FORWARD returns oldest first from the window start; a bad Direction is refused", async () => {
    fixed();
    const start = NOW - 2 * DAY;
    const page = await once(HZ, "LookupEvents", {
      Direction: "FORWARD",
      StartTime: isoSec(start),
      EndTime: isoSec(NOW),
    });
    const times = page.events.map((e) => e.timeMs);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(times[0]).toBeGreaterThanOrEqual(start);
    expect(
      (
        await rpcError(HZ, "LookupEvents", {
          Direction: "SIDEWAYS" as "FORWARD",
        })
      ).code,
    ).toBe("InvalidParameterValue");
  });

  it("pages through a query with NextToken without gaps or repeats", async () => {
    fixed();
    const query = {
      StartTime: isoSec(NOW - 5 * DAY),
      EndTime: isoSec(NOW),
      LookupAttribute: [
        { Key: "EventRW", Value: "Write" },
      ] as LookupAttribute[],
    };
    const all = await once(HZ, "LookupEvents", { ...query, MaxResults: 50 });
    const first = await once(HZ, "LookupEvents", { ...query, MaxResults: 20 });
    expect(first.nextToken).toBeTruthy();
    const second = await once(HZ, "LookupEvents", {
      ...query,
      MaxResults: 20,
      NextToken: first.nextToken,
    });
    const ids = [...first.events, ...second.events].map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(all.events.slice(0, ids.length).map((e) => e.id));
    expect(
      [...first.events, ...second.events].every((e) => e.rw === "Write"),
    ).toBe(true);
  });

  it("ends without a NextToken on the last page", async () => {
    fixed();
    const page = await once(HZ, "LookupEvents", {
      LookupAttribute: [
        { Key: "User", Value: INCIDENTS.stoppedProdInstance.userName },
        { Key: "ServiceName", Value: "Nope" },
      ] as LookupAttribute[],
    });
    expect(page.events).toEqual([]);
    expect(page.nextToken).toBeUndefined();
  });

  it("binds NextToken to its query: another query or a forged token is InvalidNextToken", async () => {
    fixed();
    const first = await once(HZ, "LookupEvents", { MaxResults: 5 });
    const token = first.nextToken!;
    expect(
      (await rpcError(HZ, "LookupEvents", { MaxResults: 6, NextToken: token }))
        .code,
    ).toBe("InvalidNextToken");
    expect(
      (
        await rpcError(HZ, "LookupEvents", {
          MaxResults: 5,
          NextToken: token,
          LookupAttribute: [{ Key: "EventRW", Value: "Read" }],
        })
      ).code,
    ).toBe("InvalidNextToken");
    expect(
      (
        await rpcError("cn-shanghai", "LookupEvents", {
          MaxResults: 5,
          NextToken: token,
        })
      ).code,
    ).toBe("InvalidNextToken");
    expect(
      (
        await rpcError(HZ, "LookupEvents", {
          MaxResults: 5,
          NextToken: "not-a-token",
        })
      ).code,
    ).toBe("InvalidNextToken");
  });
});

describe("LookupEvents attributes", () => {
  const attrs = (...pairs: [string, string][]) =>
    pairs.map(([Key, Value]) => ({ Key, Value })) as LookupAttribute[];

  it.each([
    ["an unknown key", attrs(["Colour", "red"])],
    [
      "three keys",
      attrs(
        ["ServiceName", "Ecs"],
        ["EventName", "StopInstance"],
        ["EventRW", "Write"],
      ),
    ],
    [
      "EventName with User",
      attrs(["EventName", "StopInstance"], ["User", "li.wei"]),
    ],
    [
      "User with SourceIpAddress",
      attrs(["User", "li.wei"], ["SourceIpAddress", "203.0.113.24"]),
    ],
    ["PrincipalId alone", attrs(["PrincipalId", "284516372093811542"])],
    ["a lower-case key", attrs(["servicename", "Ecs"])],
  ])(
    "refuses %s with InvalidLookupAttributesException",
    async (_label, LookupAttribute) => {
      fixed();
      const error = await rpcError(HZ, "LookupEvents", { LookupAttribute });
      expect(error.code).toBe("InvalidLookupAttributesException");
      expect(error.message).toBe(
        "Only support specific values or combinations",
      );
    },
  );

  it.each([
    attrs(["ServiceName", "Ecs"], ["EventName", "StopInstance"]),
    attrs(["ServiceName", "Ecs"], ["User", "li.wei"]),
    attrs(["ServiceName", "Ecs"], ["PrincipalId", "284516372093811542"]),
    attrs(["ServiceName", "Ecs"], ["SensitiveAction", "true"]),
    attrs(
      ["ResourceName", "i-bp1prodweb01ab9xz"],
      ["ResourceType", "ACS::ECS::Instance"],
    ),
    attrs(
      ["EventName", "StopInstance"],
      ["ResourceName", "i-bp1prodweb01ab9xz"],
    ),
    attrs(["EventType", "ConsoleOperation"], ["EventName", "StopInstance"]),
  ])("accepts the allowed combination %j", async (...LookupAttribute) => {
    fixed();
    const page = await once(HZ, "LookupEvents", {
      LookupAttribute,
      MaxResults: 50,
    });
    expect(Array.isArray(page.events)).toBe(true);
  });

  it("filters exactly and case-sensitively on every column", async () => {
    fixed();
    const check = async (
      Key: string,
      Value: string,
      pick: (e: { [k: string]: unknown }) => unknown,
    ) => {
      const page = await once(HZ, "LookupEvents", {
        LookupAttribute: attrs([Key, Value]),
        MaxResults: 50,
      });
      expect(page.events.length, `${Key}=${Value}`).toBeGreaterThan(0);
      for (const e of page.events)
        expect(pick(e as never), `${Key}=${Value}`).toBe(true);
    };
    await check("User", "li.wei", (e) => e.userName === "li.wei");
    await check("ServiceName", "Rds", (e) => e.service === "Rds");
    await check(
      "EventName",
      "DescribeInstances",
      (e) => e.name === "DescribeInstances",
    );
    await check("EventRW", "Read", (e) => e.rw === "Read");
    await check(
      "EventType",
      "ConsoleOperation",
      (e) => e.type === "ConsoleOperation",
    );
    await check(
      "ResourceType",
      "ACS::RDS::DBInstance",
      (e) => e.resourceType === "ACS::RDS::DBInstance",
    );
    await check("SensitiveAction", "true", (e) => e.sensitive === true);
    await check(
      "SourceIpAddress",
      "203.0.113.24",
      (e) => e.sourceIp === "203.0.113.24",
    );
    await check(
      "EventAccessKeyId",
      INCIDENTS.leakedAccessKey.accessKeyId,
      (e) => e.accessKeyId === INCIDENTS.leakedAccessKey.accessKeyId,
    );
    await check("ResourceName", INCIDENTS.stoppedProdInstance.instanceId, (e) =>
      String(e.resourceName)
        .split(",")
        .includes(INCIDENTS.stoppedProdInstance.instanceId),
    );
    await check("RoleName", "OpsAdmin", (e) =>
      String(e.userName).startsWith("OpsAdmin:"),
    );
    expect(
      (
        await once(HZ, "LookupEvents", {
          LookupAttribute: attrs(["User", "LI.WEI"]),
        })
      ).events,
    ).toEqual([]);
    expect(
      (
        await once(HZ, "LookupEvents", {
          LookupAttribute: attrs(["EventRW", "write"]),
        })
      ).events,
    ).toEqual([]);
  });

  it("counts only the second value when a key is repeated", async () => {
    fixed();
    const page = await once(HZ, "LookupEvents", {
      LookupAttribute: attrs(["User", "nobody"], ["User", "zhang.min"]),
      MaxResults: 10,
    });
    expect(page.events.length).toBeGreaterThan(0);
    expect(page.events.every((e) => e.userName === "zhang.min")).toBe(true);
  });

  it("finds one event by EventId, in its own region only", async () => {
    const account = fixed();
    const id = account.incidentEventId("b-stop")!;
    const page = await once(HZ, "LookupEvents", {
      LookupAttribute: attrs(["EventId", id]),
    });
    expect(page.events.map((e) => e.id)).toEqual([id]);
    expect(page.events[0]!.name).toBe("StopInstance");
    const background = (await once(HZ, "LookupEvents", { MaxResults: 1 }))
      .events[0]!;
    expect(
      (
        await once(HZ, "LookupEvents", {
          LookupAttribute: attrs(["EventId", background.id]),
        })
      ).events[0]!.raw,
    ).toEqual(background.raw);
    expect(
      (
        await once("cn-shanghai", "LookupEvents", {
          LookupAttribute: attrs(["EventId", id]),
        })
      ).events,
    ).toEqual([]);
  });
});

describe("DescribeUserLogCount and LookupInsightEvents", () => {
  it("counts events per UTC day, matching LookupEvents totals", async () => {
    const account = fixed();
    const day = new Date(NOW - 3 * DAY).toISOString().slice(0, 10);
    const result = await once(HZ, "DescribeUserLogCount", {
      StartDate: day,
      EndDate: day,
    });
    const store = account.store(HZ);
    const start = Date.parse(`${day}T00:00:00Z`) / 1000;
    expect(result.days).toEqual([
      {
        date: day,
        count: store.lowerBound(start + 86_400) - store.lowerBound(start),
      },
    ]);
    expect(result.days[0]!.count).toBeGreaterThan(0);
    expect(
      (
        await rpcError(HZ, "DescribeUserLogCount", {
          StartDate: "2026/11/01",
          EndDate: day,
        })
      ).code,
    ).toBe("InvalidParameterValue");
    expect(
      (
        await rpcError(HZ, "DescribeUserLogCount", {
          StartDate: day,
          EndDate: "2026-01-01",
        })
      ).code,
    ).toBe("InvalidParameterCombination");
  });

  it("returns insight events for the incidents, filterable by type", async () => {
    fixed();
    const all = await once(HZ, "LookupInsightEvents", { MaxResults: 50 });
    const types = new Set(all.events.map((e) => e.insightType));
    for (const t of [
      "IpInsight",
      "AkInsight",
      "ApiErrorRateInsight",
      "TrailConcealmentInsight",
      "ApiCallRateInsight",
    ])
      expect(types).toContain(t);
    const ak = await once(HZ, "LookupInsightEvents", {
      LookupAttribute: [{ Key: "InsightType", Value: "AkInsight" }],
    });
    expect(ak.events).toHaveLength(1);
    expect(ak.events[0]!.context.accessKeyId).toBe(
      INCIDENTS.leakedAccessKey.accessKeyId,
    );
    expect(ak.events[0]!.context.relatedEventIds!.length).toBeGreaterThan(5);
    const sg = await once("ap-southeast-1", "LookupInsightEvents", {
      LookupAttribute: [{ Key: "InsightType", Value: "PolicyChangeInsight" }],
    });
    expect(sg.events[0]!.context.insightObject).toBe(
      INCIDENTS.backdoorUser.createdUser,
    );
  });
});

describe("LookupEvents while the console stays open", () => {
  it("answers with the events that happened since, up to the account's current time", async () => {
    let now = NOW;
    installAccount({
      now: NOW,
      clock: () => now,
      rateLimits: false,
      scale: 0.2,
    });
    const first = await once(HZ, "LookupEvents", { MaxResults: 1 });
    const newest = first.events[0]!.timeMs;
    expect(newest).toBeLessThanOrEqual(NOW);
    now = NOW + 3 * 3_600_000;
    const later = await once(HZ, "LookupEvents", { MaxResults: 50 });
    expect(later.endTime).toBe(isoSec(now));
    const times = later.events.map((e) => e.timeMs);
    expect(Math.max(...times)).toBeLessThanOrEqual(now);
    expect(Math.max(...times)).toBeGreaterThan(NOW + 2 * 3_600_000);
    // The past did not change: the event that was newest is still there.
    const again = await once(HZ, "LookupEvents", {
      LookupAttribute: [{ Key: "EventId", Value: first.events[0]!.id }],
    });
    expect(again.events.map((e) => e.id)).toEqual([first.events[0]!.id]);
  });
});
