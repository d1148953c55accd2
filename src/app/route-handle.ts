/** What a route tells the shell about itself (read with `useMatches`). */
export interface RouteHandle {
  /** The screen can fan out to "All regions". */
  allRegions?: boolean;
  /** The screen does not depend on a region at all. */
  noRegion?: boolean;
  /**
   * The screen has a results area (an element with id `results`): the first
   * skip link goes there instead of to the whole page.
   */
  skipToResults?: boolean;
}
