import { Trans, useLingui } from "@lingui/react/macro";
import { useId, useState } from "react";
import { useFormat } from "@/components/i18n/use-format";
import { toApiTime, zoneLabel } from "@/lib/time";
import { formatTypedTime, parseTypedTime } from "@/lib/time-input";
import { CalendarDateInput } from "./calendar-date-input";

/** A refused range: what is wrong, said as what to change, and which field it is about. */
interface RangeError {
  message: string;
  fields: ("from" | "to")[];
}

export interface AbsoluteRangeFormProps {
  /** The applied range (UTC ISO, seconds), if any: shown, and shown again when it changes elsewhere. */
  from: string | undefined;
  to: string | undefined;
  /** What the fields hold when no range is applied yet (the range being shown, to edit). */
  initial?: (() => { startMs: number; endMs: number }) | undefined;
  /** Why a well-formed window cannot be used (the caller's rules: retention, the future); undefined when it can. */
  check: (window: { startMs: number; endMs: number }) => string | undefined;
  onApply: (range: { from: string; to: string }) => void;
}

/**
 * An absolute time range typed to the second in the display zone, both ends
 * included, with a date picker beside each end. A refused range keeps what
 * was typed and says why beside the field it is about.
 */
export function AbsoluteRangeForm({
  from: appliedFrom,
  to: appliedTo,
  initial,
  check,
  onApply,
}: AbsoluteRangeFormProps) {
  const { t } = useLingui();
  const { zone, zoneNow } = useFormat();
  const id = useId();
  const [[firstFrom, firstTo]] = useState(() => {
    if (appliedFrom !== undefined && appliedTo !== undefined)
      return [appliedFrom, appliedTo];
    const window = initial?.();
    return window
      ? [toApiTime(window.startMs), toApiTime(window.endMs)]
      : [undefined, undefined];
  });
  const [from, setFrom] = useState(() => formatTypedTime(firstFrom, zone));
  const [to, setTo] = useState(() => formatTypedTime(firstTo, zone));
  const [error, setError] = useState<RangeError>();

  // The range changed elsewhere (a link, Back, a chart's brush) or the zone did: show it.
  const source = `${appliedFrom ?? ""}|${appliedTo ?? ""}|${zone}`;
  const [shown, setShown] = useState(source);
  if (shown !== source) {
    setShown(source);
    if (appliedFrom !== undefined && appliedTo !== undefined) {
      setFrom(formatTypedTime(appliedFrom, zone));
      setTo(formatTypedTime(appliedTo, zone));
    }
    setError(undefined);
  }

  // Each end is labelled with its own offset (a custom range may cross a DST change).
  const labelAt = (text: string, end: "start" | "end") => {
    const ms = parseTypedTime(text, zone, end);
    return Number.isFinite(ms) ? zoneLabel(zone, ms) : zoneNow;
  };
  const fromZone = labelAt(from, "start");
  const toZone = labelAt(to, "end");

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
    const problem = check({ startMs, endMs });
    if (problem) return refuse(problem, ["from"]);
    setError(undefined);
    const fromIso = toApiTime(startMs);
    const toIso = toApiTime(endMs);
    // Shown as applied: seconds, and a date alone as its first or last second.
    setFrom(formatTypedTime(fromIso, zone));
    setTo(formatTypedTime(toIso, zone));
    onApply({ from: fromIso, to: toIso });
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
          Type YYYY-MM-DD HH:mm:ss in the display zone; seconds are optional, a
          date alone means the whole day. Both ends are included, to the second.
        </Trans>
      </span>
      {error && (
        <p id={errorId} role="alert" className="field-error">
          {error.message}
        </p>
      )}
    </form>
  );
}
