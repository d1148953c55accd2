import { describe, expect, it } from "vitest";
import { at, makeEvent } from "@/lib/audit-event-factory";
import { indexRules } from "@/lib/sigma/evaluate";
import { packRules } from "@/lib/sigma/rule-pack";
import { groupFindings, resourceOf, ruleSignals } from "./group-findings";
import { runFindings } from "./run-findings";

const index = indexRules(packRules());
const openSsh = (over: Partial<Parameters<typeof makeEvent>[0]> = {}) =>
  makeEvent({
    time: at(5, 3),
    name: "AuthorizeSecurityGroup",
    rw: "Write",
    user: "kofi.mensah",
    params: {
      RequestId: "ignored",
      SecurityGroupId: "sg-7hq2opened",
      IpProtocol: "tcp",
      PortRange: "22/22",
      SourceCidrIp: "0.0.0.0/0",
    },
    ...over,
  });

describe("rule signals", () => {
  it("name the resource from the request when the event has no resourceName, and the request's parameters", () => {
    const [hit] = ruleSignals(index, [openSsh()]).filter((s) =>
      s.resource?.includes("sg-7hq2opened"),
    );
    expect(hit?.resource).toBe("ACS::ECS::SecurityGroup:sg-7hq2opened");
    expect(hit?.resourceName).toBe("sg-7hq2opened");
    expect(hit?.sourceIps).toEqual(["203.0.113.24"]);
    expect(hit?.facts?.params).toContainEqual(["PortRange", "22/22"]);
    expect(hit?.facts?.params.map(([k]) => k)).not.toContain("RequestId");
  });

  it("say whether the address and region were new for the actor, or that it had no earlier activity", () => {
    const events = [
      makeEvent({ time: at(1, 3), user: "kofi.mensah", ip: "203.0.113.24" }),
      openSsh({ ip: "198.51.100.77", region: "cn-shenzhen" }),
      openSsh({ time: at(6, 3), user: "ama.owusu" }),
    ];
    const facts = ruleSignals(index, events).map((s) => [
      s.actor?.value,
      s.facts?.ipNovelty,
      s.facts?.regionNovelty,
    ]);
    expect(facts).toContainEqual(["kofi.mensah", "new", "new"]);
    expect(facts).toContainEqual(["ama.owusu", "none", "none"]);
    expect(facts).not.toContainEqual(["kofi.mensah", "usual", "usual"]);
  });

  it("carry their addresses and resources into the finding, and the run hands back the events behind it", () => {
    const event = openSsh();
    const [finding] = groupFindings(ruleSignals(index, [event]));
    expect(finding?.sourceIps).toEqual(["203.0.113.24"]);
    expect(finding?.resourceNames).toEqual(["sg-7hq2opened"]);
    const run = runFindings({
      events: [event],
      rules: packRules(),
      detectors: [],
      disabled: new Set(),
    });
    expect(run.events.map((e) => e.id)).toEqual([event.id]);
  });

  it("fall back to the event's referenced resources", () => {
    const event = makeEvent({ time: at(2, 1), name: "DeleteLogstore" });
    const raw = {
      ...event.raw,
      referencedResources: { "ACS::SLS::Logstore": ["audit-store"] },
    };
    expect(resourceOf({ ...event, raw })).toEqual({
      type: "ACS::SLS::Logstore",
      name: "audit-store",
    });
  });
});
