import { describe, expect, it } from "vitest";
import { at, makeEvent } from "@/lib/audit-event-factory";
import { normalWeek } from "./normal-week";
import { detectSigninFailures as detect } from "./signin-failures";
import { inEnglish } from "./words-test-utils";

const detectSigninFailures = inEnglish(detect);

const signin = (
  minute: number,
  errorCode = "",
  ip = "198.18.9.9",
  mfa?: boolean,
) =>
  makeEvent({
    time: at(5, 23, minute),
    name: "ConsoleSignin",
    rw: "Write",
    service: "AasSub",
    user: "chen.jie",
    ip,
    errorCode,
    mfa,
  });

describe("detectSigninFailures", () => {
  it("raises no alarm over normal sign-ins", () => {
    expect(detectSigninFailures(normalWeek())).toEqual([]);
  });

  it("flags failed sign-ins followed by a success, noting the missing MFA", () => {
    const events = [
      ...[0, 1, 2, 3, 4].map((m) => signin(m, "InvalidLoginPassword")),
      signin(6, "", "198.18.9.9", false),
    ];
    const [d, ...rest] = detectSigninFailures(events);
    expect(rest).toEqual([]);
    expect(d?.severity).toBe("high");
    expect(d?.title).toBe("chen.jie: 5 failed sign-ins, then a successful one");
    expect(d?.evidence).toContainEqual({
      label: "MFA on success",
      values: [],
      note: "no",
    });
    expect(d?.eventIds).toHaveLength(6);
  });

  it("ignores two typos and failures spread over hours", () => {
    const events = [
      signin(0, "InvalidLoginPassword"),
      signin(1, "InvalidLoginPassword"),
      signin(2),
      ...[0, 1].map((d) =>
        makeEvent({
          time: at(d, 3),
          name: "ConsoleSignin",
          rw: "Write",
          user: "x",
          errorCode: "InvalidLoginPassword",
        }),
      ),
    ];
    expect(detectSigninFailures(events)).toEqual([]);
  });
});
