/**
 * What Trailscope's simulated account can do: the cloud services, their real
 * event names, API versions and resource types, and the factories that fill
 * requestParameters / responseElements for each call.
 */
import type { Rng } from "./prng";

export type ResourceKind =
  | "instance"
  | "securityGroup"
  | "disk"
  | "snapshot"
  | "image"
  | "vpc"
  | "vswitch"
  | "eip"
  | "slb"
  | "rds"
  | "bucket"
  | "ramUser"
  | "ramPolicy"
  | "ramRole"
  | "kmsKey"
  | "secret"
  | "cluster"
  | "scalingGroup"
  | "slsProject"
  | "logstore"
  | "trail"
  | "alarmRule";

export interface Resource {
  id: string;
  name: string;
}

export type ResourcePools = Record<ResourceKind, readonly Resource[]>;

/** What a factory may use to fill in one call. */
export interface CallContext {
  region: string;
  accountId: string;
  rng: Rng;
  pools: ResourcePools;
  /** The resource the call acts on (picked from the region's pool), if the call has one. */
  resource: Resource | undefined;
  /** Epoch ms of the call. */
  time: number;
  userName: string;
}

export interface ServiceDef {
  name: string;
  apiVersion: string;
  global: boolean;
  host: (region: string) => string;
  /** The console sub-domain used as userAgent by some consoles. */
  console: string;
}

export type EventRW = "Read" | "Write";
export type FixedEventType = "ConsoleSignin" | "ConsoleSignout";

export interface EventTemplate {
  index: number;
  key: string;
  service: ServiceDef;
  name: string;
  rw: EventRW;
  weight: number;
  resourceType: string | undefined;
  resource: ResourceKind | undefined;
  /** The request parameter naming the resource (`InstanceId`). */
  idParam: string | undefined;
  /** For list calls: where the response lists resources (`Instances.Instance`). */
  listPath: [string, string] | undefined;
  sensitive: boolean;
  fixedType: FixedEventType | undefined;
  errors: readonly (readonly [string, string])[];
  params: ((ctx: CallContext) => Record<string, unknown>) | undefined;
  response: ((ctx: CallContext) => Record<string, unknown>) | undefined;
  /** Resources the call creates, named in resourceName (`RunInstances` → new instance IDs). */
  created: ((ctx: CallContext) => string[]) | undefined;
  /**
   * The call changes state the account shows elsewhere (its trails, its
   * buckets): only the incidents and the console's own calls make it, never
   * the background rhythm, so the events and the trails tell one story.
   */
  stateful: boolean;
}

const svc = (
  name: string,
  apiVersion: string,
  host: (r: string) => string,
  console: string,
  global = false,
): ServiceDef => ({
  name,
  apiVersion,
  global,
  host,
  console,
});

export const SERVICES = {
  Ecs: svc(
    "Ecs",
    "2014-05-26",
    (r) => `ecs.${r}.aliyuncs.com`,
    "ecs.console.aliyun.com",
  ),
  Rds: svc(
    "Rds",
    "2014-08-15",
    (r) => `rds.${r}.aliyuncs.com`,
    "rdsnext.console.aliyun.com",
  ),
  Oss: svc(
    "Oss",
    "2019-05-17",
    (r) => `oss-${r}.aliyuncs.com`,
    "oss.console.aliyun.com",
  ),
  Ram: svc(
    "Ram",
    "2015-05-01",
    () => "ram.aliyuncs.com",
    "ram.console.aliyun.com",
    true,
  ),
  Ims: svc(
    "Ims",
    "2019-08-15",
    () => "ims.aliyuncs.com",
    "ram.console.aliyun.com",
    true,
  ),
  AasSub: svc(
    "AasSub",
    "2015-07-01",
    () => "signin.aliyun.com",
    "signin.aliyun.com",
    true,
  ),
  Sts: svc(
    "Sts",
    "2015-04-01",
    (r) => `sts.${r}.aliyuncs.com`,
    "ram.console.aliyun.com",
  ),
  Vpc: svc(
    "Vpc",
    "2016-04-28",
    (r) => `vpc.${r}.aliyuncs.com`,
    "vpc.console.aliyun.com",
  ),
  Slb: svc(
    "Slb",
    "2014-05-15",
    (r) => `slb.${r}.aliyuncs.com`,
    "slb.console.aliyun.com",
  ),
  Kms: svc(
    "Kms",
    "2016-01-20",
    (r) => `kms.${r}.aliyuncs.com`,
    "kms.console.aliyun.com",
  ),
  Actiontrail: svc(
    "Actiontrail",
    "2020-07-06",
    (r) => `actiontrail.${r}.aliyuncs.com`,
    "actiontrail.console.aliyun.com",
  ),
  Cms: svc(
    "Cms",
    "2019-01-01",
    (r) => `metrics.${r}.aliyuncs.com`,
    "cms.console.aliyun.com",
  ),
  CS: svc(
    "CS",
    "2015-12-15",
    (r) => `cs.${r}.aliyuncs.com`,
    "cs.console.aliyun.com",
  ),
  Sls: svc(
    "Sls",
    "2020-12-30",
    (r) => `${r}.log.aliyuncs.com`,
    "sls.console.aliyun.com",
  ),
  Ess: svc(
    "Ess",
    "2014-08-28",
    (r) => `ess.${r}.aliyuncs.com`,
    "essnew.console.aliyun.com",
  ),
} as const;

export type ServiceName = keyof typeof SERVICES;

const RESOURCE_TYPE: Record<ResourceKind, string> = {
  instance: "ACS::ECS::Instance",
  securityGroup: "ACS::ECS::SecurityGroup",
  disk: "ACS::ECS::Disk",
  snapshot: "ACS::ECS::Snapshot",
  image: "ACS::ECS::Image",
  vpc: "ACS::VPC::VPC",
  vswitch: "ACS::VPC::VSwitch",
  eip: "ACS::VPC::EIP",
  slb: "ACS::SLB::LoadBalancer",
  rds: "ACS::RDS::DBInstance",
  bucket: "ACS::OSS::Bucket",
  ramUser: "ACS::RAM::User",
  ramPolicy: "ACS::RAM::Policy",
  ramRole: "ACS::RAM::Role",
  kmsKey: "ACS::KMS::Key",
  secret: "ACS::KMS::Secret",
  cluster: "ACS::CS::Cluster",
  scalingGroup: "ACS::ESS::ScalingGroup",
  slsProject: "ACS::SLS::Project",
  logstore: "ACS::SLS::LogStore",
  trail: "ACS::ActionTrail::Trail",
  alarmRule: "ACS::CMS::AlarmRule",
};

export const resourceTypeOf = (kind: ResourceKind): string =>
  RESOURCE_TYPE[kind];

export const ERROR_MESSAGES: Record<string, string> = {
  NoPermission:
    "You are not authorized to do this action. You should be authorized by RAM.",
  "Forbidden.RAM":
    "User not authorized to operate on the specified resource, or this API does not support RAM.",
  InvalidParameter: "The specified parameter is not valid.",
  "Throttling.User": "Request was denied due to user flow control.",
  IncorrectInstanceStatus:
    "The current status of the resource does not support this operation.",
  "InvalidInstanceId.NotFound": "The specified InstanceId does not exist.",
  QuotaExceeded: "Living instances quota exceeded in this region.",
  "OperationDenied.NoStock":
    "The requested resource is sold out in the specified zone; try other types of resources or other regions and zones.",
  "InvalidSecurityGroupId.NotFound":
    "The specified SecurityGroupId does not exist.",
  IncorrectDBInstanceState:
    "Current DB instance state does not support this operation.",
  "InvalidDBInstanceId.NotFound": "The specified instance is not found.",
  "QuotaExceeded.Backup": "The backup quota of the instance is exceeded.",
  NoSuchBucket: "The specified bucket does not exist.",
  AccessDenied: "The bucket you access does not belong to you.",
  "EntityAlreadyExists.User": "The user already exists.",
  "EntityNotExist.User": "The user does not exist.",
  "LimitExceeded.AccessKey": "The count of access key exceeds the limit of 2.",
  DependencyViolation: "The specified object has dependent resources.",
  "Forbidden.KeyNotFound": "The specified Key is not found.",
  "Rejected.Disabled": "The key is disabled.",
  ErrorClusterNotFound: "The specified cluster does not exist.",
  IncorrectLoadBalancerStatus: "The specified LoadBalancer is locked.",
  LogStoreNotExist: "The logstore does not exist.",
  "InvalidAccessKeyId.NotFound": "Specified access key is not found.",
  SignatureDoesNotMatch:
    "Specified signature is not matched with our calculation.",
  "InvalidScalingGroupId.NotFound":
    "The specified scaling group does not exist.",
  InvalidLoginPassword: "The user name or password is incorrect.",
  InternalError: "The request processing has failed due to some unknown error.",
};

const e = (code: string): readonly [string, string] => [
  code,
  ERROR_MESSAGES[code] ?? code,
];

const READ_ERRORS = [
  e("NoPermission"),
  e("Forbidden.RAM"),
  e("InvalidParameter"),
  e("Throttling.User"),
];
const WRITE_ERRORS = [
  e("NoPermission"),
  e("Forbidden.RAM"),
  e("InvalidParameter"),
];

interface TemplateOptions {
  res?: ResourceKind;
  id?: string;
  list?: [string, string];
  sensitive?: boolean;
  fixedType?: FixedEventType;
  errors?: string[];
  params?: (ctx: CallContext) => Record<string, unknown>;
  response?: (ctx: CallContext) => Record<string, unknown>;
  created?: (ctx: CallContext) => string[];
  /** The resource type to report when the call has no picked resource (list calls). */
  type?: ResourceKind;
  /** See `EventTemplate.stateful`. */
  stateful?: boolean;
}

const defs: Omit<EventTemplate, "index">[] = [];

function t(
  service: ServiceDef,
  name: string,
  rw: "R" | "W",
  weight: number,
  o: TemplateOptions = {},
): void {
  const kind = o.res ?? o.type;
  defs.push({
    key: `${service.name}.${name}`,
    service,
    name,
    rw: rw === "R" ? "Read" : "Write",
    weight,
    resourceType: kind ? RESOURCE_TYPE[kind] : undefined,
    resource: o.res,
    idParam: o.id,
    listPath: o.list,
    sensitive: o.sensitive ?? false,
    fixedType: o.fixedType,
    errors: [
      ...(rw === "R" ? READ_ERRORS : WRITE_ERRORS),
      ...(o.errors ?? []).map(e),
    ],
    params: o.params,
    response: o.response,
    created: o.created,
    stateful: o.stateful ?? false,
  });
}

const ECS_TYPES = [
  "ecs.g7.large",
  "ecs.g7.xlarge",
  "ecs.c7.2xlarge",
  "ecs.r7.xlarge",
  "ecs.g6.large",
  "ecs.u1-c1m2.large",
];
const newInstanceIds = (ctx: CallContext, n: number): string[] =>
  Array.from(
    { length: n },
    () =>
      `i-${ctx.pools.instance[0]?.id.slice(2, 5) ?? "bp1"}${ctx.rng.alnum(17)}`,
  );
const first = (pool: readonly Resource[], rng: Rng): string =>
  pool.length ? rng.pick(pool).id : "";

// ---- ECS ---------------------------------------------------------------
const {
  Ecs,
  Rds,
  Oss,
  Ram,
  Ims,
  AasSub,
  Sts,
  Vpc,
  Slb,
  Kms,
  Actiontrail,
  Cms,
  CS,
  Sls,
  Ess,
} = SERVICES;
t(Ecs, "DescribeInstances", "R", 40, {
  type: "instance",
  list: ["Instances", "Instance"],
  params: (c) => ({
    PageSize: 100,
    PageNumber: 1,
    Status: c.rng.chance(0.3) ? "Running" : undefined,
  }),
});
t(Ecs, "DescribeInstanceStatus", "R", 22, {
  type: "instance",
  list: ["InstanceStatuses", "InstanceStatus"],
  params: () => ({ PageSize: 50 }),
});
t(Ecs, "DescribeInstanceAttribute", "R", 12, {
  res: "instance",
  id: "InstanceId",
});
t(Ecs, "DescribeDisks", "R", 10, { type: "disk", list: ["Disks", "Disk"] });
t(Ecs, "DescribeSecurityGroups", "R", 9, {
  type: "securityGroup",
  list: ["SecurityGroups", "SecurityGroup"],
});
t(Ecs, "DescribeSecurityGroupAttribute", "R", 5, {
  res: "securityGroup",
  id: "SecurityGroupId",
});
t(Ecs, "DescribeImages", "R", 5, {
  type: "image",
  list: ["Images", "Image"],
  params: () => ({ ImageOwnerAlias: "self" }),
});
t(Ecs, "DescribeRegions", "R", 3, {
  response: () => ({ Regions: { Region: [] } }),
});
t(Ecs, "DescribeAvailableResource", "R", 2, {
  params: (c) => ({
    DestinationResource: "InstanceType",
    InstanceType: c.rng.pick(ECS_TYPES),
  }),
});
t(Ecs, "DescribeSnapshots", "R", 4, {
  type: "snapshot",
  list: ["Snapshots", "Snapshot"],
});
t(Ecs, "RunInstances", "W", 1.5, {
  type: "instance",
  errors: [
    "QuotaExceeded",
    "OperationDenied.NoStock",
    "InvalidSecurityGroupId.NotFound",
  ],
  params: (c) => ({
    ImageId: first(c.pools.image, c.rng),
    InstanceType: c.rng.pick(ECS_TYPES),
    SecurityGroupId: first(c.pools.securityGroup, c.rng),
    VSwitchId: first(c.pools.vswitch, c.rng),
    Amount: c.rng.range(1, 3),
    InstanceChargeType: "PostPaid",
    InstanceName: `${c.rng.pick(["batch-worker", "staging-api", "web"])}-${c.rng.range(10, 99)}`,
  }),
  created: (c) => newInstanceIds(c, c.rng.range(1, 3)),
  response: () => ({ TradePrice: 0 }),
});
t(Ecs, "StartInstance", "W", 2, {
  res: "instance",
  id: "InstanceId",
  errors: ["IncorrectInstanceStatus"],
});
t(Ecs, "StopInstance", "W", 2, {
  res: "instance",
  id: "InstanceId",
  errors: ["IncorrectInstanceStatus"],
  params: () => ({ ForceStop: false, StoppedMode: "KeepCharging" }),
});
t(Ecs, "RebootInstance", "W", 2.5, {
  res: "instance",
  id: "InstanceId",
  errors: ["IncorrectInstanceStatus"],
});
t(Ecs, "DeleteInstance", "W", 0.4, {
  res: "instance",
  id: "InstanceId",
  sensitive: true,
  errors: ["IncorrectInstanceStatus", "InvalidInstanceId.NotFound"],
  params: () => ({ Force: false }),
});
t(Ecs, "ModifyInstanceAttribute", "W", 1, {
  res: "instance",
  id: "InstanceId",
  params: (c) => ({
    Description: c.rng.pick(["owner: ops", "temp", "do not stop"]),
  }),
});
t(Ecs, "ModifyInstanceSpec", "W", 0.3, {
  res: "instance",
  id: "InstanceId",
  errors: ["IncorrectInstanceStatus"],
  params: (c) => ({ InstanceType: c.rng.pick(ECS_TYPES) }),
});
t(Ecs, "AuthorizeSecurityGroup", "W", 0.8, {
  res: "securityGroup",
  id: "SecurityGroupId",
  sensitive: true,
  params: (c) => ({
    IpProtocol: "tcp",
    PortRange: c.rng.pick(["443/443", "80/80", "22/22", "3306/3306"]),
    SourceCidrIp: c.rng.pick(["10.0.0.0/8", "203.0.113.0/24", "0.0.0.0/0"]),
    Policy: "accept",
    Priority: 1,
  }),
});
t(Ecs, "RevokeSecurityGroup", "W", 0.4, {
  res: "securityGroup",
  id: "SecurityGroupId",
  params: () => ({
    IpProtocol: "tcp",
    PortRange: "22/22",
    SourceCidrIp: "0.0.0.0/0",
  }),
});
t(Ecs, "CreateSecurityGroup", "W", 0.2, {
  type: "securityGroup",
  params: (c) => ({
    VpcId: first(c.pools.vpc, c.rng),
    SecurityGroupName: `sg-${c.rng.alnum(6)}`,
  }),
});
t(Ecs, "CreateSnapshot", "W", 2, {
  res: "disk",
  id: "DiskId",
  params: (c) => ({
    SnapshotName: `auto-${new Date(c.time).toISOString().slice(0, 10)}`,
    RetentionDays: 7,
  }),
  response: (c) => ({
    SnapshotId: `s-${c.pools.disk[0]?.id.slice(2, 5) ?? "bp1"}${c.rng.alnum(17)}`,
  }),
});
t(Ecs, "DeleteSnapshot", "W", 1, {
  res: "snapshot",
  id: "SnapshotId",
  sensitive: true,
});
t(Ecs, "AttachDisk", "W", 0.3, {
  res: "disk",
  id: "DiskId",
  params: (c) => ({ InstanceId: first(c.pools.instance, c.rng) }),
});
t(Ecs, "CreateImage", "W", 0.3, {
  res: "instance",
  id: "InstanceId",
  params: (c) => ({ ImageName: `golden-${c.rng.alnum(5)}` }),
});

// ---- RDS ---------------------------------------------------------------
t(Rds, "DescribeDBInstances", "R", 14, {
  type: "rds",
  list: ["Items", "DBInstance"],
});
t(Rds, "DescribeDBInstanceAttribute", "R", 9, {
  res: "rds",
  id: "DBInstanceId",
  errors: ["InvalidDBInstanceId.NotFound"],
});
t(Rds, "DescribeDBInstancePerformance", "R", 8, {
  res: "rds",
  id: "DBInstanceId",
  params: () => ({ Key: "MySQL_QPSTPS,MySQL_Sessions" }),
});
t(Rds, "DescribeBackups", "R", 4, { res: "rds", id: "DBInstanceId" });
t(Rds, "DescribeSlowLogs", "R", 3, { res: "rds", id: "DBInstanceId" });
t(Rds, "CreateBackup", "W", 2, {
  res: "rds",
  id: "DBInstanceId",
  errors: ["QuotaExceeded.Backup", "IncorrectDBInstanceState"],
  params: () => ({ BackupMethod: "Physical" }),
  response: (c) => ({ BackupJobId: String(c.rng.range(100000000, 999999999)) }),
});
t(Rds, "ModifyDBInstanceSpec", "W", 0.2, {
  res: "rds",
  id: "DBInstanceId",
  errors: ["IncorrectDBInstanceState"],
  params: () => ({
    DBInstanceClass: "rds.mysql.s3.large",
    PayType: "Postpaid",
  }),
});
t(Rds, "RestartDBInstance", "W", 0.3, {
  res: "rds",
  id: "DBInstanceId",
  errors: ["IncorrectDBInstanceState"],
});
t(Rds, "ModifySecurityIps", "W", 0.5, {
  res: "rds",
  id: "DBInstanceId",
  sensitive: true,
  params: (c) => ({
    SecurityIps: c.rng.pick(["10.0.0.0/8", "10.0.0.0/8,203.0.113.0/24"]),
    DBInstanceIPArrayName: "default",
  }),
});
t(Rds, "CreateAccount", "W", 0.2, {
  res: "rds",
  id: "DBInstanceId",
  params: (c) => ({
    AccountName: `app_${c.rng.alnum(4)}`,
    AccountType: "Normal",
    AccountPassword: "******",
  }),
});
t(Rds, "ResetAccountPassword", "W", 0.2, {
  res: "rds",
  id: "DBInstanceId",
  sensitive: true,
  params: () => ({ AccountName: "orders_app", AccountPassword: "******" }),
});

// ---- OSS ---------------------------------------------------------------
t(Oss, "GetService", "R", 6, { type: "bucket", list: ["Buckets", "Bucket"] });
t(Oss, "GetBucketInfo", "R", 9, {
  res: "bucket",
  id: "BucketName",
  errors: ["NoSuchBucket", "AccessDenied"],
});
t(Oss, "GetBucketAcl", "R", 4, { res: "bucket", id: "BucketName" });
t(Oss, "GetBucketLifecycle", "R", 2, { res: "bucket", id: "BucketName" });
t(Oss, "GetBucketPolicy", "R", 2, { res: "bucket", id: "BucketName" });
t(Oss, "PutBucketAcl", "W", 0.3, {
  res: "bucket",
  id: "BucketName",
  sensitive: true,
  params: () => ({ "x-oss-acl": "private" }),
});
t(Oss, "PutBucketLifecycle", "W", 0.4, {
  res: "bucket",
  id: "BucketName",
  params: (c) => ({
    Rule: {
      ID: "expire-logs",
      Prefix: "logs/",
      Status: "Enabled",
      Expiration: { Days: c.rng.pick([30, 90, 180]) },
    },
  }),
});
t(Oss, "PutBucketPolicy", "W", 0.1, {
  res: "bucket",
  id: "BucketName",
  sensitive: true,
});
t(Oss, "PutBucket", "W", 0.1, {
  stateful: true,
  type: "bucket",
  params: (c) => ({
    BucketName: `tmp-${c.rng.alnum(8)}`,
    StorageClass: "Standard",
  }),
});
t(Oss, "DeleteBucket", "W", 0.05, {
  stateful: true,
  res: "bucket",
  id: "BucketName",
  sensitive: true,
  errors: ["NoSuchBucket"],
});

// ---- RAM / IMS (global) -------------------------------------------------
t(Ram, "ListUsers", "R", 6, { type: "ramUser", list: ["Users", "User"] });
t(Ram, "GetUser", "R", 5, {
  res: "ramUser",
  id: "UserName",
  errors: ["EntityNotExist.User"],
});
t(Ram, "ListPoliciesForUser", "R", 4, { res: "ramUser", id: "UserName" });
t(Ram, "ListRoles", "R", 3, { type: "ramRole", list: ["Roles", "Role"] });
t(Ram, "GetPolicy", "R", 3, {
  res: "ramPolicy",
  id: "PolicyName",
  params: () => ({ PolicyType: "Custom" }),
});
t(Ram, "ListAccessKeys", "R", 3, { res: "ramUser", id: "UserName" });
t(Ram, "CreateUser", "W", 0.1, {
  type: "ramUser",
  errors: ["EntityAlreadyExists.User"],
  params: (c) => ({
    UserName: `dev-${c.rng.alnum(5)}`,
    DisplayName: "New developer",
  }),
});
t(Ram, "AttachPolicyToUser", "W", 0.2, {
  res: "ramUser",
  id: "UserName",
  sensitive: true,
  params: (c) => ({
    PolicyName: c.rng.pick([
      "AliyunECSReadOnlyAccess",
      "AliyunOSSReadOnlyAccess",
      "AliyunLogReadOnlyAccess",
    ]),
    PolicyType: "System",
  }),
});
t(Ram, "DetachPolicyFromUser", "W", 0.1, {
  res: "ramUser",
  id: "UserName",
  params: () => ({ PolicyName: "AliyunECSFullAccess", PolicyType: "System" }),
});
t(Ram, "CreateAccessKey", "W", 0.08, {
  res: "ramUser",
  id: "UserName",
  sensitive: true,
  errors: ["LimitExceeded.AccessKey"],
});
t(Ram, "UpdateAccessKey", "W", 0.05, {
  res: "ramUser",
  id: "UserName",
  params: () => ({ Status: "Inactive" }),
});
t(Ram, "DeleteAccessKey", "W", 0.05, {
  res: "ramUser",
  id: "UserName",
  sensitive: true,
});
t(Ram, "CreatePolicy", "W", 0.05, {
  type: "ramPolicy",
  params: (c) => ({
    PolicyName: `custom-${c.rng.alnum(6)}`,
    PolicyDocument:
      '{"Version":"1","Statement":[{"Effect":"Allow","Action":"oss:GetObject","Resource":"*"}]}',
  }),
});
t(Ram, "AttachPolicyToRole", "W", 0.05, {
  res: "ramRole",
  id: "RoleName",
  sensitive: true,
  params: () => ({
    PolicyName: "AliyunOSSReadOnlyAccess",
    PolicyType: "System",
  }),
});
t(Ram, "UpdateLoginProfile", "W", 0.05, {
  res: "ramUser",
  id: "UserName",
  sensitive: true,
  params: () => ({ PasswordResetRequired: true, MFABindRequired: true }),
});
t(Ram, "DeleteUser", "W", 0.02, {
  res: "ramUser",
  id: "UserName",
  sensitive: true,
});
t(Ims, "GetUser", "R", 3, { res: "ramUser", id: "UserPrincipalName" });
t(Ims, "ListUsers", "R", 3, { type: "ramUser", list: ["Users", "User"] });
t(Ims, "GetLoginProfile", "R", 2, { res: "ramUser", id: "UserPrincipalName" });
t(Ims, "GetSecurityPreference", "R", 1, {});
t(Ims, "CreateUser", "W", 0.05, {
  type: "ramUser",
  errors: ["EntityAlreadyExists.User"],
  params: (c) => ({
    UserPrincipalName: `dev-${c.rng.alnum(5)}@1498326459723841.onaliyun.com`,
  }),
});
t(Ims, "SetSecurityPreference", "W", 0.02, {
  sensitive: true,
  params: () => ({ EnforceMFAForLogin: true, AllowUserToChangePassword: true }),
});
t(Ims, "ChangePassword", "W", 0.05, { type: "ramUser", sensitive: true });
t(AasSub, "ConsoleSignin", "W", 3, {
  fixedType: "ConsoleSignin",
  errors: ["InvalidLoginPassword"],
});
t(AasSub, "ConsoleSignout", "W", 1.2, { fixedType: "ConsoleSignout" });

// ---- STS ---------------------------------------------------------------
t(Sts, "AssumeRole", "W", 4, {
  res: "ramRole",
  id: "RoleArn",
  params: (c) => ({
    RoleArn: `acs:ram::${c.accountId}:role/${c.resource?.id ?? "opsadmin"}`,
    RoleSessionName: c.userName.replace(/[^a-z0-9.-]/gi, "") || "session",
    DurationSeconds: 3600,
  }),
  response: (c) => ({
    AssumedRoleUser: {
      Arn: `acs:ram::${c.accountId}:role/${c.resource?.id ?? "opsadmin"}/${c.userName}`,
    },
    Credentials: {
      AccessKeyId: `STS.NU${c.rng.alnum(24)}`,
      Expiration: new Date(c.time + 3_600_000)
        .toISOString()
        .replace(/\.\d{3}Z$/, "Z"),
    },
  }),
});
t(Sts, "GetCallerIdentity", "R", 2, {});

// ---- VPC ---------------------------------------------------------------
t(Vpc, "DescribeVpcs", "R", 10, { type: "vpc", list: ["Vpcs", "Vpc"] });
t(Vpc, "DescribeVSwitches", "R", 9, {
  type: "vswitch",
  list: ["VSwitches", "VSwitch"],
});
t(Vpc, "DescribeEipAddresses", "R", 6, {
  type: "eip",
  list: ["EipAddresses", "EipAddress"],
});
t(Vpc, "DescribeRouteTableList", "R", 3, { type: "vpc" });
t(Vpc, "DescribeVpcAttribute", "R", 3, { res: "vpc", id: "VpcId" });
t(Vpc, "CreateVSwitch", "W", 0.2, {
  res: "vpc",
  id: "VpcId",
  params: (c) => ({
    CidrBlock: `10.${c.rng.range(0, 31)}.${c.rng.range(0, 255)}.0/24`,
    ZoneId: `${c.region}-${c.rng.pick(["h", "i", "j", "k"])}`,
  }),
});
t(Vpc, "DeleteVSwitch", "W", 0.1, {
  res: "vswitch",
  id: "VSwitchId",
  errors: ["DependencyViolation"],
});
t(Vpc, "AllocateEipAddress", "W", 0.3, {
  type: "eip",
  params: () => ({ Bandwidth: "5", InternetChargeType: "PayByTraffic" }),
});
t(Vpc, "AssociateEipAddress", "W", 0.3, {
  res: "eip",
  id: "AllocationId",
  params: (c) => ({
    InstanceId: first(c.pools.instance, c.rng),
    InstanceType: "EcsInstance",
  }),
});
t(Vpc, "UnassociateEipAddress", "W", 0.2, { res: "eip", id: "AllocationId" });
t(Vpc, "ReleaseEipAddress", "W", 0.1, {
  res: "eip",
  id: "AllocationId",
  sensitive: true,
});
t(Vpc, "CreateVpc", "W", 0.05, {
  type: "vpc",
  params: (c) => ({
    CidrBlock: "10.0.0.0/8",
    VpcName: `vpc-${c.rng.alnum(5)}`,
  }),
});

// ---- SLB ---------------------------------------------------------------
t(Slb, "DescribeLoadBalancers", "R", 8, {
  type: "slb",
  list: ["LoadBalancers", "LoadBalancer"],
});
t(Slb, "DescribeLoadBalancerAttribute", "R", 6, {
  res: "slb",
  id: "LoadBalancerId",
});
t(Slb, "DescribeHealthStatus", "R", 8, { res: "slb", id: "LoadBalancerId" });
t(Slb, "SetBackendServers", "W", 1.5, {
  res: "slb",
  id: "LoadBalancerId",
  errors: ["IncorrectLoadBalancerStatus"],
  params: (c) => ({
    BackendServers: JSON.stringify([
      {
        ServerId: first(c.pools.instance, c.rng),
        Weight: String(c.rng.pick([0, 50, 100])),
      },
    ]),
  }),
});
t(Slb, "AddBackendServers", "W", 0.8, {
  res: "slb",
  id: "LoadBalancerId",
  params: (c) => ({
    BackendServers: JSON.stringify([
      { ServerId: first(c.pools.instance, c.rng), Weight: "100" },
    ]),
  }),
});
t(Slb, "RemoveBackendServers", "W", 0.6, {
  res: "slb",
  id: "LoadBalancerId",
  params: (c) => ({
    BackendServers: JSON.stringify([
      { ServerId: first(c.pools.instance, c.rng) },
    ]),
  }),
});
t(Slb, "CreateLoadBalancerHTTPSListener", "W", 0.05, {
  res: "slb",
  id: "LoadBalancerId",
  params: () => ({ ListenerPort: 443, BackendServerPort: 80, Bandwidth: -1 }),
});
t(Slb, "SetLoadBalancerStatus", "W", 0.05, {
  res: "slb",
  id: "LoadBalancerId",
  sensitive: true,
  params: () => ({ LoadBalancerStatus: "active" }),
});

// ---- KMS ---------------------------------------------------------------
t(Kms, "Decrypt", "R", 10, {
  res: "kmsKey",
  id: "KeyId",
  errors: ["Rejected.Disabled"],
});
t(Kms, "GenerateDataKey", "R", 4, {
  res: "kmsKey",
  id: "KeyId",
  params: () => ({ KeySpec: "AES_256" }),
});
t(Kms, "GetSecretValue", "R", 6, {
  res: "secret",
  id: "SecretName",
  sensitive: true,
});
t(Kms, "ListKeys", "R", 2, { type: "kmsKey", list: ["Keys", "Key"] });
t(Kms, "DescribeKey", "R", 2, {
  res: "kmsKey",
  id: "KeyId",
  errors: ["Forbidden.KeyNotFound"],
});
t(Kms, "CreateKey", "W", 0.03, {
  type: "kmsKey",
  params: () => ({
    KeySpec: "Aliyun_AES_256",
    KeyUsage: "ENCRYPT/DECRYPT",
    ProtectionLevel: "SOFTWARE",
  }),
});
t(Kms, "PutSecretValue", "W", 0.1, {
  res: "secret",
  id: "SecretName",
  params: (c) => ({
    VersionId: `v${c.rng.range(2, 40)}`,
    SecretData: "******",
  }),
});
t(Kms, "DisableKey", "W", 0.01, {
  res: "kmsKey",
  id: "KeyId",
  sensitive: true,
});
t(Kms, "ScheduleKeyDeletion", "W", 0.01, {
  res: "kmsKey",
  id: "KeyId",
  sensitive: true,
  params: () => ({ PendingWindowInDays: 30 }),
});

// ---- ActionTrail -------------------------------------------------------
t(Actiontrail, "LookupEvents", "R", 3, { params: () => ({ MaxResults: 50 }) });
t(Actiontrail, "DescribeTrails", "R", 2, {
  type: "trail",
  list: ["TrailList", "Trail"],
});
t(Actiontrail, "GetTrailStatus", "R", 2, { res: "trail", id: "Name" });
t(Actiontrail, "DescribeRegions", "R", 0.5, {});
t(Actiontrail, "UpdateTrail", "W", 0.03, {
  stateful: true,
  res: "trail",
  id: "Name",
  params: () => ({ EventRW: "All" }),
});
t(Actiontrail, "CreateTrail", "W", 0.01, {
  stateful: true,
  type: "trail",
  params: (c) => ({ Name: `trail-${c.rng.alnum(6)}`, EventRW: "Write" }),
});
t(Actiontrail, "StartLogging", "W", 0.01, {
  stateful: true,
  res: "trail",
  id: "Name",
});
t(Actiontrail, "StopLogging", "W", 0.005, {
  stateful: true,
  res: "trail",
  id: "Name",
  sensitive: true,
});
t(Actiontrail, "DeleteTrail", "W", 0.003, {
  stateful: true,
  res: "trail",
  id: "Name",
  sensitive: true,
});

// ---- CloudMonitor ------------------------------------------------------
t(Cms, "DescribeMetricList", "R", 30, {
  params: (c) => ({
    Namespace: c.rng.pick([
      "acs_ecs_dashboard",
      "acs_rds_dashboard",
      "acs_slb_dashboard",
    ]),
    MetricName: c.rng.pick([
      "CPUUtilization",
      "memory_usedutilization",
      "IOPSUsage",
      "InstanceTrafficRX",
    ]),
    Period: "60",
  }),
});
t(Cms, "DescribeMetricLast", "R", 12, {
  params: () => ({
    Namespace: "acs_ecs_dashboard",
    MetricName: "CPUUtilization",
  }),
});
t(Cms, "DescribeAlertHistoryList", "R", 3, {});
t(Cms, "DescribeMetricRuleList", "R", 3, { type: "alarmRule" });
t(Cms, "PutResourceMetricRule", "W", 0.2, {
  res: "alarmRule",
  id: "RuleId",
  params: () => ({
    Namespace: "acs_ecs_dashboard",
    MetricName: "CPUUtilization",
    "Escalations.Critical.Threshold": "90",
  }),
});
t(Cms, "DisableMetricRules", "W", 0.1, {
  res: "alarmRule",
  id: "RuleId.1",
  sensitive: true,
});

// ---- Container Service (ACK) -------------------------------------------
t(CS, "DescribeClustersV1", "R", 5, {
  type: "cluster",
  list: ["clusters", "cluster"],
});
t(CS, "DescribeClusterDetail", "R", 4, { res: "cluster", id: "ClusterId" });
t(CS, "DescribeClusterNodes", "R", 4, { res: "cluster", id: "ClusterId" });
t(CS, "DescribeClusterUserKubeconfig", "R", 1, {
  res: "cluster",
  id: "ClusterId",
  sensitive: true,
});
t(CS, "ScaleOutCluster", "W", 0.3, {
  res: "cluster",
  id: "ClusterId",
  errors: ["ErrorClusterNotFound"],
  params: (c) => ({ count: c.rng.range(1, 4) }),
});
t(CS, "ModifyCluster", "W", 0.1, { res: "cluster", id: "ClusterId" });
t(CS, "DeleteClusterNodes", "W", 0.2, {
  res: "cluster",
  id: "ClusterId",
  params: (c) => ({
    nodes: [`${c.region}.10.0.${c.rng.range(1, 254)}.${c.rng.range(1, 254)}`],
    release_node: true,
  }),
});

// ---- Log Service -------------------------------------------------------
t(Sls, "ListProject", "R", 3, {
  type: "slsProject",
  list: ["projects", "project"],
});
t(Sls, "ListLogStores", "R", 4, { res: "slsProject", id: "ProjectName" });
t(Sls, "GetLogStore", "R", 3, {
  res: "logstore",
  id: "LogstoreName",
  errors: ["LogStoreNotExist"],
});
t(Sls, "GetLogs", "R", 10, {
  res: "logstore",
  id: "LogstoreName",
  params: (c) => ({
    query: c.rng.pick([
      "status: 500",
      "* | select count(*) as pv",
      "level: ERROR",
    ]),
    line: 100,
  }),
});
t(Sls, "CreateLogStore", "W", 0.1, {
  res: "slsProject",
  id: "ProjectName",
  params: (c) => ({
    logstoreName: `app-${c.rng.alnum(4)}`,
    ttl: 30,
    shardCount: 2,
  }),
});
t(Sls, "UpdateLogStore", "W", 0.1, {
  res: "logstore",
  id: "LogstoreName",
  params: () => ({ ttl: 90 }),
});
t(Sls, "CreateIndex", "W", 0.05, { res: "logstore", id: "LogstoreName" });
t(Sls, "DeleteLogStore", "W", 0.02, {
  res: "logstore",
  id: "LogstoreName",
  sensitive: true,
});

// ---- Auto Scaling ------------------------------------------------------
t(Ess, "DescribeScalingGroups", "R", 4, {
  type: "scalingGroup",
  list: ["ScalingGroups", "ScalingGroup"],
});
t(Ess, "DescribeScalingActivities", "R", 3, {
  res: "scalingGroup",
  id: "ScalingGroupId",
});
t(Ess, "DescribeScalingInstances", "R", 3, {
  res: "scalingGroup",
  id: "ScalingGroupId",
});
t(Ess, "ExecuteScalingRule", "W", 0.6, {
  res: "scalingGroup",
  id: "ScalingGroupId",
  errors: ["InvalidScalingGroupId.NotFound"],
});
t(Ess, "ModifyScalingGroup", "W", 0.1, {
  res: "scalingGroup",
  id: "ScalingGroupId",
  params: (c) => ({ MaxSize: c.rng.range(4, 20), MinSize: c.rng.range(1, 3) }),
});
t(Ess, "AttachInstances", "W", 0.2, {
  res: "scalingGroup",
  id: "ScalingGroupId",
  params: (c) => ({ "InstanceId.1": first(c.pools.instance, c.rng) }),
});

export const TEMPLATES: readonly EventTemplate[] = defs.map((d, index) => ({
  ...d,
  index,
}));

const byKey = new Map(TEMPLATES.map((tpl) => [tpl.key, tpl]));

/** The template for `Service.EventName` (throws on a typo: the catalog is code). */
export function template(key: string): EventTemplate {
  const found = byKey.get(key);
  if (!found) throw new Error(`No event template ${key}`);
  return found;
}

export const SERVICE_NAMES: readonly string[] = [
  ...new Set(TEMPLATES.map((tpl) => tpl.service.name)),
];
