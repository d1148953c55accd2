import { plural } from "@lingui/core/macro";
import { Trans, useLingui } from "@lingui/react/macro";
import { missingSpans } from "@/api/event-reader";
import { useFormat } from "@/components/i18n/use-format";
import { CopyButton } from "@/components/ui/copy-button";
import { SafeText } from "@/components/ui/safe-text";
import { conditionText } from "./conditions";
import type { EventResults } from "./use-event-results";

/**
 * The result's state in one line: how many events, and whether that is all
 * of the search ("all loaded" only when the reader's ledger is empty), more
 * is available, or parts failed.
 */
export function ResultsStatus({
  results,
  retrying,
}: {
  results: EventResults;
  retrying: string | undefined;
}) {
  const { t } = useLingui();
  const { number } = useFormat();
  const { result, loaded, shown, complete, failed } = results;
  const searching = results.read.isPending && !results.regionsQuery.isError;
  let text: string;
  if (searching) text = t`Searching…`;
  else if (!result) text = t`No result`;
  else {
    const loadedCount = number(loaded.length);
    const failedCount = failed.length;
    const state = complete
      ? t`${loadedCount} loaded, all loaded`
      : failedCount
        ? plural(failedCount, {
            one: `${loadedCount} loaded, incomplete: # part failed`,
            other: `${loadedCount} loaded, incomplete: # parts failed`,
          })
        : t`${loadedCount} loaded, more available`;
    const shownCount = number(shown.length);
    const requests = result.requests;
    text = state;
    if (shown.length !== loaded.length)
      text += ` · ${t`${shownCount} shown after browser filters`}`;
    text += ` · ${plural(requests, { one: "# request", other: "# requests" })}`;
  }
  const code = retrying ?? "";
  return (
    <p role="status" className="load-status">
      {text}
      {retrying && (
        <span className="retry-note">
          {" "}
          ·{" "}
          {retrying.startsWith("Throttling")
            ? t`throttled, retrying (${code})…`
            : t`failed, retrying (${code})…`}
        </span>
      )}
    </p>
  );
}

/** What was searched, the empty results included: an auditor can show it. */
export function SearchScope({ results }: { results: EventResults }) {
  const { t } = useLingui();
  const { number, time, zoneLabel } = useFormat();
  const { result, plan } = results;
  if (!result) return null;
  const { window, regions } = result.scope;
  const regionCount = regions.length;
  const from = `${time(window.startMs)} ${zoneLabel(window.startMs)}`;
  const to = `${time(window.endMs)} ${zoneLabel(window.endMs)}`;
  const and = t`and`;
  const pages = result.pages;
  const events = result.count;
  // Which source answered: the API's 90 days, or archives imported here.
  const fromArchives = number(result.archiveEvents);
  const fromApi = number(result.count - result.archiveEvents);
  const archiveFrom = `${time(result.scope.archiveBefore ?? 0)} ${zoneLabel(result.scope.archiveBefore ?? 0)}`;
  return (
    <p className="search-scope muted small">
      <Trans>Searched</Trans>{" "}
      {regions.length === 1 ? (
        <SafeText value={regions[0] ?? ""} />
      ) : (
        plural(regionCount, { one: "# region", other: "# regions" })
      )}
      , {from} – {to}
      {`; ${t`on the server:`} `}
      {plan.server.length ? (
        <SafeText value={plan.server.map(conditionText).join(` ${and} `)} />
      ) : (
        t`no condition`
      )}
      {plan.browser.length > 0 && (
        <>
          {`; ${t`in the browser:`} `}
          <SafeText value={plan.browser.map(conditionText).join(", ")} />
        </>
      )}
      {`; ${t`${plural(pages, { one: "# page", other: "# pages" })} and ${plural(events, { one: "# event read.", other: "# events read." })}`}`}
      {result.scope.archiveBefore !== undefined && (
        <>
          {" "}
          <span className="search-sources">
            {t`Answered by the ActionTrail API: ${fromApi}; by imported archives: ${fromArchives} (before ${archiveFrom}).`}
          </span>
        </>
      )}
    </p>
  );
}

/** The parts of the search that failed, each with why, and one way to fill them. */
export function MissingParts({ results }: { results: EventResults }) {
  const { t } = useLingui();
  const { time, zoneLabel } = useFormat();
  const { result, failed, running } = results;
  if (!result || failed.length === 0) return null;
  const spans = missingSpans(result).filter((s) => s.failure);
  const shown = spans.slice(0, 8);
  const spanCount = spans.length;
  const more = spans.length - shown.length;
  return (
    <section
      className="missing-parts error-panel compact"
      role="alert"
      aria-labelledby="missing-parts-title"
    >
      <p id="missing-parts-title" className="error-title">
        {plural(spanCount, {
          one: "The result is incomplete: # time span could not be read",
          other: "The result is incomplete: # time spans could not be read",
        })}
      </p>
      <p className="muted small">
        <Trans>
          The events of these spans are missing from the table, the counts and
          exports until they are read.
        </Trans>
      </p>
      <ul className="missing-list">
        {shown.map((s) => (
          <li key={`${s.region}-${s.startMs}-${s.endMs}`}>
            <SafeText value={s.region} />: {time(s.startMs)}{" "}
            {zoneLabel(s.startMs)} – {time(s.endMs)} {zoneLabel(s.endMs)} ·{" "}
            <code>
              <SafeText value={s.failure?.code ?? ""} maxLength={80} />
            </code>
            {s.failure?.requestId && (
              <RequestIdCopy requestId={s.failure.requestId} />
            )}
          </li>
        ))}
        {more > 0 && (
          <li>
            {plural(more, {
              one: "and # more span",
              other: "and # more spans",
            })}
          </li>
        )}
      </ul>
      <button type="button" onClick={results.retryMissing} disabled={running}>
        {t`Retry the missing parts`}
      </button>
    </section>
  );
}

/** The API's own field name, as ActionTrail spells it. */
const REQUEST_ID = "RequestId";

function RequestIdCopy({ requestId }: { requestId: string }) {
  const { t } = useLingui();
  return (
    <>
      {" "}
      · {REQUEST_ID} <code>{requestId}</code>{" "}
      <CopyButton value={requestId} label={t`Copy RequestId ${requestId}`}>
        <Trans>Copy</Trans>
      </CopyButton>
    </>
  );
}

/** Read page by page, rows below the slowest region's progress wait for it. */
export function HeldBackNote({ results }: { results: EventResults }) {
  const { timeWithZone } = useFormat();
  if (results.heldBack === 0) return null;
  const mark = timeWithZone(results.watermarkMs);
  const heldBack = results.heldBack;
  return (
    <p className="held-back muted small" role="note">
      {plural(heldBack, {
        one: `# loaded event older than ${mark} is held back until every region has been read that far, so the merged list has no gaps. Load more continues from there.`,
        other: `# loaded events older than ${mark} are held back until every region has been read that far, so the merged list has no gaps. Load more continues from there.`,
      })}
    </p>
  );
}
