import { connect } from "node:net";
import { describe, expect, it } from "vitest";
import { fromConsole, useGatewayWorld } from "./testing/gateway-world";
import type { RunningGateway } from "./gateway";

const world = useGatewayWorld();

/** Sends raw bytes and collects everything until the gateway closes the connection. */
function rawExchange(
  gw: RunningGateway,
  bytes: string,
): Promise<{ text: string; closed: boolean }> {
  return new Promise((resolve, reject) => {
    const socket = connect(gw.port, "127.0.0.1");
    const chunks: Buffer[] = [];
    socket.on("data", (chunk) => chunks.push(chunk));
    socket.on("error", reject);
    socket.on("close", () =>
      resolve({ text: Buffer.concat(chunks).toString("utf8"), closed: true }),
    );
    socket.write(bytes);
  });
}

const bodyOf = (text: string) =>
  JSON.parse(text.slice(text.indexOf("\r\n\r\n") + 4)) as Record<
    string,
    string
  >;

describe("client errors are answered as client errors", () => {
  it("answers a request body that stalls with 408 in ActionTrail's envelope, then closes", async () => {
    const gw = await world.gateway({ GATEWAY_REQUEST_TIMEOUT_MS: "300" });
    const headers = Object.entries({
      ...fromConsole(gw),
      Host: `127.0.0.1:${gw.port}`,
      "Content-Type": "application/x-www-form-urlencoded",
      "Content-Length": "100",
    })
      .map(([name, value]) => `${name}: ${value}\r\n`)
      .join("");
    const answer = await rawExchange(
      gw,
      `POST /api/cn-hangzhou/?Action=CreateTrail&Version=2020-07-06 HTTP/1.1\r\n${headers}\r\nName=slow`,
    );
    expect(answer.text).toMatch(/^HTTP\/1\.1 408 /);
    expect(answer.text).toMatch(/\r\nconnection: close\r\n/i);
    expect(bodyOf(answer.text)).toMatchObject({
      Code: "Gateway.RequestTimeout",
      HostId: "trailscope-gateway",
      RequestId: expect.stringMatching(/^[0-9A-F-]{36}$/) as unknown,
    });
    expect(answer.closed).toBe(true);
  });

  it("answers headers that never finish with 408 in the envelope", async () => {
    const gw = await world.gateway({ GATEWAY_REQUEST_TIMEOUT_MS: "300" });
    const answer = await rawExchange(
      gw,
      `GET /_gateway/health HTTP/1.1\r\nHost: 127.0.0.1:${gw.port}\r\nX-Slow: `,
    );
    expect(answer.text).toMatch(/^HTTP\/1\.1 408 /);
    expect(bodyOf(answer.text)).toMatchObject({
      Code: "Gateway.RequestTimeout",
    });
  });

  it("answers GET //[ and other unparsable targets with 400, not 500", async () => {
    const gw = await world.gateway();
    for (const target of ["//[", "//[::1", "*", "http://[/x"]) {
      const answer = await rawExchange(
        gw,
        `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${gw.port}\r\nConnection: close\r\n\r\n`,
      );
      expect({ target, status: answer.text.slice(9, 12) }).toEqual({
        target,
        status: "400",
      });
      expect(bodyOf(answer.text)).toMatchObject({
        Code: "Gateway.InvalidRequest",
        HostId: "trailscope-gateway",
      });
    }
  });
});
