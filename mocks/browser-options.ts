/**
 * The URL parameters that shape Trailscope's simulated account in the
 * browser (for demos and end-to-end tests): `mock-scale`, `mock-latency`,
 * `faults`, `identity`, `dataset`, `mock-fail-regions`.
 */
import {
  NO_FAULTS,
  type DemoIdentity,
  type FaultSettings,
} from "@/lib/demo-controls";

export interface MockUrlOptions {
  scale: number | undefined;
  latency: [number, number] | undefined;
  faults: FaultSettings | undefined;
  identity: DemoIdentity | undefined;
  dataset: string | undefined;
  /** Regions whose every call fails with 503 ServiceUnavailable (`mock-fail-regions=eu-west-1,us-east-1`). */
  failRegions: string[] | undefined;
}

const rate = (text: string | undefined): number => {
  const n = Number(text);
  return Number.isFinite(n) ? Math.min(1, Math.max(0, n)) : 0;
};

/** `throttle:0.3,error:0.1,slow:0.2@2000` → fault settings. */
export function parseFaults(text: string): FaultSettings {
  const faults: FaultSettings = { ...NO_FAULTS };
  for (const part of text.split(",")) {
    const [name, value = ""] = part.split(":").map((s) => s.trim());
    if (name === "throttle") faults.throttleRate = rate(value);
    else if (name === "error") faults.errorRate = rate(value);
    else if (name === "slow") {
      const [share, ms] = value.split("@");
      faults.slowRate = rate(share);
      const delay = Number(ms);
      faults.slowMs =
        Number.isFinite(delay) && delay > 0 ? Math.min(delay, 120_000) : 2000;
    }
  }
  return faults;
}

export function parseMockUrl(search: string): MockUrlOptions {
  const q = new URLSearchParams(search);
  const scaleText = q.get("mock-scale");
  const scaleNumber = scaleText === null ? NaN : Number(scaleText);
  const latencyMatch = /^(\d+)-(\d+)$/.exec(q.get("mock-latency") ?? "");
  const identity = q.get("identity");
  const dataset = q.get("dataset");
  const failRegions = (q.get("mock-fail-regions") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter((s) => /^[a-z]{2}-[a-z0-9-]+$/.test(s));
  return {
    scale:
      Number.isFinite(scaleNumber) && scaleNumber > 0
        ? Math.min(scaleNumber, 20)
        : undefined,
    latency: latencyMatch
      ? sortPair(Number(latencyMatch[1]), Number(latencyMatch[2]))
      : undefined,
    faults: q.has("faults") ? parseFaults(q.get("faults") ?? "") : undefined,
    identity:
      identity === "auditor" || identity === "admin" ? identity : undefined,
    dataset: dataset || undefined,
    failRegions: failRegions.length ? failRegions : undefined,
  };
}

const sortPair = (a: number, b: number): [number, number] =>
  a <= b ? [a, b] : [b, a];
