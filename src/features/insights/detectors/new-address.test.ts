import { describe, expect, it } from "vitest";
import { at, makeEvent } from "@/lib/audit-event-factory";
import { detectNewAddresses } from "./new-address";
import { normalWeek } from "./normal-week";

const leak = (day: number, hour: number, ip: string, region: string) =>
  makeEvent({
    time: at(day, hour),
    name: "RunInstances",
    rw: "Write",
    user: "ci-deployer",
    accessKeyId: "LTAI5tCiDeploy",
    ip,
    region,
  });

describe("detectNewAddresses", () => {
  it("raises no alarm over a normal week (second office address included)", () => {
    expect(detectNewAddresses(normalWeek())).toEqual([]);
  });

  it("names the key, its owner, the new addresses and the regions of a leaked AccessKey", () => {
    const events = [
      ...normalWeek(),
      leak(6, 20, "198.18.0.7", "ap-southeast-1"),
      leak(6, 20, "198.18.0.7", "us-west-1"),
      leak(6, 21, "198.18.0.9", "eu-central-1"),
    ];
    const [d, ...rest] = detectNewAddresses(events);
    expect(rest).toEqual([]);
    expect(d?.subject).toEqual({
      kind: "accessKey",
      value: "LTAI5tCiDeploy",
      owner: "ci-deployer",
    });
    expect(d?.severity).toBe("high");
    expect(d?.title).toContain("LTAI5tCiDeploy");
    const evidence = Object.fromEntries(
      d!.evidence.map((e) => [e.label, e.values]),
    );
    expect(evidence["New addresses"]).toEqual(["198.18.0.7", "198.18.0.9"]);
    expect(evidence["Regions of these calls"]).toEqual([
      "ap-southeast-1",
      "us-west-1",
      "eu-central-1",
    ]);
    expect(evidence["Owner"]).toEqual(["ci-deployer"]);
    expect(d?.filters).toEqual([
      { key: "EventAccessKeyId", value: "LTAI5tCiDeploy" },
    ]);
    expect(d?.pivots[0]?.filters).toContainEqual({
      key: "EventName",
      value: "RunInstances",
    });
    expect(d?.eventIds).toHaveLength(3);
  });

  it("ignores one new address in a known region, Internal callers and actors without a baseline", () => {
    const events = [
      ...normalWeek(),
      leak(6, 20, "198.18.0.7", "cn-hangzhou"),
      leak(6, 22, "47.96.1.11", "cn-hangzhou"), // another runner of the CI pool (same /24)
      leak(6, 22, "47.96.1.12", "cn-hangzhou"),
      leak(6, 21, "Internal", "us-west-1"),
      makeEvent({
        time: at(6, 5),
        user: "new.hire",
        ip: "192.0.2.1",
        region: "us-east-1",
      }),
    ];
    expect(detectNewAddresses(events)).toEqual([]);
  });

  it("returns nothing for no events", () => {
    expect(detectNewAddresses([])).toEqual([]);
  });
});
