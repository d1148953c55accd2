import { missingSpans } from "@/api/event-reader";
import { CopyButton } from "@/components/ui/copy-button";
import { SafeText } from "@/components/ui/safe-text";
import { formatTime, zoneLabel, type TimeZonePref } from "@/lib/time";
import { CONDITION_LABELS } from "./conditions";
import type { EventResults } from "./use-event-results";

const count = (n: number) => n.toLocaleString("en-US");
const plural = (n: number, one: string, many = `${one}s`) =>
  `${count(n)} ${n === 1 ? one : many}`;

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
  const { result, loaded, shown, complete, failed } = results;
  const searching = results.read.isPending && !results.regionsQuery.isError;
  let text: string;
  if (searching) text = "Searching…";
  else if (!result) text = "No result";
  else {
    const state = complete
      ? "all loaded"
      : failed.length
        ? `incomplete: ${plural(failed.length, "part")} failed`
        : "more available";
    text = `${count(loaded.length)} loaded, ${state}`;
    if (shown.length !== loaded.length)
      text += ` · ${count(shown.length)} shown after browser filters`;
    text += ` · ${plural(result.requests, "request")}`;
  }
  return (
    <p role="status" className="load-status">
      {text}
      {retrying && (
        <span className="retry-note">
          {" "}
          · {retrying.startsWith("Throttling") ? "throttled" : "failed"},
          retrying ({retrying})…
        </span>
      )}
    </p>
  );
}

/** What was searched, the empty results included: an auditor can show it. */
export function SearchScope({
  results,
  zone,
}: {
  results: EventResults;
  zone: TimeZonePref;
}) {
  const { result, plan } = results;
  if (!result) return null;
  const { window, regions } = result.scope;
  const cond = (c: { key: string; value: string }) =>
    `${CONDITION_LABELS[c.key] ?? c.key} = ${c.value}`;
  return (
    <p className="search-scope muted small">
      Searched{" "}
      {regions.length === 1 ? (
        <SafeText value={regions[0] ?? ""} />
      ) : (
        `${regions.length} regions`
      )}
      , {formatTime(window.startMs, zone)} – {formatTime(window.endMs, zone)}{" "}
      {zoneLabel(zone, window.endMs)}
      {"; on the server: "}
      {plan.server.length ? (
        <SafeText value={plan.server.map(cond).join(" and ")} />
      ) : (
        "no condition"
      )}
      {plan.browser.length > 0 && (
        <>
          {"; in the browser: "}
          <SafeText value={plan.browser.map(cond).join(", ")} />
        </>
      )}
      {`; ${plural(result.pages, "page")} and ${plural(result.count, "event")} read.`}
    </p>
  );
}

/** The parts of the search that failed, each with why, and one way to fill them. */
export function MissingParts({
  results,
  zone,
}: {
  results: EventResults;
  zone: TimeZonePref;
}) {
  const { result, failed, running } = results;
  if (!result || failed.length === 0) return null;
  const spans = missingSpans(result).filter((s) => s.failure);
  const shown = spans.slice(0, 8);
  return (
    <section
      className="missing-parts error-panel compact"
      role="alert"
      aria-labelledby="missing-parts-title"
    >
      <p id="missing-parts-title" className="error-title">
        The result is incomplete: {plural(spans.length, "time span")} could not
        be read
      </p>
      <p className="muted small">
        The events of these spans are missing from the table, the counts and
        exports until they are read.
      </p>
      <ul className="missing-list">
        {shown.map((s) => (
          <li key={`${s.region}-${s.startMs}-${s.endMs}`}>
            <SafeText value={s.region} />: {formatTime(s.startMs, zone)} –{" "}
            {formatTime(s.endMs, zone)} {zoneLabel(zone, s.endMs)} ·{" "}
            <code>
              <SafeText value={s.failure?.code ?? ""} maxLength={80} />
            </code>
            {s.failure?.requestId && (
              <>
                {" "}
                · RequestId <code>{s.failure.requestId}</code>{" "}
                <CopyButton
                  value={s.failure.requestId}
                  label={`Copy RequestId ${s.failure.requestId}`}
                >
                  Copy
                </CopyButton>
              </>
            )}
          </li>
        ))}
        {spans.length > shown.length && (
          <li>and {plural(spans.length - shown.length, "more span")}</li>
        )}
      </ul>
      <button type="button" onClick={results.retryMissing} disabled={running}>
        Retry the missing parts
      </button>
    </section>
  );
}

/** Read page by page, rows below the slowest region's progress wait for it. */
export function HeldBackNote({
  results,
  zone,
}: {
  results: EventResults;
  zone: TimeZonePref;
}) {
  if (results.heldBack === 0) return null;
  return (
    <p className="held-back muted small" role="note">
      {plural(results.heldBack, "loaded event")} older than{" "}
      {formatTime(results.watermarkMs, zone, true)}{" "}
      {results.heldBack === 1 ? "is" : "are"} held back until every region has
      been read that far, so the merged list has no gaps. Load more continues
      from there.
    </p>
  );
}
