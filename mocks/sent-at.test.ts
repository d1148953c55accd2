import { afterEach, describe, expect, it, vi } from "vitest";
import { SENT_AT_HEADER, sentAt, stampSendTimes } from "./sent-at";

describe("send times of the simulated account's calls", () => {
  const realFetch = globalThis.fetch;
  afterEach(() => {
    globalThis.fetch = realFetch;
  });

  it("stamps calls to /api/<RegionId>/ with the time they were sent, once, and leaves other requests alone", async () => {
    const seen: { url: string; stamp: string | null }[] = [];
    globalThis.fetch = vi.fn((input: RequestInfo | URL, init?: RequestInit) => {
      const url = input instanceof Request ? input.url : String(input);
      seen.push({
        url,
        stamp: new Headers(init?.headers).get(SENT_AT_HEADER),
      });
      return Promise.resolve(new Response("{}"));
    });
    stampSendTimes(() => 1_700_000_000_123);
    stampSendTimes(() => 5); // a second start does not wrap again
    await fetch(`${location.origin}/api/cn-hangzhou/?Action=LookupEvents`, {
      headers: { Accept: "application/json" },
    });
    await fetch(`${location.origin}/assets/app.js`);
    await fetch("https://elsewhere.example/api/cn-hangzhou/");
    expect(seen.map((s) => s.stamp)).toEqual(["1700000000123", null, null]);
  });

  it("reads a stamp, and nothing from a request without one or with junk", () => {
    const at = (value?: string) =>
      sentAt(
        new Request("http://localhost/api/cn-hangzhou/", {
          headers: value === undefined ? {} : { [SENT_AT_HEADER]: value },
        }),
      );
    expect(at("1700000000123")).toBe(1_700_000_000_123);
    expect(at()).toBeUndefined();
    expect(at("soon")).toBeUndefined();
  });
});
