import { t } from "@lingui/core/macro";
import { formatCount } from "./format";
import { markInvisible } from "./visible-chars";

/** A one-line, plain rendering for places that only take a string (titles, aria labels, chart axes). */
export function toVisibleString(value: string, maxLength = 200): string {
  const cut = value.length > maxLength ? value.slice(0, maxLength) : value;
  const shown = markInvisible(cut);
  const length = formatCount(value.length);
  return value.length > maxLength ? t`${shown}… (${length} characters)` : shown;
}
