/**
 * The resources that exist in each region of Trailscope's simulated account:
 * instances, security groups, databases, buckets… Deterministic per seed and
 * region, with the handful the incidents need fixed by name.
 */
import type { Resource, ResourceKind, ResourcePools } from "./catalog";
import { derive, hashString, Rng } from "./prng";
import { GLOBAL_EVENTS_REGION, regionInfo } from "./regions";

export interface BucketInfo {
  name: string;
  region: string;
  /** A bucket deleted after a trail was set to deliver to it. */
  deleted?: boolean;
  /** Its ACL today (private unless said). */
  acl?: "public-read" | "public-read-write";
}

export const OSS_BUCKETS: readonly BucketInfo[] = [
  { name: "trailscope-audit-archive", region: "cn-hangzhou" },
  // Made public by incident (g), the day before the account was opened.
  { name: "finance-reports-2026", region: "cn-hangzhou", acl: "public-read" },
  { name: "ops-logs-hz", region: "cn-hangzhou" },
  { name: "prod-audit-archive-hz", region: "cn-hangzhou" },
  // A static website: public on purpose.
  { name: "web-static-assets-hz", region: "cn-hangzhou", acl: "public-read" },
  { name: "ci-artifacts-sh", region: "cn-shanghai" },
  { name: "ops-logs-sh-2024", region: "cn-shanghai", deleted: true },
  { name: "sec-archive-sg", region: "ap-southeast-1" },
  { name: "eu-audit-frankfurt", region: "eu-central-1" },
];

export const SLS_PROJECTS: readonly { name: string; region: string }[] = [
  { name: "security-audit-hz", region: "cn-hangzhou" },
  { name: "app-logs-hz", region: "cn-hangzhou" },
  { name: "ops-central", region: "cn-shanghai" },
];

export const RAM_ROLES: readonly string[] = [
  "AliyunActionTrailDefaultRole",
  "AliyunServiceRoleForActionTrail",
  "ActionTrailDeliveryRole",
  "OpsAdmin",
  "ReadOnlyScanner",
  "DeployRole",
  "KubernetesWorkerRole-7d2c4e",
];

export const RAM_USERS: readonly string[] = [
  "li.wei",
  "zhang.min",
  "chen.jie",
  "wang.fang",
  "liu.yang",
  "zhao.lei",
  "sun.ting",
  "zhou.xin",
  "temp-contractor",
  "ci-deployer",
  "terraform-bot",
  "backup-bot",
  "monitoring-exporter",
  "orders-service",
];

const RAM_POLICIES = [
  "ops-ecs-restart",
  "readonly-finance-oss",
  "ci-deploy-policy",
  "sls-read-security",
  "kms-decrypt-orders",
];

/** Resources the incidents name; they exist in their region's pool. */
export const FIXED_RESOURCES: Partial<
  Record<string, Partial<Record<ResourceKind, Resource[]>>>
> = {
  "cn-hangzhou": {
    instance: [
      { id: "i-bp1prodweb01ab9xz", name: "prod-web-01" },
      { id: "i-bp1prodweb02kq4tm", name: "prod-web-02" },
    ],
    rds: [
      { id: "rm-bp1orders01k2m3", name: "orders-mysql-prod" },
      { id: "rm-bp1payments9x7w2", name: "payments-mysql-prod" },
    ],
    trail: [
      { id: "org-audit-all", name: "org-audit-all" },
      { id: "security-writes-hz", name: "security-writes-hz" },
    ],
  },
  "cn-shanghai": {
    trail: [{ id: "ops-shanghai-trail", name: "ops-shanghai-trail" }],
  },
  "ap-southeast-1": {
    trail: [{ id: "sg-readonly-archive", name: "sg-readonly-archive" }],
  },
  "eu-central-1": {
    trail: [{ id: "eu-compliance-draft", name: "eu-compliance-draft" }],
  },
};

const SIZE: Record<string, number> = {
  "cn-hangzhou": 1,
  "cn-shanghai": 0.45,
  "cn-beijing": 0.25,
  "cn-shenzhen": 0.2,
};

const INSTANCE_NAMES = [
  "prod-web",
  "prod-api",
  "staging-web",
  "batch-worker",
  "k8s-node",
  "jenkins-agent",
  "bastion",
  "redis-proxy",
];

/** Builds the resource pools of one region. */
export function buildPools(seed: number, region: string): ResourcePools {
  const rng = new Rng(derive(seed, hashString(`pools:${region}`)));
  const p = regionInfo(region)?.idPrefix ?? "bp1";
  const size = SIZE[region] ?? 0.08;
  const n = (max: number) => Math.max(2, Math.round(max * size));
  const ids = (
    prefix: string,
    count: number,
    len: number,
    names: (i: number) => string,
  ): Resource[] =>
    Array.from({ length: count }, (_, i) => ({
      id: `${prefix}${p}${rng.alnum(len)}`,
      name: names(i),
    }));
  const fixed = FIXED_RESOURCES[region] ?? {};
  const withFixed = (kind: ResourceKind, list: Resource[]): Resource[] => [
    ...(fixed[kind] ?? []),
    ...list,
  ];
  const short = region.replace(/^(cn|ap|us|eu|me)-/, "").slice(0, 6);
  const isGlobal = region === GLOBAL_EVENTS_REGION;
  return {
    instance: withFixed(
      "instance",
      ids(
        "i-",
        n(60),
        14,
        (i) => `${rng.pick(INSTANCE_NAMES)}-${String(i + 3).padStart(2, "0")}`,
      ),
    ),
    securityGroup: ids(
      "sg-",
      n(12),
      14,
      (i) =>
        `sg-${["web", "db", "k8s", "bastion", "internal"][i % 5]}-${short}`,
    ),
    disk: ids("d-", n(70), 14, (i) => `disk-${i}`),
    snapshot: ids("s-", n(40), 14, (i) => `auto-snap-${i}`),
    image: ids("m-", n(8), 14, (i) => `golden-image-v${i + 1}`),
    vpc: ids("vpc-", n(4), 17, (i) =>
      i === 0
        ? `vpc-prod-${short}`
        : `vpc-${["staging", "shared", "dev"][i % 3]}-${short}`,
    ),
    vswitch: ids(
      "vsw-",
      n(12),
      17,
      (i) => `vsw-${short}-${String.fromCharCode(104 + (i % 4))}-${i}`,
    ),
    eip: ids("eip-", n(10), 17, (i) => `eip-${i}`),
    slb: ids(
      "lb-",
      n(8),
      17,
      (i) =>
        [`prod-web-slb`, `prod-api-slb`, `staging-slb`, `internal-slb`][
          i % 4
        ] ?? "slb",
    ),
    rds: withFixed(
      "rds",
      ids(
        "rm-",
        n(6),
        12,
        (i) => `${["inventory", "users", "analytics", "staging"][i % 4]}-mysql`,
      ),
    ),
    bucket: OSS_BUCKETS.filter((b) => b.region === region && !b.deleted)
      .map((b) => ({ id: b.name, name: b.name }))
      .concat(
        SIZE[region] === undefined
          ? [{ id: `static-assets-${region}`, name: `static-assets-${region}` }]
          : [],
      ),
    ramUser: isGlobal ? RAM_USERS.map((u) => ({ id: u, name: u })) : [],
    ramPolicy: isGlobal ? RAM_POLICIES.map((u) => ({ id: u, name: u })) : [],
    ramRole: RAM_ROLES.map((u) => ({ id: u, name: u })),
    kmsKey: Array.from({ length: n(6) }, (_, i) => ({
      id: `key-${p}${rng.alnum(20)}`,
      name: `alias/${["orders", "payments", "backup", "sls"][i % 4]}`,
    })),
    secret: [
      "prod/orders/db-password",
      "prod/payments/api-token",
      "staging/orders/db-password",
    ].map((s) => ({ id: s, name: s })),
    cluster: Array.from({ length: n(3) }, (_, i) => ({
      id: `c${rng.hex(32)}`,
      name: `${["prod", "staging", "batch"][i % 3]}-ack-${short}`,
    })),
    scalingGroup: ids(
      "asg-",
      n(4),
      17,
      (i) => `asg-${["web", "api", "batch", "spot"][i % 4]}`,
    ),
    slsProject: SLS_PROJECTS.filter((s) => s.region === region)
      .map((s) => ({ id: s.name, name: s.name }))
      .concat([{ id: `k8s-log-${rng.hex(10)}`, name: "k8s" }]),
    logstore: [
      "actiontrail_org-audit-all",
      "nginx-access",
      "app-error",
      "k8s-events",
    ].map((s) => ({ id: s, name: s })),
    trail: fixed.trail ?? [],
    alarmRule: Array.from({ length: 6 }, (_, i) => ({
      id: `rule-${["cpu-high", "mem-high", "disk-full", "slb-5xx", "rds-conn", "eip-drop"][i]}-${short}`,
      name: `alarm-${i}`,
    })),
  };
}
