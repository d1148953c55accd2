import { describe, expect, it } from "vitest";
import { http, HttpResponse } from "msw";
import { createLogger, redactLine } from "./logger";
import {
  apiPath,
  bearer,
  call,
  TEST_KEY,
  TEST_TOKEN,
  useGatewayWorld,
} from "./testing/gateway-world";

// A stand-in answering every signed call at once, so ten thousand calls stay quick.
const world = useGatewayWorld({
  handlers: () => [
    http.all("*/api/:region/", () =>
      HttpResponse.json({ RequestId: "REGIONS-0001", Regions: [] }),
    ),
  ],
});

async function inParallel(
  count: number,
  workers: number,
  job: (i: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (next < count) await job(next++);
    }),
  );
}

describe("secrets never reach the log", () => {
  it("after 10,000 calls the log holds no token, no AccessKey secret, no signature and no query string", async () => {
    const gw = await world.gateway();
    const before = world.standIn().received.length;
    const statuses = new Map<number, number>();
    await inParallel(10_000, 12, async (i) => {
      const path =
        i % 10 === 0
          ? `/api/cn-hangzhou/?Action=${TEST_TOKEN}&Version=2020-07-06`
          : `${apiPath("DescribeRegions")}&AcceptLanguage=query-marker-${i}`;
      const answer = await call(gw, path, { headers: bearer() });
      statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
    });
    expect(Object.fromEntries(statuses)).toEqual({ 200: 9_000, 403: 1_000 });

    const signatures = world
      .standIn()
      .received.slice(before)
      .map((r) => r.params.Signature)
      .filter((s): s is string => Boolean(s));
    expect(signatures).toHaveLength(9_000);
    const log = world.logLines.join("\n");
    expect(world.logLines.length).toBeGreaterThanOrEqual(10_000);
    expect(log).not.toContain(TEST_TOKEN);
    expect(log).not.toContain(TEST_KEY.accessKeySecret);
    expect(log).not.toContain("query-marker");
    expect(log).not.toMatch(/Signature=|AccessKeyId=|\?/);
    const leaked = signatures.filter(
      (s) => log.includes(s) || log.includes(encodeURIComponent(s)),
    );
    expect(leaked).toEqual([]);
  }, 120_000);
});

describe("redaction by what a secret is", () => {
  it("keeps redacting the token however many other secrets come after it", () => {
    const lines: string[] = [];
    const logger = createLogger((line) => lines.push(line));
    logger.redact(TEST_TOKEN);
    for (let i = 0; i < 1_000; i++) logger.redact(`sts-token-${i}-abcdef`);
    logger.log("warn", "request", { note: `saw ${TEST_TOKEN}` });
    expect(lines[0]).not.toContain(TEST_TOKEN);
    expect(lines[0]).toContain("[redacted]");
  });

  it("recognises signatures and session ids by their shape, plain or percent-encoded, and drops query strings", () => {
    const signature = "kRCrq9yb0ZlCYqF+Qw2rQ/lqHlk=";
    const session = `ts1_${"A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8S9t0U1v"}`;
    const line = redactLine(
      JSON.stringify({
        a: signature,
        b: encodeURIComponent(signature),
        c: `cookie ${session}`,
      }),
      [],
    );
    expect(line).not.toContain("kRCrq9yb0");
    expect(line).not.toContain(session);
    const lines: string[] = [];
    createLogger((l) => lines.push(l)).log("info", "request", {
      path: "/api/cn-hangzhou/?Action=x&secret=1",
    });
    expect(lines[0]).toContain('"path":"/api/cn-hangzhou/"');
    // A RequestId is no secret and stays readable.
    expect(
      redactLine('"RequestId":"2C5B2F35-1D3A-4C4E-9B0A-7E1F0C9D8A11"', []),
    ).toContain("2C5B2F35");
  });
});
