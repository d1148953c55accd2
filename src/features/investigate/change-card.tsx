import { Trans, useLingui } from "@lingui/react/macro";
import { Link } from "react-router";
import { useFormat } from "@/components/i18n/use-format";
import { CopyButton } from "@/components/ui/copy-button";
import { SafeText } from "@/components/ui/safe-text";
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

/** One change to a resource: who, when, from where, the parameters before and after, and a suggested way back. */
export function ChangeCard({ change, hint, search }: ChangeCardProps) {
  const { t } = useLingui();
  const { timeWithZone } = useFormat();
  const e = change.event;
  const name = e.name;
  const user = e.userName;
  const when = timeWithZone(e.timeMs);
  const unknown = t`unknown`;
  const via = e.type || unknown;
  const previous = change.previous?.name;
  const copyLabel = (command: string) => {
    const tool = command.split(" ")[0] ?? "";
    return t`Copy the suggested command for ${name}: ${tool}`;
  };
  return (
    <article
      className="card change"
      aria-label={t`${name} by ${user} at ${when}`}
    >
      <header className="detection-header">
        <h3>
          <SafeText value={e.name} maxLength={80} />
        </h3>
        {e.errorCode && (
          <span className="badge danger">
            <Trans>
              failed: <SafeText value={e.errorCode} maxLength={60} />
            </Trans>
          </span>
        )}
      </header>
      <dl className="evidence">
        <div>
          <dt>
            <Trans>When</Trans>
          </dt>
          <dd>
            <Link to={openEventHref(e)}>{when}</Link>
          </dd>
        </div>
        <div>
          <dt>
            <Trans>Who</Trans>
          </dt>
          <dd>
            <Link to={identityHref({ kind: "user", value: e.userName })}>
              <SafeText value={e.userName || unknown} maxLength={80} />
            </Link>
          </dd>
        </div>
        <div>
          <dt>
            <Trans>From</Trans>
          </dt>
          <dd>
            <SafeText value={e.sourceIp || unknown} maxLength={60} />{" "}
            <span className="muted">
              <Trans>
                via <SafeText value={via} maxLength={40} />
              </Trans>
            </span>
          </dd>
        </div>
        <div>
          <dt>
            <Trans>Region</Trans>
          </dt>
          <dd>
            <SafeText value={e.region} maxLength={30} />
          </dd>
        </div>
      </dl>
      {change.diff.length > 0 && (
        <table className="data-table diff-table">
          <caption>
            {previous
              ? t`Parameters against the previous change (${previous})`
              : t`Parameters (no earlier change in the window)`}
          </caption>
          <thead>
            <tr>
              <th scope="col">
                <Trans>Parameter</Trans>
              </th>
              <th scope="col">
                <Trans>Before</Trans>
              </th>
              <th scope="col">
                <Trans>After</Trans>
              </th>
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
              <Trans>
                Suggested way back (review before running; Trailscope never runs
                it):
              </Trans>
            </strong>{" "}
            {hint.explanation}
          </p>
          {hint.moot && (
            <p role="note" className="revert-moot">
              <strong>
                <Trans>Probably moot:</Trans>
              </strong>{" "}
              {hint.moot}
            </p>
          )}
          {[hint.command, hint.alternative].map(
            (command) =>
              command && (
                <p className="command-row" key={command}>
                  <code className="command">
                    <SafeText value={command} />
                  </code>{" "}
                  <CopyButton value={command} label={copyLabel(command)} />
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
