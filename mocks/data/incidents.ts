/**
 * The incidents woven into Trailscope's simulated account. Each one happens
 * within the seven days before the account's anchor (its creation: the first
 * time a browser opened it), so the console's default search finds them on
 * the first visit, and they are described by the identifiers in `INCIDENTS`,
 * which tests and demos import instead of repeating strings.
 *
 * They sit at fixed times relative to the anchor, never to "now": a later
 * visit shows them exactly where they were. The latest (c, g: one day before
 * the anchor) stay inside the 90 days of LookupEvents for 89 days after the
 * account was created, the earliest (h: six days before) for 84 days; the
 * older context events (prod-audit-trail created 62 days before, the finance
 * bucket set private 41 days before) for 28 and 49 days. After that they
 * have left the retention, as on a real account; "Reset demo data" creates
 * a new account anchored at that moment.
 */
import { ACCOUNT_ID } from "./people";
import type { SpecialEvent } from "./generator";
import { LOCAL_OFFSET_MS } from "./generator";

const CONSOLE = "AliyunConsole";
const ATTACKER_UA =
  "aliyun-python-sdk-core/2.13.36 python/3.8.10 Linux/5.4.0-150-generic";
const HEADLESS =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0.6099.71 Safari/537.36";
const CLI = "aliyuncli/3.0.226";

export const INCIDENTS = {
  /** (a) The CI bot's AccessKey used at night from foreign addresses to start GPU instances abroad. */
  leakedAccessKey: {
    id: "a",
    accessKeyId: "LTAI5tCiDeployLeak7Qx9",
    userName: "ci-deployer",
    usualIpRange: "198.51.100.40-49",
    sourceIps: ["185.220.101.34", "45.134.26.77", "91.243.81.12"],
    runRegions: ["cn-hongkong", "ap-southeast-1", "us-west-1", "eu-central-1"],
    probeRegion: "cn-hangzhou",
    eventName: "RunInstances",
    instanceType: "ecs.gn7i-c32g1.32xlarge",
    amount: 10,
    daysBefore: 3,
    localHours: "01:00-04:00",
  },
  /** (b) A production web server stopped from the console. */
  stoppedProdInstance: {
    id: "b",
    instanceId: "i-bp1prodweb01ab9xz",
    instanceName: "prod-web-01",
    region: "cn-hangzhou",
    userName: "li.wei",
    sourceIp: "203.0.113.24",
    eventName: "StopInstance",
    eventType: "ConsoleOperation",
    daysBefore: 2,
    localTime: "14:12",
  },
  /** (c) The orders database resized and restarted minutes before a burst of errors. */
  rdsResize: {
    id: "c",
    dbInstanceId: "rm-bp1orders01k2m3",
    region: "cn-hangzhou",
    userName: "zhang.min",
    fromClass: "rds.mysql.s2.large",
    toClass: "rds.mysql.s3.large",
    eventNames: ["ModifyDBInstanceSpec", "RestartDBInstance"],
    burstErrorCode: "IncorrectDBInstanceState",
    daysBefore: 1,
    localTime: "10:20",
  },
  /** (d) Password guessing against a console user, then a sign-in without MFA from a new address. */
  consoleBruteForce: {
    id: "d",
    userName: "chen.jie",
    region: "ap-southeast-1",
    failedFromIp: "91.243.81.12",
    failedAttempts: 12,
    errorCode: "InvalidLoginPassword",
    successIp: "102.129.144.9",
    eventName: "ConsoleSignin",
    daysBefore: 4,
    localTime: "23:40",
  },
  /** (e) The production audit trail stopped, then deleted. */
  trailDeleted: {
    id: "e",
    trailName: "prod-audit-trail",
    homeRegion: "cn-hangzhou",
    userName: "wang.fang",
    eventNames: ["StopLogging", "DeleteTrail"],
    daysBefore: 5,
    localTime: "18:05",
  },
  /** (f) A contractor creates an administrator with an AccessKey. */
  backdoorUser: {
    id: "f",
    userName: "temp-contractor",
    createdUser: "backup-admin",
    policyName: "AdministratorAccess",
    policyType: "System",
    createdAccessKeyId: "LTAI5tBkpAdmN0t3Rq8Zw",
    region: "ap-southeast-1",
    eventNames: ["CreateUser", "AttachPolicyToUser", "CreateAccessKey"],
    daysBefore: 2,
    localTime: "20:31",
  },
  /** (g) The finance bucket made public. */
  publicBucket: {
    id: "g",
    bucket: "finance-reports-2026",
    region: "cn-hangzhou",
    userName: "liu.yang",
    acl: "public-read",
    previousAcl: "private",
    eventName: "PutBucketAcl",
    daysBefore: 1,
    localTime: "16:45",
  },
  /** (h) A read-only role enumerating a dozen services within an hour. */
  enumeration: {
    id: "h",
    userName: "ReadOnlyScanner:scan-7781",
    roleName: "ReadOnlyScanner",
    accessKeyId: "STS.NUgYrLnoP3sVk9Q2mT4xHc7Ld",
    sourceIp: "198.51.100.87",
    region: "cn-hangzhou",
    minServices: 10,
    daysBefore: 6,
    localTime: "21:00",
  },
} as const;

export type IncidentKey = keyof typeof INCIDENTS;

/** Epoch ms of a local (UTC+8) wall-clock time `daysBefore` local days before `nowMs` (the anchor). */
export function localTimeBefore(
  nowMs: number,
  daysBefore: number,
  hh: number,
  mm: number,
  ss = 0,
): number {
  const localNow = new Date(nowMs + LOCAL_OFFSET_MS);
  const localMidnight = Date.UTC(
    localNow.getUTCFullYear(),
    localNow.getUTCMonth(),
    localNow.getUTCDate(),
  );
  return (
    localMidnight -
    daysBefore * 86_400_000 +
    ((hh * 60 + mm) * 60 + ss) * 1000 -
    LOCAL_OFFSET_MS
  );
}

const iso = (ms: number): string =>
  new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");

/** Every incident event, relative to the account's anchor. */
export function incidentEvents(nowMs: number): SpecialEvent[] {
  const out: SpecialEvent[] = [];
  const at = (days: number, hh: number, mm: number, ss = 0) =>
    localTimeBefore(nowMs, days, hh, mm, ss);

  // (a) leaked CI AccessKey -------------------------------------------------
  {
    const a = INCIDENTS.leakedAccessKey;
    const base = {
      incident: "a",
      actorKey: "ci-deployer",
      eventType: "ApiCall" as const,
      userAgent: ATTACKER_UA,
      accessKeyId: a.accessKeyId,
    };
    const [ip1, ip2, ip3] = a.sourceIps;
    for (let n = 0; n < 3; n++) {
      out.push({
        ...base,
        tag: `a-probe-regions-${n}`,
        region: a.probeRegion,
        timeMs: at(3, 1, 4 + n * 2, 11),
        templateKey: "Ecs.DescribeRegions",
        sourceIp: ip1,
        requestParameters: { AcceptLanguage: "en-US" },
        responseElements: {
          Regions: { Region: a.runRegions.map((r) => ({ RegionId: r })) },
        },
      });
    }
    out.push({
      ...base,
      tag: "a-probe-instances",
      region: a.probeRegion,
      timeMs: at(3, 1, 12, 40),
      templateKey: "Ecs.DescribeInstances",
      sourceIp: ip1,
      requestParameters: { PageSize: 100 },
    });
    a.runRegions.forEach((region, r) => {
      const ip = [ip1, ip2, ip3, ip2][r] ?? ip1;
      const start = at(3, 1, 30, 0) + r * 35 * 60_000;
      out.push({
        ...base,
        tag: `a-probe-${region}`,
        region,
        timeMs: start,
        templateKey: "Ecs.DescribeAvailableResource",
        sourceIp: ip,
        requestParameters: {
          DestinationResource: "InstanceType",
          InstanceType: a.instanceType,
          InstanceChargeType: "PostPaid",
        },
        responseElements: {
          AvailableZones: {
            AvailableZone: [{ ZoneId: `${region}-a`, Status: "Available" }],
          },
        },
      });
      const params = {
        InstanceType: a.instanceType,
        Amount: a.amount,
        ImageId: "ubuntu_22_04_x64_20G_alibase_20240926.vhd",
        InstanceChargeType: "PostPaid",
        InternetMaxBandwidthOut: 100,
        InstanceName: "worker",
        SecurityEnhancementStrategy: "Deactive",
      };
      if (region === "eu-central-1") {
        out.push({
          ...base,
          tag: `a-run-${region}-quota`,
          region,
          timeMs: start + 95_000,
          templateKey: "Ecs.RunInstances",
          sourceIp: ip,
          requestParameters: params,
          errorCode: "QuotaExceeded",
          errorMessage: "Living instances quota exceeded in this region.",
        });
      }
      const ids = Array.from(
        { length: a.amount },
        (_, n) =>
          `i-${["j6c", "t4n", "rj9", "gw8"][r]}gpu${String(r)}${String(n).padStart(2, "0")}x7leak${"abcdefghij"[n]}`,
      );
      out.push({
        ...base,
        tag: `a-run-${region}`,
        region,
        timeMs: start + 180_000,
        templateKey: "Ecs.RunInstances",
        sourceIp: ip,
        requestParameters: {
          ...params,
          Amount: region === "eu-central-1" ? 4 : a.amount,
        },
        responseElements: {
          InstanceIdSets: {
            InstanceIdSet: region === "eu-central-1" ? ids.slice(0, 4) : ids,
          },
          TradePrice: 0,
        },
        resourceName: (region === "eu-central-1" ? ids.slice(0, 4) : ids).join(
          ",",
        ),
      });
    });
  }

  // (b) prod-web-01 stopped -------------------------------------------------
  {
    const b = INCIDENTS.stoppedProdInstance;
    const base = {
      incident: "b",
      actorKey: "li.wei",
      region: b.region,
      eventType: "ConsoleOperation" as const,
      sourceIp: b.sourceIp,
      userAgent: CONSOLE,
      accessKeyId: "",
      resourceName: b.instanceId,
      mfa: true,
    };
    out.push({
      ...base,
      tag: "b-describe",
      timeMs: at(2, 14, 11, 5),
      templateKey: "Ecs.DescribeInstanceAttribute",
      requestParameters: { InstanceId: b.instanceId },
      responseElements: {
        InstanceId: b.instanceId,
        InstanceName: b.instanceName,
        Status: "Running",
      },
    });
    out.push({
      ...base,
      tag: "b-stop",
      timeMs: at(2, 14, 12, 31),
      templateKey: "Ecs.StopInstance",
      requestParameters: {
        InstanceId: b.instanceId,
        ForceStop: false,
        StoppedMode: "StopCharging",
      },
    });
  }

  // (c) RDS resize then restart, then errors -----------------------------------
  {
    const c = INCIDENTS.rdsResize;
    const base = {
      incident: "c",
      actorKey: "zhang.min",
      region: c.region,
      sourceIp: "203.0.113.31",
      resourceName: c.dbInstanceId,
    };
    out.push({
      ...base,
      tag: "c-describe",
      timeMs: at(1, 10, 17, 2),
      templateKey: "Rds.DescribeDBInstanceAttribute",
      eventType: "ApiCall",
      userAgent: CLI,
      accessKeyId: "LTAI5tZhMinDba7Hw2Ke",
      requestParameters: { DBInstanceId: c.dbInstanceId },
      responseElements: {
        Items: {
          DBInstanceAttribute: [
            {
              DBInstanceId: c.dbInstanceId,
              DBInstanceClass: c.fromClass,
              DBInstanceStatus: "Running",
              Engine: "MySQL",
              EngineVersion: "8.0",
            },
          ],
        },
      },
    });
    out.push({
      ...base,
      tag: "c-modify",
      timeMs: at(1, 10, 20, 14),
      templateKey: "Rds.ModifyDBInstanceSpec",
      eventType: "ApiCall",
      userAgent: CLI,
      accessKeyId: "LTAI5tZhMinDba7Hw2Ke",
      requestParameters: {
        DBInstanceId: c.dbInstanceId,
        DBInstanceClass: c.toClass,
        PayType: "Postpaid",
        EffectiveTime: "Immediate",
      },
      responseElements: { OrderId: "228391047720513" },
    });
    out.push({
      ...base,
      tag: "c-restart",
      timeMs: at(1, 10, 26, 48),
      templateKey: "Rds.RestartDBInstance",
      eventType: "ApiCall",
      userAgent: CLI,
      accessKeyId: "LTAI5tZhMinDba7Hw2Ke",
      requestParameters: { DBInstanceId: c.dbInstanceId },
    });
    for (let n = 0; n < 30; n++) {
      const fromOrders = n % 3 !== 2;
      out.push({
        incident: "c",
        tag: `c-error-${String(n).padStart(2, "0")}`,
        region: c.region,
        timeMs: at(1, 10, 28, 0) + n * 31_000,
        actorKey: fromOrders ? "orders-service" : "monitoring-exporter",
        templateKey: fromOrders
          ? "Rds.DescribeDBInstanceAttribute"
          : "Rds.DescribeDBInstancePerformance",
        eventType: "ApiCall",
        sourceIp: fromOrders ? `10.20.8.3${(n % 4) + 1}` : "10.20.1.15",
        userAgent: fromOrders
          ? "aliyun-sdk-java/4.6.4 (Linux/5.10.134; amd64) Java/17.0.9"
          : "AlibabaCloud (linux; amd64) Go/1.22.5 Core/1.62.800 TeaDSL/1",
        accessKeyId: fromOrders
          ? "LTAI5tOrdersApp3Kx7P"
          : "LTAI5tPromExporter6Y",
        resourceName: c.dbInstanceId,
        requestParameters: { DBInstanceId: c.dbInstanceId },
        errorCode: c.burstErrorCode,
        errorMessage:
          "Current DB instance state does not support this operation.",
      });
    }
  }

  // (d) console password guessing -----------------------------------------------
  {
    const d = INCIDENTS.consoleBruteForce;
    const login = {
      LoginAccount: `${d.userName}@${ACCOUNT_ID}.onaliyun.com`,
      CallbackUrl: "https://home.console.aliyun.com/",
    };
    for (let n = 0; n < d.failedAttempts; n++) {
      out.push({
        incident: "d",
        tag: `d-fail-${String(n).padStart(2, "0")}`,
        region: d.region,
        timeMs: at(4, 23, 40, 3) + n * 23_000,
        actorKey: "chen.jie",
        templateKey: "AasSub.ConsoleSignin",
        eventType: "ConsoleSignin",
        sourceIp: d.failedFromIp,
        userAgent: HEADLESS,
        accessKeyId: "",
        errorCode: d.errorCode,
        errorMessage: "The user name or password is incorrect.",
        additionalEventData: { ...login, MFAUsed: "false" },
        mfa: false,
      });
    }
    const success = at(4, 23, 52, 40);
    out.push({
      incident: "d",
      tag: "d-success",
      region: d.region,
      timeMs: success,
      actorKey: "chen.jie",
      templateKey: "AasSub.ConsoleSignin",
      eventType: "ConsoleSignin",
      sourceIp: d.successIp,
      userAgent: HEADLESS,
      accessKeyId: "",
      additionalEventData: { ...login, MFAUsed: "false" },
      mfa: false,
    });
    const after = {
      incident: "d",
      actorKey: "chen.jie",
      eventType: "ConsoleOperation" as const,
      sourceIp: d.successIp,
      userAgent: CONSOLE,
      accessKeyId: "",
      mfa: false,
    };
    out.push({
      ...after,
      tag: "d-after-ram",
      region: d.region,
      timeMs: success + 70_000,
      templateKey: "Ram.ListUsers",
      requestParameters: { MaxItems: 100 },
    });
    out.push({
      ...after,
      tag: "d-after-oss-list",
      region: "cn-hangzhou",
      timeMs: success + 140_000,
      templateKey: "Oss.GetService",
      requestParameters: {},
    });
    out.push({
      ...after,
      tag: "d-after-oss-bucket",
      region: "cn-hangzhou",
      timeMs: success + 190_000,
      templateKey: "Oss.GetBucketInfo",
      requestParameters: { BucketName: "finance-reports-2026" },
      resourceName: "finance-reports-2026",
    });
  }

  // (e) audit trail stopped and deleted ------------------------------------------
  {
    const e = INCIDENTS.trailDeleted;
    const base = {
      incident: "e",
      actorKey: "wang.fang",
      region: e.homeRegion,
      eventType: "ConsoleOperation" as const,
      sourceIp: "203.0.113.12",
      userAgent: CONSOLE,
      accessKeyId: "",
      resourceName: e.trailName,
      mfa: true,
    };
    out.push({
      ...base,
      tag: "e-create",
      timeMs: at(62, 11, 3, 9),
      templateKey: "Actiontrail.CreateTrail",
      requestParameters: {
        Name: e.trailName,
        EventRW: "All",
        TrailRegion: "All",
        OssBucketName: "prod-audit-archive-hz",
        OssKeyPrefix: "prod-audit",
      },
      responseElements: { Name: e.trailName, HomeRegion: e.homeRegion },
    });
    out.push({
      ...base,
      tag: "e-start",
      timeMs: at(62, 11, 4, 30),
      templateKey: "Actiontrail.StartLogging",
      requestParameters: { Name: e.trailName },
    });
    out.push({
      ...base,
      tag: "e-status",
      timeMs: at(5, 18, 3, 52),
      templateKey: "Actiontrail.GetTrailStatus",
      requestParameters: { Name: e.trailName },
      responseElements: { IsLogging: true },
    });
    out.push({
      ...base,
      tag: "e-stop",
      timeMs: at(5, 18, 5, 17),
      templateKey: "Actiontrail.StopLogging",
      requestParameters: { Name: e.trailName },
    });
    out.push({
      ...base,
      tag: "e-delete",
      timeMs: at(5, 18, 9, 44),
      templateKey: "Actiontrail.DeleteTrail",
      requestParameters: { Name: e.trailName },
    });
  }

  // (f) backdoor administrator ---------------------------------------------------
  {
    const f = INCIDENTS.backdoorUser;
    const base = {
      incident: "f",
      actorKey: "temp-contractor",
      region: f.region,
      eventType: "ApiCall" as const,
      sourceIp: "198.51.100.201",
      userAgent: CLI,
      accessKeyId: "LTAI5tTmpContract1Wf",
      resourceName: f.createdUser,
    };
    const t0 = at(2, 20, 31, 6);
    out.push({
      ...base,
      tag: "f-create-user",
      timeMs: t0,
      templateKey: "Ram.CreateUser",
      requestParameters: {
        UserName: f.createdUser,
        DisplayName: "Backup Admin",
        Comments: "backup automation",
      },
      responseElements: {
        User: {
          UserName: f.createdUser,
          UserId: "203378812265580914",
          DisplayName: "Backup Admin",
          CreateDate: iso(t0),
        },
      },
    });
    out.push({
      ...base,
      tag: "f-attach-policy",
      timeMs: t0 + 48_000,
      templateKey: "Ram.AttachPolicyToUser",
      requestParameters: {
        UserName: f.createdUser,
        PolicyName: f.policyName,
        PolicyType: f.policyType,
      },
    });
    out.push({
      ...base,
      tag: "f-create-key",
      timeMs: t0 + 95_000,
      templateKey: "Ram.CreateAccessKey",
      requestParameters: { UserName: f.createdUser },
      responseElements: {
        AccessKey: {
          AccessKeyId: f.createdAccessKeyId,
          AccessKeySecret: "******",
          Status: "Active",
          CreateDate: iso(t0 + 95_000),
        },
      },
    });
  }

  // (g) finance bucket made public -----------------------------------------------
  {
    const g = INCIDENTS.publicBucket;
    const base = {
      incident: "g",
      region: g.region,
      templateKey: "Oss.PutBucketAcl",
      resourceName: g.bucket,
    };
    out.push({
      ...base,
      tag: "g-acl-private",
      actorKey: "liu.yang",
      timeMs: at(41, 15, 2, 20),
      eventType: "ConsoleOperation",
      sourceIp: "203.0.113.58",
      userAgent: CONSOLE,
      accessKeyId: "",
      requestParameters: {
        BucketName: g.bucket,
        "x-oss-acl": g.previousAcl,
        acl: "",
      },
    });
    out.push({
      ...base,
      tag: "g-get-acl",
      actorKey: "liu.yang",
      timeMs: at(1, 16, 44, 10),
      templateKey: "Oss.GetBucketAcl",
      eventType: "ConsoleOperation",
      sourceIp: "203.0.113.58",
      userAgent: CONSOLE,
      accessKeyId: "",
      requestParameters: { BucketName: g.bucket, acl: "" },
      responseElements: {
        AccessControlPolicy: { AccessControlList: { Grant: g.previousAcl } },
      },
    });
    out.push({
      ...base,
      tag: "g-acl-public",
      actorKey: "liu.yang",
      timeMs: at(1, 16, 45, 2),
      eventType: "ConsoleOperation",
      sourceIp: "203.0.113.58",
      userAgent: CONSOLE,
      accessKeyId: "",
      requestParameters: { BucketName: g.bucket, "x-oss-acl": g.acl, acl: "" },
    });
  }

  // (h) enumeration by a read-only role -------------------------------------------
  {
    const h = INCIDENTS.enumeration;
    const calls: [string, string, Record<string, unknown>?, string?][] = [
      ["Sts.GetCallerIdentity", ""],
      ["Ecs.DescribeRegions", ""],
      ["Ecs.DescribeInstances", "", { PageSize: 100 }],
      ["Ecs.DescribeSecurityGroups", ""],
      ["Ecs.DescribeDisks", ""],
      ["Ecs.DescribeImages", "", { ImageOwnerAlias: "self" }],
      ["Ecs.DescribeSnapshots", ""],
      ["Rds.DescribeDBInstances", ""],
      [
        "Rds.DescribeDBInstanceAttribute",
        "rm-bp1orders01k2m3",
        { DBInstanceId: "rm-bp1orders01k2m3" },
      ],
      ["Oss.GetService", ""],
      [
        "Oss.GetBucketAcl",
        "finance-reports-2026",
        { BucketName: "finance-reports-2026" },
      ],
      [
        "Oss.GetBucketPolicy",
        "finance-reports-2026",
        { BucketName: "finance-reports-2026" },
      ],
      [
        "Oss.GetBucketAcl",
        "trailscope-audit-archive",
        { BucketName: "trailscope-audit-archive" },
      ],
      ["Vpc.DescribeVpcs", ""],
      ["Vpc.DescribeVSwitches", ""],
      ["Vpc.DescribeEipAddresses", ""],
      ["Slb.DescribeLoadBalancers", ""],
      ["Kms.ListKeys", ""],
      [
        "Kms.GetSecretValue",
        "prod/orders/db-password",
        { SecretName: "prod/orders/db-password" },
      ],
      ["Actiontrail.DescribeTrails", ""],
      [
        "Actiontrail.GetTrailStatus",
        "org-audit-all",
        { Name: "org-audit-all" },
      ],
      ["Cms.DescribeMetricRuleList", ""],
      ["CS.DescribeClustersV1", ""],
      ["CS.DescribeClusterUserKubeconfig", ""],
      ["Sls.ListProject", ""],
      [
        "Sls.ListLogStores",
        "security-audit-hz",
        { ProjectName: "security-audit-hz" },
      ],
      ["Ess.DescribeScalingGroups", ""],
    ];
    const t0 = at(6, 21, 0, 12);
    calls.forEach(([key, resourceName, params], n) => {
      const denied =
        key === "Kms.GetSecretValue" ||
        key === "CS.DescribeClusterUserKubeconfig";
      out.push({
        incident: "h",
        tag: `h-${String(n).padStart(2, "0")}`,
        region: h.region,
        timeMs: t0 + n * 97_000,
        actorKey: "audit-scanner",
        templateKey: key,
        eventType: "ApiCall",
        sourceIp: h.sourceIp,
        userAgent:
          "aliyun-python-sdk-core/2.15.1 python/3.12.3 ScoutSuite/5.14.0",
        accessKeyId: h.accessKeyId,
        resourceName: resourceName || undefined,
        requestParameters: params ?? {},
        ...(denied
          ? {
              errorCode: "NoPermission",
              errorMessage:
                "You are not authorized to do this action. You should be authorized by RAM.",
            }
          : {}),
      });
    });
    const globalCalls = [
      "Ram.ListUsers",
      "Ram.ListRoles",
      "Ram.ListPoliciesForUser",
      "Ims.GetSecurityPreference",
    ];
    globalCalls.forEach((key, n) => {
      out.push({
        incident: "h",
        tag: `h-global-${n}`,
        region: "ap-southeast-1",
        timeMs: t0 + 60_000 + n * 211_000,
        actorKey: "audit-scanner",
        templateKey: key,
        eventType: "ApiCall",
        sourceIp: h.sourceIp,
        userAgent:
          "aliyun-python-sdk-core/2.15.1 python/3.12.3 ScoutSuite/5.14.0",
        accessKeyId: h.accessKeyId,
        requestParameters:
          key === "Ram.ListPoliciesForUser" ? { UserName: "wang.fang" } : {},
        resourceName:
          key === "Ram.ListPoliciesForUser" ? "wang.fang" : undefined,
      });
    });
  }

  return out;
}
