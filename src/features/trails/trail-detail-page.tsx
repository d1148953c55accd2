import { useFormat } from "@/components/i18n/use-format";
import { Trans, useLingui } from "@lingui/react/macro";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useLocation, useNavigate, useParams } from "react-router";
import type { Trail } from "@/api/schemas/trail";
import { CopyButton } from "@/components/ui/copy-button";
import { ErrorPanel } from "@/components/ui/error-panel";
import { SafeText } from "@/components/ui/safe-text";
import { EmptyState, LoadingState } from "@/components/ui/states";
import { useDocumentTitle } from "@/components/ui/use-document-title";
import { useRegion } from "@/features/regions/use-region";
import { eventSearchHref } from "@/lib/event-search-url";
import { ActionError } from "./action-error";
import { useDeleteTrail } from "./mutations";
import { trailsQueryOptions } from "./queries";
import { TrailActions } from "./trail-actions";
import { TrailStatusBadge, TrailTime } from "./trail-bits";
import {
  coversAllRegions,
  EVENT_RW_TEXT,
  isShadowTrail,
  logstoreName,
  ossPathPattern,
  regionsCoveredText,
} from "./trail-format";
import { TrailStatusPanel } from "./trail-status-panel";
import "./trails.css";

/** One trail: what it records, where it delivers, whether it is logging, and how to manage it. */
export function TrailDetailPage() {
  const { t } = useLingui();
  const { gap } = useFormat();
  const { name = "" } = useParams();
  const { region } = useRegion();
  useDocumentTitle(name, t`Trails`, region);
  const trails = useQuery(trailsQueryOptions(region));
  const trail = trails.data?.find((found) => found.name === name);
  const back = `/trails?region=${encodeURIComponent(region)}`;
  const notice = (useLocation().state as { notice?: unknown } | null)?.notice;
  const navigate = useNavigate();
  const remove = useDeleteTrail();
  const [deleteError, setDeleteError] = useState<unknown>();
  const handleDelete = (target: Trail) => {
    setDeleteError(undefined);
    remove.mutate(
      { region: target.homeRegion || region, name: target.name },
      {
        onSuccess: () =>
          void navigate(back, {
            state: { notice: t`Trail ${target.name} deleted.` },
          }),
        onError: (error) => setDeleteError(error),
      },
    );
  };
  return (
    <section className="page trail-detail" aria-labelledby="trail-title">
      {typeof notice === "string" && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      <p>
        <Link to={back}>{t`← All trails in ${region}`}</Link>
      </p>
      <h1 id="trail-title">
        <Trans>
          Trail <SafeText value={name} />
        </Trans>
      </h1>
      {deleteError !== undefined && (
        <ActionError
          error={deleteError}
          title={t`The trail was not deleted`}
          onDismiss={() => setDeleteError(undefined)}
        />
      )}
      {trails.isPending ? (
        <LoadingState title={t`Loading the trail…`} />
      ) : remove.isPending || remove.isSuccess ? (
        <LoadingState title={t`Deleting the trail…`} />
      ) : trails.isError ? (
        <ErrorPanel
          error={trails.error}
          title={t`The trail could not be loaded`}
          onRetry={() => void trails.refetch()}
        />
      ) : !trail ? (
        <EmptyState title={t`No trail named ${name} in ${region}`}>
          <p>
            {t`It may have been deleted, or it belongs to another region.`}
            {gap}
            <Link to={back}>{t`See the trails of ${region}`}</Link>
          </p>
        </EmptyState>
      ) : (
        <TrailDetail
          trail={trail}
          region={region}
          onDelete={() => handleDelete(trail)}
          deleting={remove.isPending}
          onlyLoggingTrail={
            trail.status === "Enable" &&
            !trails.data.some(
              (other) => other.name !== trail.name && other.status === "Enable",
            )
          }
        />
      )}
    </section>
  );
}

interface TrailDetailProps {
  trail: Trail;
  region: string;
  onlyLoggingTrail: boolean;
  onDelete: () => void;
  deleting: boolean;
}

function TrailDetail({
  trail,
  region,
  onlyLoggingTrail,
  onDelete,
  deleting,
}: TrailDetailProps) {
  const { t } = useLingui();
  const { gap } = useFormat();
  const shadow = isShadowTrail(trail, region);
  const eventsText = EVENT_RW_TEXT[trail.eventRW];
  const where = coversAllRegions(trail)
    ? t`all regions`
    : regionsCoveredText(trail);
  const eventsHref = eventSearchHref({
    region: coversAllRegions(trail)
      ? "all"
      : trail.trailRegion || trail.homeRegion,
    range: "24h",
    rw: trail.eventRW === "All" ? undefined : trail.eventRW,
  });
  return (
    <>
      <p className="trail-summary">
        <TrailStatusBadge status={trail.status} />{" "}
        {t`Records ${eventsText} in ${where}.`}
        {gap}
        <Link to={eventsHref}>{t`See the events this trail records`}</Link>
      </p>
      {shadow ? (
        <p className="read-only-notice" role="note">
          {t`This is a shadow copy of an all-region trail whose home is ${trail.homeRegion}.`}
          {gap}
          <Link
            to={`/trails/${encodeURIComponent(trail.name)}?region=${encodeURIComponent(trail.homeRegion)}`}
          >
            {t`Manage it in ${trail.homeRegion}`}
          </Link>
        </p>
      ) : (
        <TrailActions
          trail={trail}
          onlyLoggingTrail={onlyLoggingTrail}
          onDelete={onDelete}
          deleting={deleting}
        />
      )}
      <div className="detail-grid">
        <TrailConfiguration trail={trail} />
        <TrailStatusPanel trail={trail} />
        <TrailDestinations trail={trail} />
      </div>
    </>
  );
}

function TrailConfiguration({ trail }: { trail: Trail }) {
  const { t } = useLingui();
  const organizationId = trail.organizationId;
  return (
    <section className="card" aria-labelledby="trail-config-title">
      <h2 id="trail-config-title">{t`Configuration`}</h2>
      <dl className="facts">
        <dt>{t`ARN`}</dt>
        <dd className="arn">
          <code>
            <SafeText value={trail.arn || "—"} />
          </code>{" "}
          {trail.arn && (
            <CopyButton value={trail.arn} label={t`Copy trail ARN`} />
          )}
        </dd>
        <dt>{t`Home region`}</dt>
        <dd>{trail.homeRegion}</dd>
        <dt>{t`Regions recorded`}</dt>
        <dd>{regionsCoveredText(trail)}</dd>
        <dt>{t`Events recorded`}</dt>
        <dd>{EVENT_RW_TEXT[trail.eventRW]}</dd>
        <dt>{t`Organization trail`}</dt>
        <dd>
          {trail.isOrganizationTrail
            ? organizationId
              ? t`Yes (${organizationId})`
              : t`Yes`
            : t`No`}
        </dd>
        <dt>{t`Created`}</dt>
        <dd>
          <TrailTime value={trail.createTime} withZone />
        </dd>
        <dt>{t`Updated`}</dt>
        <dd>
          <TrailTime value={trail.updateTime} withZone />
        </dd>
      </dl>
    </section>
  );
}

function TrailDestinations({ trail }: { trail: Trail }) {
  const { t } = useLingui();
  const none =
    !trail.ossBucketName && !trail.slsProjectArn && !trail.maxComputeProjectArn;
  return (
    <section className="card" aria-labelledby="trail-dest-title">
      <h2 id="trail-dest-title">{t`Where its events land`}</h2>
      {none && <p>{t`This trail has no destination configured.`}</p>}
      <dl className="facts">
        {trail.ossBucketName && (
          <>
            <dt>{t`OSS bucket`}</dt>
            <dd>
              <SafeText value={trail.ossBucketName} />
              {trail.ossBucketLocation && ` (${trail.ossBucketLocation})`}
            </dd>
            <dt>{t`Key prefix`}</dt>
            <dd>
              {trail.ossKeyPrefix ? (
                <code>
                  <SafeText value={trail.ossKeyPrefix} />
                </code>
              ) : (
                t`None`
              )}
            </dd>
            <dt>{t`Delivered files`}</dt>
            <dd>
              <code className="path-pattern">
                <SafeText value={ossPathPattern(trail)} />
              </code>{" "}
              <CopyButton
                value={ossPathPattern(trail)}
                label={t`Copy OSS path pattern`}
              />
            </dd>
            <dt>{t`OSS write role`}</dt>
            <dd>
              {trail.ossWriteRoleArn ? (
                <code>
                  <SafeText value={trail.ossWriteRoleArn} />
                </code>
              ) : (
                t`Default`
              )}
            </dd>
          </>
        )}
        {trail.slsProjectArn && (
          <>
            <dt>{t`Log Service project`}</dt>
            <dd>
              <code>
                <SafeText value={trail.slsProjectArn} />
              </code>
            </dd>
            <dt>{t`Logstore`}</dt>
            <dd>
              <code>{logstoreName(trail.name)}</code>
            </dd>
            <dt>{t`Log Service write role`}</dt>
            <dd>
              {trail.slsWriteRoleArn ? (
                <code>
                  <SafeText value={trail.slsWriteRoleArn} />
                </code>
              ) : (
                t`Default`
              )}
            </dd>
          </>
        )}
        {trail.maxComputeProjectArn && (
          <>
            <dt>{t`MaxCompute project`}</dt>
            <dd>
              <code>
                <SafeText value={trail.maxComputeProjectArn} />
              </code>
            </dd>
          </>
        )}
      </dl>
    </section>
  );
}
