import { describe, expect, it } from "vitest";
import { INCIDENTS } from "@mocks/data/incidents";
import {
  TRAILS_STORAGE_KEY,
  createAccount,
  type KeyValueStorage,
} from "@mocks/data/account";
import { installAccount } from "@mocks/node";
import { once, rpcError } from "@mocks/testing/helpers";

const NOW = Date.UTC(2026, 10, 23, 6, 30);
const ACC = "1498326459723841";
const setup = () =>
  installAccount({ now: NOW, clock: () => NOW, rateLimits: false });
const HZ = "cn-hangzhou";

describe("DescribeTrails and GetTrailStatus", () => {
  it("lists the home region trails, with shadow copies of all-region trails elsewhere only on request", async () => {
    setup();
    const hz = await once(HZ, "DescribeTrails", {});
    expect(hz.trails.map((t) => t.name).sort()).toEqual([
      "org-audit-all",
      "security-writes-hz",
    ]);
    const org = hz.trails.find((t) => t.name === "org-audit-all")!;
    expect(org).toMatchObject({
      homeRegion: HZ,
      region: HZ,
      status: "Enable",
      eventRW: "All",
      trailRegion: "All",
      ossBucketName: "trailscope-audit-archive",
      ossKeyPrefix: "audit-logs",
      arn: `acs:actiontrail:cn-hangzhou:${ACC}:trail/org-audit-all`,
    });
    expect(hz.trails.map((t) => t.name)).not.toContain(
      INCIDENTS.trailDeleted.trailName,
    );
    const sgPlain = await once("ap-southeast-1", "DescribeTrails", {});
    expect(sgPlain.trails.map((t) => t.name)).toEqual(["sg-readonly-archive"]);
    const sg = await once("ap-southeast-1", "DescribeTrails", {
      IncludeShadowTrails: true,
    });
    const shadow = sg.trails.find((t) => t.name === "org-audit-all");
    expect(shadow).toMatchObject({ homeRegion: HZ, region: "ap-southeast-1" });
    expect(
      (
        await once(HZ, "DescribeTrails", { NameList: "security-writes-hz" })
      ).trails.map((t) => t.name),
    ).toEqual(["security-writes-hz"]);
  });

  it("reports recent deliveries while logging and the error of a trail whose bucket is gone", async () => {
    setup();
    const on = await once(HZ, "GetTrailStatus", { Name: "org-audit-all" });
    expect(on.isLogging).toBe(true);
    expect(Date.parse(on.latestDeliveryTime)).toBeGreaterThan(
      NOW - 10 * 60_000,
    );
    expect(on.ossBucketAvailable).toBe(true);
    const broken = await once("cn-shanghai", "GetTrailStatus", {
      Name: "ops-shanghai-trail",
    });
    expect(broken.latestDeliveryError).toContain("NoSuchBucket");
    expect(broken.ossBucketAvailable).toBe(false);
    expect(
      (await rpcError(HZ, "GetTrailStatus", { Name: "no-such-trail" })).code,
    ).toBe("TrailNotFoundException");
    expect(
      (await rpcError(HZ, "GetTrailStatus", { Name: "no-such-trail" })).status,
    ).toBe(404);
  });
});

describe("CreateTrail", () => {
  it("creates a Fresh trail that logs only after StartLogging, then Disable after StopLogging", async () => {
    setup();
    const created = await once(HZ, "CreateTrail", {
      Name: "new-trail-01",
      OssBucketName: "ops-logs-hz",
      OssKeyPrefix: "team-a/logs",
    });
    expect(created.trail).toMatchObject({
      name: "new-trail-01",
      status: "Fresh",
      eventRW: "Write",
      trailRegion: "All",
      homeRegion: HZ,
      ossBucketLocation: HZ,
    });
    expect(
      (await once(HZ, "GetTrailStatus", { Name: "new-trail-01" })).isLogging,
    ).toBe(false);
    await once(HZ, "StartLogging", { Name: "new-trail-01" });
    const started = (
      await once(HZ, "DescribeTrails", { NameList: "new-trail-01" })
    ).trails[0]!;
    expect(started.status).toBe("Enable");
    expect(started.startLoggingTime).not.toBe("");
    await once(HZ, "StopLogging", { Name: "new-trail-01" });
    expect(
      (await once(HZ, "DescribeTrails", { NameList: "new-trail-01" }))
        .trails[0]!.status,
    ).toBe("Disable");
    expect(
      (await once(HZ, "GetTrailStatus", { Name: "new-trail-01" })).isLogging,
    ).toBe(false);
  });

  it("delivers nothing before the trail logs, then on its 5-minute cycle, never earlier than its creation", async () => {
    let now = NOW;
    installAccount({ now: NOW, clock: () => now, rateLimits: false });
    await once(HZ, "CreateTrail", {
      Name: "fresh-trail-02",
      OssBucketName: "ops-logs-hz",
    });
    await once(HZ, "StartLogging", { Name: "fresh-trail-02" });
    const status = () => once(HZ, "GetTrailStatus", { Name: "fresh-trail-02" });
    now += 60_000;
    expect((await status()).latestDeliveryTime).toBeFalsy();

    now = NOW + 12 * 60_000;
    const later = await status();
    // Two 5-minute cycles since logging began: the latest at +10 minutes.
    expect(Date.parse(later.latestDeliveryTime)).toBe(NOW + 10 * 60_000);
    const trail = (
      await once(HZ, "DescribeTrails", { NameList: "fresh-trail-02" })
    ).trails[0]!;
    expect(Date.parse(later.latestDeliveryTime)).toBeGreaterThanOrEqual(
      Date.parse(trail.createTime),
    );
  });

  it.each([
    [
      "a short name",
      { Name: "abc", OssBucketName: "ops-logs-hz" },
      "InvalidTrailNameException",
      400,
    ],
    [
      "a name starting with a digit",
      { Name: "1trail-name", OssBucketName: "ops-logs-hz" },
      "InvalidTrailNameException",
      400,
    ],
    [
      "upper case in the name",
      { Name: "MyTrailName", OssBucketName: "ops-logs-hz" },
      "InvalidTrailNameException",
      400,
    ],
    [
      "a 37-character name",
      { Name: `a${"b".repeat(36)}`, OssBucketName: "ops-logs-hz" },
      "InvalidTrailNameException",
      400,
    ],
    [
      "an existing name",
      { Name: "org-audit-all", OssBucketName: "ops-logs-hz" },
      "TrailAlreadyExistsException",
      400,
    ],
    [
      "no destination",
      { Name: "no-destination" },
      "InvalidDeliveryConfigurationException",
      400,
    ],
    [
      "a missing bucket",
      { Name: "ghost-bucket", OssBucketName: "no-such-bucket-here" },
      "BucketDoesNotExistException",
      404,
    ],
    [
      "a deleted bucket",
      { Name: "ghost-bucket", OssBucketName: "ops-logs-sh-2024" },
      "BucketDoesNotExistException",
      404,
    ],
    [
      "a bad bucket name",
      { Name: "bad-bucket", OssBucketName: "Bad_Bucket" },
      "InvalidOssBucketNameException",
      400,
    ],
    [
      "a bucket used by another trail",
      { Name: "repeat-bucket", OssBucketName: "trailscope-audit-archive" },
      "RepeatOssBucket",
      400,
    ],
    [
      "a short prefix",
      {
        Name: "bad-prefix",
        OssBucketName: "ops-logs-hz",
        OssKeyPrefix: "logs",
      },
      "InvalidPrefixException",
      400,
    ],
    [
      "a prefix starting with a digit",
      {
        Name: "bad-prefix",
        OssBucketName: "ops-logs-hz",
        OssKeyPrefix: "1-audit-logs",
      },
      "InvalidPrefixException",
      400,
    ],
    [
      "a missing Log Service project",
      {
        Name: "sls-missing",
        SlsProjectArn: `acs:log:cn-hangzhou:${ACC}:project/nothing-here`,
      },
      "SlsProjectDoesNotExistException",
      400,
    ],
    [
      "a project in the wrong region",
      {
        Name: "sls-missing",
        SlsProjectArn: `acs:log:cn-beijing:${ACC}:project/security-audit-hz`,
      },
      "SlsProjectDoesNotExistException",
      400,
    ],
    [
      "a malformed project ARN",
      { Name: "sls-bad-arn", SlsProjectArn: "security-audit-hz" },
      "InvalidParameterValue",
      400,
    ],
    [
      "a role ARN of another account",
      {
        Name: "sls-bad-role",
        SlsProjectArn: `acs:log:cn-hangzhou:${ACC}:project/security-audit-hz`,
        SlsWriteRoleArn:
          "acs:ram::1111111111111111:role/aliyunactiontraildefaultrole",
      },
      "InvalidParameterValue",
      400,
    ],
    [
      "a malformed MaxCompute ARN",
      {
        Name: "odps-bad-arn",
        MaxComputeProjectArn: `acs:odps:cn-hangzhou:${ACC}:project/audit`,
      },
      "InvalidParameterValue",
      400,
    ],
    [
      "a bad EventRW",
      {
        Name: "bad-event-rw",
        OssBucketName: "ops-logs-hz",
        EventRW: "Both" as "All",
      },
      "InvalidParameterValue",
      400,
    ],
    [
      "a bad TrailRegion",
      {
        Name: "bad-region",
        OssBucketName: "ops-logs-hz",
        TrailRegion: "mars-1",
      },
      "InvalidParameterValue",
      400,
    ],
  ])("refuses %s", async (_label, params, code, status) => {
    setup();
    const error = await rpcError(HZ, "CreateTrail", params);
    expect(error.code).toBe(code);
    expect(error.status).toBe(status);
  });

  it("requires a Name (MissingParameter)", async () => {
    setup();
    expect(
      (
        await rpcError(HZ, "CreateTrail", {
          OssBucketName: "ops-logs-hz",
        } as unknown as { Name: string })
      ).code,
    ).toBe("MissingParameter");
  });

  it("accepts SLS and MaxCompute destinations with the right ARNs", async () => {
    setup();
    const sls = await once(HZ, "CreateTrail", {
      Name: "sls-ops-central",
      SlsProjectArn: `acs:log:cn-shanghai:${ACC}:project/ops-central`,
      SlsWriteRoleArn: `acs:ram::${ACC}:role/aliyunactiontraildefaultrole`,
    });
    expect(sls.trail.slsProjectArn).toBe(
      `acs:log:cn-shanghai:${ACC}:project/ops-central`,
    );
    const odps = await once(HZ, "CreateTrail", {
      Name: "odps-trail",
      MaxComputeProjectArn: `acs:odps:cn-hangzhou:${ACC}:project/actiontrail_audit`,
    });
    expect(odps.trail.maxComputeProjectArn).toContain("actiontrail_audit");
  });

  it("allows 5 trails per home region, then MaximumNumberOfTrailsExceededException (403)", async () => {
    setup();
    const buckets = [
      "ops-logs-hz",
      "prod-audit-archive-hz",
      "web-static-assets-hz",
    ];
    for (const [i, bucket] of buckets.entries())
      await once(HZ, "CreateTrail", {
        Name: `quota-trail-${i}`,
        OssBucketName: bucket,
      });
    const error = await rpcError(HZ, "CreateTrail", {
      Name: "quota-trail-x",
      OssBucketName: "finance-reports-2026",
    });
    expect(error.code).toBe("MaximumNumberOfTrailsExceededException");
    expect(error.status).toBe(403);
    await expect(
      once("cn-beijing", "CreateTrail", {
        Name: "quota-trail-bj",
        OssBucketName: "finance-reports-2026",
      }),
    ).resolves.toBeDefined();
  });

  it("allows one organization trail per account", async () => {
    setup();
    const org = await once(HZ, "CreateTrail", {
      Name: "rd-org-trail",
      IsOrganizationTrail: true,
      OssBucketName: "ops-logs-hz",
    });
    expect(org.trail.isOrganizationTrail).toBe(true);
    expect(org.trail.organizationId).toBe("rd-3Yt8Zq");
    const error = await rpcError("cn-shanghai", "CreateTrail", {
      Name: "rd-org-trail-2",
      IsOrganizationTrail: true,
      OssBucketName: "ci-artifacts-sh",
    });
    expect(error.code).toBe("MaximumNumberOfOrganizationTrailExceeded");
    expect(
      (await once(HZ, "DescribeTrails", {})).trails.map((t) => t.name),
    ).not.toContain("rd-org-trail");
    expect(
      (
        await once(HZ, "DescribeTrails", { IncludeOrganizationTrail: true })
      ).trails.map((t) => t.name),
    ).toContain("rd-org-trail");
  });
});

describe("UpdateTrail and DeleteTrail", () => {
  it("updates delivery fields but never the name, and validates like CreateTrail", async () => {
    setup();
    const updated = await once(HZ, "UpdateTrail", {
      Name: "security-writes-hz",
      EventRW: "All",
      OssBucketName: "ops-logs-hz",
      OssKeyPrefix: "security/writes",
    });
    expect(updated.trail).toMatchObject({
      name: "security-writes-hz",
      eventRW: "All",
      ossBucketName: "ops-logs-hz",
      status: "Enable",
    });
    expect(
      (
        await rpcError(HZ, "UpdateTrail", {
          Name: "security-writes-hz",
          OssBucketName: "trailscope-audit-archive",
        })
      ).code,
    ).toBe("RepeatOssBucket");
    expect(
      (
        await rpcError(HZ, "UpdateTrail", {
          Name: "security-writes-hz",
          OssBucketName: "",
          SlsProjectArn: "",
        })
      ).code,
    ).toBe("InvalidDeliveryConfigurationException");
  });

  it("answers TrailNotFoundException (404) for unknown trails and trails of another home region", async () => {
    setup();
    for (const action of [
      "UpdateTrail",
      "DeleteTrail",
      "StartLogging",
      "StopLogging",
    ] as const) {
      const error = await rpcError(HZ, action, { Name: "missing-trail" });
      expect(error.code).toBe("TrailNotFoundException");
      expect(error.status).toBe(404);
    }
    expect(
      (await rpcError(HZ, "DeleteTrail", { Name: "sg-readonly-archive" })).code,
    ).toBe("TrailNotFoundException");
  });

  it("deletes a trail and frees its bucket", async () => {
    setup();
    await once(HZ, "DeleteTrail", { Name: "org-audit-all" });
    expect(
      (await once(HZ, "DescribeTrails", {})).trails.map((t) => t.name),
    ).toEqual(["security-writes-hz"]);
    await expect(
      once(HZ, "CreateTrail", {
        Name: "archive-again",
        OssBucketName: "trailscope-audit-archive",
      }),
    ).resolves.toBeDefined();
  });
});

describe("trail persistence", () => {
  it("keeps trail changes in storage across accounts and forgets them on reset", () => {
    const data = new Map<string, string>();
    const storage: KeyValueStorage = {
      getItem: (k) => data.get(k) ?? null,
      setItem: (k, v) => void data.set(k, v),
      removeItem: (k) => void data.delete(k),
    };
    const first = createAccount({ now: NOW, scale: 0.001, storage });
    first.trails.delete("org-audit-all");
    first.saveTrails();
    expect(data.has(TRAILS_STORAGE_KEY)).toBe(true);
    const second = createAccount({ now: NOW, scale: 0.001, storage });
    expect(second.trails.has("org-audit-all")).toBe(false);
    second.resetTrails();
    expect(second.trails.has("org-audit-all")).toBe(true);
    expect(data.has(TRAILS_STORAGE_KEY)).toBe(false);
  });
});
