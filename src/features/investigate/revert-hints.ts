import type { AuditEvent } from "@/api/schemas/event";
import { isRpcEnvelopeParam } from "@/api/rpc-envelope";
import { shellQuote } from "./shell-quote";

/** A suggested way back from one change: to review and run by a person, never by the console. */
export interface RevertHint {
  /** The `aliyun` CLI command, every argument shell-quoted; absent when none can be built. */
  command?: string;
  explanation: string;
}

/** Keys ActionTrail's recorder adds beside the RPC envelope: not inputs of the call either. */
const RECORDER_KEYS = new Set([
  "HostId",
  "RequestId",
  "CallerIp",
  "CallerType",
  "CallerUid",
  "CallerBid",
  "RequestContent",
  "ProxyOriginalSecurityTransport",
  "ProxyTrustTransportInfo",
  "acl",
  "ak_mfa_present",
  "SourceIp",
  "AcceptLanguage",
]);

export function paramsOf(event: AuditEvent): Map<string, string> {
  const out = new Map<string, string>();
  const p = event.raw.requestParameters;
  if (!p || typeof p !== "object" || Array.isArray(p)) return out;
  for (const key of Object.keys(p)) {
    if (isRpcEnvelopeParam(key) || RECORDER_KEYS.has(key)) continue;
    const v = (p as Record<string, unknown>)[key];
    if (v === null || v === undefined || v === "") continue;
    out.set(
      key,
      typeof v === "string"
        ? v
        : typeof v === "number" || typeof v === "boolean"
          ? String(v)
          : JSON.stringify(v),
    );
  }
  return out;
}

const PRODUCTS: Record<string, string> = {
  Ecs: "ecs",
  Rds: "rds",
  Ram: "ram",
  Actiontrail: "actiontrail",
  Vpc: "vpc",
  Slb: "slb",
  Kms: "kms",
  Ims: "ims",
  Sts: "sts",
  Cms: "cms",
  CS: "cs",
  Ess: "ess",
  Sls: "sls",
};
const GLOBAL = new Set(["ram", "ims"]);

/** `aliyun <product> <Action> --Key value …`, or undefined when a value cannot be carried safely. */
export function cliCommand(
  service: string,
  action: string,
  params: Iterable<[string, string]>,
  region: string,
): string | undefined {
  const product = PRODUCTS[service] ?? service.toLowerCase();
  if (!/^[a-z0-9-]+$/.test(product) || !/^[A-Za-z0-9]+$/.test(action))
    return undefined;
  const parts = ["aliyun", product, action];
  if (region && !GLOBAL.has(product)) {
    const r = shellQuote(region);
    if (!r) return undefined;
    parts.push("--region", r);
  }
  for (const [key, value] of params) {
    // A key must be a plain parameter name; a value starting with "-" could pass as a flag.
    if (!/^[A-Za-z][A-Za-z0-9_.]*$/.test(key) || value.startsWith("-"))
      return undefined;
    const q = shellQuote(value);
    if (q === undefined) return undefined;
    parts.push(`--${key}`, q);
  }
  return parts.join(" ");
}

const pick = (
  params: Map<string, string>,
  ...keys: string[]
): [string, string][] =>
  keys.flatMap((k) =>
    params.has(k) ? [[k, params.get(k)!] as [string, string]] : [],
  );

const OPPOSITES: Record<string, { action: string; keys: string[] }> = {
  StopInstance: { action: "StartInstance", keys: ["InstanceId"] },
  StartInstance: { action: "StopInstance", keys: ["InstanceId"] },
  StopLogging: { action: "StartLogging", keys: ["Name"] },
  AuthorizeSecurityGroup: {
    action: "RevokeSecurityGroup",
    keys: [
      "SecurityGroupId",
      "IpProtocol",
      "PortRange",
      "SourceCidrIp",
      "Ipv6SourceCidrIp",
      "SourceGroupId",
      "Policy",
      "NicType",
      "Priority",
    ],
  },
  AuthorizeSecurityGroupEgress: {
    action: "RevokeSecurityGroupEgress",
    keys: [
      "SecurityGroupId",
      "IpProtocol",
      "PortRange",
      "DestCidrIp",
      "Policy",
      "NicType",
      "Priority",
    ],
  },
  AttachPolicyToUser: {
    action: "DetachPolicyFromUser",
    keys: ["PolicyType", "PolicyName", "UserName"],
  },
  AttachPolicyToRole: {
    action: "DetachPolicyFromRole",
    keys: ["PolicyType", "PolicyName", "RoleName"],
  },
  AttachPolicyToGroup: {
    action: "DetachPolicyFromGroup",
    keys: ["PolicyType", "PolicyName", "GroupName"],
  },
  DetachPolicyFromUser: {
    action: "AttachPolicyToUser",
    keys: ["PolicyType", "PolicyName", "UserName"],
  },
  AddUserToGroup: {
    action: "RemoveUserFromGroup",
    keys: ["UserName", "GroupName"],
  },
};

const CREATES: Record<string, string> = {
  DeleteTrail: "CreateTrail",
  DeleteInstance: "RunInstances",
  DeleteSecurityGroup: "CreateSecurityGroup",
  DeleteUser: "CreateUser",
  DeleteVpc: "CreateVpc",
  DeleteVSwitch: "CreateVSwitch",
  DeleteDBInstance: "CreateDBInstance",
  DeleteLoadBalancer: "CreateLoadBalancer",
  DeleteBucket: "PutBucket",
  DeleteLogStore: "CreateLogStore",
};

/** The ACL a bucket had before `change`: an earlier PutBucketAcl, or what an earlier GetBucketAcl answered. */
function previousAcl(
  change: AuditEvent,
  earlier: AuditEvent[],
): string | undefined {
  for (const e of [...earlier].reverse()) {
    if (e.errorCode) continue;
    if (e.name === "PutBucketAcl") {
      const acl = paramsOf(e).get("x-oss-acl");
      if (acl) return acl;
    }
    if (e.name === "GetBucketAcl") {
      const grant = (
        e.raw.responseElements as
          | {
              AccessControlPolicy?: { AccessControlList?: { Grant?: unknown } };
            }
          | undefined
      )?.AccessControlPolicy?.AccessControlList?.Grant;
      if (typeof grant === "string" && grant) return grant;
    }
  }
  void change;
  return undefined;
}

const REVIEW =
  "A suggestion to review before running it yourself; Trailscope never runs it.";

/**
 * A suggested way back from one change, given the resource's other events
 * (any order). Pure; every argument of the command is shell-quoted, and a
 * value that cannot be carried safely yields no command.
 */
export function revertHint(
  change: AuditEvent,
  history: readonly AuditEvent[],
): RevertHint | undefined {
  if (change.errorCode)
    return {
      explanation: `The call failed (${change.errorCode}), so nothing changed.`,
    };
  const params = paramsOf(change);
  const earlier = history
    .filter((e) => e.id !== change.id && e.timeMs < change.timeMs)
    .sort((a, b) => a.timeMs - b.timeMs);
  const unsafe = {
    explanation:
      "A parameter holds characters a command cannot carry safely; undo it by hand.",
  };
  const build = (
    action: string,
    p: Iterable<[string, string]>,
    explanation: string,
  ): RevertHint => {
    const command = cliCommand(change.service, action, p, change.region);
    return command
      ? { command, explanation: `${explanation} ${REVIEW}` }
      : unsafe;
  };

  const opposite = OPPOSITES[change.name];
  if (opposite)
    return build(
      opposite.action,
      pick(params, ...opposite.keys),
      `${opposite.action} undoes ${change.name}.`,
    );

  if (change.name === "PutBucketAcl") {
    const bucket = params.get("BucketName") ?? change.resourceName;
    const before = previousAcl(change, earlier);
    if (!before)
      return {
        explanation:
          "The ACL the bucket had before is not in the loaded events: check it in the OSS console before changing it back.",
      };
    const b = shellQuote(`oss://${bucket}`);
    const acl = shellQuote(before);
    if (!b || !acl || bucket.startsWith("-")) return unsafe;
    return {
      command: `aliyun oss set-acl ${b} ${acl} -b`,
      explanation: `Sets the bucket back to ${before}, the ACL it had before. ${REVIEW}`,
    };
  }

  if (change.name === "CreateAccessKey") {
    const id = (
      change.raw.responseElements as
        { AccessKey?: { AccessKeyId?: unknown } } | undefined
    )?.AccessKey?.AccessKeyId;
    if (typeof id !== "string")
      return { explanation: "Delete the new AccessKey in the RAM console." };
    return build(
      "DeleteAccessKey",
      [...pick(params, "UserName"), ["UserAccessKeyId", id]],
      "Deleting the key stops it working everywhere.",
    );
  }

  const createName = CREATES[change.name];
  if (createName) {
    const create = [...earlier]
      .reverse()
      .find((e) => e.name === createName && !e.errorCode);
    if (!create)
      return {
        explanation: `The ${createName} that made it is not in the loaded window, so its parameters are unknown. Restore from a backup or snapshot if there is one.`,
      };
    return build(
      createName,
      paramsOf(create),
      `Recreates it with the parameters of the ${createName} of ${create.time}; data inside is not restored.`,
    );
  }

  if (/^(Modify|Set|Update|Put)/.test(change.name)) {
    const before = [...earlier]
      .reverse()
      .find((e) => e.name === change.name && !e.errorCode);
    if (!before)
      return {
        explanation:
          "Its earlier settings are not in the loaded events, so a way back cannot be suggested.",
      };
    return build(
      change.name,
      paramsOf(before),
      `Re-applies the parameters of the previous ${change.name} (${before.time}).`,
    );
  }

  if (/^(Restart|Reboot)/.test(change.name))
    return { explanation: "A restart cannot be undone." };
  return undefined;
}
