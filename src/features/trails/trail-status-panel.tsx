import { t } from "@lingui/core/macro";
import { useLingui } from "@lingui/react";
import { useQuery } from "@tanstack/react-query";
import type { Trail } from "@/api/schemas/trail";
import { ErrorPanel } from "@/components/ui/error-panel";
import { SafeText } from "@/components/ui/safe-text";
import { LoadingState } from "@/components/ui/states";
import { trailStatusQueryOptions } from "./queries";
import { TrailTime } from "./trail-bits";

const availability = (value: boolean | undefined) =>
  value === undefined
    ? t`Not configured`
    : value
      ? t`Available`
      : t`Unavailable`;

function DeliveryError({ value }: { value: string }) {
  if (!value) return <>{t`None`}</>;
  return (
    <span className="delivery-error">
      <SafeText value={value} maxLength={500} />
    </span>
  );
}

/** GetTrailStatus: is it logging, when did it last deliver to OSS and Log Service, and did that fail. */
export function TrailStatusPanel({ trail }: { trail: Trail }) {
  const { i18n } = useLingui();
  // Re-render with the language (availability and DeliveryError use the global t).
  void i18n.locale;
  const region = trail.homeRegion || trail.region;
  const status = useQuery(
    trailStatusQueryOptions(region, trail.name, trail.isOrganizationTrail),
  );
  return (
    <section className="card trail-status" aria-labelledby="trail-status-title">
      <div className="section-header">
        <h2 id="trail-status-title">{t`Logging and delivery`}</h2>
        <button
          type="button"
          onClick={() => void status.refetch()}
          disabled={status.isFetching}
        >
          {status.isFetching ? t`Refreshing…` : t`Refresh`}
        </button>
      </div>
      {status.isPending ? (
        <LoadingState title={t`Loading the trail's status…`} />
      ) : status.isError ? (
        <ErrorPanel
          compact
          error={status.error}
          title={t`The trail's status could not be loaded`}
          onRetry={() => void status.refetch()}
        />
      ) : (
        <dl className="facts">
          <dt>{t`Logging`}</dt>
          <dd>
            <span
              className={`badge ${status.data.isLogging ? "ok" : "danger"}`}
            >
              {status.data.isLogging ? t`On` : t`Off`}
            </span>
          </dd>
          <dt>{t`Started logging`}</dt>
          <dd>
            <TrailTime value={status.data.startLoggingTime} withZone />
          </dd>
          <dt>{t`Stopped logging`}</dt>
          <dd>
            <TrailTime value={status.data.stopLoggingTime} withZone />
          </dd>
          {trail.ossBucketName && (
            <>
              <dt>{t`Latest delivery to OSS`}</dt>
              <dd>
                <TrailTime value={status.data.latestDeliveryTime} withZone />
                {!status.data.latestDeliveryTime && status.data.isLogging && (
                  <span className="hint">
                    {" "}
                    {t`(none yet: ActionTrail writes a file about every 5 minutes while there is activity)`}
                  </span>
                )}
              </dd>
              <dt>{t`Latest OSS delivery error`}</dt>
              <dd>
                <DeliveryError value={status.data.latestDeliveryError} />
              </dd>
              <dt>{t`OSS bucket`}</dt>
              <dd>{availability(status.data.ossBucketAvailable)}</dd>
            </>
          )}
          {trail.slsProjectArn && (
            <>
              <dt>{t`Latest delivery to Log Service`}</dt>
              <dd>
                <TrailTime
                  value={status.data.latestDeliveryLogServiceTime}
                  withZone
                />
              </dd>
              <dt>{t`Latest Log Service delivery error`}</dt>
              <dd>
                <DeliveryError
                  value={status.data.latestDeliveryLogServiceError}
                />
              </dd>
              <dt>{t`Logstore`}</dt>
              <dd>{availability(status.data.slsLogStoreAvailable)}</dd>
            </>
          )}
        </dl>
      )}
    </section>
  );
}
