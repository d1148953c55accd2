import { Trans } from "@lingui/react/macro";
import { useFormat } from "@/components/i18n/use-format";
import { useId, useState } from "react";
import type { TimeZonePref } from "@/stores/prefs-store";
import { formatTime } from "@/lib/time";
import type { HistogramBucket } from "../to-series";

interface SpanPickerProps {
  buckets: HistogramBucket[];
  zone: TimeZonePref;
  onSelect: (first: number, last: number) => void;
}

/** The keyboard way to narrow the histogram: pick the first and last bar, then open their events. */
export function SpanPicker({ buckets, zone, onSelect }: SpanPickerProps) {
  const { number } = useFormat();
  const id = useId();
  const [first, setFirst] = useState(0);
  const [last, setLast] = useState(buckets.length - 1);
  const option = (b: HistogramBucket, i: number) => (
    <option key={b.start} value={i}>
      {formatTime(b.start, zone)} ({number(b.total)})
    </option>
  );
  return (
    <form
      className="span-picker"
      onSubmit={(event) => {
        event.preventDefault();
        onSelect(Math.min(first, last), Math.max(first, last));
      }}
    >
      <label htmlFor={`${id}-from`}>
        <Trans>From bar</Trans>
      </label>
      <select
        id={`${id}-from`}
        value={first}
        onChange={(e) => setFirst(Number(e.target.value))}
      >
        {buckets.map(option)}
      </select>
      <label htmlFor={`${id}-to`}>
        <Trans>To bar</Trans>
      </label>
      <select
        id={`${id}-to`}
        value={Math.min(last, buckets.length - 1)}
        onChange={(e) => setLast(Number(e.target.value))}
      >
        {buckets.map(option)}
      </select>
      <button type="submit">
        <Trans>Open events in this span</Trans>
      </button>
    </form>
  );
}
