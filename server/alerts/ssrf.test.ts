import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { server as mockServer } from "@mocks/node";
import {
  blockedRange,
  checkHost,
  checkUrl,
  DeliveryFailed,
  DestinationRefused,
  parseAllowList,
  postChecked,
  type Resolver,
  type TargetPolicy,
} from "./ssrf";

const resolverOf =
  (table: Record<string, string[]>): Resolver =>
  (host) => {
    const found = table[host];
    if (!found) return Promise.reject(new Error("ENOTFOUND"));
    return Promise.resolve(
      found.map((address) => ({
        address,
        family: address.includes(":") ? 6 : 4,
      })),
    );
  };

const policy = (
  table: Record<string, string[]> = {},
  allow: string[] = [],
): TargetPolicy => ({
  allow: parseAllowList(allow),
  resolve: resolverOf(table),
});

describe("addresses an alert may not be sent to", () => {
  it.each([
    ["0.0.0.0", "this network"],
    ["10.1.2.3", "private"],
    ["100.64.0.1", "carrier-grade NAT"],
    ["100.127.255.254", "carrier-grade NAT"],
    ["127.0.0.1", "loopback"],
    ["127.255.0.9", "loopback"],
    ["169.254.169.254", "link-local"],
    ["172.16.0.1", "private"],
    ["172.31.255.255", "private"],
    ["192.0.0.8", "IETF protocol assignments"],
    ["192.0.2.10", "documentation"],
    ["192.168.1.1", "private"],
    ["198.18.0.1", "benchmarking"],
    ["224.0.0.251", "multicast"],
    ["255.255.255.255", "reserved"],
    ["::", "unspecified"],
    ["::1", "loopback"],
    ["[::1]", "loopback"],
    ["::ffff:127.0.0.1", "IPv4-mapped"],
    ["::ffff:7f00:1", "IPv4-mapped"],
    ["::ffff:8.8.8.8", "IPv4-mapped"],
    ["::127.0.0.1", "IPv4-compatible"],
    ["fc00::1", "unique local"],
    ["fd12:3456:789a::1", "unique local"],
    ["fe80::1%eth0", "link-local"],
    ["febf::1", "link-local"],
    ["fec0::1", "site-local"],
    ["ff02::1", "multicast"],
    ["2001:db8::1", "documentation"],
    ["2001:0:4136:e378::1", "Teredo"],
    ["64:ff9b::a9fe:a9fe", "NAT64 of link-local"],
    ["64:ff9b::10.0.0.1", "NAT64 of private"],
    ["2002:7f00:1::1", "6to4 of loopback"],
    ["2002:c0a8:101::", "6to4 of private"],
    ["example.com", "not an IP address"],
  ])("%s is refused as %s", (address, why) => {
    expect(blockedRange(address)).toBe(why);
  });

  it.each([
    "8.8.8.8",
    "100.63.255.255",
    "100.128.0.1",
    "172.15.255.255",
    "172.32.0.1",
    "169.253.0.1",
    "203.119.129.1",
    "2400:3200::1",
    "2606:4700:4700::1111",
    "64:ff9b::808:808",
    "2002:808:808::1",
  ])("%s is public", (address) => {
    expect(blockedRange(address)).toBeUndefined();
  });
});

describe("checking a destination's host and URL", () => {
  it("refuses a DNS name that resolves to a private address, even beside a public one", async () => {
    const p = policy({
      "hooks.example.com": ["93.184.216.34", "10.0.0.7"],
      "meta.example.com": ["169.254.169.254"],
      "six.example.com": ["fd00::5"],
    });
    await expect(checkHost("hooks.example.com", p)).rejects.toThrow(
      /resolves to 10\.0\.0\.7, a private address/,
    );
    await expect(checkHost("meta.example.com", p)).rejects.toThrow(
      /link-local/,
    );
    await expect(checkHost("six.example.com", p)).rejects.toThrow(
      /unique local/,
    );
    await expect(checkHost("nowhere.example.com", p)).rejects.toThrow(
      /could not be resolved/,
    );
  });

  it("pins the public address it checked", async () => {
    const p = policy({ "oapi.dingtalk.com": ["203.119.129.10"] });
    await expect(checkHost("oapi.dingtalk.com", p)).resolves.toEqual({
      host: "oapi.dingtalk.com",
      address: "203.119.129.10",
      family: 4,
    });
  });

  it("refuses other schemes, credentials in the URL, and plain http to public hosts", async () => {
    const p = policy({ "hooks.example.com": ["93.184.216.34"] });
    await expect(checkUrl("ftp://hooks.example.com/x", p)).rejects.toThrow(
      DestinationRefused,
    );
    await expect(
      checkUrl("https://u:p@hooks.example.com/x", p),
    ).rejects.toThrow(/user name or password/);
    await expect(checkUrl("http://hooks.example.com/x", p)).rejects.toThrow(
      /must be an https URL/,
    );
    await expect(checkUrl("https://[::ffff:127.0.0.1]/x", p)).rejects.toThrow(
      /IPv4-mapped/,
    );
    await expect(checkUrl("https://0x7f000001/x", p)).rejects.toThrow(
      /loopback/,
    );
    await expect(
      checkUrl("https://hooks.example.com/x", p),
    ).resolves.toMatchObject({ target: { address: "93.184.216.34" } });
  });

  it("lets the operator's allow-list through, and only it", async () => {
    const p = policy({ "lab.internal": ["10.20.0.5"] }, [
      "127.0.0.1",
      "10.20.0.0/16",
    ]);
    await expect(checkUrl("http://127.0.0.1:9/hook", p)).resolves.toBeDefined();
    await expect(
      checkUrl("http://lab.internal/hook", p),
    ).resolves.toBeDefined();
    await expect(checkUrl("http://127.0.0.2/hook", p)).rejects.toThrow(
      /loopback/,
    );
    await expect(checkUrl("http://[::1]/hook", p)).rejects.toThrow(/loopback/);
    expect(() => parseAllowList(["not-an-ip"])).toThrow(/not an IP/);
    expect(() => parseAllowList(["10.0.0.0/33"])).toThrow(/prefix/);
  });
});

describe("sending to a checked destination", () => {
  // Real loopback sockets: the simulated account's interception is off here.
  beforeAll(() => mockServer.close());
  afterAll(() => mockServer.listen({ onUnhandledRequest: "error" }));
  const servers: Server[] = [];
  afterEach(async () => {
    await Promise.all(
      servers.splice(0).map((s) => new Promise((done) => s.close(done))),
    );
  });

  async function receiver(
    answer: (headers: IncomingHttpHeaders) => {
      status: number;
      location?: string;
    },
  ): Promise<{ port: number; seen: IncomingHttpHeaders[] }> {
    const seen: IncomingHttpHeaders[] = [];
    const server = createServer((req, res) => {
      seen.push(req.headers);
      req.resume();
      const { status, location } = answer(req.headers);
      res.writeHead(status, location ? { Location: location } : {});
      res.end("{}");
    });
    servers.push(server);
    await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
    return { port: (server.address() as AddressInfo).port, seen };
  }

  it("connects to the checked address while naming the host", async () => {
    const { port, seen } = await receiver(() => ({ status: 200 }));
    const p = policy({ "hooks.lab.test": ["127.0.0.1"] }, ["127.0.0.1"]);
    const answer = await postChecked(
      `http://hooks.lab.test:${port}/in`,
      "{}",
      {},
      p,
    );
    expect(answer.status).toBe(200);
    expect(seen[0]?.host).toBe(`hooks.lab.test:${port}`);
  });

  it("does not follow a redirect (to the metadata service, say)", async () => {
    const { port, seen } = await receiver(() => ({
      status: 302,
      location: "http://169.254.169.254/latest/meta-data/",
    }));
    const p = policy({}, ["127.0.0.1"]);
    const sent = postChecked(`http://127.0.0.1:${port}/in`, "{}", {}, p);
    await expect(sent).rejects.toThrow(/redirect/);
    await expect(sent).rejects.toMatchObject({ retryable: false });
    expect(seen).toHaveLength(1);
  });

  it("never connects to a refused destination, and calls a 5xx retryable", async () => {
    const { port, seen } = await receiver(() => ({ status: 503 }));
    const refused = postChecked(
      `http://127.0.0.1:${port}/in`,
      "{}",
      {},
      policy(),
    );
    await expect(refused).rejects.toBeInstanceOf(DeliveryFailed);
    await expect(refused).rejects.toMatchObject({ retryable: false });
    expect(seen).toHaveLength(0);
    const down = postChecked(
      `http://127.0.0.1:${port}/in`,
      "{}",
      {},
      policy({}, ["127.0.0.1"]),
    );
    await expect(down).rejects.toMatchObject({ retryable: true });
  });
});
