import { Trans, useLingui } from "@lingui/react/macro";
import { useCallback } from "react";
import { useSearchParams } from "react-router";
import { useFormat } from "@/components/i18n/use-format";
import {
  browserZone,
  sameZone,
  zoneFromParam,
  type DisplayZone,
  type TimeZonePref,
} from "@/lib/time";
import { usePrefsStore } from "@/stores/prefs-store";

export const ZONE_PARAM = "tz";

export interface SharedZone {
  /** The link's zone when it differs from the user's preference; undefined otherwise. */
  override: DisplayZone | undefined;
  /** The zone the view shows: the link's, else the preference. */
  effective: DisplayZone;
  preferred: TimeZonePref;
  /** Drops the link's zone: the view follows the preference again. */
  clear: () => void;
}

/**
 * A shared search's time zone (`tz=` in its URL): the receiver sees the
 * times as the sender did. It wins for this view only; the receiver's own
 * preference is not overwritten, and a note says so (SharedZoneNote).
 */
export function useSharedZone(): SharedZone {
  const [params, setParams] = useSearchParams();
  const preferred = usePrefsStore((s) => s.timeZone);
  const linked = zoneFromParam(params.get(ZONE_PARAM));
  const override = linked && !sameZone(linked, preferred) ? linked : undefined;
  const clear = useCallback(
    () =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          next.delete(ZONE_PARAM);
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  return { override, effective: override ?? preferred, preferred, clear };
}

/** Says that the times follow the shared link, not the user's own setting, with a way back. */
export function SharedZoneNote({ shared }: { shared: SharedZone }) {
  const { t } = useLingui();
  const { zoneName } = useFormat();
  if (!shared.override) return null;
  // The browser's own zone is named too: "browser time" alone says nothing to a receiver.
  const linked =
    shared.override === "local"
      ? `${zoneName("local")} (${browserZone()})`
      : zoneName(shared.override);
  const own = zoneName(shared.preferred);
  return (
    <p className="shared-zone-note" role="note">
      {t`Times on this page are in ${linked}, as in the shared link. Your own setting (${own}) is unchanged.`}{" "}
      <button type="button" className="link-button" onClick={shared.clear}>
        <Trans>Show times in my own zone</Trans>
      </button>
    </p>
  );
}
