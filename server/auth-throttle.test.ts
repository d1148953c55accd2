import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { clientSource, FailureLimiter } from "./auth-throttle";
import {
  apiPath,
  bearer,
  call,
  TEST_TOKEN,
  useGatewayWorld,
} from "./testing/gateway-world";

const world = useGatewayWorld();

describe("wrong tokens are limited on every path", () => {
  it("answers 429 with Retry-After to a stream of wrong Bearer tokens, and still lets the right token in", async () => {
    const gw = await world.gateway();
    const statuses: number[] = [];
    let last: Awaited<ReturnType<typeof call>> | undefined;
    for (let i = 0; i < 60; i++) {
      last = await call(gw, apiPath("DescribeRegions"), {
        headers: bearer(`wrong-token-${i}-Xq8vN2pLk4Xr7Tzz`),
      });
      statuses.push(last.status);
    }
    expect(statuses.slice(0, 10)).toEqual(Array<number>(10).fill(401));
    expect(statuses.slice(10)).toEqual(Array<number>(50).fill(429));
    expect(Number(last?.headers["retry-after"])).toBeGreaterThanOrEqual(1);
    expect(last?.json()).toMatchObject({
      Code: "Gateway.TooManySignIns",
      HostId: "trailscope-gateway",
    });

    // Same address, right token: never locked out.
    const right = await call(gw, apiPath("DescribeRegions"), {
      headers: bearer(),
    });
    expect(right.status).toBe(200);
  });

  it("counts the sign-in form and the header together, and the right token still signs in", async () => {
    const gw = await world.gateway();
    const formHeaders = {
      "Content-Type": "application/x-www-form-urlencoded",
      Origin: gw.url,
    };
    for (let i = 0; i < 10; i++)
      await call(gw, "/api/_whoami", { headers: bearer(`guess-${i}`) });
    const blocked = await call(gw, "/_gateway/login", {
      method: "POST",
      headers: formHeaders,
      body: new URLSearchParams({ token: "one-more-guess" }).toString(),
    });
    expect(blocked.status).toBe(429);
    expect(blocked.headers["retry-after"]).toMatch(/^\d+$/);
    expect(blocked.headers["set-cookie"]).toBeUndefined();
    const page = await call(gw, "/events", { headers: bearer("guess-again") });
    expect(page.status).toBe(429);

    const right = await call(gw, "/_gateway/login", {
      method: "POST",
      headers: formHeaders,
      body: new URLSearchParams({ token: TEST_TOKEN, next: "/" }).toString(),
    });
    expect(right.status).toBe(303);
    expect(right.headers["set-cookie"]?.[0]).toMatch(/^trailscope_session=/);
  });

  it("behind a trusted proxy, counts each client by X-Forwarded-For, not the proxy's address", async () => {
    const gw = await world.gateway({
      GATEWAY_TRUSTED_PROXIES: "127.0.0.1,::1,::ffff:127.0.0.1",
    });
    for (let i = 0; i < 12; i++)
      await call(gw, "/api/_whoami", {
        headers: {
          ...bearer(`guess-${i}`),
          "X-Forwarded-For": "203.0.113.7",
        },
      });
    const attacker = await call(gw, "/api/_whoami", {
      headers: { ...bearer("guess"), "X-Forwarded-For": "203.0.113.7" },
    });
    expect(attacker.status).toBe(429);
    const neighbour = await call(gw, "/api/_whoami", {
      headers: { ...bearer("typo"), "X-Forwarded-For": "198.51.100.2" },
    });
    expect(neighbour.status).toBe(401);
  });
});

describe("the failure table", () => {
  it("refills with time and answers how long to wait", () => {
    const limiter = new FailureLimiter({ burst: 3, refillMs: 10_000 }, 0);
    expect([0, 1, 2, 3].map(() => limiter.fail("a", 0).limited)).toEqual([
      false,
      false,
      false,
      true,
    ]);
    expect(limiter.fail("a", 1_000)).toEqual({
      limited: true,
      retryAfterS: 9,
    });
    expect(limiter.fail("a", 12_000).limited).toBe(false);
  });

  it("stays bounded when full and forgets innocent sources before attackers", () => {
    const limiter = new FailureLimiter(
      { burst: 5, refillMs: 60_000, maxSources: 100, globalBurst: 1e9 },
      0,
    );
    for (let i = 0; i < 5; i++) limiter.fail("attacker", 0);
    expect(limiter.fail("attacker", 0).limited).toBe(true);
    // Ten thousand one-off failures from other addresses (a scan, typos).
    for (let i = 0; i < 10_000; i++)
      limiter.fail(`10.0.${i >> 8}.${i & 255}`, 1);
    expect(limiter.trackedSources).toBeLessThanOrEqual(100);
    expect(limiter.fail("attacker", 2).limited).toBe(true);
  });

  it("limits many addresses together through the overall bucket", () => {
    const limiter = new FailureLimiter(
      { burst: 10, globalBurst: 50, globalRefillMs: 1_000 },
      0,
    );
    const verdicts = Array.from({ length: 200 }, (_, i) =>
      limiter.fail(`192.0.2.${i}`, 0),
    );
    expect(verdicts.filter((v) => v.limited)).toHaveLength(150);
  });

  it("keys IPv6 clients by /64 and trusts X-Forwarded-For only from a trusted proxy", () => {
    const request = (peer: string, forwarded?: string) =>
      ({
        socket: { remoteAddress: peer },
        headers: forwarded ? { "x-forwarded-for": forwarded } : {},
      }) as unknown as IncomingMessage;
    const config = { trustedProxies: ["10.0.0.5"] };
    expect(clientSource(request("2001:db8:1:2::7"), config)).toBe(
      clientSource(request("2001:db8:1:2:ffff::1"), config),
    );
    expect(clientSource(request("10.0.0.5", "1.2.3.4, 5.6.7.8"), config)).toBe(
      "5.6.7.8",
    );
    expect(clientSource(request("192.0.2.1", "5.6.7.8"), config)).toBe(
      "192.0.2.1",
    );
  });
});
