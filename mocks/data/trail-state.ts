/**
 * The trails of Trailscope's simulated account: the initial set (relative to
 * `now`) and the record shape the trail handlers change. A browser keeps its
 * changes in storage so they survive a reload.
 */
import { isoSeconds } from "./event-factory";
import { ACCOUNT_ID, RESOURCE_DIRECTORY_ID } from "./people";

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

/** The trails the account starts with. */
export function initialTrails(nowMs: number): TrailRecord[] {
  const daysAgo = (d: number, minutes = 0) =>
    isoSeconds(nowMs - d * 86_400_000 - minutes * 60_000);
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
