import { useFormat } from "@/components/i18n/use-format";
import { formatTime } from "@/lib/time";
import { parseTypedTime, type RangeEnd } from "@/lib/time-input";

/**
 * The browser's date picker beside a typed range field, for those who would
 * rather pick: it shows the typed date and replaces only the date, keeping
 * the typed time (else the day's first second for a start, its last for an
 * end). Typing stays the way to the second.
 */
export function CalendarDateInput({
  text,
  end,
  label,
  onPick,
}: {
  text: string;
  end: RangeEnd;
  label: string;
  onPick: (text: string) => void;
}) {
  const { zone } = useFormat();
  const ms = parseTypedTime(text, zone, end);
  const shown = Number.isFinite(ms) ? formatTime(ms, zone) : "";
  return (
    <input
      type="date"
      aria-label={label}
      value={shown.slice(0, 10)}
      onChange={(e) => {
        if (!e.target.value) return;
        const time =
          shown.slice(11) || (end === "start" ? "00:00:00" : "23:59:59");
        onPick(`${e.target.value} ${time}`);
      }}
    />
  );
}
