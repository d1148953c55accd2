import { Trans, useLingui } from "@lingui/react/macro";
import { useId, useState, type ReactNode } from "react";
import { useFormat } from "@/components/i18n/use-format";
import { CALENDAR_PRESETS } from "@/lib/calendar-range";
import { RELATIVE_PRESETS, type RangePreset } from "@/lib/event-search-url";
import { AbsoluteRangeForm } from "@/components/ui/absolute-range-form";
import { useSessionStore } from "@/stores/session-store";
import type { EventSearch } from "./filters";
import { presetLabel, resolveWindow, windowProblem } from "./time-range";

interface TimeRangePickerProps {
  search: Pick<EventSearch, "range" | "from" | "to">;
  onChange: (update: Partial<EventSearch>) => void;
  /** More controls of the same row (read/write). */
  children?: ReactNode;
}

/**
 * The search's time range: a relative preset (ends now), a calendar day or
 * week of the display zone, or an absolute range typed to the second, both
 * ends included. A refused range keeps what was typed and says why beside
 * the field it is about.
 */
export function TimeRangePicker({
  search,
  onChange,
  children,
}: TimeRangePickerProps) {
  const { t } = useLingui();
  const { zone, zoneName } = useFormat();
  const id = useId();
  const archive = useSessionStore((s) => Boolean(s.demoState?.ownData));
  const absolute = search.from !== undefined && search.to !== undefined;
  const [custom, setCustom] = useState(absolute);

  // The range changed elsewhere (a link, Back, a chart's brush): show it.
  const source = `${search.from ?? ""}|${search.to ?? ""}`;
  const [shown, setShown] = useState(source);
  if (shown !== source) {
    setShown(source);
    setCustom(absolute);
  }
  const calendarZone = zoneName(zone);

  const choose = (value: string) => {
    if (value === "custom") return setCustom(true);
    setCustom(false);
    onChange({ range: value as RangePreset, from: undefined, to: undefined });
  };

  return (
    <>
      <div className="search-row">
        <label htmlFor={`${id}-range`}>
          <Trans>Time range</Trans>
        </label>
        <select
          id={`${id}-range`}
          value={custom ? "custom" : search.range}
          onChange={(e) => choose(e.target.value)}
        >
          <optgroup label={t`Up to now`}>
            {RELATIVE_PRESETS.map((p) => (
              <option key={p} value={p}>
                {presetLabel(p)}
              </option>
            ))}
          </optgroup>
          <optgroup label={t`Calendar, in ${calendarZone}`}>
            {CALENDAR_PRESETS.map((p) => (
              <option key={p} value={p}>
                {presetLabel(p)}
              </option>
            ))}
          </optgroup>
          <option value="custom">{t`Custom range…`}</option>
        </select>
        {children}
      </div>
      {custom && (
        <AbsoluteRangeForm
          from={search.from}
          to={search.to}
          // Start from the range being shown, to edit rather than type from nothing.
          initial={() => resolveWindow(search, Date.now(), zone)}
          check={(window) => windowProblem(window, Date.now(), { archive })}
          onApply={(range) => onChange(range)}
        />
      )}
    </>
  );
}
