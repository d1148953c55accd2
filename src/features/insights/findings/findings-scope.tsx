import { plural } from "@lingui/core/macro";
import { Trans } from "@lingui/react/macro";
import { useFormat } from "@/components/i18n/use-format";
import { SafeText } from "@/components/ui/safe-text";

interface FindingsScopeProps {
  from: number;
  to: number;
  regions: number;
  examined: number;
  /** Events the imported trail archives answered (the rest: LookupEvents or the loaded file). */
  archiveEvents: number;
  /** The loaded events file the console reads instead of the service, if any. */
  fileName?: string | undefined;
}

/** Which range and which events the rules and detectors looked at. */
export function FindingsScope({
  from,
  to,
  regions,
  examined,
  archiveEvents,
  fileName,
}: FindingsScopeProps) {
  const { range, number } = useFormat();
  const span = range(from, to);
  const count = number(examined);
  const archived = number(archiveEvents);
  const regionCount = plural(regions, {
    one: "# region",
    other: "# regions",
  });
  return (
    <div className="muted">
      <p>
        <Trans>
          Looked at {span} (both ends included), {regionCount}: {count} events
          examined.
        </Trans>
      </p>
      <p>
        {fileName !== undefined ? (
          <Trans>
            Events from the loaded file{" "}
            <SafeText value={fileName} maxLength={60} />, not from ActionTrail.
          </Trans>
        ) : archiveEvents > 0 ? (
          <Trans>
            Events from ActionTrail (LookupEvents), {archived} of them from
            imported trail archives.
          </Trans>
        ) : (
          <Trans>Events from ActionTrail (LookupEvents).</Trans>
        )}
      </p>
    </div>
  );
}
