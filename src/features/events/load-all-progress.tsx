import { useEffect, useState } from "react";

interface LoadAllProgressProps {
  events: number;
  requests: number;
  cap: number;
  running: boolean;
  onCancel: () => void;
}

/** Load all in progress: events, requests, elapsed time, and Cancel. */
export function LoadAllProgress({
  events,
  requests,
  cap,
  running,
  onCancel,
}: LoadAllProgressProps) {
  const [started] = useState(() => Date.now());
  const [now, setNow] = useState(started);
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(timer);
  }, [running]);
  const seconds = Math.max(0, Math.round((now - started) / 1000));
  return (
    <div className="load-all-progress">
      <progress
        max={cap}
        value={Math.min(events, cap)}
        aria-label="Load all progress"
      />
      <span role="status">
        {running ? "Loading all: " : "Load all stopped: "}
        {events.toLocaleString("en-US")} events, {requests} requests, {seconds}{" "}
        s
      </span>
      {running && (
        <button type="button" onClick={onCancel}>
          Cancel loading
        </button>
      )}
    </div>
  );
}
