/// <reference lib="webworker" />
import {
  aggregate,
  type AggregateOptions,
  type SeriesEvent,
} from "./to-series";

interface Request {
  id: number;
  events: SeriesEvent[];
  options: AggregateOptions;
}

// Counting up to 100,000 events runs here, off the main thread.
addEventListener("message", (message: MessageEvent<Request>) => {
  const { id, events, options } = message.data;
  try {
    postMessage({ id, series: aggregate(events, options) });
  } catch (error) {
    postMessage({
      id,
      error: error instanceof Error ? error.message : String(error),
    });
  }
});
