import { describe, expect, it } from "vitest";
import { parseFaults, parseMockUrl } from "./browser-options";

describe("mock URL parameters", () => {
  it("reads scale, latency, faults, identity and dataset", () => {
    expect(
      parseMockUrl(
        "?mock-scale=0.1&mock-latency=400-50&faults=throttle:0.3,error:0.1,slow:0.2@2000&identity=auditor&dataset=/fixtures/a.jsonl.gz",
      ),
    ).toEqual({
      scale: 0.1,
      latency: [50, 400],
      faults: {
        throttleRate: 0.3,
        errorRate: 0.1,
        slowRate: 0.2,
        slowMs: 2000,
      },
      identity: "auditor",
      dataset: "/fixtures/a.jsonl.gz",
    });
  });

  it("ignores values it cannot use", () => {
    expect(
      parseMockUrl("?mock-scale=-3&mock-latency=fast&identity=root"),
    ).toEqual({
      scale: undefined,
      latency: undefined,
      faults: undefined,
      identity: undefined,
      dataset: undefined,
    });
    expect(parseFaults("throttle:7,slow:0.5")).toEqual({
      throttleRate: 1,
      errorRate: 0,
      slowRate: 0.5,
      slowMs: 2000,
    });
  });

  it("reads the regions that should fail from mock-fail-regions", () => {
    expect(
      parseMockUrl(
        "?mock-fail-regions=eu-west-1,%20us-east-1,,not%20a%20region",
      ).failRegions,
    ).toEqual(["eu-west-1", "us-east-1"]);
    expect(parseMockUrl("?mock-fail-regions=").failRegions).toBeUndefined();
    expect(parseMockUrl("?mock-latency=0-0").failRegions).toBeUndefined();
  });
});
