import { describe, expect, it } from "vitest";
import { at, makeEvent } from "@/lib/audit-event-factory";
import { detectCallRateBursts as detect } from "./call-rate";
import { inEnglish } from "./words-test-utils";
import { normalWeek } from "./normal-week";

const detectCallRateBursts = inEnglish(detect);

describe("detectCallRateBursts", () => {
  it("raises no alarm over the normal daily rhythm", () => {
    expect(detectCallRateBursts(normalWeek())).toEqual([]);
  });

  it("flags RunInstances in many regions at night against the key's own baseline", () => {
    const regions = [
      "ap-southeast-1",
      "us-west-1",
      "eu-central-1",
      "ap-northeast-1",
    ];
    const burst = Array.from({ length: 40 }, (_, i) =>
      makeEvent({
        time: at(6, 3, i),
        name: "RunInstances",
        rw: "Write",
        user: "ci-deployer",
        accessKeyId: "LTAI5tCiDeploy",
        ip: "198.18.0.7",
        region: regions[i % 4],
      }),
    );
    const [d, ...rest] = detectCallRateBursts([...normalWeek(), ...burst]);
    expect(rest).toEqual([]);
    expect(d?.kind).toBe("call-rate");
    expect(d?.severity).toBe("high");
    expect(d?.subject.value).toBe("LTAI5tCiDeploy");
    expect(d?.regions).toEqual(regions);
    expect(d?.eventIds).toHaveLength(40);
    expect(
      d?.evidence.find((e) => e.label === "Actions in the burst")?.values,
    ).toEqual(["RunInstances ×40"]);
  });

  it("does not flag a busier hour that stays within three times the baseline", () => {
    const busy = Array.from({ length: 8 }, (_, i) =>
      makeEvent({
        time: at(6, 4, i * 7),
        user: "li.wei",
        accessKeyId: "LTAI5tLiWei",
        name: "DescribeInstances",
      }),
    );
    expect(detectCallRateBursts([...normalWeek(), ...busy])).toEqual([]);
  });

  it("learns from earlier hours only: a first-day burst is not judged, and an earlier busy hour is the baseline of a later one", () => {
    const hour = (day: number, n: number) =>
      Array.from({ length: n }, (_, i) =>
        makeEvent({
          time: at(day, 10, i),
          name: "DescribeInstances",
          user: "report-job",
          accessKeyId: "LTAI5tReport",
        }),
      );
    expect(detectCallRateBursts(hour(0, 50))).toEqual([]);
    expect(
      detectCallRateBursts([...hour(0, 20), ...hour(2, 40), ...hour(4, 55)]),
    ).toEqual([]);
    const [d] = detectCallRateBursts([...hour(0, 5), ...hour(2, 40)]);
    expect(d?.evidence[0]).toEqual({
      label: "Calls in its busiest earlier hour",
      values: ["5"],
    });
  });
});
