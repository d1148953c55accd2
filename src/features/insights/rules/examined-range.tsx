import { plural } from "@lingui/core/macro";
import { Trans, useLingui } from "@lingui/react/macro";
import { ErrorPanel } from "@/components/ui/error-panel";
import { LoadingState } from "@/components/ui/states";
import { useFormat } from "@/components/i18n/use-format";
import { EXAMINE_DAYS, type ExamineDays, type RuleData } from "./use-rule-data";

/** The range chooser, and which events the hits were counted on. */
export function ExaminedRange({ data }: { data: RuleData }) {
  const { t } = useLingui();
  const { number, range } = useFormat();
  const { region, days, setDays, from, to, query } = data;
  const label = (d: ExamineDays) =>
    plural(d, { one: "Last # day", other: "Last # days" });
  const count = query.data?.events.length ?? 0;
  const n = number(count);
  const span = range(from, to);
  return (
    <div className="rules-range">
      <label htmlFor="rules-days">
        <Trans>Try rules on</Trans>
      </label>{" "}
      <select
        id="rules-days"
        value={days}
        onChange={(e) => setDays(Number(e.target.value) as ExamineDays)}
      >
        {EXAMINE_DAYS.map((d) => (
          <option key={d} value={d}>
            {label(d)}
          </option>
        ))}
      </select>
      {query.isPending && <LoadingState title={t`Loading the events…`} />}
      {query.isError && (
        <ErrorPanel error={query.error} onRetry={() => void query.refetch()} />
      )}
      {query.data && (
        <p role="status" className="rules-examined">
          {plural(count, {
            one: `Hits counted on ${n} event of ${region}, ${span}`,
            other: `Hits counted on ${n} events of ${region}, ${span}`,
          })}
          {query.data.truncated && (
            <>
              {" "}
              <Trans>(the newest ones only: the range holds more)</Trans>
            </>
          )}
        </p>
      )}
    </div>
  );
}
