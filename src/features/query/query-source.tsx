import { useLingui } from "@lingui/react/macro";
import type { LogstoreTrail } from "@/api/log-service";

interface QuerySourceProps {
  trails: readonly LogstoreTrail[];
  inLogstore: boolean;
  trail: LogstoreTrail | undefined;
  onSource: (source: "browser" | "logstore") => void;
  onTrail: (id: string) => void;
}

/** Where the query runs: this browser, or the logstore of a trail with a Log Service destination. */
export function QuerySource({
  trails,
  inLogstore,
  trail,
  onSource,
  onTrail,
}: QuerySourceProps) {
  const { t } = useLingui();
  return (
    <fieldset className="query-source">
      <legend>{t`Where the query runs`}</legend>
      <label>
        <input
          type="radio"
          name="query-source"
          checked={!inLogstore}
          onChange={() => onSource("browser")}
        />{" "}
        {t`In this browser (DuckDB-WASM, the events loaded here)`}
      </label>
      <label>
        <input
          type="radio"
          name="query-source"
          checked={inLogstore}
          onChange={() => onSource("logstore")}
        />{" "}
        {t`In Log Service (the trail's logstore, for more events than a browser holds)`}
      </label>
      {inLogstore && trails.length > 1 && (
        <label>
          {t`Trail`}{" "}
          <select
            value={trail ? `${trail.homeRegion}/${trail.name}` : ""}
            onChange={(e) => onTrail(e.target.value)}
          >
            {trails.map((x) => (
              <option
                key={`${x.homeRegion}/${x.name}`}
                value={`${x.homeRegion}/${x.name}`}
              >
                {t`${x.name} → ${x.project}/${x.logstore}`}
              </option>
            ))}
          </select>
        </label>
      )}
    </fieldset>
  );
}
