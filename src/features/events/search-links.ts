import { useLingui } from "@lingui/react/macro";
import type { ReadScope } from "@/api/event-reader";
import { eventSearchHref } from "@/lib/event-search-url";
import { toApiTime, zoneToParam, type DisplayZone } from "@/lib/time";
import type { CaseSearch } from "@/stores/cases-store";
import { toSearchLink, withSort, withZone, type EventSearch } from "./filters";

interface SearchLinksInput {
  search: EventSearch;
  region: string;
  /** The window the search read; absent until it has started. */
  window: ReadScope["window"] | undefined;
  /** The zone the view shows times in (a shared link's zone wins). */
  zone: DisplayZone;
  /** Copy link keeps "last 24 hours" relative instead of the absolute range read. */
  keepRelative: boolean;
}

/**
 * The links the events page hands out: this search (Copy link), the open
 * event (its deep link), and where pinned events say they were found. Each
 * freezes the window that was read, so the link shows what the user saw.
 */
export function useSearchLinks({
  search,
  region,
  window,
  zone,
  keepRelative,
}: SearchLinksInput) {
  const { t } = useLingui();
  const frozen = window
    ? { from: toApiTime(window.startMs), to: toApiTime(window.endMs) }
    : {};
  const link = toSearchLink(search, region);
  const zoneParam = zoneToParam(zone);
  const frozenHref = (extra: { eventId?: string } = {}) =>
    withZone(
      withSort(
        eventSearchHref({ ...link, ...frozen, range: undefined, ...extra }),
        search.sort,
      ),
      zoneParam,
    );
  const sharedLink = withZone(
    withSort(
      eventSearchHref(
        keepRelative || search.from
          ? link
          : { ...link, ...frozen, range: undefined },
      ),
      search.sort,
    ),
    zoneParam,
  );
  const eventLink = search.eventId
    ? frozenHref({ eventId: search.eventId })
    : "";
  // Pinned events reopen this search at the absolute range it covered.
  const caseSearch: CaseSearch | undefined = window
    ? {
        label: t`Event search`,
        href: frozenHref(),
        from: toApiTime(window.startMs),
        to: toApiTime(window.endMs),
      }
    : undefined;
  return { frozen, sharedLink, eventLink, caseSearch };
}
