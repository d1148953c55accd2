import { describe, expect, it } from "vitest";
import { at, makeEvent } from "@/lib/audit-event-factory";
import { detectNewAddresses as detect } from "./new-address";
import { inEnglish } from "./words-test-utils";
import { normalWeek } from "./normal-week";

const detectNewAddresses = inEnglish(detect);

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

  it("ignores one new address in a known region, Internal callers and actors new for less than the dormancy period", () => {
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

  it("learns from the events before each call: a key's first day is its baseline, later new networks and regions are judged", () => {
    const events = [
      ...normalWeek(2),
      leak(1, 20, "198.18.0.7", "ap-southeast-1"),
      leak(1, 21, "198.18.0.7", "ap-southeast-1"),
    ];
    const [d, ...rest] = detectNewAddresses(events);
    expect(rest).toEqual([]);
    expect(d?.kind).toBe("new-address");
    expect(d?.eventIds).toHaveLength(2);
    expect(d?.evidence).toContainEqual({
      label: "Regions never used before",
      values: ["ap-southeast-1"],
    });
    expect(d?.evidence).toContainEqual({
      label: "Usual addresses",
      values: ["47.96.1.10"],
    });
  });

  it("does not judge an actor's first day: new addresses then are its baseline", () => {
    const events = [
      leak(0, 1, "47.96.1.10", "cn-hangzhou"),
      leak(0, 5, "198.18.0.7", "us-west-1"),
      leak(0, 9, "198.51.100.3", "eu-central-1"),
    ];
    expect(detectNewAddresses(events)).toEqual([]);
  });

  it("reports a dormant AccessKey that wakes up long after the range starts, with no baseline, as a finding of its own", () => {
    const wake = [
      leak(20, 3, "198.18.0.7", "ap-southeast-1"),
      leak(20, 4, "198.18.0.7", "ap-southeast-1"),
      makeEvent({
        time: at(20, 5),
        name: "CreateAccessKey",
        rw: "Write",
        user: "ci-deployer",
        accessKeyId: "LTAI5tCiDeploy",
        ip: "198.18.0.9",
        region: "ap-southeast-1",
      }),
      leak(22, 3, "198.18.0.7", "ap-southeast-1"), // later days: no longer "waking up"
    ];
    const others = normalWeek().filter(
      (e) => e.accessKeyId !== "LTAI5tCiDeploy",
    );
    const found = detectNewAddresses([...others, ...wake]);
    const dormant = found.filter((d) => d.kind === "dormant-credential");
    expect(dormant).toHaveLength(1);
    const [d] = dormant;
    expect(d?.id).toBe("dormant-credential:accessKey:LTAI5tCiDeploy");
    expect(d?.severity).toBe("high");
    expect(d?.title).toBe(
      "Dormant credential active: AccessKey LTAI5tCiDeploy (ci-deployer) after 20 quiet days",
    );
    expect(d?.eventIds).toEqual(wake.slice(0, 3).map((e) => e.id));
    expect(d?.evidence).toContainEqual({
      label: "Addresses (all new for it)",
      values: ["198.18.0.7", "198.18.0.9"],
    });
    expect(d?.evidence[0]?.label).toContain("no baseline");
    expect(d?.filters).toEqual([
      { key: "EventAccessKeyId", value: "LTAI5tCiDeploy" },
    ]);
  });

  it("measures dormancy from the start of the range looked at, not only from the oldest event", () => {
    const lone = [leak(3, 3, "198.18.0.7", "cn-hangzhou")];
    expect(detectNewAddresses(lone)).toEqual([]);
    const found = detectNewAddresses(lone, { rangeStartMs: at(-10, 0) });
    expect(found.map((d) => d.kind)).toEqual(["dormant-credential"]);
    expect(
      detectNewAddresses(lone, {
        rangeStartMs: at(-10, 0),
        dormantAfterMs: 30 * 86_400_000,
      }),
    ).toEqual([]);
  });

  it("rates a dormant console user that only reads as medium", () => {
    const events = [
      ...normalWeek(),
      makeEvent({
        time: at(9, 2),
        name: "DescribeInstances",
        rw: "Read",
        user: "returning.user",
        ip: "203.0.113.99",
      }),
    ];
    const dormant = detectNewAddresses(events).filter(
      (d) => d.kind === "dormant-credential",
    );
    expect(dormant.map((d) => [d.subject.value, d.severity])).toEqual([
      ["returning.user", "medium"],
    ]);
  });

  it("does not call a new session of a role that was active earlier dormant", () => {
    const session = (day: number, name: string) =>
      makeEvent({
        time: at(day, 3),
        name: "DescribeInstances",
        identityType: "assumed-role",
        user: `deploy-role:${name}`,
        accessKeyId: `STS.${name}`,
      });
    expect(detectNewAddresses([session(0, "s1"), session(12, "s2")])).toEqual(
      [],
    );
    const late = detectNewAddresses(
      [session(0, "s1")].concat(session(12, "x")),
      {
        rangeStartMs: at(0, 0),
      },
    );
    expect(late).toEqual([]);
    const dormantRole = detectNewAddresses([session(12, "s3")], {
      rangeStartMs: at(0, 0),
    });
    expect(dormantRole.map((d) => d.subject.value)).toEqual(["deploy-role:s3"]);
  });
});
