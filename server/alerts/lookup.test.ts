import { describe, expect, it } from "vitest";
import { createAccount } from "@mocks/data/account";
import { createHandlers } from "@mocks/handlers";
import { TEST_NOW, TEST_SEED } from "@mocks/node";
import { readConfig } from "../config";
import { staticCredentials } from "../credentials";
import { createLogger } from "../logger";
import { TEST_KEY, useGatewayWorld } from "../testing/gateway-world";
import { createEventReader, LookupFailed } from "./lookup";

/** The scheduler's reader against the signature-checking stand-in. */
const world = useGatewayWorld({
  handlers: () =>
    createHandlers(
      createAccount({
        seed: TEST_SEED,
        now: TEST_NOW,
        clock: () => TEST_NOW,
        scale: 0.01,
        latency: [0, 0],
        rateLimits: false,
      }),
    ),
});

const DAY = 86_400_000;
const WEEK = 7 * DAY;

function reader(key = TEST_KEY) {
  const lines: string[] = [];
  const read = createEventReader({
    config: readConfig({
      ACTIONTRAIL_ENDPOINT_TEMPLATE: world.standIn().endpointTemplate,
    }),
    credentials: staticCredentials(key),
    logger: createLogger((line) => lines.push(line)),
  });
  return { read, lines };
}

describe("reading a rule's window through the gateway's signed client", () => {
  it("pages through LookupEvents until the window is read, and says when the cap cut it", async () => {
    const { read } = reader();
    const before = world.standIn().received.length;
    const all = await read({
      region: "cn-hangzhou",
      startMs: TEST_NOW - WEEK,
      endMs: TEST_NOW,
      attributes: [],
      cap: 20_000,
    });
    const pages = world.standIn().received.slice(before);
    expect(all.complete).toBe(true);
    expect(all.events.length).toBeGreaterThan(50);
    expect(pages.length).toBeGreaterThan(1);
    expect(pages[0]!.params).toMatchObject({
      Action: "LookupEvents",
      MaxResults: "50",
      AccessKeyId: TEST_KEY.accessKeyId,
    });
    expect(new Set(all.events.map((e) => e.id)).size).toBe(all.events.length);

    const capped = await read({
      region: "cn-hangzhou",
      startMs: TEST_NOW - WEEK,
      endMs: TEST_NOW,
      attributes: [],
      cap: 60,
    });
    expect(capped).toMatchObject({ complete: false });
    expect(capped.events).toHaveLength(60);
  });

  it("sends the LookupAttribute the service applies", async () => {
    const { read } = reader();
    const sample = await read({
      region: "cn-hangzhou",
      startMs: TEST_NOW - DAY,
      endMs: TEST_NOW,
      attributes: [],
      cap: 1,
    });
    const name = sample.events[0]!.name;
    const named = await read({
      region: "cn-hangzhou",
      startMs: TEST_NOW - DAY,
      endMs: TEST_NOW,
      attributes: [{ Key: "EventName", Value: name }],
      cap: 20_000,
    });
    expect(named.events.length).toBeGreaterThan(0);
    expect(named.events.every((e) => e.name === name)).toBe(true);
  });

  it("fails with the service's code when the key is refused, never logging the secret", async () => {
    const { read, lines } = reader({
      accessKeyId: "LTAI5tUnknownKey000001",
      accessKeySecret: "unknown-secret-Xk29Qp",
    });
    const failed = read({
      region: "cn-hangzhou",
      startMs: TEST_NOW - DAY,
      endMs: TEST_NOW,
      attributes: [],
      cap: 10,
    });
    await expect(failed).rejects.toBeInstanceOf(LookupFailed);
    await expect(failed).rejects.toThrow(/^InvalidAccessKeyId\.NotFound/);
    expect(lines.join("\n")).not.toContain("unknown-secret-Xk29Qp");
  });
});
