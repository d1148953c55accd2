import type { MessageDescriptor } from "@lingui/core";
import { msg } from "@lingui/core/macro";
import { Trans, useLingui } from "@lingui/react/macro";
import { useLocation } from "react-router";
import { SafeText } from "@/components/ui/safe-text";
import type { Reading } from "./detect-target";
import { identityHref, resourceHref } from "./filters";

/** What a resource of an ActionTrail type is called in a sentence; other types are shown as the service names them. */
const RESOURCE_NOUN: Record<string, MessageDescriptor> = {
  "ACS::ECS::Instance": msg`instance`,
  "ACS::ECS::SecurityGroup": msg`security group`,
  "ACS::ECS::Disk": msg`disk`,
  "ACS::ECS::Snapshot": msg`snapshot`,
  "ACS::ECS::Image": msg`image`,
  "ACS::OSS::Bucket": msg`bucket`,
  "ACS::RDS::DBInstance": msg`database instance`,
  "ACS::SLB::LoadBalancer": msg`load balancer`,
  "ACS::VPC::VPC": msg`VPC`,
  "ACS::KMS::Key": msg`KMS key`,
  "ACS::ActionTrail::Trail": msg`trail`,
  "ACS::RAM::User": msg`RAM user`,
  "ACS::RAM::Role": msg`RAM role`,
};

/** Where a reading is investigated. */
export const readingHref = (r: Reading): string =>
  r.to === "resource"
    ? resourceHref({ name: r.id })
    : identityHref({ kind: r.kind, value: r.value });

/** "instance prod-web-01 (i-…)", "user li.wei": a reading, unambiguous. */
export function ReadingLabel({ reading }: { reading: Reading }) {
  const { t } = useLingui();
  if (reading.to === "identity") {
    const value = <SafeText value={reading.value} maxLength={80} />;
    switch (reading.kind) {
      case "user":
        return <Trans>user {value}</Trans>;
      case "role":
        return <Trans>role {value}</Trans>;
      case "accessKey":
        return <Trans>AccessKey {value}</Trans>;
      case "ip":
        return <Trans>source IP {value}</Trans>;
    }
  }
  const known = RESOURCE_NOUN[reading.type];
  const noun = known ? t(known) : reading.type || t`resource`;
  const id = <SafeText value={reading.id} maxLength={80} />;
  if (reading.name === undefined)
    return (
      <Trans>
        {noun} {id}
      </Trans>
    );
  const name = <SafeText value={reading.name} maxLength={80} />;
  return (
    <Trans>
      {noun} {name} ({id})
    </Trans>
  );
}

/** "Found as a resource: instance prod-web-01 (i-…)". */
export function FoundSentence({ reading }: { reading: Reading }) {
  const label = <ReadingLabel reading={reading} />;
  if (reading.to === "resource")
    return <Trans>Found as a resource: {label}</Trans>;
  return <Trans>Found as an identity: {label}</Trans>;
}

const isReading = (value: unknown): value is Reading => {
  if (value === null || typeof value !== "object") return false;
  const r = value as Record<string, unknown>;
  if (r.to === "resource")
    return (
      typeof r.id === "string" &&
      typeof r.type === "string" &&
      (r.name === undefined || typeof r.name === "string")
    );
  return (
    r.to === "identity" &&
    typeof r.value === "string" &&
    ["user", "role", "accessKey", "ip"].includes(String(r.kind))
  );
};

/** What "Detect automatically" chose, carried in the history entry it opened (gone on a reload or a new search). */
export function FoundNote() {
  const state: unknown = useLocation().state;
  const found =
    state !== null && typeof state === "object"
      ? (state as { found?: unknown }).found
      : undefined;
  if (!isReading(found)) return null;
  return (
    <p role="status" className="notice">
      <FoundSentence reading={found} />
    </p>
  );
}
