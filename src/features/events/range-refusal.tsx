import { Trans } from "@lingui/react/macro";

/**
 * A range the service would refuse (past its 90 days, reversed, in the
 * future): said plainly, with what to change, and no Retry that cannot succeed.
 */
export function RangeRefusal({ message }: { message: string }) {
  return (
    <section className="range-refusal error-panel" role="alert">
      <p className="error-title">
        <Trans>This range cannot be searched</Trans>
      </p>
      <p>{message}</p>
      <p className="muted small">
        <Trans>
          Shorten the range with the time picker above. Events older than 90
          days are not in ActionTrail&apos;s event search: load the files your
          trail delivered to OSS (Settings → your own events) to search them.
        </Trans>
      </p>
    </section>
  );
}
