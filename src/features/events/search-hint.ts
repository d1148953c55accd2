import { t } from "@lingui/core/macro";
import { isApiError } from "@/api/errors";

/** What to change when ActionTrail refused the search (a SearchRangeError's message already says it). */
export function searchHint(error: unknown) {
  if (!isApiError(error)) return undefined;
  if (error.code === "InvalidLookupAttributesException")
    return t`ActionTrail cannot combine these two conditions. Remove one condition, or combine a service with another key (the others run in the browser).`;
  if (error.code.startsWith("InvalidParameter"))
    return t`Change the time range: one query spans at most 30 days, starts at most 90 days back and not in the future, and ends after it starts.`;
  if (error.code === "InvalidNextToken")
    return t`The search changed under the pages: run it again.`;
  return undefined;
}
