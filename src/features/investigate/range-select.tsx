import { Trans, useLingui } from "@lingui/react/macro";
import { useSearchParams } from "react-router";
import {
  INVESTIGATE_RANGES,
  RANGE_LABEL,
  type InvestigateRange,
} from "./filters";

/** The investigation's time range, kept in the URL. */
export function RangeSelect({
  value,
  fallback,
}: {
  value: InvestigateRange;
  fallback: InvestigateRange;
}) {
  const { t } = useLingui();
  const [, setParams] = useSearchParams();
  return (
    <span className="page-tools">
      <label htmlFor="investigate-range">
        <Trans>Time range</Trans>
      </label>
      <select
        id="investigate-range"
        value={value}
        onChange={(e) =>
          setParams((prev) => {
            const next = new URLSearchParams(prev);
            if (e.target.value === fallback) next.delete("range");
            else next.set("range", e.target.value);
            return next;
          })
        }
      >
        {INVESTIGATE_RANGES.map((r) => (
          <option key={r} value={r}>
            {t(RANGE_LABEL[r])}
          </option>
        ))}
      </select>
    </span>
  );
}
