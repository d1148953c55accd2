/**
 * The trails of Trailscope's simulated account: the initial set (relative to
 * the account's anchor, its creation) and the record shape the trail handlers
 * change. A browser keeps its changes in storage so they survive a reload.
 * The calls that made the initial trails what they are are events of the
 * account too (`trailHistoryEvents`), at exactly the times the trails show.
 */
import { isoSeconds } from "./event-factory";
import type { SpecialEvent } from "./generator";
import { ACCOUNT_ID, RESOURCE_DIRECTORY_ID } from "./people";
import { OSS_BUCKETS } from "./resources";

export interface TrailRecord {
  Name: string;
  HomeRegion: string;
  TrailRegion: string;
  Status: "Fresh" | "Enable" | "Disable";
  EventRW: "Write" | "Read" | "All";
  IsOrganizationTrail: boolean;
  OrganizationId: string;
  OssBucketName: string;
  OssBucketLocation: string;
  OssKeyPrefix: string;
  OssWriteRoleArn: string;
  SlsProjectArn: string;
  SlsWriteRoleArn: string;
  MaxComputeProjectArn: string;
  MaxComputeWriteRoleArn: string;
  CreateTime: string;
  UpdateTime: string;
  StartLoggingTime: string;
  StopLoggingTime: string;
}

export const trailArn = (t: Pick<TrailRecord, "HomeRegion" | "Name">): string =>
  `acs:actiontrail:${t.HomeRegion}:${ACCOUNT_ID}:trail/${t.Name}`;

export const slsArn = (region: string, project: string): string =>
  `acs:log:${region}:${ACCOUNT_ID}:project/${project}`;
export const roleArn = (role: string): string =>
  `acs:ram::${ACCOUNT_ID}:role/${role}`;

export function emptyTrail(
  name: string,
  homeRegion: string,
  time: string,
): TrailRecord {
  return {
    Name: name,
    HomeRegion: homeRegion,
    TrailRegion: "All",
    Status: "Fresh",
    EventRW: "Write",
    IsOrganizationTrail: false,
    OrganizationId: "",
    OssBucketName: "",
    OssBucketLocation: "",
    OssKeyPrefix: "",
    OssWriteRoleArn: "",
    SlsProjectArn: "",
    SlsWriteRoleArn: "",
    MaxComputeProjectArn: "",
    MaxComputeWriteRoleArn: "",
    CreateTime: time,
    UpdateTime: time,
    StartLoggingTime: "",
    StopLoggingTime: "",
  };
}

/** The trails the account starts with (the trail incident (e) deleted is not among them). */
export function initialTrails(anchorMs: number): TrailRecord[] {
  const daysAgo = (d: number, minutes = 0) =>
    isoSeconds(anchorMs - d * 86_400_000 - minutes * 60_000);
  const defaultRole = roleArn("AliyunServiceRoleForActionTrail");
  return [
    {
      ...emptyTrail("org-audit-all", "cn-hangzhou", daysAgo(412)),
      TrailRegion: "All",
      Status: "Enable",
      EventRW: "All",
      OssBucketName: "trailscope-audit-archive",
      OssBucketLocation: "cn-hangzhou",
      OssKeyPrefix: "audit-logs",
      OssWriteRoleArn: defaultRole,
      SlsProjectArn: slsArn("cn-hangzhou", "security-audit-hz"),
      SlsWriteRoleArn: defaultRole,
      UpdateTime: daysAgo(97),
      StartLoggingTime: daysAgo(412, -5),
    },
    {
      ...emptyTrail("security-writes-hz", "cn-hangzhou", daysAgo(180)),
      TrailRegion: "cn-hangzhou",
      Status: "Enable",
      EventRW: "Write",
      SlsProjectArn: slsArn("cn-hangzhou", "security-audit-hz"),
      SlsWriteRoleArn: defaultRole,
      UpdateTime: daysAgo(33),
      StartLoggingTime: daysAgo(180, -2),
    },
    {
      ...emptyTrail("ops-shanghai-trail", "cn-shanghai", daysAgo(301)),
      TrailRegion: "cn-shanghai",
      Status: "Enable",
      EventRW: "Write",
      OssBucketName: "ops-logs-sh-2024",
      OssBucketLocation: "cn-shanghai",
      OssKeyPrefix: "actiontrail",
      OssWriteRoleArn: defaultRole,
      UpdateTime: daysAgo(301),
      StartLoggingTime: daysAgo(301, -3),
    },
    {
      ...emptyTrail("sg-readonly-archive", "ap-southeast-1", daysAgo(240)),
      TrailRegion: "ap-southeast-1",
      Status: "Disable",
      EventRW: "Read",
      OssBucketName: "sec-archive-sg",
      OssBucketLocation: "ap-southeast-1",
      OssKeyPrefix: "readonly-archive",
      OssWriteRoleArn: defaultRole,
      UpdateTime: daysAgo(45),
      StartLoggingTime: daysAgo(240, -4),
      StopLoggingTime: daysAgo(45),
    },
    {
      ...emptyTrail("eu-compliance-draft", "eu-central-1", daysAgo(9)),
      TrailRegion: "eu-central-1",
      Status: "Fresh",
      EventRW: "All",
      OssBucketName: "eu-audit-frankfurt",
      OssBucketLocation: "eu-central-1",
      OssKeyPrefix: "gdpr-audit",
      OssWriteRoleArn: defaultRole,
    },
  ];
}

export const ORGANIZATION_ID = RESOURCE_DIRECTORY_ID;

/** Who looks after the account's trails (the security team). */
const TRAIL_ADMIN = {
  actorKey: "wang.fang",
  sourceIp: "203.0.113.12",
};

/**
 * The calls that gave the initial trails their state: CreateTrail at each
 * trail's CreateTime, StartLogging / StopLogging at its logging times,
 * UpdateTrail at a later UpdateTime. Those older than the 90 days are never
 * seen, as on a real account.
 */
export function trailHistoryEvents(anchorMs: number): SpecialEvent[] {
  const out: SpecialEvent[] = [];
  for (const t of initialTrails(anchorMs)) {
    const base = {
      incident: "trails",
      region: t.HomeRegion,
      ...TRAIL_ADMIN,
      eventType: "ConsoleOperation" as const,
      userAgent: "AliyunConsole",
      accessKeyId: "",
      resourceName: t.Name,
      mfa: true,
    };
    const at = (time: string) => Date.parse(time);
    const delivery = Object.fromEntries(
      (
        [
          "EventRW",
          "TrailRegion",
          "OssBucketName",
          "OssKeyPrefix",
          "SlsProjectArn",
        ] as const
      )
        .filter((key) => t[key] !== "")
        .map((key) => [key, t[key]]),
    );
    out.push({
      ...base,
      tag: `t-${t.Name}-create`,
      timeMs: at(t.CreateTime),
      templateKey: "Actiontrail.CreateTrail",
      requestParameters: { Name: t.Name, ...delivery },
      responseElements: { Name: t.Name, HomeRegion: t.HomeRegion },
    });
    if (t.StartLoggingTime)
      out.push({
        ...base,
        tag: `t-${t.Name}-start`,
        timeMs: at(t.StartLoggingTime),
        templateKey: "Actiontrail.StartLogging",
        requestParameters: { Name: t.Name },
      });
    if (t.StopLoggingTime)
      out.push({
        ...base,
        tag: `t-${t.Name}-stop`,
        timeMs: at(t.StopLoggingTime),
        templateKey: "Actiontrail.StopLogging",
        requestParameters: { Name: t.Name },
      });
    const bucket = OSS_BUCKETS.find((b) => b.name === t.OssBucketName);
    if (bucket?.deleted)
      // The bucket a logging trail still delivers to was deleted: the
      // trail's status shows the delivery error from then on.
      out.push({
        ...base,
        tag: `t-${t.Name}-bucket-deleted`,
        actorKey: "li.wei",
        sourceIp: "203.0.113.24",
        region: bucket.region,
        timeMs: anchorMs - 20 * 86_400_000 - 7 * 3_600_000,
        templateKey: "Oss.DeleteBucket",
        requestParameters: { BucketName: bucket.name },
        resourceName: bucket.name,
      });
    const changes = [t.CreateTime, t.StartLoggingTime, t.StopLoggingTime];
    if (!changes.includes(t.UpdateTime))
      out.push({
        ...base,
        tag: `t-${t.Name}-update`,
        timeMs: at(t.UpdateTime),
        templateKey: "Actiontrail.UpdateTrail",
        requestParameters: { Name: t.Name, EventRW: t.EventRW },
      });
  }
  return out;
}
