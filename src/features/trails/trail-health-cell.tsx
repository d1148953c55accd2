import { useLingui } from "@lingui/react/macro";
import { useQuery } from "@tanstack/react-query";
import type { Trail } from "@/api/schemas/trail";
import { useFormat } from "@/components/i18n/use-format";
import { trailHealth, type HealthLevel } from "@/lib/trail-health";
import { trailStatusQueryOptions } from "./queries";

const BADGE: Record<HealthLevel, string> = {
  healthy: "ok",
  starting: "",
  stopped: "danger",
  failing: "danger",
  late: "warn",
  "no-destination": "warn",
};

/** The trail's delivery health at a glance (GetTrailStatus, asked in its home region). */
export function TrailHealthCell({ trail }: { trail: Trail }) {
  const { t } = useLingui();
  const { relative } = useFormat();
  const region = trail.homeRegion || trail.region;
  const status = useQuery(
    trailStatusQueryOptions(region, trail.name, trail.isOrganizationTrail),
  );
  if (status.isPending) return <span className="muted">…</span>;
  if (status.isError)
    return <span className="badge warn">{t`Status unavailable`}</span>;
  // Judged at the moment the status was read.
  const now = status.dataUpdatedAt;
  const health = trailHealth(status.data, now);
  const code = health.code ?? "";
  const label: Record<HealthLevel, string> = {
    healthy: t`Delivering`,
    starting: t`Waiting for the first delivery`,
    stopped: t`Not logging`,
    failing: t`Delivery failing: ${code}`,
    late: t`No delivery for a while`,
    "no-destination": t`No destination`,
  };
  const last =
    health.lastDelivery === undefined
      ? undefined
      : relative(health.lastDelivery, now);
  return (
    <span className="trail-health">
      <span className={`badge ${BADGE[health.level]}`} title={health.detail}>
        {label[health.level]}
      </span>
      {last !== undefined && (
        <span className="muted"> {t`delivered ${last}`}</span>
      )}
    </span>
  );
}
