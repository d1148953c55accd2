import { useLingui } from "@lingui/react/macro";
import { useId, useState } from "react";
import type { TimeWindow } from "@/api/time-window";
import { AbsoluteRangeForm } from "@/components/ui/absolute-range-form";
import { SafeText } from "@/components/ui/safe-text";
import {
  FINDINGS_PRESETS,
  type FindingsPreset,
  type FindingsRange,
} from "./findings-range";

/** A loaded events file's span (UTC ISO, seconds), when the console reads one. */
export interface LoadedFile {
  fileName: string;
  from: string;
  to: string;
}

interface FindingsRangePickerProps {
  range: FindingsRange;
  /** The window being shown (what a custom range starts from). */
  window: TimeWindow;
  loadedFile?: LoadedFile | undefined;
  check: (window: TimeWindow) => string | undefined;
  onChange: (range: FindingsRange) => void;
}

/** The findings' range: a preset up to now, the loaded file's span, or an absolute range typed to the second. */
export function FindingsRangePicker({
  range,
  window,
  loadedFile,
  check,
  onChange,
}: FindingsRangePickerProps) {
  const { t } = useLingui();
  const id = useId();
  const isFile =
    loadedFile !== undefined &&
    range.kind === "absolute" &&
    range.from === loadedFile.from &&
    range.to === loadedFile.to;
  const [custom, setCustom] = useState(range.kind === "absolute" && !isFile);
  const source = range.kind === "absolute" ? `${range.from}|${range.to}` : "";
  const [shown, setShown] = useState(source);
  if (shown !== source) {
    setShown(source);
    setCustom(range.kind === "absolute" && !isFile);
  }
  const value = custom
    ? "custom"
    : isFile
      ? "file"
      : range.kind === "preset"
        ? String(range.days)
        : "custom";
  const choose = (next: string) => {
    if (next === "custom") return setCustom(true);
    setCustom(false);
    if (next === "file" && loadedFile)
      return onChange({
        kind: "absolute",
        from: loadedFile.from,
        to: loadedFile.to,
      });
    onChange({ kind: "preset", days: Number(next) as FindingsPreset });
  };
  const labels: Record<FindingsPreset, string> = {
    1: t`Last 24 hours`,
    7: t`Last 7 days`,
    30: t`Last 30 days`,
    90: t`Last 90 days`,
  };
  return (
    <>
      <label htmlFor={`${id}-range`}>{t`Range`}</label>
      <select
        id={`${id}-range`}
        value={value}
        onChange={(e) => choose(e.target.value)}
      >
        {FINDINGS_PRESETS.map((d) => (
          <option key={d} value={d}>
            {labels[d]}
          </option>
        ))}
        {loadedFile && (
          <option value="file">{t`The loaded events file`}</option>
        )}
        <option value="custom">{t`Custom range…`}</option>
      </select>
      {value === "file" && loadedFile && (
        <span className="muted small">
          <SafeText value={loadedFile.fileName} maxLength={60} />
        </span>
      )}
      {custom && (
        <AbsoluteRangeForm
          from={range.kind === "absolute" ? range.from : undefined}
          to={range.kind === "absolute" ? range.to : undefined}
          initial={() => window}
          check={check}
          onApply={(r) => onChange({ kind: "absolute", ...r })}
        />
      )}
    </>
  );
}
