import { Trans } from "@lingui/react/macro";
import { Link } from "react-router";
import { SafeText } from "@/components/ui/safe-text";
import { ReadingLabel, readingHref } from "./detect-note";
import type { Reading } from "./detect-target";

/**
 * More than one reading backed by events, or none: a link for each, each
 * saying exactly what it opens. With none, the readings come from the
 * value's shape alone, and the card says so.
 */
export function DetectChoices({
  value,
  readings,
  found,
}: {
  value: string;
  readings: Reading[];
  /** Whether events back the readings (else they are guesses from the shape). */
  found: boolean;
}) {
  const shown = <SafeText value={value} maxLength={80} />;
  return (
    <div className="card" role="status">
      <p>
        {found ? (
          <Trans>
            Events name “{shown}” as more than one thing. Choose which to
            investigate:
          </Trans>
        ) : (
          <Trans>
            No event of the last 7 days names “{shown}” as a user, an AccessKey,
            an address or a resource. Investigate it anyway as:
          </Trans>
        )}
      </p>
      <ul>
        {readings.map((r) => (
          <li key={readingHref(r)}>
            <Link to={readingHref(r)} state={found ? { found: r } : undefined}>
              <Trans>
                Investigate <ReadingLabel reading={r} />
              </Trans>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
