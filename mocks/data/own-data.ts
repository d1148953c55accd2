/**
 * The simulated account reads a visitor's own events file with the console's
 * events-file reader (src/lib/archive/events-file.ts), the same code that
 * reads a trail's delivered archive.
 */
export {
  accountOfEvents,
  gunzip,
  isGzip,
  MAX_NESTING_DEPTH,
  MAX_REPORTED,
  MAX_TEXT_BYTES,
  nestingDepth,
  OwnDataRefusal,
  parseEventsText,
  parseOwnEvents,
  type OwnDataLimits,
  type OwnDataParseResult,
  type RejectedEvent,
} from "@/lib/archive/events-file";
