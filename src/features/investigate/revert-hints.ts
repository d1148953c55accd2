import { t } from "@lingui/core/macro";
import type { AuditEvent } from "@/api/schemas/event";
import { isRpcEnvelopeParam } from "@/api/rpc-envelope";
import { formatTime } from "@/lib/time";
import { shellQuote } from "./shell-quote";

/** A suggested way back from one change: to review and run by a person, never by the console. */
export interface RevertHint {
  /** The `aliyun` CLI command, every argument shell-quoted; absent when none can be built. */
  command?: string;
  /** In the active language (the command and ActionTrail's names inside stay as they are). */
  explanation: string;
  /** The same way back with ossutil, for OSS changes. */
  alternative?: string;
  /** Set when a later event in the loaded set makes the suggestion moot (already undone, or its target gone). */
  moot?: string;
}

const PUBLIC_ACLS = new Set(["public-read", "public-read-write"]);

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

/** An event's time in the explanations: UTC unless the screen passes its own zone. */
const utcTime = (e: AuditEvent): string => formatTime(e.timeMs, "utc", true);

const unsafeHint = (): RevertHint => ({
  explanation: t`A parameter holds characters a command cannot carry safely; undo it by hand.`,
});

/**
 * A suggested way back from one change, given the resource's other events
 * (any order). Pure but for the language of its explanations (the active
 * one, so call it while rendering); every argument of the command is
 * shell-quoted, and a value that cannot be carried safely yields no command.
 * `when` shows an event's time (the screen's zone).
 */
export function revertHint(
  change: AuditEvent,
  history: readonly AuditEvent[],
  when: (e: AuditEvent) => string = utcTime,
): RevertHint | undefined {
  if (change.errorCode) {
    const code = change.errorCode;
    return {
      explanation: t`The call failed (${code}), so nothing changed.`,
    };
  }
  const params = paramsOf(change);
  const earlier = history
    .filter((e) => e.id !== change.id && e.timeMs < change.timeMs)
    .sort((a, b) => a.timeMs - b.timeMs);
  const later = history
    .filter(
      (e) => e.id !== change.id && e.timeMs > change.timeMs && !e.errorCode,
    )
    .sort((a, b) => a.timeMs - b.timeMs);
  const unsafe = unsafeHint();
  const build = (
    action: string,
    p: Iterable<[string, string]>,
    explanation: string,
  ): RevertHint => {
    const command = cliCommand(change.service, action, p, change.region);
    return command ? { command, explanation } : unsafe;
  };

  const opposite = OPPOSITES[change.name];
  if (opposite && change.name !== "StopLogging") {
    const args = pick(params, ...opposite.keys);
    const undo = opposite.action;
    const name = change.name;
    const hint = build(undo, args, t`${undo} undoes ${name}.`);
    const undone = later.find(
      (e) =>
        e.name === opposite.action &&
        args.every(([k, v]) => paramsOf(e).get(k) === v),
    );
    const at = undone && when(undone);
    return withMoot(hint, at && t`Already undone by a later ${undo} (${at}).`);
  }

  if (change.name === "PutBucketAcl" || change.name === "PutBucketPolicy") {
    const hint = ossHint(change, params, earlier);
    return withMoot(hint, mootForOss(change, params, later, when));
  }

  if (change.name === "CreateAccessKey") {
    const id = (
      change.raw.responseElements as
        { AccessKey?: { AccessKeyId?: unknown } } | undefined
    )?.AccessKey?.AccessKeyId;
    const user = params.get("UserName");
    const missing = [
      ...(typeof id === "string" && id
        ? []
        : ["responseElements.AccessKey.AccessKeyId"]),
      ...(user ? [] : ["requestParameters.UserName"]),
    ];
    if (missing.length > 0) {
      const fields = missing.join(", ");
      return {
        explanation: t`No command: the event lacks ${fields}, which aliyun ram DeleteAccessKey needs.`,
      };
    }
    const hint = build(
      "DeleteAccessKey",
      [
        ["UserName", user!],
        ["UserAccessKeyId", id as string],
      ],
      t`Deleting the key stops it working everywhere.`,
    );
    const gone = later.find(
      (e) =>
        e.name === "DeleteAccessKey" &&
        paramsOf(e).get("UserAccessKeyId") === id,
    );
    const at = gone && when(gone);
    return withMoot(
      hint,
      at && t`The key was already deleted by a later DeleteAccessKey (${at}).`,
    );
  }

  if (change.name === "DeleteTrail") {
    const name = params.get("Name");
    if (!name)
      return {
        explanation: t`No command: the event lacks requestParameters.Name, the trail's name.`,
      };
    const settings = new Map<string, string>();
    for (const e of earlier)
      if (
        (e.name === "CreateTrail" || e.name === "UpdateTrail") &&
        paramsOf(e).get("Name") === name
      )
        for (const [k, v] of paramsOf(e)) settings.set(k, v);
    settings.set("Name", name);
    const known = [...settings.keys()].filter((k) => k !== "Name");
    const hint = build(
      "CreateTrail",
      [["Name", name], ...[...settings].filter(([k]) => k !== "Name")],
      known.length > 0
        ? t`Recreates the trail with its last known settings from earlier CreateTrail/UpdateTrail events; run StartLogging after it, since a new trail does not log until started.`
        : t`Recreates the trail by name only: no earlier CreateTrail or UpdateTrail of it is in the loaded events, so its delivery settings (OssBucketName, SlsProjectArn, SlsWriteRoleArn, EventRW, TrailRegion) are missing and must be added before running it.`,
    );
    const again = later.find(
      (e) => e.name === "CreateTrail" && paramsOf(e).get("Name") === name,
    );
    const at = again && when(again);
    return withMoot(
      hint,
      at && t`A later CreateTrail (${at}) already made a trail with this name.`,
    );
  }

  if (change.name === "StopLogging") {
    const name = params.get("Name");
    if (!name)
      return {
        explanation: t`No command: the event lacks requestParameters.Name, the trail's name.`,
      };
    const hint = build(
      "StartLogging",
      [["Name", name]],
      t`StartLogging undoes StopLogging.`,
    );
    const after = later.find(
      (e) =>
        (e.name === "DeleteTrail" || e.name === "StartLogging") &&
        paramsOf(e).get("Name") === name,
    );
    const at = after ? when(after) : "";
    return withMoot(
      hint,
      after &&
        (after.name === "DeleteTrail"
          ? t`The trail was deleted later (${at}): StartLogging would fail; see the way back from that DeleteTrail.`
          : t`Logging was already started again by a later StartLogging (${at}).`),
    );
  }

  const createName = CREATES[change.name];
  if (createName) {
    const create = [...earlier]
      .reverse()
      .find((e) => e.name === createName && !e.errorCode);
    if (!create)
      return {
        explanation: t`The ${createName} that made it is not in the loaded window, so its parameters are unknown. Restore from a backup or snapshot if there is one.`,
      };
    const at = when(create);
    return build(
      createName,
      paramsOf(create),
      t`Recreates it with the parameters of the ${createName} of ${at}; data inside is not restored.`,
    );
  }

  if (/^(Modify|Set|Update|Put)/.test(change.name)) {
    const before = [...earlier]
      .reverse()
      .find((e) => e.name === change.name && !e.errorCode);
    if (!before)
      return {
        explanation: t`Its earlier settings are not in the loaded events, so a way back cannot be suggested.`,
      };
    const name = change.name;
    const at = when(before);
    return build(
      name,
      paramsOf(before),
      t`Re-applies the parameters of the previous ${name} (${at}).`,
    );
  }

  if (/^(Restart|Reboot)/.test(change.name))
    return { explanation: t`A restart cannot be undone.` };
  return undefined;
}

function withMoot(hint: RevertHint, moot: string | undefined): RevertHint {
  return moot ? { ...hint, moot } : hint;
}

/** The bucket and its endpoint, quoted; undefined when either cannot be carried. */
function ossTarget(
  change: AuditEvent,
  params: Map<string, string>,
): { url: string; endpoint?: string; bucket: string } | undefined {
  const bucket = params.get("BucketName") ?? change.resourceName;
  if (!bucket || bucket.startsWith("-")) return undefined;
  const url = shellQuote(`oss://${bucket}`);
  if (!url) return undefined;
  const region = change.region;
  const endpoint =
    region && /^[a-z0-9-]+$/.test(region)
      ? `oss-${region}.aliyuncs.com`
      : undefined;
  return { url, endpoint, bucket };
}

function ossHint(
  change: AuditEvent,
  params: Map<string, string>,
  earlier: AuditEvent[],
): RevertHint {
  const target = ossTarget(change, params);
  if (!(params.get("BucketName") ?? change.resourceName))
    return {
      explanation: t`No command: the event lacks requestParameters.BucketName (and has no resource name), the bucket's name.`,
    };
  if (!target) return unsafeHint();
  const ep = target.endpoint ? ` --endpoint ${target.endpoint}` : "";
  const noEndpoint = target.endpoint
    ? ""
    : t`The event has no region (acsRegion), so add --endpoint for the bucket's region.`;
  // A sentence after another: a space in English, none after a Chinese full stop.
  const also = (text: string): string =>
    noEndpoint ? `${text}${/[.)]$/.test(text) ? " " : ""}${noEndpoint}` : text;
  if (change.name === "PutBucketPolicy")
    return {
      command: `aliyun oss bucket-policy --method delete ${target.url}${ep}`,
      alternative: `ossutil bucket-policy --method delete ${target.url}${ep}`,
      explanation: also(
        t`Deletes the bucket policy this call set, so the bucket is no longer opened by policy; an earlier policy, if any, is not in the event and is not restored.`,
      ),
    };
  const acl = params.get("x-oss-acl");
  const before = previousAcl(change, earlier);
  const goal = acl && PUBLIC_ACLS.has(acl) ? "private" : before;
  if (!goal)
    return {
      explanation: t`No command: the ACL the bucket had before is not in the loaded events (no earlier PutBucketAcl or GetBucketAcl of it), and the new ACL is not public.`,
    };
  const q = shellQuote(goal);
  if (!q) return unsafeHint();
  const made = acl ?? "";
  return {
    command: `aliyun oss set-acl ${target.url} ${q} -b${ep}`,
    alternative: `ossutil set-acl ${target.url} ${q} -b${ep}`,
    explanation: also(
      goal === "private"
        ? before
          ? t`Sets the bucket private again (it was made ${made}; before that it was ${before}).`
          : t`Sets the bucket private again (it was made ${made}).`
        : t`Sets the bucket back to ${goal}, the ACL it had before.`,
    ),
  };
}

function mootForOss(
  change: AuditEvent,
  params: Map<string, string>,
  later: AuditEvent[],
  when: (e: AuditEvent) => string,
): string | undefined {
  const bucket = params.get("BucketName") ?? change.resourceName;
  const same = (e: AuditEvent) =>
    (paramsOf(e).get("BucketName") ?? e.resourceName) === bucket;
  const gone = later.find((e) => e.name === "DeleteBucket" && same(e));
  if (gone) {
    const at = when(gone);
    return t`The bucket was deleted later (${at}).`;
  }
  if (change.name === "PutBucketPolicy") {
    const del = later.find((e) => e.name === "DeleteBucketPolicy" && same(e));
    const at = del && when(del);
    return at && t`The policy was already deleted later (${at}).`;
  }
  const priv = later.find(
    (e) =>
      e.name === "PutBucketAcl" &&
      same(e) &&
      paramsOf(e).get("x-oss-acl") === "private",
  );
  const at = priv && when(priv);
  return at && t`The ACL was already set private again later (${at}).`;
}
