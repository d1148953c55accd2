import { describe, expect, it } from "vitest";
import { at, makeEvent } from "@/lib/audit-event-factory";
import { detectErrorRateBursts as detect } from "./error-rate";
import { inEnglish } from "./words-test-utils";
import { normalWeek } from "./normal-week";

const detectErrorRateBursts = inEnglish(detect);

describe("detectErrorRateBursts", () => {
  it("raises no alarm over ordinary occasional errors", () => {
    expect(detectErrorRateBursts(normalWeek())).toEqual([]);
  });

  it("flags an hour in which an identity's calls mostly failed with NoPermission", () => {
    const probing = Array.from({ length: 30 }, (_, i) =>
      makeEvent({
        time: at(6, 2, i),
        user: "audit-scanner",
        name: `List${i % 5}`,
        errorCode: i % 6 === 0 ? "" : "NoPermission",
        ip: "198.18.5.5",
      }),
    );
    const [d, ...rest] = detectErrorRateBursts([...normalWeek(), ...probing]);
    expect(rest).toEqual([]);
    expect(d?.subject.value).toBe("audit-scanner");
    expect(d?.severity).toBe("high");
    expect(d?.eventIds).toHaveLength(25);
    expect(d?.evidence.find((e) => e.label === "Error codes")?.values).toEqual([
      "NoPermission",
    ]);
  });

  it("does not flag many errors that are a small share of the calls", () => {
    const busy = Array.from({ length: 60 }, (_, i) =>
      makeEvent({
        time: at(6, 2, i % 60),
        user: "batch",
        errorCode: i < 12 ? "Throttling" : "",
      }),
    );
    expect(detectErrorRateBursts(busy)).toEqual([]);
  });

  it("compares an hour with the identity's earlier hours: a flaky job's usual errors are its baseline", () => {
    const hour = (day: number, errors: number) =>
      Array.from({ length: 20 }, (_, i) =>
        makeEvent({
          time: at(day, 4, i),
          user: "flaky-sync",
          errorCode: i < errors ? "InvalidParameter" : "",
        }),
      );
    expect(
      detectErrorRateBursts([...hour(0, 9), ...hour(1, 10), ...hour(2, 12)]),
    ).toEqual([]);
    const [d] = detectErrorRateBursts([
      ...hour(0, 1),
      ...hour(1, 1),
      ...hour(2, 15),
    ]);
    expect(d?.eventIds).toHaveLength(15);
  });
});
