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
  const [, setParams] = useSearchParams();
  return (
    <span className="page-tools">
      <label htmlFor="investigate-range">Time range</label>
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
            {RANGE_LABEL[r]}
          </option>
        ))}
      </select>
    </span>
  );
}
