import type { AuditEvent } from "@/api/schemas/event";
import { at, makeEvent } from "@/lib/audit-event-factory";

/**
 * A quiet week for detector tests: two people working office hours from their
 * usual addresses (one with a second address some days), signing in with MFA
 * each morning, a CI key deploying every night, and a few ordinary errors.
 * Nothing in it should raise an alarm.
 */
export function normalWeek(days = 7): AuditEvent[] {
  const events: AuditEvent[] = [];
  for (let day = 0; day < days; day++) {
    for (const [user, ip, other, key] of [
      ["li.wei", "203.0.113.24", "198.51.100.117", "LTAI5tLiWei"],
      ["zhang.min", "203.0.113.31", "198.51.100.122", "LTAI5tZhMin"],
    ] as const) {
      events.push(
        makeEvent({
          time: at(day, 1, 2),
          name: "ConsoleSignin",
          rw: "Write",
          service: "AasSub",
          user,
          ip,
          mfa: true,
          region: "ap-southeast-1",
        }),
      );
      for (let hour = 1; hour <= 9; hour++) {
        for (let i = 0; i < 6; i++) {
          events.push(
            makeEvent({
              time: at(day, hour, i * 9 + (day % 5)),
              name:
                i % 3 === 0 ? "ModifyInstanceAttribute" : "DescribeInstances",
              rw: i % 3 === 0 ? "Write" : "Read",
              user,
              accessKeyId: key,
              ip: i === 5 && day % 2 === 1 ? other : ip,
              region: i === 4 && hour === 3 ? "cn-shanghai" : "cn-hangzhou",
              errorCode: i === 2 && hour === 5 ? "IncorrectInstanceStatus" : "",
            }),
          );
        }
      }
    }
    for (let i = 0; i < 8; i++) {
      events.push(
        makeEvent({
          time: at(day, 18, i * 5),
          name: "RunInstances",
          rw: "Write",
          user: "ci-deployer",
          accessKeyId: "LTAI5tCiDeploy",
          ip: "47.96.1.10",
        }),
      );
    }
  }
  return events;
}
