import { describe, expect, it } from "vitest";
import { inCidr, parseAddress, parseCidr } from "./cidr";

const contains = (cidr: string, ip: string) => {
  const c = parseCidr(cidr);
  const a = parseAddress(ip);
  if (!c || !a) throw new Error(`bad input ${cidr} ${ip}`);
  return inCidr(c, a);
};

describe("CIDR matching", () => {
  it("matches IPv4 addresses inside a prefix and not outside", () => {
    expect(contains("10.0.0.0/8", "10.200.3.4")).toBe(true);
    expect(contains("10.0.0.0/8", "11.0.0.1")).toBe(false);
    expect(contains("203.0.113.0/25", "203.0.113.127")).toBe(true);
    expect(contains("203.0.113.0/25", "203.0.113.128")).toBe(false);
    expect(contains("0.0.0.0/0", "198.51.100.9")).toBe(true);
    expect(contains("198.51.100.9", "198.51.100.9")).toBe(true);
    expect(contains("198.51.100.9/32", "198.51.100.10")).toBe(false);
  });

  it("matches IPv6, compressed forms and embedded IPv4 included", () => {
    expect(contains("2001:db8::/32", "2001:db8:ffff::1")).toBe(true);
    expect(contains("2001:db8::/32", "2001:db9::1")).toBe(false);
    expect(contains("::/0", "fe80::1%eth0")).toBe(true);
    expect(contains("::ffff:0:0/96", "::ffff:192.0.2.1")).toBe(true);
    expect(contains("2001:db8:0:0:0:0:0:1/128", "2001:db8::1")).toBe(true);
    expect(contains("2001:db8::/33", "2001:db8:8000::1")).toBe(false);
  });

  it("never mixes families", () => {
    expect(contains("0.0.0.0/0", "::1")).toBe(false);
    expect(contains("::/0", "10.0.0.1")).toBe(false);
  });

  it("refuses what is not an address or a prefix, masked ActionTrail addresses included", () => {
    for (const bad of [
      "192.168.XX.XX",
      "10.10.**.**",
      "256.1.1.1",
      "1.2.3",
      "Internal",
      "1::2::3",
      "1:2:3:4:5:6:7:8:9",
      "",
    ])
      expect(parseAddress(bad)).toBeUndefined();
    for (const bad of ["10.0.0.0/33", "::/129", "10.0.0.0/x", "nope/8"])
      expect(parseCidr(bad)).toBeUndefined();
  });
});
