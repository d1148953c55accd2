import { Trans, useLingui } from "@lingui/react/macro";
import { useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { useSearchParams } from "react-router";
import { useFormat } from "@/components/i18n/use-format";
import { ErrorPanel } from "@/components/ui/error-panel";
import { EmptyState, LoadingState } from "@/components/ui/states";
import { regionsQueryOptions } from "@/features/regions/queries";
import { useFindingsStore } from "@/stores/findings-store";
import { useRulesStore } from "@/stores/rules-store";
import { findingsQueryOptions } from "../queries";
import { FindingCard } from "./finding-card";
import { applyTriage } from "./triage";

const DAY = 86_400_000;
const RANGES = [1, 7, 30, 90] as const;
type RangeDays = (typeof RANGES)[number];

const parseRange = (value: string | null): RangeDays => {
  const n = Number(value);
  return (RANGES as readonly number[]).includes(n) ? (n as RangeDays) : 7;
};

const minuteNow = () => Math.floor(Date.now() / 60_000) * 60_000;

/**
 * The end of the range looked at. Coming back to the view (Back from an
 * event search) within a few minutes keeps the same end, so the findings
 * already computed are shown at once; Refresh moves it to now.
 */
let lastEnd: { at: number; end: number } | undefined;
const REUSE_MS = 5 * 60_000;
function viewEnd(fresh = false): number {
  const now = Date.now();
  if (!fresh && lastEnd && now - lastEnd.at < REUSE_MS) return lastEnd.end;
  lastEnd = { at: now, end: minuteNow() };
  return lastEnd.end;
}

/** Findings over every region and the chosen range, most severe and newest first. */
export function FindingsView() {
  const { t } = useLingui();
  const format = useFormat();
  const [params, setParams] = useSearchParams();
  const days = parseRange(params.get("days"));
  const [now, setNow] = useState(() => viewEnd());
  const from = now - days * DAY;
  const [showDecided, setShowDecided] = useState(false);
  const userRules = useRulesStore((s) => s.userRules);
  const disabled = useRulesStore((s) => s.disabled);
  const decisions = useFindingsStore((s) => s.decisions);
  const regions = useQuery(regionsQueryOptions());
  const regionIds = useMemo(
    () => (regions.data ?? []).map((r) => r.id),
    [regions.data],
  );
  const yaml = useMemo(() => userRules.map((r) => r.yaml), [userRules]);
  const result = useQuery(
    findingsQueryOptions(regionIds, from, now, yaml, disabled),
  );
  const eventsById = useMemo(
    () => new Map((result.data?.events ?? []).map((e) => [e.id, e])),
    [result.data],
  );
  const triaged = useMemo(
    () => applyTriage(result.data?.findings ?? [], decisions, showDecided),
    [result.data, decisions, showDecided],
  );
  const labels: Record<RangeDays, string> = {
    1: t`Last 24 hours`,
    7: t`Last 7 days`,
    30: t`Last 30 days`,
    90: t`Last 90 days`,
  };
  return (
    <section aria-labelledby="findings-title" className="page-section">
      <h2 id="findings-title">
        <Trans>Findings</Trans>
      </h2>
      <div className="page-tools">
        <label htmlFor="findings-range">
          <Trans>Range</Trans>
        </label>
        <select
          id="findings-range"
          value={days}
          onChange={(e) =>
            setParams((p) => {
              p.set("days", e.target.value);
              return p;
            })
          }
        >
          {RANGES.map((r) => (
            <option key={r} value={r}>
              {labels[r]}
            </option>
          ))}
        </select>
        <button type="button" onClick={() => setNow(viewEnd(true))}>
          <Trans>Refresh</Trans>
        </button>
        <label>
          <input
            type="checkbox"
            checked={showDecided}
            onChange={(e) => setShowDecided(e.target.checked)}
          />{" "}
          <Trans>Show acknowledged and dismissed</Trans>
        </label>
      </div>
      {regions.isError ? (
        <ErrorPanel
          error={regions.error}
          title={t`Regions could not be loaded`}
          onRetry={() => void regions.refetch()}
          compact
        />
      ) : result.isError ? (
        <ErrorPanel
          error={result.error}
          title={t`Findings could not be computed`}
          onRetry={() => void result.refetch()}
          compact
        />
      ) : !result.data ? (
        <LoadingState title={t`Reading events and running the rules…`} />
      ) : (
        <>
          <p className="muted">
            <Trans>
              {format.range(from, now)}, {regionIds.length} regions,{" "}
              {format.number(result.data.examined)} events examined.
            </Trans>
          </p>
          {result.data.failedRegions.length > 0 && (
            <p role="status" className="notice warn">
              <Trans>
                Missing parts: {result.data.failedRegions.join(", ")}.
              </Trans>{" "}
              <button type="button" onClick={() => void result.refetch()}>
                <Trans>Retry the missing parts</Trans>
              </button>
            </p>
          )}
          {triaged.hidden > 0 && (
            <p className="muted">
              <Trans>{triaged.hidden} acknowledged or dismissed hidden.</Trans>
            </p>
          )}
          {triaged.visible.length === 0 ? (
            <EmptyState
              title={t`No findings in this range, ${format.number(result.data.examined)} events examined.`}
            />
          ) : (
            <div className="card-list">
              {triaged.visible.map(({ finding, triage }) => (
                <FindingCard
                  key={finding.key}
                  finding={finding}
                  triage={triage}
                  rules={result.data.rules}
                  events={finding.eventIds.flatMap(
                    (id) => eventsById.get(id) ?? [],
                  )}
                  now={now}
                />
              ))}
            </div>
          )}
        </>
      )}
    </section>
  );
}
