import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { archiveCoverage, daysBetween } from "./coverage";
import {
  deliveryKey,
  parseDeliveryPath,
  readDeliveryPath,
} from "./delivery-path";
import { buildManifest, manifestSha256sums, sha256Hex } from "./manifest";

const MD5 = "c01b5a32a9d18d2cf69e7546c0d9ec43";

describe("delivery paths", () => {
  it("reads the documented single-account layout, with and without a prefix", () => {
    expect(
      parseDeliveryPath(
        `audit-logs/AliyunLogs/Actiontrail/cn-hangzhou/2026/06/03/Actiontrail_cn-hangzhou_20260603101500_1002_42_5201_${MD5}.gz`,
      ),
    ).toEqual({
      prefix: "audit-logs",
      region: "cn-hangzhou",
      day: "2026-06-03",
      stamp: "20260603101500",
      insight: false,
      eventCount: 42,
      bytes: 5201,
      md5: MD5,
      fileName: `Actiontrail_cn-hangzhou_20260603101500_1002_42_5201_${MD5}.gz`,
    });
    expect(
      parseDeliveryPath(
        `AliyunLogs/Actiontrail/ap-southeast-1/2026/01/31/Actiontrail_ap-southeast-1_20260131235959_1002_1_10_${MD5}.gz`,
      )?.prefix,
    ).toBe("");
  });

  it("reads multi-account trails (directory and member account) and insight events", () => {
    const path = parseDeliveryPath(
      `p/AliyunLogs/Actiontrail/rd-Ab12Cd/1498326459723841/cn-shanghai/2026/06/05/Actiontrail_cn-shanghai_20260605000500_1002_3_900_${MD5}.gz`,
    );
    expect(path).toMatchObject({
      directoryId: "rd-Ab12Cd",
      accountId: "1498326459723841",
      region: "cn-shanghai",
      day: "2026-06-05",
    });
    expect(
      parseDeliveryPath(
        `AliyunLogs/Actiontrail-Insight/cn-hangzhou/2026/06/03/Actiontrail_cn-hangzhou_20260603101500_1002_1_10_${MD5}.gz`,
      )?.insight,
    ).toBe(true);
  });

  it("accepts an account-first .json.gz name and a folder-relative Windows path", () => {
    expect(
      parseDeliveryPath(
        "export\\AliyunLogs\\Actiontrail\\cn-beijing\\2026\\02\\28\\1498326459723841_Actiontrail_cn-beijing_20260228120000_a1b2.json.gz",
      ),
    ).toMatchObject({
      region: "cn-beijing",
      day: "2026-02-28",
      accountId: "1498326459723841",
      stamp: "20260228120000",
    });
  });

  it("says why a key is not a delivery file", () => {
    expect(readDeliveryPath("photos/cat.gz")).toEqual({
      problem: "not-actiontrail",
    });
    expect(
      readDeliveryPath(
        `AliyunLogs/Actiontrail/cn-hangzhou/2026/02/30/Actiontrail_cn-hangzhou_20260230101500_1002_1_1_${MD5}.gz`,
      ),
    ).toEqual({ problem: "bad-day" });
    expect(
      readDeliveryPath(
        `AliyunLogs/Actiontrail/Hangzhou!/2026/02/03/Actiontrail_cn-hangzhou_20260203101500_1002_1_1_${MD5}.gz`,
      ),
    ).toEqual({ problem: "bad-region" });
    // The name's region must be the folder's; the stamp must be a time.
    expect(
      readDeliveryPath(
        `AliyunLogs/Actiontrail/cn-hangzhou/2026/02/03/Actiontrail_cn-beijing_20260203101500_1002_1_1_${MD5}.gz`,
      ),
    ).toEqual({ problem: "bad-name" });
    expect(
      readDeliveryPath(
        `AliyunLogs/Actiontrail/cn-hangzhou/2026/02/03/Actiontrail_cn-hangzhou_20260203251500_1002_1_1_${MD5}.gz`,
      ),
    ).toEqual({ problem: "bad-name" });
  });

  it("writes keys it reads back", () => {
    const key = deliveryKey({
      prefix: "team/logs",
      region: "eu-central-1",
      writtenAt: Date.UTC(2026, 5, 3, 23, 55, 0),
      eventCount: 7,
      bytes: 1234,
      md5: MD5,
    });
    expect(key).toBe(
      `team/logs/AliyunLogs/Actiontrail/eu-central-1/2026/06/03/Actiontrail_eu-central-1_20260603235500_1002_7_1234_${MD5}.gz`,
    );
    expect(parseDeliveryPath(key)).toMatchObject({
      prefix: "team/logs",
      region: "eu-central-1",
      day: "2026-06-03",
      eventCount: 7,
    });
  });
});

describe("archive coverage", () => {
  const files = [
    ...daysBetween("2026-06-01", "2026-06-09")
      .filter((d) => d < "2026-06-03" || d > "2026-06-05")
      .flatMap((day) => [
        { region: "cn-shanghai", day, events: 10 },
        { region: "cn-shanghai", day, events: 5 },
      ]),
    { region: "cn-hangzhou", day: "2026-06-02", events: 1 },
  ];

  it("counts files and events per day and names each gap", () => {
    const [hz, sh] = archiveCoverage(files);
    expect(hz).toMatchObject({ region: "cn-hangzhou", files: 1, gaps: [] });
    expect(sh!.days).toHaveLength(9);
    expect(sh!.days[0]).toEqual({ day: "2026-06-01", files: 2, events: 15 });
    expect(sh!.gaps).toEqual([
      { region: "cn-shanghai", from: "2026-06-03", to: "2026-06-05", days: 3 },
    ]);
    expect(sh).toMatchObject({ files: 12, events: 90 });
  });

  it("counts deliveries against the five-minute rhythm: active days, the longest silence within a day, and names that declare other counts", () => {
    const [hz] = archiveCoverage([
      // Every five minutes, then nothing from 10:05 to 14:30, then again.
      ...["100000", "100500", "143000", "143500"].map((clock) => ({
        region: "cn-hangzhou",
        day: "2026-06-07",
        events: 4,
        stamp: `20260607${clock}`,
        declaredEvents: 4,
      })),
      // A file across midnight in the stamp's zone still counts in minutes.
      {
        region: "cn-hangzhou",
        day: "2026-06-08",
        events: 2,
        stamp: "20260607235500",
        declaredEvents: 5,
      },
      {
        region: "cn-hangzhou",
        day: "2026-06-08",
        events: 1,
        stamp: "20260608000500",
      },
      // A stamp that is not a time is ignored, not misread.
      { region: "cn-hangzhou", day: "2026-06-08", events: 1, stamp: "x" },
    ]);
    expect(hz).toMatchObject({
      activeDays: 2,
      longestSilence: {
        day: "2026-06-07",
        from: "10:05",
        to: "14:30",
        minutes: 265,
      },
      mismatch: { files: 1, missing: 3 },
    });
    const [sh] = archiveCoverage(files);
    expect(sh!.longestSilence).toBeUndefined();
    expect(sh!.mismatch).toBeUndefined();
  });

  it("widens to the asked span, so missing days at either end are gaps too", () => {
    const [hz] = archiveCoverage(files, {
      from: "2026-05-31",
      to: "2026-06-04",
    });
    expect(hz!.gaps).toEqual([
      { region: "cn-hangzhou", from: "2026-05-31", to: "2026-06-01", days: 2 },
      { region: "cn-hangzhou", from: "2026-06-03", to: "2026-06-04", days: 2 },
    ]);
  });

  it("crosses month and leap-day boundaries", () => {
    expect(daysBetween("2028-02-28", "2028-03-01")).toEqual([
      "2028-02-28",
      "2028-02-29",
      "2028-03-01",
    ]);
  });
});

describe("evidence manifest", () => {
  it("hashes like sha256sum and writes lines sha256sum -c reads, escaping hostile names", async () => {
    const bytes = new TextEncoder().encode("[]");
    const sha = await sha256Hex(bytes);
    expect(sha).toBe(createHash("sha256").update(bytes).digest("hex"));
    const manifest = buildManifest(
      [
        { path: "b/two.gz", bytes: 2, sha256: sha, events: 0 },
        { path: "a/one.gz", bytes: 5, sha256: sha, events: 3 },
        {
          path: "evil\nffff  /etc/passwd",
          bytes: 1,
          sha256: sha,
          events: 0,
          refused: "not gzip",
        },
      ],
      new Date(Date.UTC(2026, 10, 23)),
    );
    expect(manifest.totals).toEqual({
      files: 3,
      refused: 1,
      bytes: 8,
      events: 3,
    });
    const lines = manifestSha256sums(manifest).split("\n");
    expect(lines).toEqual([
      `${sha}  a/one.gz`,
      `${sha}  b/two.gz`,
      `\\${sha}  evil\\nffff  /etc/passwd`,
      "",
    ]);
  });
});
