import { describe, expect, it } from "vitest";
import { at, makeEvent } from "@/lib/audit-event-factory";
import { detectEnumeration as detect } from "./enumeration";
import { inEnglish } from "./words-test-utils";
import { normalWeek } from "./normal-week";

const detectEnumeration = inEnglish(detect);

const SERVICES = ["Ecs", "Ram", "Oss", "Rds", "Kms", "Vpc"];

const sweep = (day: number, hour: number, user = "scanner", denied = true) =>
  Array.from({ length: 24 }, (_, i) =>
    makeEvent({
      time: at(day, hour, i * 2),
      name: `${i % 2 ? "List" : "Describe"}Thing${i % 12}`,
      rw: "Read",
      service: SERVICES[i % SERVICES.length],
      user,
      accessKeyId: "LTAI5tScan",
      ip: "198.18.3.3",
      errorCode: denied && i % 3 === 0 ? "NoPermission" : "",
    }),
  );

describe("detectEnumeration", () => {
  it("raises no alarm over a normal week", () => {
    expect(detectEnumeration(normalWeek())).toEqual([]);
  });

  it("names the identity, the services, the actions and the refused calls of an enumeration", () => {
    const quiet = Array.from({ length: 3 }, (_, day) =>
      makeEvent({
        time: at(day, 9),
        name: "DescribeInstances",
        rw: "Read",
        user: "scanner",
        accessKeyId: "LTAI5tScan",
      }),
    );
    const [d, ...rest] = detectEnumeration([
      ...normalWeek(),
      ...quiet,
      ...sweep(6, 2),
    ]);
    expect(rest).toEqual([]);
    expect(d?.kind).toBe("enumeration");
    expect(d?.subject).toEqual({
      kind: "accessKey",
      value: "LTAI5tScan",
      owner: "scanner",
    });
    expect(d?.severity).toBe("high");
    expect(d?.evidence.find((e) => e.label === "Services")?.values).toEqual(
      SERVICES,
    );
    expect(
      d?.evidence.find((e) => e.label === "Refused calls")?.values,
    ).toEqual(["8", "NoPermission"]);
    expect(d?.eventIds).toHaveLength(24);
  });

  it("learns a scanner's daily sweep on its first day, and does not judge an actor without a day of history", () => {
    const daily = [1, 2, 3].flatMap((day) => sweep(day, 2, "scanner", false));
    expect(detectEnumeration(daily)).toEqual([]);
    expect(detectEnumeration(sweep(6, 2))).toEqual([]);
  });

  it("flags a sweep wider than any earlier hour of the same actor", () => {
    const narrow = [1, 2].flatMap((day) =>
      sweep(day, 2, "scanner", false).filter((e) =>
        ["Ecs", "Ram", "Oss", "Rds"].includes(e.service),
      ),
    );
    const found = detectEnumeration([
      ...narrow,
      ...sweep(3, 2, "scanner", false),
    ]);
    expect(found).toHaveLength(1);
    expect(found[0]?.eventIds).toHaveLength(24);
    expect(found[0]?.severity).toBe("high"); // six services
  });

  it("ignores busy reads of few services, and writes", () => {
    const narrow = Array.from({ length: 40 }, (_, i) =>
      makeEvent({
        time: at(6, 2, i),
        name: `DescribeThing${i % 20}`,
        rw: "Read",
        service: i % 2 ? "Ecs" : "Vpc",
        user: "ops",
      }),
    );
    const writes = Array.from({ length: 30 }, (_, i) =>
      makeEvent({
        time: at(6, 3, i),
        name: `CreateThing${i % 15}`,
        rw: "Write",
        service: SERVICES[i % SERVICES.length],
        user: "ops",
      }),
    );
    expect(detectEnumeration([...narrow, ...writes])).toEqual([]);
  });

  it("judges the first sweep of a credential that wakes up after a long silence", () => {
    const found = detectEnumeration([...normalWeek(), ...sweep(9, 2)]);
    expect(found.map((d) => d.subject.value)).toEqual(["LTAI5tScan"]);
    expect(
      detectEnumeration(sweep(9, 2), { rangeStartMs: at(0, 0) }),
    ).toHaveLength(1);
  });

  it("judges the first sweep of an identity the range watched being absent for a day", () => {
    const found = detectEnumeration([...normalWeek(), ...sweep(2, 2)]);
    expect(found.map((d) => d.subject.value)).toEqual(["LTAI5tScan"]);
    expect(detectEnumeration(sweep(2, 2), { rangeStartMs: at(1, 12) })).toEqual(
      [],
    );
  });
});
