import { describe, expect, it } from "vitest";
import { trailHealth, type DeliveryFacts } from "./trail-health";

const NOW = Date.UTC(2026, 10, 23, 3, 0, 0);
const iso = (ms: number) => new Date(ms).toISOString().replace(".000Z", "Z");
const MIN = 60_000;

const facts = (over: Partial<DeliveryFacts> = {}): DeliveryFacts => ({
  isLogging: true,
  latestDeliveryTime: iso(NOW - 4 * MIN),
  latestDeliveryError: "",
  latestDeliveryLogServiceTime: "",
  latestDeliveryLogServiceError: "",
  ossBucketAvailable: true,
  slsLogStoreAvailable: undefined,
  startLoggingTime: iso(NOW - 10 * 24 * 60 * MIN),
  ...over,
});

describe("a trail's delivery health", () => {
  it("is healthy when logging and delivered within the expected time", () => {
    expect(trailHealth(facts(), NOW)).toEqual({
      level: "healthy",
      lastDelivery: NOW - 4 * MIN,
    });
  });

  it("is failing with the service's code when the bucket is gone", () => {
    const health = trailHealth(
      facts({
        latestDeliveryTime: "",
        ossBucketAvailable: false,
        latestDeliveryError:
          "NoSuchBucket: The specified bucket does not exist. Bucket: b",
      }),
      NOW,
    );
    expect(health.level).toBe("failing");
    expect(health.code).toBe("NoSuchBucket");
    expect(health.detail).toMatch(/^NoSuchBucket: /);
  });

  it("is failing when a destination is unavailable without a message", () => {
    expect(trailHealth(facts({ slsLogStoreAvailable: false }), NOW).code).toBe(
      "SlsLogStoreUnavailable",
    );
  });

  it("is stopped when not logging", () => {
    expect(trailHealth(facts({ isLogging: false }), NOW).level).toBe("stopped");
  });

  it("is late when logging but nothing was delivered for over 30 minutes", () => {
    expect(
      trailHealth(facts({ latestDeliveryTime: iso(NOW - 31 * MIN) }), NOW)
        .level,
    ).toBe("late");
    expect(
      trailHealth(facts({ latestDeliveryTime: iso(NOW - 30 * MIN) }), NOW)
        .level,
    ).toBe("healthy");
  });

  it("is starting just after logging began, late if it never delivers", () => {
    const fresh = facts({
      latestDeliveryTime: "",
      startLoggingTime: iso(NOW - 3 * MIN),
    });
    expect(trailHealth(fresh, NOW).level).toBe("starting");
    expect(trailHealth(fresh, NOW + 40 * MIN).level).toBe("late");
  });

  it("takes the newer of OSS and Log Service deliveries", () => {
    const health = trailHealth(
      facts({
        latestDeliveryTime: iso(NOW - 50 * MIN),
        latestDeliveryLogServiceTime: iso(NOW - 2 * MIN),
        slsLogStoreAvailable: true,
      }),
      NOW,
    );
    expect(health).toEqual({ level: "healthy", lastDelivery: NOW - 2 * MIN });
  });

  it("names a trail without any destination", () => {
    expect(
      trailHealth(
        facts({ latestDeliveryTime: "", ossBucketAvailable: undefined }),
        NOW,
      ).level,
    ).toBe("no-destination");
  });
});
