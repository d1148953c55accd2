import { describe, expect, it } from "vitest";
import { at, makeEvent } from "@/lib/audit-event-factory";
import { detectSigninsWithoutMfa as detect } from "./no-mfa-signin";
import { inEnglish } from "./words-test-utils";
import { normalWeek } from "./normal-week";

const detectSigninsWithoutMfa = inEnglish(detect);

describe("detectSigninsWithoutMfa", () => {
  it("raises no alarm when every sign-in used MFA", () => {
    expect(detectSigninsWithoutMfa(normalWeek())).toEqual([]);
  });

  it("groups a user's sign-ins without MFA, skipping failures and unknown MFA", () => {
    const events = [
      makeEvent({
        time: at(1, 2),
        name: "ConsoleSignin",
        rw: "Write",
        user: "chen.jie",
        mfa: false,
      }),
      makeEvent({
        time: at(2, 2),
        name: "ConsoleSignin",
        rw: "Write",
        user: "chen.jie",
        mfa: false,
        ip: "198.18.9.9",
      }),
      makeEvent({
        time: at(2, 3),
        name: "ConsoleSignin",
        rw: "Write",
        user: "chen.jie",
        mfa: false,
        errorCode: "InvalidLoginPassword",
      }),
      makeEvent({
        time: at(2, 4),
        name: "ConsoleSignin",
        rw: "Write",
        user: "someone",
      }),
    ];
    const [d, ...rest] = detectSigninsWithoutMfa(events);
    expect(rest).toEqual([]);
    expect(d?.title).toBe("chen.jie signed in without MFA 2 times");
    expect(d?.evidence[0]?.values).toEqual(["203.0.113.24", "198.18.9.9"]);
  });
});
