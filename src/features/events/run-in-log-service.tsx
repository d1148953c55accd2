import { useLingui } from "@lingui/react/macro";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router";
import type { TimeWindow } from "@/api/time-window";
import { ALL_REGIONS } from "@/features/regions/use-region";
import { queryRangeFor, searchToSls } from "@/lib/search-translate";
import type { EventSearch } from "./filters";
import { logstoreTrailsQueryOptions } from "./queries";

interface RunInLogServiceProps {
  search: EventSearch;
  region: string;
  window: TimeWindow | undefined;
  /** Conditions LookupEvents cannot combine are applied in the browser, page by page. */
  filteredInBrowser: boolean;
}

/**
 * When the account has a trail with a Log Service logstore, the search as one
 * logstore query: a link that opens the Query page in Log Service with the
 * translated query (src/lib/search-translate.ts). Said plainly when the
 * search has conditions the API cannot combine.
 */
export function RunInLogService({
  search,
  region,
  window,
  filteredInBrowser,
}: RunInLogServiceProps) {
  const { t } = useLingui();
  const asked = region === ALL_REGIONS ? "cn-hangzhou" : region;
  const trails = useQuery(logstoreTrailsQueryOptions(asked));
  // The Query page reads back from now; fixed when this shows.
  const [now] = useState(() => Date.now());
  const trail = trails.data?.[0];
  if (!trail || !window) return null;
  const href = `/query?${new URLSearchParams({
    region: asked,
    source: "logstore",
    trail: `${trail.homeRegion}/${trail.name}`,
    range: queryRangeFor(window, now),
    q: searchToSls(search),
  }).toString()}`;
  return (
    <p className="run-in-log-service muted small">
      {filteredInBrowser
        ? t`LookupEvents cannot combine all these conditions, so the browser filters the loaded pages. The logstore of trail ${trail.name} can run the whole search as one Log Service query.`
        : t`The logstore of trail ${trail.name} can run this search as one Log Service query.`}{" "}
      <Link to={href}>{t`Run in Log Service`}</Link>
    </p>
  );
}
