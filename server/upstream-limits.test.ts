import { createServer, request, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import type { RunningGateway } from "./gateway";
import {
  apiPath,
  call,
  fromConsole,
  signIn,
  useGatewayWorld,
} from "./testing/gateway-world";

const world = useGatewayWorld();

/** An upstream that answers each call with `answer(response)`, for shapes the stand-in never sends. */
async function fakeUpstream(answer: (response: ServerResponse) => void) {
  const server = createServer((req, res) => {
    req.resume();
    answer(res);
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address() as AddressInfo;
  opened.push(server);
  return `http://127.0.0.1:${port}/{region}/`;
}
const opened: ReturnType<typeof createServer>[] = [];
afterEach(async () => {
  for (const server of opened.splice(0)) {
    server.closeAllConnections();
    await new Promise((done) => server.close(done));
  }
});

/** Opens an API call and resolves with its status once the first body bytes arrive. */
function firstBytes(
  gw: RunningGateway,
): Promise<{ status: number; bytes: number; ended: Promise<number> }> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${gw.url}${apiPath("LookupEvents")}`,
      { headers: fromConsole(gw) },
      (res) => {
        let total = 0;
        const ended = new Promise<number>((done) => {
          res.on("end", () => done(total));
          res.on("error", () => done(-total));
          res.on("aborted", () => done(-total));
        });
        res.once("data", (chunk: Buffer) => {
          total += chunk.length;
          res.on("data", (more: Buffer) => (total += more.length));
          resolve({ status: res.statusCode ?? 0, bytes: chunk.length, ended });
        });
      },
    );
    req.on("error", reject);
    req.end();
  });
}

describe("upstream answers are streamed, not held", () => {
  it("passes the first bytes on before ActionTrail has finished answering", async () => {
    let finish: () => void = () => undefined;
    const template = await fakeUpstream((res) => {
      res.writeHead(200, {
        "Content-Type": "application/json",
        "Content-Length": String(2 * 65_536),
      });
      res.write(Buffer.alloc(65_536, 0x20));
      finish = () => res.end(Buffer.alloc(65_536, 0x20));
    });
    const gw = await world.gateway({ ACTIONTRAIL_ENDPOINT_TEMPLATE: template });
    const answer = await firstBytes(gw);
    expect(answer.status).toBe(200);
    expect(answer.bytes).toBeGreaterThan(0);
    finish();
    expect(await answer.ended).toBe(2 * 65_536);
  });

  it("refuses an answer that declares too much, and cuts one that grows too large on the way", async () => {
    const declared = await fakeUpstream((res) => {
      res.writeHead(200, { "Content-Length": "5000" });
      res.end(Buffer.alloc(5000, 0x20));
    });
    const gw = await world.gateway({
      ACTIONTRAIL_ENDPOINT_TEMPLATE: declared,
      GATEWAY_MAX_RESPONSE_BYTES: "2048",
    });
    const refused = await call(gw, apiPath("LookupEvents"), {
      headers: fromConsole(gw),
    });
    expect(refused.status).toBe(502);
    expect(refused.json()).toMatchObject({ Code: "Gateway.ResponseTooLarge" });

    const growing = await fakeUpstream((res) => {
      res.writeHead(200, { "Content-Type": "application/json" });
      res.write(Buffer.alloc(1500, 0x20));
      setImmediate(() => res.end(Buffer.alloc(1500, 0x20)));
    });
    const cut = await world.gateway({
      ACTIONTRAIL_ENDPOINT_TEMPLATE: growing,
      GATEWAY_MAX_RESPONSE_BYTES: "2048",
    });
    const answer = await firstBytes(cut);
    expect(await answer.ended).toBeLessThanOrEqual(0);
  });
});

describe("concurrent upstream calls are bounded", () => {
  it("answers Throttling in the envelope past the per-session cap, while another session still gets through", async () => {
    const held: ServerResponse[] = [];
    const template = await fakeUpstream((res) => held.push(res));
    const gw = await world.gateway({
      ACTIONTRAIL_ENDPOINT_TEMPLATE: template,
      GATEWAY_MAX_UPSTREAM_CALLS_PER_SESSION: "2",
      GATEWAY_MAX_UPSTREAM_CALLS: "3",
    });
    const [alice, bob, carol] = [
      await signIn(gw),
      await signIn(gw),
      await signIn(gw),
    ];
    const as = (cookie: string) =>
      call(gw, apiPath("DescribeTrails"), {
        headers: { Cookie: cookie, "Sec-Fetch-Site": "same-origin" },
      });
    const first = [as(alice), as(alice)];
    await expect.poll(() => held.length).toBe(2);
    const third = await as(alice);
    expect(third.status).toBe(429);
    expect(third.headers["retry-after"]).toBe("1");
    expect(third.json()).toMatchObject({
      Code: "Throttling.User",
      HostId: "trailscope-gateway",
      RequestId: expect.stringMatching(/^[0-9A-F-]{36}$/) as unknown,
    });
    const other = as(bob);
    await expect.poll(() => held.length).toBe(3);
    // The gateway as a whole is full now: a third person waits too.
    const overall = await as(carol);
    expect(overall.json()).toMatchObject({ Code: "Throttling.User" });

    for (const res of held.splice(0))
      res.writeHead(200, { "Content-Type": "application/json" }).end("{}");
    expect((await Promise.all([...first, other])).map((a) => a.status)).toEqual(
      [200, 200, 200],
    );
    // Slots are given back: the next call goes through.
    const again = as(alice);
    await expect.poll(() => held.length).toBe(1);
    held[0]!.writeHead(200).end("{}");
    expect((await again).status).toBe(200);
  });
});
