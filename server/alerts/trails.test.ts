import { describe, expect, it } from "vitest";
import { makeEvent } from "@/lib/audit-event-factory";
import type { AuditEvent } from "@/api/schemas/event";
import { createLogger } from "../logger";
import type { EventReader, SignedCall } from "./lookup";
import { createTrailReader } from "./trails";

const MIN = 60_000;
const NOW = Date.parse("2026-03-02T08:00:00Z");
const iso = (ms: number) => new Date(ms).toISOString().replace(".000Z", "Z");

/** ActionTrail's answers, in its own wire shape, checked by the caller's schema as the real call does. */
function fakeActionTrail(statuses: Record<string, Record<string, unknown>>) {
  const asked: string[] = [];
  const call: SignedCall = (region, params, schema) => {
    asked.push(`${region} ${params.Action} ${params.Name ?? ""}`.trim());
    const answer =
      params.Action === "DescribeTrails"
        ? {
            RequestId: "r",
            TrailList: Object.keys(statuses).map((name) => ({
              Name: name,
              HomeRegion: "cn-hangzhou",
              Region: region,
              Status: "Enable",
              EventRW: "All",
              TrailRegion: "All",
            })),
          }
        : { RequestId: "r", ...statuses[params.Name ?? ""] };
    return Promise.resolve(schema.parse(answer));
  };
  return { call, asked };
}

const reader =
  (events: AuditEvent[]): EventReader =>
  (query) =>
    Promise.resolve({
      events: events.filter(
        (e) => e.timeMs >= query.startMs && e.timeMs <= query.endMs,
      ),
      complete: true,
    });

describe("how the gateway looks at trails", () => {
  it("reads each trail's GetTrailStatus in its home region and judges it by the console's rule", async () => {
    const { call, asked } = fakeActionTrail({
      "audit-oss": {
        IsLogging: true,
        LatestDeliveryTime: iso(NOW - 3 * MIN),
        LatestDeliveryError:
          "NoSuchBucket: The specified bucket does not exist.",
        OssBucketStatus: false,
      },
      "audit-off": {
        IsLogging: false,
        LatestDeliveryTime: iso(NOW - 90 * MIN),
      },
    });
    const read = createTrailReader({
      call,
      readEvents: reader([]),
      regions: ["cn-hangzhou"],
      logger: createLogger(() => undefined),
    });
    const seen = await read(NOW);
    expect(asked).toEqual([
      "cn-hangzhou DescribeTrails",
      "cn-hangzhou GetTrailStatus audit-oss",
      "cn-hangzhou GetTrailStatus audit-off",
    ]);
    expect(seen).toEqual([
      {
        name: "audit-oss",
        health: expect.objectContaining({
          level: "failing",
          code: "NoSuchBucket",
        }) as unknown,
      },
      {
        name: "audit-off",
        health: expect.objectContaining({ level: "stopped" }) as unknown,
      },
    ]);
  });

  it("calls a silent trail late only when the account recorded events since its last delivery", async () => {
    const status = {
      "audit-quiet": {
        IsLogging: true,
        LatestDeliveryTime: iso(NOW - 60 * MIN),
        OssBucketStatus: true,
      },
    };
    const logger = createLogger(() => undefined);
    const quiet = createTrailReader({
      call: fakeActionTrail(status).call,
      readEvents: reader([]),
      regions: ["cn-hangzhou"],
      logger,
    });
    expect((await quiet(NOW))[0]?.health.level).toBe("healthy");
    const busy = createTrailReader({
      call: fakeActionTrail(status).call,
      readEvents: reader([
        makeEvent({
          time: NOW - 30 * MIN,
          name: "CreateUser",
          user: "alice",
          region: "cn-hangzhou",
        }),
      ]),
      regions: ["cn-hangzhou"],
      logger,
    });
    expect((await busy(NOW))[0]?.health.level).toBe("late");
  });
});
