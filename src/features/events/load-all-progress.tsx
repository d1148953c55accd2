import { Trans, useLingui } from "@lingui/react/macro";
import { useFormat } from "@/components/i18n/use-format";
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
  const { t } = useLingui();
  const { number, duration } = useFormat();
  const count = number(events);
  const calls = number(requests);
  const elapsed = duration(Math.max(0, now - started));
  return (
    <div className="load-all-progress">
      <progress
        max={cap}
        value={Math.min(events, cap)}
        aria-label={t`Load all progress`}
      />
      <span role="status">
        {running
          ? t`Loading all: ${count} events, ${calls} requests, ${elapsed}`
          : t`Load all stopped: ${count} events, ${calls} requests, ${elapsed}`}
      </span>
      {running && (
        <button type="button" onClick={onCancel}>
          <Trans>Cancel loading</Trans>
        </button>
      )}
    </div>
  );
}
