import { plural } from "@lingui/core/macro";
import { useLingui } from "@lingui/react/macro";
import { SafeText } from "@/components/ui/safe-text";
import type { ArchiveRefusalKind } from "@/lib/archive/read-archive-file";

type Kind = ArchiveRefusalKind | "zip";

/** The files not loaded, each with its name and the reason, in the reader's language. */
export function RefusedFiles({
  refused,
  announce = false,
}: {
  refused: readonly { path: string; kind: Kind }[];
  /** Announce it (right after an import); an archive's page just lists them. */
  announce?: boolean;
}) {
  const { t } = useLingui();
  const reason: Record<Kind, string> = {
    "not-gzip": t`not a complete gzip file (damaged or cut short)`,
    "too-large": t`too large once decompressed (a delivered file holds five minutes of events)`,
    "too-deep": t`nested too deep to be ActionTrail events`,
    "no-events": t`holds no ActionTrail events (not JSON, or not events)`,
    zip: t`the .zip file could not be read`,
    unreadable: t`could not be fetched or opened`,
    insight: t`an ActionTrail Insight file (Actiontrail-Insight), not the trail's events: the layout of insight records is not documented, so it is not imported`,
  };
  const shown = refused.slice(0, 200);
  const count = refused.length;
  return (
    <div role={announce ? "alert" : undefined} className="refused-files">
      <p>
        {plural(count, {
          one: "# file was not loaded; the others were:",
          other: "# files were not loaded; the others were:",
        })}
      </p>
      <ul>
        {shown.map((file) => (
          <li key={file.path}>
            <code>
              <SafeText value={file.path} maxLength={200} />
            </code>
            {": "}
            {reason[file.kind]}
          </li>
        ))}
      </ul>
      {count > shown.length && (
        <p>{t`The manifest lists every refused file.`}</p>
      )}
    </div>
  );
}
