import type { Level, RuleWords } from "@/lib/sigma/compile";

/**
 * What each stateful detector looks for, in the same shape as a Sigma rule's
 * metadata (id, title, description, level, false positives, ATT&CK v19 tags),
 * so coverage and the rule list treat rules and detectors alike.
 */
export interface DetectorMeta {
  id: string;
  title: string;
  description: string;
  /** The highest level its detections reach. */
  level: Level;
  falsepositives: string[];
  tags: string[];
  /** The same words in the console's other languages, as the rule pack carries them (`x-trailscope-i18n`). */
  i18n: Record<string, RuleWords>;
}

export type DetectorName =
  | "new-address"
  | "dormant-credential"
  | "call-rate"
  | "error-rate"
  | "signin-failures"
  | "no-mfa-signin"
  | "sensitive-action"
  | "enumeration";

export const DETECTOR_META: Readonly<Record<DetectorName, DetectorMeta>> = {
  "new-address": {
    id: "0b7e54a4-3c1e-4e53-9f2a-6d1f6c0a1001",
    title: "Credential used from a new network or region",
    description:
      "An identity or AccessKey calls from networks (/24, or the first three IPv6 groups) and regions it had not used before that call, within the range looked at. Two or more new addresses, or a new region, make a detection.",
    level: "high",
    falsepositives: [
      "Travel",
      "New office or VPN exit addresses",
      "CI runners moved to another region",
    ],
    tags: [
      "attack.initial-access",
      "attack.t1078.004",
      "attack.stealth",
      "attack.t1535",
    ],
    i18n: {
      "zh-CN": {
        title: "凭证从新的网络或地域调用",
        description:
          "某个身份或 AccessKey 从它此前（在所查看的时间范围内、该次调用之前）从未使用过的网络（/24，或 IPv6 的前三组）和地域发起调用。两个及以上的新地址，或一个新地域，构成一次检测。",
        falsepositives: [
          "出差",
          "新的办公网络或 VPN 出口地址",
          "CI 执行机迁移到其他地域",
        ],
      },
    },
  },
  "dormant-credential": {
    id: "0b7e54a4-3c1e-4e53-9f2a-6d1f6c0a1002",
    title: "Dormant credential active",
    description:
      "An AccessKey or identity with no activity in the range until well after it started suddenly makes calls. With no baseline to compare with, the first activity is itself the finding.",
    level: "high",
    falsepositives: [
      "Monthly jobs",
      "People back from leave",
      "New users and keys (check that someone created them)",
    ],
    tags: ["attack.initial-access", "attack.persistence", "attack.t1078.004"],
    i18n: {
      "zh-CN": {
        title: "沉睡凭证突然活跃",
        description:
          "某个 AccessKey 或身份在时间范围开始后很久都没有任何活动，然后突然发起调用。没有基线可比，首次活动本身就是发现。",
        falsepositives: [
          "每月执行的任务",
          "休假归来的人员",
          "新建的用户和密钥（请确认有人创建了它们）",
        ],
      },
    },
  },
  "call-rate": {
    id: "0b7e54a4-3c1e-4e53-9f2a-6d1f6c0a1003",
    title: "Call-rate burst against the credential's own history",
    description:
      "An hour in which an actor makes far more calls than in any earlier hour, or works at an hour of the day it never worked before.",
    level: "high",
    falsepositives: ["Deployments", "Batch migrations"],
    tags: [
      "attack.impact",
      "attack.t1496",
      "attack.execution",
      "attack.t1059.009",
    ],
    i18n: {
      "zh-CN": {
        title: "调用量相对凭证自身历史突增",
        description:
          "某个操作者在某一小时内的调用远多于此前任何一小时，或在一天中它从未活跃过的时段工作。",
        falsepositives: ["发布部署", "批量迁移"],
      },
    },
  },
  "error-rate": {
    id: "0b7e54a4-3c1e-4e53-9f2a-6d1f6c0a1004",
    title: "Error-rate burst",
    description:
      "An hour in which most of an identity's calls failed, well above its usual error count: probing what a credential may do.",
    level: "high",
    falsepositives: ["Misconfigured automation after a permission change"],
    tags: ["attack.discovery", "attack.t1580", "attack.t1526"],
    i18n: {
      "zh-CN": {
        title: "错误率突增",
        description:
          "某个身份在某一小时内的大部分调用失败，远高于其平常的错误数：有人在试探凭证的权限。",
        falsepositives: ["权限变更后配置错误的自动化任务"],
      },
    },
  },
  "signin-failures": {
    id: "0b7e54a4-3c1e-4e53-9f2a-6d1f6c0a1005",
    title: "Failed console sign-ins, then a success",
    description:
      "Three or more failed console sign-ins of a user within 30 minutes; high when a successful sign-in follows.",
    level: "high",
    falsepositives: ["Forgotten passwords"],
    tags: [
      "attack.credential-access",
      "attack.t1110.001",
      "attack.initial-access",
      "attack.t1078.004",
    ],
    i18n: {
      "zh-CN": {
        title: "控制台登录多次失败后成功",
        description:
          "同一用户在 30 分钟内三次及以上控制台登录失败；若随后登录成功，则为高危。",
        falsepositives: ["忘记密码"],
      },
    },
  },
  "no-mfa-signin": {
    id: "0b7e54a4-3c1e-4e53-9f2a-6d1f6c0a1006",
    title: "Console sign-in without MFA",
    description:
      "Successful console sign-ins the event says were made without MFA.",
    level: "high",
    falsepositives: ["Users not yet enrolled in MFA"],
    tags: [
      "attack.initial-access",
      "attack.t1078.004",
      "attack.credential-access",
      "attack.t1556.006",
    ],
    i18n: {
      "zh-CN": {
        title: "未使用 MFA 的控制台登录",
        description: "事件记录显示未使用 MFA 的成功控制台登录。",
        falsepositives: ["尚未绑定 MFA 的用户"],
      },
    },
  },
  "sensitive-action": {
    id: "0b7e54a4-3c1e-4e53-9f2a-6d1f6c0a1007",
    title: "Sensitive change",
    description:
      "Trail tampering, administrator policies, new AccessKeys, public buckets, internet-open security groups and deletions of protective resources.",
    level: "high",
    falsepositives: ["Planned administrative changes"],
    tags: [
      "attack.defense-impairment",
      "attack.t1685.002",
      "attack.t1686.001",
      "attack.privilege-escalation",
      "attack.t1098.003",
      "attack.persistence",
      "attack.t1098.001",
      "attack.collection",
      "attack.t1530",
    ],
    i18n: {
      "zh-CN": {
        title: "敏感变更",
        description:
          "篡改操作审计跟踪、授予管理员权限策略、创建 AccessKey、将存储空间设为公开、安全组向互联网开放，以及删除受保护的资源。",
        falsepositives: ["计划内的管理变更"],
      },
    },
  },
  enumeration: {
    id: "0b7e54a4-3c1e-4e53-9f2a-6d1f6c0a1008",
    title: "One identity enumerating many services",
    description:
      "Within one hour an identity makes many Describe, List or Get calls across several services, more services than in any earlier hour of its own: what an intruder does first with a new credential.",
    level: "high",
    falsepositives: [
      "Inventory and security-posture scanners (expect them in their first hour)",
    ],
    tags: [
      "attack.discovery",
      "attack.t1580",
      "attack.t1526",
      "attack.t1087.004",
      "attack.t1069.003",
    ],
    i18n: {
      "zh-CN": {
        title: "单个身份枚举多个云服务",
        description:
          "某个身份在一小时内对多个云服务发起大量 Describe、List 或 Get 调用，涉及的服务多于它自己此前任何一小时：这是入侵者拿到新凭证后首先会做的事。",
        falsepositives: [
          "资产盘点和安全态势扫描工具（预计出现在其第一个小时）",
        ],
      },
    },
  },
};
