import { Trans, useLingui } from "@lingui/react/macro";
import { useId, useState, type ReactNode } from "react";
import { useFormat } from "@/components/i18n/use-format";
import { CALENDAR_PRESETS } from "@/lib/calendar-range";
import { RELATIVE_PRESETS, type RangePreset } from "@/lib/event-search-url";
import { toApiTime, zoneLabel } from "@/lib/time";
import { formatTypedTime, parseTypedTime } from "@/lib/time-input";
import { useSessionStore } from "@/stores/session-store";
import { CalendarDateInput } from "./calendar-date-input";
import type { EventSearch } from "./filters";
import { presetLabel, resolveWindow, windowProblem } from "./time-range";

/** A refused range: what is wrong, said as what to change, and which field it is about. */
interface RangeError {
  message: string;
  fields: ("from" | "to")[];
}

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
  const { zone, zoneNow, zoneName } = useFormat();
  const id = useId();
  const archive = useSessionStore((s) => Boolean(s.demoState?.ownData));
  const absolute = search.from !== undefined && search.to !== undefined;
  const [custom, setCustom] = useState(absolute);
  const [from, setFrom] = useState(() => formatTypedTime(search.from, zone));
  const [to, setTo] = useState(() => formatTypedTime(search.to, zone));
  const [error, setError] = useState<RangeError>();

  // The range changed elsewhere (a link, Back, a chart's brush) or the zone did: show it.
  const source = `${search.from ?? ""}|${search.to ?? ""}|${zone}`;
  const [shown, setShown] = useState(source);
  if (shown !== source) {
    setShown(source);
    setCustom(absolute);
    setFrom(formatTypedTime(search.from, zone));
    setTo(formatTypedTime(search.to, zone));
    setError(undefined);
  }

  // Each end is labelled with its own offset (a custom range may cross a DST change).
  const labelAt = (text: string, end: "start" | "end") => {
    const ms = parseTypedTime(text, zone, end);
    return Number.isFinite(ms) ? zoneLabel(zone, ms) : zoneNow;
  };
  const fromZone = labelAt(from, "start");
  const toZone = labelAt(to, "end");
  const calendarZone = zoneName(zone);

  const choose = (value: string) => {
    setError(undefined);
    if (value === "custom") {
      setCustom(true);
      // Start from the range being shown, to edit rather than type from nothing.
      if (!absolute && !from && !to) {
        const current = resolveWindow(search, Date.now(), zone);
        setFrom(formatTypedTime(toApiTime(current.startMs), zone));
        setTo(formatTypedTime(toApiTime(current.endMs), zone));
      }
      return;
    }
    setCustom(false);
    onChange({ range: value as RangePreset, from: undefined, to: undefined });
  };

  const refuse = (message: string, fields: RangeError["fields"]) =>
    setError({ message, fields });

  const apply = (event: React.FormEvent) => {
    event.preventDefault();
    const startMs = parseTypedTime(from, zone, "start");
    const endMs = parseTypedTime(to, zone, "end");
    const startBad = !Number.isFinite(startMs);
    const endBad = !Number.isFinite(endMs);
    if (startBad && endBad)
      return refuse(
        t`Neither the start nor the end is a date and time. Type each as YYYY-MM-DD HH:mm:ss (seconds are optional; a date alone means the whole day).`,
        ["from", "to"],
      );
    if (startBad)
      return refuse(
        t`The start is not a date and time. Type it as YYYY-MM-DD HH:mm:ss (seconds are optional; a date alone means the whole day).`,
        ["from"],
      );
    if (endBad)
      return refuse(
        t`The end is not a date and time. Type it as YYYY-MM-DD HH:mm:ss (seconds are optional; a date alone means the whole day).`,
        ["to"],
      );
    if (endMs <= startMs)
      return refuse(
        t`The end is not after the start. Choose an end later than the start.`,
        ["to"],
      );
    const problem = windowProblem({ startMs, endMs }, Date.now(), { archive });
    if (problem) return refuse(problem, ["from"]);
    setError(undefined);
    const fromIso = toApiTime(startMs);
    const toIso = toApiTime(endMs);
    // Shown as searched: seconds, and a date alone as its first or last second.
    setFrom(formatTypedTime(fromIso, zone));
    setTo(formatTypedTime(toIso, zone));
    onChange({ from: fromIso, to: toIso });
  };

  const hintId = `${id}-range-hint`;
  const errorId = `${id}-range-error`;
  const fieldProps = (field: "from" | "to") => {
    const invalid = error?.fields.includes(field) ?? false;
    return {
      type: "text",
      autoComplete: "off",
      spellCheck: false,
      size: 20,
      placeholder: "YYYY-MM-DD HH:mm:ss",
      "aria-invalid": invalid || undefined,
      "aria-describedby": invalid ? `${errorId} ${hintId}` : hintId,
    } as const;
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
        <form
          className="search-row"
          onSubmit={apply}
          aria-label={t`Custom time range`}
          noValidate
        >
          <label htmlFor={`${id}-from`}>{t`From (${fromZone})`}</label>
          <input
            id={`${id}-from`}
            value={from}
            onChange={(e) => setFrom(e.target.value)}
            {...fieldProps("from")}
          />
          <CalendarDateInput
            text={from}
            end="start"
            label={t`Start date from a calendar`}
            onPick={setFrom}
          />
          <label htmlFor={`${id}-to`}>{t`To (${toZone})`}</label>
          <input
            id={`${id}-to`}
            value={to}
            onChange={(e) => setTo(e.target.value)}
            {...fieldProps("to")}
          />
          <CalendarDateInput
            text={to}
            end="end"
            label={t`End date from a calendar`}
            onPick={setTo}
          />
          <button type="submit">
            <Trans>Apply range</Trans>
          </button>
          <span id={hintId} className="muted small">
            <Trans>
              Type YYYY-MM-DD HH:mm:ss in the display zone; seconds are
              optional, a date alone means the whole day. Both ends are
              included, to the second.
            </Trans>
          </span>
          {error && (
            <p id={errorId} role="alert" className="field-error">
              {error.message}
            </p>
          )}
        </form>
      )}
    </>
  );
}
