import { useLingui } from "@lingui/react/macro";
import { useContext, useMemo, useState } from "react";
import {
  formatDuration,
  formatNumber,
  formatPercent,
  formatRelativeTime,
} from "@/lib/format";
import { isLocale, type Locale } from "@/lib/locale";
import {
  formatTime,
  formatTimeRange,
  ianaZone,
  zoneLabel,
  type DisplayZone,
} from "@/lib/time";
import { usePrefsStore } from "@/stores/prefs-store";
import { DisplayZoneContext } from "./display-zone";

/** The console's language as a Locale (en-US until a catalog is active). */
export function useLocale(): Locale {
  const { i18n } = useLingui();
  return isLocale(i18n.locale) ? i18n.locale : "en-US";
}

/**
 * Formatting in the chosen language and time zone. Times keep one
 * sortable shape (`2026-11-21 14:12:05`) in both languages, and carry
 * the zone's offset at that instant.
 */
export function useFormat() {
  const locale = useLocale();
  const preferred = usePrefsStore((s) => s.timeZone);
  // A shared link's zone wins for its view (DisplayZoneContext).
  const zone: DisplayZone = useContext(DisplayZoneContext) ?? preferred;
  const { t } = useLingui();
  // "Now" for labels of the zone itself (column headers); fixed per mount.
  const [now] = useState(() => Date.now());
  return useMemo(() => {
    const zoneName = (pref: DisplayZone): string => {
      if (pref === "utc") return t`UTC`;
      if (pref === "beijing") return t`Beijing time (UTC+8)`;
      if (pref === "local") return t`Browser time`;
      const name = ianaZone(pref) ?? "";
      return t`${name} (the sender's browser time)`;
    };
    const invalid = t`invalid time`;
    return {
      locale,
      zone,
      /** Between two sentences: a space in English, nothing after a Chinese 。 */
      gap: locale === "zh-CN" ? "" : " ",
      zoneName,
      number: (value: number, options?: Intl.NumberFormatOptions) =>
        formatNumber(value, locale, options),
      percent: (ratio: number, digits?: number) =>
        formatPercent(ratio, locale, digits),
      /** The time alone; say the zone once nearby (zoneLabel) or use timeWithZone. */
      time: (ms: number) =>
        Number.isFinite(ms) ? formatTime(ms, zone) : invalid,
      timeWithZone: (ms: number) =>
        Number.isFinite(ms) ? formatTime(ms, zone, true) : invalid,
      range: (from: number, to: number) => formatTimeRange(from, to, zone),
      zoneLabel: (at: number) => zoneLabel(zone, at),
      /** The zone's label today, for a heading over many times. */
      zoneNow: zoneLabel(zone, now),
      relative: (ms: number, now: number) =>
        formatRelativeTime(ms, now, locale),
      duration: (ms: number) => formatDuration(ms, locale),
    };
  }, [locale, zone, t, now]);
}
