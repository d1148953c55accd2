import { inWords } from "./words-test-utils";
import { describe, expect, it } from "vitest";
import { at, makeEvent } from "@/lib/audit-event-factory";
import { packRules } from "@/lib/sigma/rule-pack";
import { techniquesOf, tacticsOf } from "@/lib/sigma/attack";
import { DETECTOR_CATALOG, detectionCoverage } from "./catalog";
import { normalWeek } from "./normal-week";

describe("the detector catalog", () => {
  it("gives every detector Sigma-shaped metadata with a unique UUID and ATT&CK tags", () => {
    const ids = DETECTOR_CATALOG.map((d) => d.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
    const lacking = DETECTOR_CATALOG.filter(
      ({ meta }) =>
        !/^[0-9a-f-]{36}$/.test(meta.id) ||
        meta.description.length < 20 ||
        meta.falsepositives.length === 0 ||
        techniquesOf(meta.tags).length === 0 ||
        tacticsOf(meta.tags).length === 0,
    ).map((d) => d.name);
    expect(lacking).toEqual([]);
  });

  it("splits new-address and dormant-credential findings between their entries", () => {
    const events = [
      ...normalWeek(),
      makeEvent({
        time: at(12, 3),
        name: "RunInstances",
        rw: "Write",
        user: "old.key",
        accessKeyId: "LTAI5tOld",
        ip: "198.18.1.1",
      }),
    ];
    const byName = Object.fromEntries(
      DETECTOR_CATALOG.map((d) => [
        d.name,
        d.detect(events).map((x) => x.kind),
      ]),
    );
    expect(byName["dormant-credential"]).toEqual(["dormant-credential"]);
    expect(byName["new-address"]).toEqual([]);
  });
});

describe("detectionCoverage", () => {
  it("counts rule hits and detector evidence per tactic and technique", () => {
    const events = [
      ...normalWeek(),
      makeEvent({
        time: at(6, 1),
        name: "StopLogging",
        rw: "Write",
        service: "Actiontrail",
        params: { Name: "t" },
      }),
    ];
    const result = detectionCoverage(events, packRules());
    const impairment = result.find((t) => t.name === "Defense Impairment");
    const cloudLog = impairment?.techniques.find((t) => t.id === "T1685.002");
    // the StopLogging rule and the sensitive-action detector both see the event
    expect(cloudLog?.hits).toBe(2);
    const names = result.map((t) => t.name);
    expect(names).toContain("Discovery");
    expect(names).not.toContain("Defense Evasion");
    const discovery = result.find((t) => t.name === "Discovery");
    expect(discovery?.hits).toBe(0);
  });
});

describe("rules and detectors together", () => {
  it("name a dormant key waking up 20 days back, a bucket made public 9 days back and a security group opened 12 days back, over 30 days", () => {
    const day = (d: number) => d + 30; // "now" is day 30; normalWeek fills days 0–6
    const events = [
      ...normalWeek(),
      makeEvent({
        time: at(day(-12), 10),
        name: "AuthorizeSecurityGroup",
        rw: "Write",
        user: "li.wei",
        accessKeyId: "LTAI5tLiWei",
        params: {
          SecurityGroupId: "sg-1",
          PortRange: "22/22",
          SourceCidrIp: "0.0.0.0/0",
        },
      }),
      makeEvent({
        time: at(day(-9), 15),
        name: "PutBucketAcl",
        service: "Oss",
        rw: "Write",
        user: "zhang.min",
        params: { BucketName: "exports", "x-oss-acl": "public-read-write" },
      }),
      makeEvent({
        time: at(day(-20), 3),
        name: "ListUsers",
        service: "Ram",
        rw: "Read",
        user: "old-backup",
        accessKeyId: "LTAI5tSleeper",
        ip: "198.18.44.4",
        region: "eu-central-1",
      }),
    ];
    const rules = packRules();
    const ruleHits = rules
      .filter((r) => events.some((e) => r.match(e.raw)))
      .map((r) => r.meta.title);
    expect(ruleHits).toEqual(
      expect.arrayContaining([
        "OSS bucket made public by its ACL",
        "SSH, RDP, database or all ports opened to the internet",
      ]),
    );
    const dormant = DETECTOR_CATALOG.find(
      (d) => d.name === "dormant-credential",
    )!
      .detect(events)
      .map(inWords);
    expect(dormant.map((d) => d.subject.value)).toEqual(["LTAI5tSleeper"]);
    expect(dormant[0]?.evidence).toContainEqual({
      label: "Addresses (all new for it)",
      values: ["198.18.44.4"],
    });
  });
});
