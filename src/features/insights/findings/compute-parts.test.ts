import { describe, expect, it } from "vitest";
import { at, makeEvent } from "@/lib/audit-event-factory";
import { computeFindings } from "./compute";
import { groupFindings } from "./group-findings";

/** A port opened to the internet (a rule hit), by one user, at a given hour. */
const opened = (hour: number, user: string, group: string) =>
  makeEvent({
    time: at(5, hour),
    name: "AuthorizeSecurityGroup",
    rw: "Write",
    user,
    params: {
      SecurityGroupId: group,
      IpProtocol: "tcp",
      PortRange: "22/22",
      SourceCidrIp: "0.0.0.0/0",
    },
  });

describe("findings of a read in parts", () => {
  const events = [
    opened(1, "ana", "sg-a"),
    opened(2, "ben", "sg-b"),
    opened(3, "ana", "sg-c"),
    opened(4, "ben", "sg-d"),
  ];
  const job = { userRules: [], disabled: [] };

  it("runs only the single-event rules and hands back their signals", () => {
    const part = computeFindings({ ...job, events, rulesOnly: true });
    expect(part.signals?.length).toBeGreaterThan(0);
    expect(part.signals?.every((s) => s.source === "rule")).toBe(true);
    expect(part.findings.length).toBeGreaterThan(0);
  });

  it("groups the parts' rule signals into the findings the whole would give", () => {
    const whole = computeFindings({ ...job, events, rulesOnly: true });
    const first = computeFindings({
      ...job,
      events: events.slice(0, 2),
      rulesOnly: true,
    });
    const second = computeFindings({
      ...job,
      events: events.slice(2),
      rulesOnly: true,
    });
    const parts = groupFindings([
      ...(first.signals ?? []),
      ...(second.signals ?? []),
    ]);
    const shape = (fs: typeof parts) =>
      fs.map((f) => ({ key: f.key, events: [...f.eventIds].sort() }));
    expect(shape(parts)).toEqual(shape(whole.findings));
  });

  it("runs the whole read over the parts it kept and the rest it is sent, as if sent every event", () => {
    const whole = computeFindings({ ...job, events });
    for (const part of [events.slice(0, 1), events.slice(1, 3)])
      computeFindings({
        ...job,
        events: part,
        rulesOnly: true,
        read: { id: "read-a", keep: true },
      });
    const rest = computeFindings({
      ...job,
      events: events.slice(3),
      read: { id: "read-a", kept: 3 },
    });
    expect(rest.partsMissing).toBeUndefined();
    expect(rest.examined).toBe(events.length);
    expect(rest.findings).toEqual(whole.findings);
  });

  it("says the parts are missing, and runs nothing, when it does not hold every event sent", () => {
    computeFindings({
      ...job,
      events: events.slice(0, 2),
      rulesOnly: true,
      read: { id: "read-b", keep: true },
    });
    const rest = computeFindings({
      ...job,
      events: events.slice(2),
      read: { id: "read-b", kept: 3 },
    });
    expect(rest.partsMissing).toBe(true);
    expect(rest.findings).toEqual([]);
  });

  it("without rulesOnly gives no signals back (the view groups nothing itself)", () => {
    expect(computeFindings({ ...job, events }).signals).toBeUndefined();
  });
});
