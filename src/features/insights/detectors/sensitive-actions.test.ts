import { describe, expect, it } from "vitest";
import { at, makeEvent } from "@/lib/audit-event-factory";
import { normalWeek } from "./normal-week";
import { detectSensitiveActions as detect } from "./sensitive-actions";
import { inEnglish } from "./words-test-utils";

const detectSensitiveActions = inEnglish(detect);

const w = (
  name: string,
  params: Record<string, unknown>,
  extra: Partial<Parameters<typeof makeEvent>[0]> = {},
) => makeEvent({ time: at(5, 2), name, rw: "Write", params, ...extra });

describe("detectSensitiveActions", () => {
  it("raises no alarm over ordinary changes", () => {
    expect(detectSensitiveActions(normalWeek())).toEqual([]);
  });

  it("reports a trail stopped and deleted, an administrator grant and a new AccessKey", () => {
    const events = [
      w(
        "StopLogging",
        { Name: "prod-audit-trail" },
        { user: "wang.fang", service: "Actiontrail" },
      ),
      w(
        "DeleteTrail",
        { Name: "prod-audit-trail" },
        { user: "wang.fang", service: "Actiontrail" },
      ),
      w(
        "AttachPolicyToUser",
        {
          PolicyName: "AdministratorAccess",
          PolicyType: "System",
          UserName: "backup-admin",
        },
        { user: "temp-contractor", service: "Ram" },
      ),
      w(
        "CreateAccessKey",
        { UserName: "backup-admin" },
        { user: "temp-contractor", service: "Ram" },
      ),
    ];
    const titles = detectSensitiveActions(events).map((d) => d.title);
    expect(titles).toEqual([
      "wang.fang stopped logging of trail prod-audit-trail",
      "wang.fang deleted trail prod-audit-trail",
      "temp-contractor granted AdministratorAccess to user backup-admin",
      "temp-contractor created an AccessKey for backup-admin",
    ]);
  });

  it("reports public bucket ACLs, 0.0.0.0/0 rules and deletions, but not private ACLs or narrow rules", () => {
    const events = [
      w(
        "PutBucketAcl",
        { BucketName: "finance-reports-2026", "x-oss-acl": "public-read" },
        { user: "liu.yang" },
      ),
      w("PutBucketAcl", { BucketName: "logs", "x-oss-acl": "private" }),
      w("AuthorizeSecurityGroup", {
        SecurityGroupId: "sg-1",
        SourceCidrIp: "0.0.0.0/0",
        PortRange: "22/22",
      }),
      w("AuthorizeSecurityGroup", {
        SecurityGroupId: "sg-2",
        SourceCidrIp: "10.0.0.0/8",
        PortRange: "22/22",
      }),
      w("AttachPolicyToUser", {
        PolicyName: "AliyunECSReadOnlyAccess",
        UserName: "x",
      }),
      w("DeleteDBInstance", { DBInstanceId: "rm-1" }),
    ];
    const found = detectSensitiveActions(events);
    expect(found.map((d) => d.title)).toEqual([
      "liu.yang made bucket finance-reports-2026 public-read",
      "li.wei opened sg-1 port 22/22 to 0.0.0.0/0",
      "li.wei called DeleteDBInstance on rm-1",
    ]);
    expect(found[0]?.filters).toEqual([
      { key: "EventName", value: "PutBucketAcl" },
      { key: "ResourceName", value: "finance-reports-2026" },
    ]);
  });

  it("marks a refused attempt as low severity", () => {
    const [d] = detectSensitiveActions([
      w("StopLogging", { Name: "t" }, { errorCode: "NoPermission" }),
    ]);
    expect(d?.severity).toBe("low");
    expect(d?.title).toContain("(refused)");
  });
});
