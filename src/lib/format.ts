import { i18n } from "@lingui/core";
import { isLocale, type Locale } from "./locale";

/**
 * Numbers, relative times and durations in the chosen language, with Intl
 * (nothing hard-coded en-US). Components use them through useFormat()
 * (src/components/i18n/use-format.ts), which supplies the locale and zone.
 */

const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(
  locale: Locale,
  options: Intl.NumberFormatOptions = {},
): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    numberFormats.set(key, format);
  }
  return format;
}

/** `12,345` / `12,345`: grouped digits in the locale's way. */
export function formatNumber(
  value: number,
  locale: Locale,
  options?: Intl.NumberFormatOptions,
): string {
  return numberFormat(locale, options).format(value);
}

/** The console's language in effect (for helpers that run outside components). */
export const activeLocale = (): Locale =>
  isLocale(i18n.locale) ? i18n.locale : "en-US";

/** A count in the console's language, for helpers called while rendering. */
export const formatCount = (value: number): string =>
  formatNumber(value, activeLocale());

/** `42%` from 0.42. */
export function formatPercent(
  ratio: number,
  locale: Locale,
  maximumFractionDigits = 0,
): string {
  return numberFormat(locale, {
    style: "percent",
    maximumFractionDigits,
  }).format(ratio);
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["day", 86_400_000],
  ["hour", 3_600_000],
  ["minute", 60_000],
  ["second", 1000],
];

/** "3 minutes ago" / "3分钟前": recency at a glance, beside the exact time. */
export function formatRelativeTime(
  ms: number,
  now: number,
  locale: Locale,
): string {
  const diff = ms - now;
  const abs = Math.abs(diff);
  const [unit, size] = UNITS.find(([, size]) => abs >= size) ?? UNITS[3]!;
  return new Intl.RelativeTimeFormat(locale, { numeric: "auto" }).format(
    Math.round(diff / size),
    unit,
  );
}

/**
 * A duration in its two largest units: "2 hr, 5 min" / "2小时5分钟".
 * (Intl.DurationFormat is not in every supported browser yet, so units are
 * formatted with Intl.NumberFormat's unit style and joined with Intl.ListFormat.)
 */
export function formatDuration(ms: number, locale: Locale): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const parts: [string, number][] = [
    ["day", Math.floor(total / 86_400)],
    ["hour", Math.floor((total % 86_400) / 3600)],
    ["minute", Math.floor((total % 3600) / 60)],
    ["second", total % 60],
  ];
  const first = parts.findIndex(([, n]) => n > 0);
  const shown = (first < 0 ? parts.slice(3) : parts.slice(first, first + 2))
    .filter(([, n], i) => i === 0 || n > 0)
    .map(([unit, n]) =>
      numberFormat(locale, {
        style: "unit",
        unit,
        unitDisplay: locale === "zh-CN" ? "long" : "short",
      }).format(n),
    );
  return new Intl.ListFormat(locale, {
    style: locale === "zh-CN" ? "narrow" : "short",
    type: "unit",
  }).format(shown);
}
