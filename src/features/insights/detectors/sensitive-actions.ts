import { msg } from "@lingui/core/macro";
import type { AuditEvent } from "@/api/schemas/event";
import { requestParam } from "@/lib/event-stats";
import {
  distinct,
  groupBy,
  timed,
  type Detection,
  type Severity,
  type Words,
} from "./types";

interface Match {
  rule: string;
  severity: Severity;
  /** What was acted on (a trail, a user, a bucket…). */
  target: string;
  /** "alice stopped logging of trail prod-audit-trail", when it worked. */
  done: (who: string) => Words;
  /** The same, when the service refused it. */
  tried: (who: string) => Words;
  why: Words;
}

const firstParam = (e: AuditEvent, ...names: string[]): string => {
  for (const n of names) {
    const v = requestParam(e, n);
    if (v) return v;
  }
  return e.resourceName.split(/[;,]/)[0] ?? "";
};

const ADMIN_POLICY = /^(AdministratorAccess|.*FullAccess)$/;
const OPEN_CIDR = /(^|,)\s*(0\.0\.0\.0\/0|::\/0)\s*(,|$)/;
const PUBLIC_ACL = /^public-read(-write)?$/;

const RULES: ((e: AuditEvent) => Match | undefined)[] = [
  (e) => {
    if (e.name !== "StopLogging" && e.name !== "DeleteTrail") return undefined;
    const trail = firstParam(e, "Name");
    return {
      rule: e.name,
      severity: "high",
      target: trail,
      ...(e.name === "StopLogging"
        ? {
            done: (who: string) =>
              msg`${who} stopped logging of trail ${trail}`,
            tried: (who: string) =>
              msg`${who} tried to stop logging of trail ${trail} (refused)`,
          }
        : {
            done: (who: string) => msg`${who} deleted trail ${trail}`,
            tried: (who: string) =>
              msg`${who} tried to delete trail ${trail} (refused)`,
          }),
      why: msg`Audit events stop being delivered: attackers do this to hide what comes next.`,
    };
  },
  (e) => {
    const m = /^AttachPolicyTo(User|Role|Group)$/.exec(e.name);
    if (!m) return undefined;
    const policy = firstParam(e, "PolicyName");
    if (!ADMIN_POLICY.test(policy)) return undefined;
    const target = firstParam(e, `${m[1]}Name`);
    return {
      rule: "admin-policy",
      severity: "high",
      target,
      ...(m[1] === "User"
        ? {
            done: (who: string) =>
              msg`${who} granted ${policy} to user ${target}`,
            tried: (who: string) =>
              msg`${who} tried to grant ${policy} to user ${target} (refused)`,
          }
        : m[1] === "Role"
          ? {
              done: (who: string) =>
                msg`${who} granted ${policy} to role ${target}`,
              tried: (who: string) =>
                msg`${who} tried to grant ${policy} to role ${target} (refused)`,
            }
          : {
              done: (who: string) =>
                msg`${who} granted ${policy} to group ${target}`,
              tried: (who: string) =>
                msg`${who} tried to grant ${policy} to group ${target} (refused)`,
            }),
      why: msg`An administrator policy gives full control of the account.`,
    };
  },
  (e) => {
    if (e.name !== "CreateAccessKey") return undefined;
    const user = firstParam(e, "UserName") || e.userName;
    return {
      rule: e.name,
      severity: "medium",
      target: user,
      done: (who: string) => msg`${who} created an AccessKey for ${user}`,
      tried: (who: string) =>
        msg`${who} tried to create an AccessKey for ${user} (refused)`,
      why: msg`A new long-term key works from anywhere until deleted.`,
    };
  },
  (e) => {
    if (e.name !== "PutBucketAcl") return undefined;
    const acl = firstParam(e, "x-oss-acl", "acl", "ACL");
    if (!PUBLIC_ACL.test(acl)) return undefined;
    const bucket = firstParam(e, "BucketName", "bucket");
    return {
      rule: "public-acl",
      severity: "high",
      target: bucket,
      done: (who: string) => msg`${who} made bucket ${bucket} ${acl}`,
      tried: (who: string) =>
        msg`${who} tried to make bucket ${bucket} ${acl} (refused)`,
      why: msg`Anyone on the internet can read the bucket's objects.`,
    };
  },
  (e) => {
    if (!/^(AuthorizeSecurityGroup|ModifySecurityIps)$/.test(e.name))
      return undefined;
    const cidr = firstParam(
      e,
      "SourceCidrIp",
      "SecurityIps",
      "Ipv6SourceCidrIp",
    );
    if (!OPEN_CIDR.test(cidr)) return undefined;
    const target = firstParam(e, "SecurityGroupId", "DBInstanceId");
    const port = requestParam(e, "PortRange");
    return {
      rule: "open-to-internet",
      severity: "high",
      target,
      ...(port
        ? {
            done: (who: string) =>
              msg`${who} opened ${target} port ${port} to ${cidr}`,
            tried: (who: string) =>
              msg`${who} tried to open ${target} port ${port} to ${cidr} (refused)`,
          }
        : {
            done: (who: string) => msg`${who} opened ${target} to ${cidr}`,
            tried: (who: string) =>
              msg`${who} tried to open ${target} to ${cidr} (refused)`,
          }),
      why: msg`The whole internet may now connect.`,
    };
  },
  (e) => {
    if (
      !/^(DeleteDBInstance|DeleteInstance|DeleteInstances|DeleteBucket|DeleteDBCluster|ReleaseInstance)$/.test(
        e.name,
      )
    )
      return undefined;
    const target = firstParam(
      e,
      "DBInstanceId",
      "InstanceId",
      "InstanceId.1",
      "BucketName",
      "DBClusterId",
    );
    const action = e.name;
    return {
      rule: "delete",
      severity: "medium",
      target,
      done: (who: string) => msg`${who} called ${action} on ${target}`,
      tried: (who: string) =>
        msg`${who} tried ${action} on ${target} (refused)`,
      why: msg`Deleted databases, instances and buckets may not be recoverable.`,
    };
  },
];

export const matchSensitive = (e: AuditEvent): Match | undefined => {
  for (const rule of RULES) {
    const m = rule(e);
    if (m) return m;
  }
  return undefined;
};

/**
 * Sensitive actions: audit logging stopped or trails deleted, administrator
 * policies granted, AccessKeys created, buckets made public, security groups
 * or database whitelists opened to 0.0.0.0/0, databases and instances deleted.
 * One detection per rule and target; refused attempts are reported too.
 */
export function detectSensitiveActions(
  events: readonly AuditEvent[],
): Detection[] {
  const matched = timed(events)
    .filter((e) => e.identityType !== "system") // a cloud service acting on its own (auto scaling) is not a person's action
    .map((e) => ({ e, m: matchSensitive(e) }))
    .filter((x): x is { e: AuditEvent; m: Match } => x.m !== undefined);
  return [...groupBy(matched, (x) => `${x.m.rule}|${x.m.target}`)].map(
    ([key, list]) => {
      const events = list.map((x) => x.e);
      const ok = events.filter((e) => !e.errorCode);
      const m = list[0]!.m;
      const actors = distinct(events.map((e) => e.userName).filter(Boolean));
      const first = events[0]!;
      const who = actors.join(", ") || first.accessKeyId || "?";
      const names = distinct(events.map((e) => e.name));
      return {
        id: `sensitive-action:${key}`,
        kind: "sensitive-action" as const,
        severity: ok.length > 0 ? m.severity : ("low" as const),
        title: ok.length > 0 ? m.done(who) : m.tried(who),
        explanation: m.why,
        subject: { kind: "user" as const, value: actors[0] ?? "" },
        evidence: [
          { label: msg`Actions`, values: names },
          { label: msg`By`, values: actors },
          {
            label: msg`From`,
            values: distinct(events.map((e) => e.sourceIp)),
          },
          ...(ok.length < events.length
            ? [
                {
                  label: msg`Refused`,
                  values: distinct(
                    events.filter((e) => e.errorCode).map((e) => e.errorCode),
                  ),
                },
              ]
            : []),
        ],
        firstMs: first.timeMs,
        lastMs: events.at(-1)!.timeMs,
        regions: distinct(events.map((e) => e.region).filter(Boolean)),
        eventIds: events.map((e) => e.id),
        filters: [
          { key: "EventName", value: names[0]! },
          ...(m.target ? [{ key: "ResourceName", value: m.target }] : []),
        ],
        pivots: names.slice(1).map((name) => ({
          label: msg`${name} events`,
          filters: [
            { key: "EventName", value: name },
            ...(m.target ? [{ key: "ResourceName", value: m.target }] : []),
          ],
        })),
      };
    },
  );
}
