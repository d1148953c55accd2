import { Link } from "react-router";
import { CopyButton } from "@/components/ui/copy-button";
import { SafeText } from "@/components/ui/safe-text";
import { formatTime } from "@/lib/time";
import { usePrefsStore, type TimeZonePref } from "@/stores/prefs-store";
import type { CaseSearch } from "@/stores/cases-store";
import { openEventHref } from "./event-table";
import { identityHref } from "./filters";
import { PinButton } from "./pin-button";
import type { ResourceChange } from "./resource-changes";
import type { RevertHint } from "./revert-hints";

interface ChangeCardProps {
  change: ResourceChange;
  hint: RevertHint | undefined;
  search: CaseSearch;
}

const who = (zone: TimeZonePref, c: ResourceChange) =>
  `${formatTime(c.event.timeMs, zone, true)}`;

/** One change to a resource: who, when, from where, the parameters before and after, and a suggested way back. */
export function ChangeCard({ change, hint, search }: ChangeCardProps) {
  const zone = usePrefsStore((s) => s.timeZone);
  const e = change.event;
  return (
    <article
      className="card change"
      aria-label={`${e.name} by ${e.userName} at ${e.time}`}
    >
      <header className="detection-header">
        <h3>
          <SafeText value={e.name} maxLength={80} />
        </h3>
        {e.errorCode && (
          <span className="badge danger">
            failed: <SafeText value={e.errorCode} maxLength={60} />
          </span>
        )}
      </header>
      <dl className="evidence">
        <div>
          <dt>When</dt>
          <dd>
            <Link to={openEventHref(e)}>{who(zone, change)}</Link>
          </dd>
        </div>
        <div>
          <dt>Who</dt>
          <dd>
            <Link to={identityHref({ kind: "user", value: e.userName })}>
              <SafeText value={e.userName || "unknown"} maxLength={80} />
            </Link>
          </dd>
        </div>
        <div>
          <dt>From</dt>
          <dd>
            <SafeText value={e.sourceIp || "unknown"} maxLength={60} />{" "}
            <span className="muted">via {e.type || "unknown"}</span>
          </dd>
        </div>
        <div>
          <dt>Region</dt>
          <dd>
            <SafeText value={e.region} maxLength={30} />
          </dd>
        </div>
      </dl>
      {change.diff.length > 0 && (
        <table className="data-table diff-table">
          <caption>
            Parameters{" "}
            {change.previous
              ? `against the previous change (${change.previous.name})`
              : "(no earlier change in the window)"}
          </caption>
          <thead>
            <tr>
              <th scope="col">Parameter</th>
              <th scope="col">Before</th>
              <th scope="col">After</th>
            </tr>
          </thead>
          <tbody>
            {change.diff.map((d) => (
              <tr key={d.key}>
                <th scope="row">
                  <SafeText value={d.key} maxLength={60} />
                </th>
                <td>
                  {d.before === undefined ? (
                    <span className="muted">—</span>
                  ) : (
                    <SafeText value={d.before} maxLength={200} />
                  )}
                </td>
                <td>
                  {d.after === undefined ? (
                    <span className="muted">—</span>
                  ) : (
                    <SafeText value={d.after} maxLength={200} />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {hint && (
        <div className="revert-hint">
          <p>
            <strong>
              Suggested way back (review before running; Trailscope never runs
              it):
            </strong>{" "}
            {hint.explanation}
          </p>
          {hint.moot && (
            <p role="note" className="revert-moot">
              <strong>Probably moot:</strong> {hint.moot}
            </p>
          )}
          {[hint.command, hint.alternative].map(
            (command) =>
              command && (
                <p className="command-row" key={command}>
                  <code className="command">
                    <SafeText value={command} />
                  </code>{" "}
                  <CopyButton
                    value={command}
                    label={`Copy the suggested command for ${e.name}: ${command.split(" ")[0] ?? ""}`}
                  />
                </p>
              ),
          )}
        </div>
      )}
      <p>
        <PinButton event={e} search={search} />
      </p>
    </article>
  );
}
