import { useEffect, useState } from "react";
import type { AuditEvent } from "@/api/schemas/event";
import { createEngine, type Engine } from "./engine";
import { toEventsArrowTable } from "./events-table";

export type EngineState =
  | { status: "starting" }
  | { status: "ready"; engine: Engine; rows: number; ms: number }
  | { status: "failed"; message: string };

/** The engine filled with these events; started again when they change, ended on leaving. */
export function useQueryEngine(events: readonly AuditEvent[] | undefined) {
  const [state, setState] = useState<EngineState>({ status: "starting" });
  useEffect(() => {
    if (!events) return;
    let engine: Engine | undefined;
    let gone = false;
    const started = performance.now();
    setState({ status: "starting" });
    createEngine(toEventsArrowTable(events)).then(
      (ready) => {
        engine = ready;
        if (gone) return ready.dispose();
        setState({
          status: "ready",
          engine: ready,
          rows: events.length,
          ms: performance.now() - started,
        });
      },
      (error: unknown) => {
        if (!gone)
          setState({
            status: "failed",
            message: error instanceof Error ? error.message : String(error),
          });
      },
    );
    return () => {
      gone = true;
      engine?.dispose();
    };
  }, [events]);
  return state;
}
