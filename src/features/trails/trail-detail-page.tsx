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
  const { name = "" } = useParams();
  const { region } = useRegion();
  useDocumentTitle(name, "Trails", region);
  const trails = useQuery(trailsQueryOptions(region));
  const trail = trails.data?.find((t) => t.name === name);
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
            state: { notice: `Trail ${target.name} deleted.` },
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
        <Link to={back}>← All trails in {region}</Link>
      </p>
      <h1 id="trail-title">
        Trail <SafeText value={name} />
      </h1>
      {deleteError !== undefined && (
        <ActionError
          error={deleteError}
          title="The trail was not deleted"
          onDismiss={() => setDeleteError(undefined)}
        />
      )}
      {trails.isPending ? (
        <LoadingState title="Loading the trail…" />
      ) : remove.isPending || remove.isSuccess ? (
        <LoadingState title="Deleting the trail…" />
      ) : trails.isError ? (
        <ErrorPanel
          error={trails.error}
          title="The trail could not be loaded"
          onRetry={() => void trails.refetch()}
        />
      ) : !trail ? (
        <EmptyState title={`No trail named ${name} in ${region}`}>
          <p>
            It may have been deleted, or it belongs to another region.{" "}
            <Link to={back}>See the trails of {region}</Link>.
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
              (t) => t.name !== trail.name && t.status === "Enable",
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
  const shadow = isShadowTrail(trail, region);
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
        <TrailStatusBadge status={trail.status} /> Records{" "}
        {EVENT_RW_TEXT[trail.eventRW].toLowerCase()} in{" "}
        {coversAllRegions(trail) ? "all regions" : regionsCoveredText(trail)}.{" "}
        <Link to={eventsHref}>See the events this trail records</Link>
      </p>
      {shadow ? (
        <p className="read-only-notice" role="note">
          This is a shadow copy of an all-region trail whose home is{" "}
          {trail.homeRegion}.{" "}
          <Link
            to={`/trails/${encodeURIComponent(trail.name)}?region=${encodeURIComponent(trail.homeRegion)}`}
          >
            Manage it in {trail.homeRegion}
          </Link>
          .
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
  return (
    <section className="card" aria-labelledby="trail-config-title">
      <h2 id="trail-config-title">Configuration</h2>
      <dl className="facts">
        <dt>ARN</dt>
        <dd className="arn">
          <code>
            <SafeText value={trail.arn || "—"} />
          </code>{" "}
          {trail.arn && <CopyButton value={trail.arn} label="Copy trail ARN" />}
        </dd>
        <dt>Home region</dt>
        <dd>{trail.homeRegion}</dd>
        <dt>Regions recorded</dt>
        <dd>{regionsCoveredText(trail)}</dd>
        <dt>Events recorded</dt>
        <dd>{EVENT_RW_TEXT[trail.eventRW]}</dd>
        <dt>Organization trail</dt>
        <dd>
          {trail.isOrganizationTrail
            ? `Yes${trail.organizationId ? ` (${trail.organizationId})` : ""}`
            : "No"}
        </dd>
        <dt>Created</dt>
        <dd>
          <TrailTime value={trail.createTime} withZone />
        </dd>
        <dt>Updated</dt>
        <dd>
          <TrailTime value={trail.updateTime} withZone />
        </dd>
      </dl>
    </section>
  );
}

function TrailDestinations({ trail }: { trail: Trail }) {
  const none =
    !trail.ossBucketName && !trail.slsProjectArn && !trail.maxComputeProjectArn;
  return (
    <section className="card" aria-labelledby="trail-dest-title">
      <h2 id="trail-dest-title">Where its events land</h2>
      {none && <p>This trail has no destination configured.</p>}
      <dl className="facts">
        {trail.ossBucketName && (
          <>
            <dt>OSS bucket</dt>
            <dd>
              <SafeText value={trail.ossBucketName} />
              {trail.ossBucketLocation && ` (${trail.ossBucketLocation})`}
            </dd>
            <dt>Key prefix</dt>
            <dd>
              {trail.ossKeyPrefix ? (
                <code>
                  <SafeText value={trail.ossKeyPrefix} />
                </code>
              ) : (
                "None"
              )}
            </dd>
            <dt>Delivered files</dt>
            <dd>
              <code className="path-pattern">
                <SafeText value={ossPathPattern(trail)} />
              </code>{" "}
              <CopyButton
                value={ossPathPattern(trail)}
                label="Copy OSS path pattern"
              />
            </dd>
            <dt>OSS write role</dt>
            <dd>
              {trail.ossWriteRoleArn ? (
                <code>
                  <SafeText value={trail.ossWriteRoleArn} />
                </code>
              ) : (
                "Default"
              )}
            </dd>
          </>
        )}
        {trail.slsProjectArn && (
          <>
            <dt>Log Service project</dt>
            <dd>
              <code>
                <SafeText value={trail.slsProjectArn} />
              </code>
            </dd>
            <dt>Logstore</dt>
            <dd>
              <code>{logstoreName(trail.name)}</code>
            </dd>
            <dt>Log Service write role</dt>
            <dd>
              {trail.slsWriteRoleArn ? (
                <code>
                  <SafeText value={trail.slsWriteRoleArn} />
                </code>
              ) : (
                "Default"
              )}
            </dd>
          </>
        )}
        {trail.maxComputeProjectArn && (
          <>
            <dt>MaxCompute project</dt>
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
