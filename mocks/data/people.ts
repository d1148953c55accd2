/**
 * The organisation behind Trailscope's simulated account: who calls the cloud,
 * from where, with which keys and tools, and when.
 */
import { SERVICES, TEMPLATES, type EventTemplate } from "./catalog";
import { GLOBAL_EVENTS_REGION } from "./regions";

export const ACCOUNT_ID = "1498326459723841";
export const ACCOUNT_NAME = "Trailscope Demo (simulated)";
export const RESOURCE_DIRECTORY_ID = "rd-3Yt8Zq";

export type IdentityType =
  "root-account" | "ram-user" | "assumed-role" | "system";

/** When someone works: activity (0–1) for a local hour (UTC+8) and weekday (0 = Sunday). */
export type Schedule =
  "office" | "oncall" | "ci" | "nightly" | "always" | "never";

export interface ActorSpec {
  key: string;
  identityType: IdentityType;
  userName: string;
  principalId: string;
  roleName?: string;
  /** Long-term AccessKeys (`LTAI5t…`); role sessions get `STS.` keys instead. */
  accessKeys?: string[];
  mfa?: boolean;
  /** Share of this person's calls made from the web console. */
  consoleShare?: number;
  ips: string[];
  userAgents: string[];
  browser?: string;
  /** Calls per active hour, relative to the others. */
  rate: number;
  schedule: Schedule;
  /** Where their regional calls go (weights). */
  regions: Record<string, number>;
  /** `Service`, `Service:R`, `Service:W` or `Service.EventName`, with a weight. */
  templates: [string, number][];
  errorRate?: number;
  /** A key this actor used until it moved to `accessKeys` (still active, no longer used). */
  retiredKey?: { accessKeyId: string; retiredDaysBeforeNow: number };
}

export interface Actor extends Required<
  Omit<ActorSpec, "roleName" | "browser" | "retiredKey">
> {
  index: number;
  roleName: string | undefined;
  retiredKey: { accessKeyId: string; retiredDaysBeforeNow: number } | undefined;
  browser: string;
  /** The catalog templates this actor uses, with weights (global ones separately). */
  regional: { template: EventTemplate; weight: number }[];
  global: { template: EventTemplate; weight: number }[];
}

const range = (prefix: string, from: number, to: number): string[] =>
  Array.from({ length: to - from + 1 }, (_, i) => `${prefix}${from + i}`);

const CHROME =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
const MAC_CHROME =
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36";
const FIREFOX =
  "Mozilla/5.0 (X11; Linux x86_64; rv:132.0) Gecko/20100101 Firefox/132.0";
const CLI = "aliyuncli/3.0.226";
const TERRAFORM =
  "Terraform/1.9.8 (+https://www.terraform.io) terraform-provider-alicloud/1.235.0";
const PY_SDK =
  "AlibabaCloud (Linux; x86_64) Python/3.11.6 Core/2.15.1 python-requests/2.31.0";
const GO_SDK = "AlibabaCloud (linux; amd64) Go/1.22.5 Core/1.62.800 TeaDSL/1";
const JAVA_SDK = "aliyun-sdk-java/4.6.4 (Linux/5.10.134; amd64) Java/17.0.9";
const NODE_SDK =
  "AlibabaCloud (linux; x64) Node.js/v20.18.0 Core/1.1.1 TeaDSL/1";

const HZ = "cn-hangzhou";

export const ACTOR_SPECS: readonly ActorSpec[] = [
  {
    key: "root",
    identityType: "root-account",
    userName: "root",
    principalId: ACCOUNT_ID,
    mfa: true,
    consoleShare: 1,
    ips: ["203.0.113.10", "203.0.113.10", "203.0.113.11"],
    userAgents: [CLI],
    browser: MAC_CHROME,
    rate: 0.25,
    schedule: "office",
    regions: { [HZ]: 1 },
    templates: [
      ["AasSub", 3],
      ["Ram:R", 1],
      ["Actiontrail:R", 1],
      ["Ecs:R", 1],
    ],
  },
  {
    key: "li.wei",
    identityType: "ram-user",
    userName: "li.wei",
    principalId: "284516372093811542",
    accessKeys: ["LTAI5tLiWei4kQ2mNp8Rs"],
    mfa: true,
    consoleShare: 0.7,
    ips: ["203.0.113.24", "203.0.113.24", "203.0.113.24", "198.51.100.117"],
    userAgents: [CLI, CLI, PY_SDK],
    browser: CHROME,
    rate: 6,
    schedule: "office",
    regions: { [HZ]: 0.8, "cn-shanghai": 0.15, "cn-beijing": 0.05 },
    templates: [
      ["Ecs", 5],
      ["Slb", 2],
      ["Vpc", 1.5],
      ["Cms", 2],
      ["Ess", 1],
      ["AasSub", 0.4],
    ],
  },
  {
    key: "zhang.min",
    identityType: "ram-user",
    userName: "zhang.min",
    principalId: "266903215548170227",
    accessKeys: ["LTAI5tZhMinDba7Hw2Ke"],
    mfa: true,
    consoleShare: 0.5,
    ips: ["203.0.113.31", "203.0.113.31", "198.51.100.122"],
    userAgents: [CLI, JAVA_SDK],
    browser: CHROME,
    rate: 4,
    schedule: "office",
    regions: { [HZ]: 0.9, "cn-shanghai": 0.1 },
    templates: [
      ["Rds", 6],
      ["Cms", 2],
      ["Kms:R", 1],
      ["Ecs:R", 1],
      ["AasSub", 0.3],
    ],
  },
  {
    key: "chen.jie",
    identityType: "ram-user",
    userName: "chen.jie",
    principalId: "207716548320948815",
    accessKeys: ["LTAI5tChenJieDev3Vb6"],
    mfa: false,
    consoleShare: 0.4,
    ips: ["203.0.113.45", "203.0.113.45", "198.51.100.150"],
    userAgents: [NODE_SDK, PY_SDK, CLI],
    browser: FIREFOX,
    rate: 5,
    schedule: "office",
    regions: { [HZ]: 0.7, "cn-shanghai": 0.2, "cn-shenzhen": 0.1 },
    templates: [
      ["Oss", 3],
      ["Sls", 3],
      ["Ecs:R", 2],
      ["CS", 2],
      ["Kms:R", 1],
      ["AasSub", 0.3],
    ],
    errorRate: 0.05,
  },
  {
    key: "wang.fang",
    identityType: "ram-user",
    userName: "wang.fang",
    principalId: "239180045127764309",
    accessKeys: ["LTAI5tWangFangSec8Tz"],
    mfa: true,
    consoleShare: 0.8,
    ips: ["203.0.113.12", "203.0.113.12", "198.51.100.108"],
    userAgents: [CLI],
    browser: MAC_CHROME,
    rate: 2.5,
    schedule: "office",
    regions: {
      [HZ]: 0.6,
      "ap-southeast-1": 0.15,
      "cn-shanghai": 0.1,
      "eu-central-1": 0.05,
      "us-west-1": 0.05,
      "cn-hongkong": 0.05,
    },
    templates: [
      ["Actiontrail", 4],
      ["Ram", 3],
      ["Ims", 2],
      ["Kms:R", 1],
      ["Oss:R", 1],
      ["Ecs:R", 1],
      ["AasSub", 0.6],
    ],
  },
  {
    key: "liu.yang",
    identityType: "ram-user",
    userName: "liu.yang",
    principalId: "271450983362217018",
    accessKeys: ["LTAI5tLiuYangData2Gq"],
    mfa: false,
    consoleShare: 0.6,
    ips: ["203.0.113.58", "203.0.113.58", "198.51.100.164"],
    userAgents: [PY_SDK],
    browser: CHROME,
    rate: 3,
    schedule: "office",
    regions: { [HZ]: 1 },
    templates: [
      ["Oss", 4],
      ["Sls", 2],
      ["Rds:R", 2],
      ["Kms:R", 1],
      ["AasSub", 0.4],
    ],
  },
  {
    key: "zhao.lei",
    identityType: "ram-user",
    userName: "zhao.lei",
    principalId: "255086613927450136",
    accessKeys: ["LTAI5tZhaoLeiSre5Nc1"],
    mfa: true,
    consoleShare: 0.3,
    ips: ["198.51.100.133", "198.51.100.133", "203.0.113.77"],
    userAgents: [CLI, CLI, TERRAFORM],
    browser: FIREFOX,
    rate: 6,
    schedule: "oncall",
    regions: {
      [HZ]: 0.6,
      "cn-shanghai": 0.15,
      "cn-beijing": 0.1,
      "cn-hongkong": 0.05,
      "ap-southeast-1": 0.05,
      "eu-central-1": 0.05,
    },
    templates: [
      ["Ecs", 4],
      ["CS", 3],
      ["Ess", 2],
      ["Slb", 2],
      ["Cms", 3],
      ["Sls:R", 1],
      ["Sts.AssumeRole", 0.5],
      ["AasSub", 0.3],
    ],
  },
  {
    key: "sun.ting",
    identityType: "ram-user",
    userName: "sun.ting",
    principalId: "290334718826650071",
    accessKeys: ["LTAI5tSunTingNet6Jd4"],
    mfa: true,
    consoleShare: 0.3,
    ips: ["203.0.113.88", "203.0.113.88", "198.51.100.141"],
    userAgents: [TERRAFORM, CLI],
    browser: CHROME,
    rate: 3,
    schedule: "office",
    regions: {
      [HZ]: 0.5,
      "cn-shanghai": 0.2,
      "cn-beijing": 0.1,
      "cn-shenzhen": 0.1,
      "cn-hongkong": 0.05,
      "ap-northeast-1": 0.05,
    },
    templates: [
      ["Vpc", 5],
      ["Slb", 3],
      ["Ecs:R", 1],
      ["AasSub", 0.3],
    ],
  },
  {
    key: "zhou.xin",
    identityType: "ram-user",
    userName: "zhou.xin",
    principalId: "213377450981126604",
    mfa: false,
    consoleShare: 1,
    ips: ["203.0.113.140"],
    userAgents: [CLI],
    browser: CHROME,
    rate: 0.6,
    schedule: "office",
    regions: { [HZ]: 1 },
    templates: [
      ["Oss:R", 3],
      ["AasSub", 1],
    ],
  },
  {
    key: "temp-contractor",
    identityType: "ram-user",
    userName: "temp-contractor",
    principalId: "246612093374589110",
    accessKeys: ["LTAI5tTmpContract1Wf"],
    mfa: false,
    consoleShare: 0.6,
    ips: ["198.51.100.201", "198.51.100.202"],
    userAgents: [CLI],
    browser: CHROME,
    rate: 0.8,
    schedule: "office",
    regions: { [HZ]: 0.8, "cn-shanghai": 0.2 },
    templates: [
      ["Ecs:R", 2],
      ["Ram:R", 1],
      ["Oss:R", 1],
      ["AasSub", 0.5],
    ],
    errorRate: 0.08,
  },
  {
    key: "ci-deployer",
    identityType: "ram-user",
    userName: "ci-deployer",
    principalId: "229874401166305527",
    accessKeys: ["LTAI5tCiDeployV2n8KpQ"],
    retiredKey: {
      accessKeyId: "LTAI5tCiDeployLeak7Qx9",
      retiredDaysBeforeNow: 5,
    },
    consoleShare: 0,
    ips: range("198.51.100.", 40, 49),
    userAgents: [PY_SDK, CLI],
    rate: 8,
    schedule: "ci",
    regions: { [HZ]: 1 },
    templates: [
      ["Ecs.DescribeInstances", 5],
      ["Ecs.DescribeInstanceStatus", 3],
      ["Ecs.DescribeImages", 1],
      ["Ecs.CreateImage", 0.1],
      ["Slb.DescribeHealthStatus", 3],
      ["Slb.SetBackendServers", 2],
      ["CS.DescribeClusterDetail", 1],
      ["CS.ScaleOutCluster", 0.2],
      ["Ess.DescribeScalingGroups", 1],
    ],
    errorRate: 0.02,
  },
  {
    key: "terraform-bot",
    identityType: "ram-user",
    userName: "terraform-bot",
    principalId: "262210087743319954",
    accessKeys: ["LTAI5tTfPlanBot2Hs8W"],
    ips: range("198.51.100.", 40, 49),
    userAgents: [TERRAFORM],
    rate: 14,
    schedule: "nightly",
    regions: {
      [HZ]: 0.6,
      "cn-shanghai": 0.2,
      "cn-beijing": 0.1,
      "ap-southeast-1": 0.1,
    },
    templates: [
      ["Vpc:R", 3],
      ["Ecs:R", 3],
      ["Slb:R", 2],
      ["Rds:R", 1],
      ["Oss:R", 1],
      ["Ram:R", 1],
    ],
    errorRate: 0.01,
  },
  {
    key: "backup-bot",
    identityType: "ram-user",
    userName: "backup-bot",
    principalId: "281109652230047713",
    accessKeys: ["LTAI5tBackupJob9Lm3Z"],
    ips: ["10.10.3.21", "10.10.3.22"],
    userAgents: [GO_SDK],
    rate: 12,
    schedule: "nightly",
    regions: { [HZ]: 0.7, "cn-shanghai": 0.3 },
    templates: [
      ["Ecs.CreateSnapshot", 3],
      ["Ecs.DeleteSnapshot", 1.5],
      ["Ecs.DescribeSnapshots", 2],
      ["Rds.CreateBackup", 2],
      ["Rds.DescribeBackups", 2],
      ["Oss.GetBucketInfo", 1],
    ],
    errorRate: 0.02,
  },
  {
    key: "monitoring-exporter",
    identityType: "ram-user",
    userName: "monitoring-exporter",
    principalId: "219985531064478820",
    accessKeys: ["LTAI5tPromExporter6Y"],
    ips: ["10.20.1.15", "10.20.1.16"],
    userAgents: [GO_SDK],
    rate: 26,
    schedule: "always",
    regions: {
      [HZ]: 0.62,
      "cn-shanghai": 0.14,
      "cn-beijing": 0.06,
      "cn-shenzhen": 0.04,
      "cn-qingdao": 0.01,
      "cn-zhangjiakou": 0.01,
      "cn-huhehaote": 0.01,
      "cn-wulanchabu": 0.01,
      "cn-heyuan": 0.01,
      "cn-guangzhou": 0.01,
      "cn-chengdu": 0.01,
      "cn-hongkong": 0.02,
      "ap-northeast-1": 0.01,
      "ap-northeast-2": 0.01,
      "ap-southeast-1": 0.02,
      "ap-southeast-3": 0.01,
      "ap-southeast-5": 0.01,
      "ap-southeast-7": 0.01,
      "us-west-1": 0.01,
      "us-east-1": 0.01,
      "eu-west-1": 0.01,
      "eu-central-1": 0.01,
      "me-east-1": 0.01,
    },
    templates: [
      ["Cms.DescribeMetricList", 10],
      ["Cms.DescribeMetricLast", 4],
      ["Ecs.DescribeInstanceStatus", 2],
      ["Rds.DescribeDBInstancePerformance", 1],
      ["Slb.DescribeHealthStatus", 1],
    ],
    errorRate: 0.01,
  },
  {
    key: "orders-service",
    identityType: "ram-user",
    userName: "orders-service",
    principalId: "287730015549921364",
    accessKeys: ["LTAI5tOrdersApp3Kx7P"],
    ips: ["10.20.8.31", "10.20.8.32", "10.20.8.33", "10.20.8.34"],
    userAgents: [JAVA_SDK],
    rate: 7,
    schedule: "always",
    regions: { [HZ]: 1 },
    templates: [
      ["Kms.Decrypt", 6],
      ["Kms.GetSecretValue", 2],
      ["Kms.GenerateDataKey", 1],
      ["Rds.DescribeDBInstanceAttribute", 1],
    ],
    errorRate: 0.01,
  },
  {
    key: "ops-admin-role",
    identityType: "assumed-role",
    userName: "OpsAdmin:zhao.lei",
    principalId: "324719884756104392:zhao.lei",
    roleName: "OpsAdmin",
    mfa: true,
    consoleShare: 0.5,
    ips: ["198.51.100.133", "203.0.113.77"],
    userAgents: [CLI],
    browser: FIREFOX,
    rate: 1.5,
    schedule: "oncall",
    regions: { [HZ]: 0.8, "cn-shanghai": 0.2 },
    templates: [
      ["Ecs:W", 2],
      ["Ecs:R", 2],
      ["Rds:W", 0.5],
      ["Vpc:W", 0.5],
      ["Ram:R", 0.3],
    ],
  },
  {
    key: "ack-worker-role",
    identityType: "assumed-role",
    userName: "KubernetesWorkerRole-7d2c4e:ack-node",
    principalId: "338150976620488215:ack-node",
    roleName: "KubernetesWorkerRole-7d2c4e",
    ips: ["10.30.16.11", "10.30.16.12", "10.30.17.8"],
    userAgents: [
      "alibaba-cloud-controller-manager/v2.9.1 AlibabaCloud (linux; amd64) Go/1.22.5",
    ],
    rate: 6,
    schedule: "always",
    regions: { [HZ]: 0.8, "cn-shanghai": 0.2 },
    templates: [
      ["Ecs.DescribeInstances", 2],
      ["Slb.DescribeLoadBalancerAttribute", 2],
      ["Slb.SetBackendServers", 1],
      ["Vpc.DescribeRouteTableList", 1],
      ["Cms.DescribeMetricLast", 1],
    ],
    errorRate: 0.01,
  },
  {
    key: "audit-scanner",
    identityType: "assumed-role",
    userName: "ReadOnlyScanner:scan-7781",
    principalId: "301845527716093482:scan-7781",
    roleName: "ReadOnlyScanner",
    ips: ["198.51.100.87"],
    userAgents: [
      "aliyun-python-sdk-core/2.15.1 python/3.12.3 ScoutSuite/5.14.0",
    ],
    rate: 0,
    schedule: "never",
    regions: { [HZ]: 1 },
    templates: [["Ecs:R", 1]],
  },
  {
    key: "svc-ecs",
    identityType: "system",
    userName: "ecs.aliyuncs.com",
    principalId: "ecs.aliyuncs.com",
    ips: ["Internal"],
    userAgents: ["ecs.aliyuncs.com"],
    rate: 2,
    schedule: "nightly",
    regions: { [HZ]: 0.6, "cn-shanghai": 0.25, "cn-beijing": 0.15 },
    templates: [
      ["Ecs.CreateSnapshot", 3],
      ["Ecs.DeleteSnapshot", 2],
      ["Ecs.RebootInstance", 0.2],
    ],
    errorRate: 0.005,
  },
  {
    key: "svc-ess",
    identityType: "system",
    userName: "ess.aliyuncs.com",
    principalId: "ess.aliyuncs.com",
    ips: ["Internal"],
    userAgents: ["ess.aliyuncs.com"],
    rate: 2,
    schedule: "always",
    regions: { [HZ]: 0.8, "cn-shanghai": 0.2 },
    templates: [
      ["Ecs.RunInstances", 1],
      ["Ecs.DeleteInstance", 1],
      ["Slb.AddBackendServers", 1],
      ["Slb.RemoveBackendServers", 1],
    ],
    errorRate: 0.01,
  },
  {
    key: "svc-cs",
    identityType: "system",
    userName: "cs.aliyuncs.com",
    principalId: "cs.aliyuncs.com",
    ips: ["Internal"],
    userAgents: ["cs.aliyuncs.com"],
    rate: 1.5,
    schedule: "always",
    regions: { [HZ]: 0.8, "cn-shanghai": 0.2 },
    templates: [
      ["Ecs.DescribeInstances", 1],
      ["Slb.SetBackendServers", 1],
      ["Ecs.AuthorizeSecurityGroup", 0.1],
    ],
  },
  {
    key: "svc-rds",
    identityType: "system",
    userName: "rds.aliyuncs.com",
    principalId: "rds.aliyuncs.com",
    ips: ["Internal"],
    userAgents: ["rds.aliyuncs.com"],
    rate: 1,
    schedule: "nightly",
    regions: { [HZ]: 0.8, "cn-shanghai": 0.2 },
    templates: [["Rds.CreateBackup", 1]],
    errorRate: 0.005,
  },
];

function resolveTemplates(
  patterns: [string, number][],
): { template: EventTemplate; weight: number }[] {
  const out = new Map<EventTemplate, number>();
  for (const [pattern, weight] of patterns) {
    const exact = pattern.includes(".");
    const [service, rw] = pattern.split(":");
    const matches = TEMPLATES.filter((tpl) =>
      exact
        ? tpl.key === pattern
        : tpl.service.name === service && (!rw || tpl.rw[0] === rw),
    );
    if (!matches.length)
      throw new Error(`Actor template pattern matches nothing: ${pattern}`);
    const base = matches.reduce((sum, tpl) => sum + tpl.weight, 0);
    for (const tpl of matches)
      out.set(
        tpl,
        (out.get(tpl) ?? 0) + (exact ? weight : (weight * tpl.weight) / base),
      );
  }
  return [...out].map(([template, weight]) => ({ template, weight }));
}

export const ACTORS: readonly Actor[] = ACTOR_SPECS.map((spec, index) => {
  const all = resolveTemplates(spec.templates);
  return {
    accessKeys: [],
    mfa: false,
    consoleShare: 0,
    errorRate: 0.03,
    ...spec,
    index,
    roleName: spec.roleName,
    retiredKey: spec.retiredKey,
    browser: spec.browser ?? CHROME,
    regional: all.filter((x) => !x.template.service.global),
    global: all.filter((x) => x.template.service.global),
  };
});

/** Every long-term AccessKey an actor has (current and retired). */
export const allAccessKeys = (actor: Actor): string[] =>
  actor.retiredKey
    ? [...actor.accessKeys, actor.retiredKey.accessKeyId]
    : actor.accessKeys;

export function actorByKey(key: string): Actor {
  const actor = ACTORS.find((a) => a.key === key);
  if (!actor) throw new Error(`No actor ${key}`);
  return actor;
}

/** Activity (0–1) of a schedule at a local (UTC+8) hour on a weekday (0 = Sunday). */
export function activity(
  schedule: Schedule,
  hour: number,
  weekday: number,
): number {
  const weekend = weekday === 0 || weekday === 6;
  switch (schedule) {
    case "office": {
      const h =
        hour >= 9 && hour < 12
          ? 1
          : hour >= 13 && hour < 19
            ? 1
            : hour === 12
              ? 0.4
              : hour >= 19 && hour < 22
                ? 0.15
                : 0.01;
      return weekend ? h * 0.05 : h;
    }
    case "oncall": {
      const h = hour >= 8 && hour < 23 ? 1 : 0.1;
      return weekend ? h * 0.3 : h;
    }
    case "ci": {
      const day = hour >= 9 && hour < 21 ? 1 : 0;
      const night = hour === 1 ? 0.6 : 0;
      return (weekend ? day * 0.05 : day) + night;
    }
    case "nightly":
      return hour >= 1 && hour < 4 ? 1 : weekend ? 0.005 : 0.03;
    case "always":
      return hour >= 9 && hour < 21 ? (weekend ? 0.8 : 1) : 0.7;
    case "never":
      return 0;
  }
}

/** Regions an actor's call of this template can land in, with weights. */
export function regionWeight(
  actor: Actor,
  region: string,
  global: boolean,
): number {
  if (global) return region === GLOBAL_EVENTS_REGION ? 1 : 0;
  return actor.regions[region] ?? 0;
}

export const isConsoleCapable = (actor: Actor): boolean =>
  actor.consoleShare > 0;

export const SERVICE_LIST = Object.keys(SERVICES);
