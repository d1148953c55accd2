import { useLingui } from "@lingui/react/macro";
import { useId } from "react";
import { ALL_REGIONS, useRegion } from "./use-region";
import { useRegions } from "./use-regions";

interface RegionSwitcherProps {
  /** Offer "All regions" (screens that fan out to every region). */
  allowAll: boolean;
}

/** Picks the region the console looks at; the choice lives in the URL and is remembered. */
export function RegionSwitcher({ allowAll }: RegionSwitcherProps) {
  const { t } = useLingui();
  const id = useId();
  const { region, setRegion } = useRegion();
  const regions = useRegions();
  const known = regions.data ?? [];
  const current = !allowAll && region === ALL_REGIONS ? "" : region;
  return (
    <div className="region-switcher">
      <label htmlFor={id}>{t`Region`}</label>
      <select
        id={id}
        value={current}
        onChange={(event) => setRegion(event.target.value)}
        aria-busy={regions.isPending}
        aria-describedby={regions.isError ? `${id}-error` : undefined}
      >
        {current === "" && <option value="">{t`Choose a region`}</option>}
        {allowAll && <option value={ALL_REGIONS}>{t`All regions`}</option>}
        {known.map((r) => (
          <option key={r.id} value={r.id}>
            {`${r.name} · ${r.id}`}
          </option>
        ))}
        {/* Keep the URL's region selectable while the list loads or when it is not in the list. */}
        {current !== "" &&
          current !== ALL_REGIONS &&
          !known.some((r) => r.id === current) && (
            <option value={current}>{current}</option>
          )}
      </select>
      {regions.isError && (
        <span id={`${id}-error`} className="field-error">
          {t`Regions could not be loaded.`}{" "}
          <button
            type="button"
            className="link-button"
            onClick={() => void regions.refetch()}
          >
            {t`Retry`}
          </button>
        </span>
      )}
    </div>
  );
}
