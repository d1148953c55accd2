import type { MessageDescriptor } from "@lingui/core";
import { msg } from "@lingui/core/macro";
import { z } from "zod";

export const IDENTITY_KINDS = ["user", "role", "accessKey", "ip"] as const;
export type IdentityKind = (typeof IDENTITY_KINDS)[number];

/** What an identity is, as a title ("User"); translate at render: t(KIND_LABEL[kind]). */
export const KIND_LABEL: Record<IdentityKind, MessageDescriptor> = {
  user: msg`User`,
  role: msg`Role`,
  accessKey: msg`AccessKey`,
  ip: msg`Source IP`,
};

/** The same inside a sentence ("this user"). */
export const KIND_NOUN: Record<IdentityKind, MessageDescriptor> = {
  user: msg`user`,
  role: msg`role`,
  accessKey: msg`AccessKey`,
  ip: msg`source IP`,
};

export const INVESTIGATE_RANGES = ["24h", "7d", "30d"] as const;
export type InvestigateRange = (typeof INVESTIGATE_RANGES)[number];
export const RANGE_LABEL: Record<InvestigateRange, MessageDescriptor> = {
  "24h": msg`last 24 hours`,
  "7d": msg`last 7 days`,
  "30d": msg`last 30 days`,
};
export const RANGE_MS: Record<InvestigateRange, number> = {
  "24h": 86_400_000,
  "7d": 7 * 86_400_000,
  // One LookupEvents query spans at most 30 days: keep a minute inside.
  "30d": 30 * 86_400_000 - 60_000,
};

const value = z.string().trim().min(1).max(512);

export const identitySearchSchema = z.object({
  kind: z.enum(IDENTITY_KINDS),
  value,
  range: z.enum(INVESTIGATE_RANGES).catch("7d"),
});
export type IdentitySearch = z.output<typeof identitySearchSchema>;

export const resourceSearchSchema = z.object({
  name: value,
  range: z.enum(INVESTIGATE_RANGES).catch("30d"),
});
export type ResourceSearch = z.output<typeof resourceSearchSchema>;

export function parseIdentitySearch(
  params: URLSearchParams,
): IdentitySearch | undefined {
  const r = identitySearchSchema.safeParse({
    kind: params.get("kind") ?? undefined,
    value: params.get("value") ?? undefined,
    range: params.get("range") ?? undefined,
  });
  return r.success ? r.data : undefined;
}

export function parseResourceSearch(
  params: URLSearchParams,
): ResourceSearch | undefined {
  const r = resourceSearchSchema.safeParse({
    name: params.get("name") ?? undefined,
    range: params.get("range") ?? undefined,
  });
  return r.success ? r.data : undefined;
}

export const identityHref = (s: {
  kind: IdentityKind;
  value: string;
  range?: InvestigateRange;
}) => {
  const p = new URLSearchParams({ kind: s.kind, value: s.value });
  if (s.range && s.range !== "7d") p.set("range", s.range);
  return `/investigate/identity?${p.toString()}`;
};

export const resourceHref = (s: { name: string; range?: InvestigateRange }) => {
  const p = new URLSearchParams({ name: s.name });
  if (s.range && s.range !== "30d") p.set("range", s.range);
  return `/investigate/resource?${p.toString()}`;
};

/** What a typed value most likely is: an AccessKey, an IP, a resource ID, a role session or a user. */
export function guessTarget(
  text: string,
): { to: "identity"; kind: IdentityKind } | { to: "resource" } {
  const v = text.trim();
  if (/^(LTAI|STS\.)[A-Za-z0-9.]+$/.test(v))
    return { to: "identity", kind: "accessKey" };
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(v) || /^[0-9a-f:]+:[0-9a-f:]*$/i.test(v))
    return { to: "identity", kind: "ip" };
  if (
    /^(i|rm|sg|vpc|vsw|eip|lb|d|s|m|pc|c|asg|key|cr|r)-[a-z0-9]{6,}$/i.test(
      v,
    ) ||
    v.startsWith("acs:")
  )
    return { to: "resource" };
  if (v.includes(":")) return { to: "identity", kind: "role" };
  return { to: "identity", kind: "user" };
}

/**
 * Every plausible reading of a typed value, the likeliest first. A name such
 * as "prod-web-01" may be a RAM user or a resource (an instance name), so it
 * has two readings and the user chooses.
 */
export function guessTargets(
  text: string,
): ({ to: "identity"; kind: IdentityKind } | { to: "resource" })[] {
  const v = text.trim();
  const first = guessTarget(v);
  if (
    first.to === "identity" &&
    first.kind === "user" &&
    /^[a-z0-9]+(-[a-z0-9]+)+$/i.test(v)
  )
    return [{ to: "resource" }, first];
  return [first];
}
