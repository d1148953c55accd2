import { useLingui } from "@lingui/react/macro";
import { plural } from "@lingui/core/macro";
import { useId, useState } from "react";
import { SafeText } from "@/components/ui/safe-text";
import { downloadText } from "@/lib/download";
import {
  parseSavedSearchFile,
  savedSearchesFile,
  useSavedSearchesStore,
  type ImportRefusal,
} from "@/stores/saved-searches-store";

type Report =
  | { kind: "refused"; file: string; reason: ImportRefusal }
  | {
      kind: "imported";
      file: string;
      added: number;
      identical: number;
      dropped: number;
      renamed: { from: string; to: string }[];
    };

/** Export every saved search as one JSON file; import such a file without losing any saved one. */
export function SavedSearchesTransfer() {
  const { t } = useLingui();
  const id = useId();
  const searches = useSavedSearchesStore((s) => s.searches);
  const importSearches = useSavedSearchesStore((s) => s.importSearches);
  const [report, setReport] = useState<Report>();

  const handleFile = async (file: File) => {
    const parsed = parseSavedSearchFile(await file.text());
    if (!parsed.ok) {
      setReport({ kind: "refused", file: file.name, reason: parsed.reason });
      return;
    }
    const outcome = importSearches(parsed.searches);
    setReport({
      kind: "imported",
      file: file.name,
      dropped: parsed.dropped,
      ...outcome,
    });
  };

  const reasons: Record<ImportRefusal, string> = {
    "too-large": t`the file is larger than 5 MB`,
    "not-json": t`it is not JSON`,
    "not-saved-searches": t`it holds no saved searches of Trailscope`,
  };

  return (
    <div className="saved-searches-transfer">
      <button
        type="button"
        disabled={searches.length === 0}
        onClick={() =>
          downloadText(
            savedSearchesFile(searches),
            "trailscope-saved-searches.json",
            "application/json",
          )
        }
      >
        {t`Export all as JSON`}
      </button>
      <label htmlFor={`${id}-import`}>{t`Import JSON`}</label>
      <input
        id={`${id}-import`}
        type="file"
        accept="application/json,.json"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = "";
          if (file) void handleFile(file);
        }}
      />
      <div role="status" aria-live="polite">
        {report?.kind === "refused" && (
          <p className="error-text">
            {t`Refused`} <SafeText value={report.file} maxLength={120} />
            {": "}
            {reasons[report.reason]}
            {". "}
            {t`Nothing saved was changed.`}
          </p>
        )}
        {report?.kind === "imported" && (
          <p>
            <SafeText value={report.file} maxLength={120} />
            {": "}
            {plural(report.added, {
              one: "# saved search added",
              other: "# saved searches added",
            })}
            {report.identical > 0 &&
              `; ${plural(report.identical, {
                one: "# already saved, skipped",
                other: "# already saved, skipped",
              })}`}
            {report.dropped > 0 &&
              `; ${plural(report.dropped, {
                one: "# could not be read and was left out",
                other: "# could not be read and were left out",
              })}`}
            {"."}
          </p>
        )}
        {report?.kind === "imported" && report.renamed.length > 0 && (
          <ul aria-label={t`Renamed because the name was taken`}>
            {report.renamed.map(({ from, to }) => (
              <li key={to}>
                <SafeText value={from} maxLength={80} /> →{" "}
                <SafeText value={to} maxLength={90} />
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}
