import { Trans, useLingui } from "@lingui/react/macro";
import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import { EVENT_PANE_WIDTH, usePrefsStore } from "@/stores/prefs-store";
import { useTabTrap } from "./use-tab-trap";

/** At this width and below the pane is a full-screen sheet over the results. */
export const PHONE_QUERY = "(max-width: 640px)";
/** At this width and below the pane sits under the results (events.css). */
const STACKED_QUERY = "(max-width: 900px)";
/** The results keep at least this share of the page beside the pane. */
const MAX_SHARE = 0.7;
const STEP = 16;

/** Whether a media query matches, following changes. */
export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const list = window.matchMedia(query);
      list.addEventListener("change", onChange);
      return () => list.removeEventListener("change", onChange);
    },
    () => window.matchMedia(query).matches,
    () => false,
  );
}

/** The widest the pane may be: a share of the page it sits in. */
function useMaxWidth(frame: React.RefObject<HTMLDivElement | null>): number {
  const [max, setMax] = useState<number>(EVENT_PANE_WIDTH.max);
  useEffect(() => {
    const page = frame.current?.parentElement;
    if (!page) return;
    const measure = () => {
      const width = page.clientWidth;
      // jsdom lays nothing out: keep the store's own limit there.
      if (width > 0)
        setMax(
          Math.max(
            EVENT_PANE_WIDTH.min,
            Math.min(EVENT_PANE_WIDTH.max, Math.floor(width * MAX_SHARE)),
          ),
        );
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(page);
    return () => observer.disconnect();
  }, [frame]);
  return max;
}

/**
 * The separator on the pane's left edge: drag it, or focus it and use the
 * arrow keys (left widens the pane, right narrows it; Home and End go to the
 * limits). The width is remembered in the preferences.
 */
function PaneSeparator({ max, controls }: { max: number; controls: string }) {
  const { t } = useLingui();
  const stored = usePrefsStore((s) => s.eventPaneWidth);
  const setWidth = usePrefsStore((s) => s.setEventPaneWidth);
  const width = Math.min(stored, max);
  const drag = useRef<{ x: number; width: number } | null>(null);
  const set = (next: number) =>
    setWidth(Math.min(max, Math.max(EVENT_PANE_WIDTH.min, next)));
  return (
    // A focusable separator is a widget (WAI-ARIA "window splitter"), which
    // jsx-a11y counts as non-interactive.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions
    <div
      role="separator"
      aria-orientation="vertical"
      aria-controls={controls}
      aria-label={t`Resize the event pane`}
      aria-valuenow={width}
      aria-valuemin={EVENT_PANE_WIDTH.min}
      aria-valuemax={max}
      aria-valuetext={t`${width} pixels wide`}
      // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- see above
      tabIndex={0}
      className="event-pane-separator"
      onKeyDown={(event) => {
        const step = event.shiftKey ? STEP * 4 : STEP;
        if (event.key === "ArrowLeft") set(width + step);
        else if (event.key === "ArrowRight") set(width - step);
        else if (event.key === "Home") set(EVENT_PANE_WIDTH.min);
        else if (event.key === "End") set(max);
        else return;
        event.preventDefault();
      }}
      onPointerDown={(event) => {
        if (event.button !== 0) return;
        event.currentTarget.setPointerCapture(event.pointerId);
        drag.current = { x: event.clientX, width };
        event.preventDefault();
      }}
      onPointerMove={(event) => {
        if (!drag.current) return;
        set(drag.current.width + drag.current.x - event.clientX);
      }}
      onPointerUp={() => {
        drag.current = null;
      }}
      onPointerCancel={() => {
        drag.current = null;
      }}
    />
  );
}

interface EventPaneFrameProps {
  /** The pane covers the whole results area. */
  full: boolean;
  onFullChange: (full: boolean) => void;
  /** The phone sheet's way back: closes the pane. */
  onBack: () => void;
  /** The frame's id (the separator controls it). */
  paneId: string;
  children: React.ReactNode;
}

/**
 * Where the View event pane sits: beside the results with a separator to
 * resize it, over the whole results area when popped out, and on phones a
 * full-screen sheet with a way back to the results.
 */
export function EventPaneFrame({
  full,
  onFullChange,
  onBack,
  paneId,
  children,
}: EventPaneFrameProps) {
  const frame = useRef<HTMLDivElement>(null);
  const max = useMaxWidth(frame);
  const phone = useMediaQuery(PHONE_QUERY);
  const stacked = useMediaQuery(STACKED_QUERY);
  useTabTrap(phone, ".event-pane-frame.is-sheet");
  return (
    <div
      ref={frame}
      id={paneId}
      className={`event-pane-frame${full && !phone ? " is-full" : ""}${phone ? " is-sheet" : ""}`}
    >
      {!full && !stacked && <PaneSeparator max={max} controls={paneId} />}
      <div className="event-pane-tools">
        {phone ? (
          <button type="button" onClick={onBack}>
            <span aria-hidden="true">← </span>
            <Trans>Back to results</Trans>
          </button>
        ) : (
          <button
            type="button"
            aria-pressed={full}
            onClick={() => onFullChange(!full)}
          >
            <Trans>Full width</Trans>
          </button>
        )}
      </div>
      {children}
    </div>
  );
}
