import { describe, expect, it } from "vitest";
import { checkArchiveKey, deliveryRoot, listingDays } from "./archive-keys";

const FILE =
  "Actiontrail_cn-hangzhou_20261101120000_1002_12_3456_0123456789abcdef0123456789abcdef.gz";

describe("which keys the gateway reads for a trail", () => {
  it("allows a delivery file under the trail's own prefix", () => {
    expect(
      checkArchiveKey(
        `audit-logs/AliyunLogs/Actiontrail/cn-hangzhou/2026/11/01/${FILE}`,
        "audit-logs",
      ),
    ).toEqual({ ok: true });
    expect(
      checkArchiveKey(
        `AliyunLogs/Actiontrail/cn-hangzhou/2026/11/01/${FILE}`,
        "",
      ),
    ).toEqual({ ok: true });
  });

  it("allows a member account's file of a multi-account trail", () => {
    expect(
      checkArchiveKey(
        `audit-logs/AliyunLogs/Actiontrail/rd-Ab12Cd/1234567890123456/cn-hangzhou/2026/11/01/${FILE}`,
        "audit-logs",
      ).ok,
    ).toBe(true);
  });

  it.each([
    [
      "another prefix",
      `other/AliyunLogs/Actiontrail/cn-hangzhou/2026/11/01/${FILE}`,
    ],
    [
      "a prefix that only starts the same",
      `audit-logs-2/AliyunLogs/Actiontrail/cn-hangzhou/2026/11/01/${FILE}`,
    ],
    [
      "a file that is not a delivery",
      "audit-logs/AliyunLogs/Actiontrail/cn-hangzhou/2026/11/01/secrets.txt",
    ],
    ["a bucket's other data", "audit-logs/finance/2026.csv"],
    [
      "dot segments",
      `audit-logs/AliyunLogs/Actiontrail/../../finance/2026/11/01/${FILE}`,
    ],
    ["an empty key", ""],
    [
      "a control character",
      `audit-logs/AliyunLogs/Actiontrail/cn-hangzhou/2026/11/01/\u0000${FILE}`,
    ],
  ])("refuses %s with a reason", (_, key) => {
    const verdict = checkArchiveKey(key, "audit-logs");
    expect(verdict.ok).toBe(false);
    expect(verdict.ok ? "" : verdict.reason).toMatch(/\w+/);
  });

  it("names the delivery root with and without a prefix", () => {
    expect(deliveryRoot("audit-logs")).toBe(
      "audit-logs/AliyunLogs/Actiontrail/",
    );
    expect(deliveryRoot("")).toBe("AliyunLogs/Actiontrail/");
  });
});

describe("the days one listing covers", () => {
  it("gives every UTC day of the range, both ends included", () => {
    expect(listingDays("2026-02-27", "2026-03-02")).toEqual({
      ok: true,
      days: ["2026-02-27", "2026-02-28", "2026-03-01", "2026-03-02"],
    });
  });

  it("allows 31 days and refuses 32, as the simulated account does", () => {
    const ok = listingDays("2026-01-01", "2026-01-31");
    expect(ok.ok && ok.days.length).toBe(31);
    expect(listingDays("2026-01-01", "2026-02-01")).toMatchObject({
      ok: false,
      code: "InvalidParameterDateOutOfRange",
    });
  });

  it.each([
    ["2026-02-31", "2026-03-01"],
    ["2026-03-02", "2026-03-01"],
    ["yesterday", "2026-03-01"],
  ])("refuses %s to %s", (from, to) => {
    expect(listingDays(from, to)).toMatchObject({
      ok: false,
      code: "InvalidParameter",
    });
  });
});
