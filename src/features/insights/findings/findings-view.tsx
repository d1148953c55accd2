import { Trans, useLingui } from "@lingui/react/macro";
import { useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { useSearchParams } from "react-router";
import { useFormat } from "@/components/i18n/use-format";
import { toApiTime } from "@/lib/time";
import { ErrorPanel } from "@/components/ui/error-panel";
import { EmptyState, LoadingState } from "@/components/ui/states";
import { regionsQueryOptions } from "@/features/regions/queries";
import { useFindingsStore } from "@/stores/findings-store";
import { useRulesStore } from "@/stores/rules-store";
import { useSessionStore } from "@/stores/session-store";
import { archivedDaysQueryOptions } from "../queries";
import {
  archiveBefore,
  findingsRangeProblem,
  findingsWindow,
  parseFindingsRange,
  rangeParams,
} from "./findings-range";
import { FindingsRangePicker, type LoadedFile } from "./findings-range-picker";
import { FindingsScope } from "./findings-scope";
import { FindingCard } from "./finding-card";
import { applyTriage } from "./triage";
import { useFindings } from "./use-findings";

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

/** The loaded events file's span to the second, when the console reads one. */
function loadedFileOf(
  info:
    | { fileName: string; firstEventTime?: string; lastEventTime?: string }
    | undefined,
): LoadedFile | undefined {
  const first = Date.parse(info?.firstEventTime ?? "");
  const last = Date.parse(info?.lastEventTime ?? "");
  if (!info || !Number.isFinite(first) || !Number.isFinite(last))
    return undefined;
  return {
    fileName: info.fileName,
    from: toApiTime(Math.floor(first / 1000) * 1000),
    to: toApiTime(
      Math.max(
        Math.ceil(last / 1000) * 1000,
        Math.floor(first / 1000) * 1000 + 1000,
      ),
    ),
  };
}

/** Findings over every region and the chosen range, most severe and newest first. */
export function FindingsView() {
  const { t } = useLingui();
  const format = useFormat();
  const [params, setParams] = useSearchParams();
  const range = parseFindingsRange(params);
  const [now, setNow] = useState(() => viewEnd());
  const span = findingsWindow(range, now);
  const { startMs: from, endMs: to } = span;
  const ownData = useSessionStore((s) => s.demoState?.ownData);
  const archives = Boolean(useQuery(archivedDaysQueryOptions()).data);
  const rules = { ownData: Boolean(ownData), archives };
  const problem = findingsRangeProblem(span, now, rules);
  const loadedFile = loadedFileOf(ownData);
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
  const before = archiveBefore(span, now, rules);
  const { result, partial, shown } = useFindings(
    [regionIds, from, to, yaml, disabled, before],
    regionIds.length > 0 && !problem,
  );
  const eventsById = useMemo(
    () => new Map((shown?.events ?? []).map((e) => [e.id, e])),
    [shown],
  );
  const triaged = useMemo(
    () => applyTriage(shown?.findings ?? [], decisions, showDecided),
    [shown, decisions, showDecided],
  );
  const examinedSoFar = format.number(partial?.examined ?? 0);
  return (
    <section aria-labelledby="findings-title" className="page-section">
      <h2 id="findings-title">
        <Trans>Findings</Trans>
      </h2>
      <div className="page-tools">
        <FindingsRangePicker
          range={range}
          window={span}
          loadedFile={loadedFile}
          check={(w) => findingsRangeProblem(w, Date.now(), rules)}
          onChange={(next) => setParams((p) => rangeParams(p, next))}
        />
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
      {problem ? (
        <p role="alert" className="notice warn">
          {problem}
        </p>
      ) : regions.isError ? (
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
      ) : !shown ? (
        <LoadingState title={t`Reading events and running the rules…`} />
      ) : (
        <>
          {partial ? (
            <p role="status" className="notice">
              <Trans>
                Still reading: {examinedSoFar} events so far. Rule findings are
                shown as the read goes; behaviour detections (new addresses,
                bursts, dormant credentials) run when the read is complete.
              </Trans>
            </p>
          ) : (
            result.data && (
              <FindingsScope
                from={from}
                to={to}
                regions={regionIds.length}
                examined={result.data.examined}
                archiveEvents={result.data.archiveEvents}
                fileName={ownData?.fileName}
              />
            )
          )}
          {result.data && result.data.failedRegions.length > 0 && (
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
            partial ? null : (
              <EmptyState
                title={t`No findings in this range, ${format.number(shown.examined)} events examined.`}
              />
            )
          ) : (
            <div className="card-list">
              {triaged.visible.map(({ finding, triage }) => (
                <FindingCard
                  key={finding.key}
                  finding={finding}
                  triage={triage}
                  rules={shown.rules}
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
