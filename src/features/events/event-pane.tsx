import { useEffect, useId, useRef, useState } from "react";
import type { AuditEvent } from "@/api/schemas/event";
import { CopyButton } from "@/components/ui/copy-button";
import { JsonTree } from "@/components/ui/json-tree";
import { SafeText } from "@/components/ui/safe-text";
import { EventFacts } from "./event-facts";
import { EventPivots } from "./event-pivots";
import { SurroundingEvents } from "./surrounding-events";

const RAW_PREVIEW = 200_000;

function rawText(event: AuditEvent): string {
  try {
    return JSON.stringify(event.raw, null, 2);
  } catch {
    return "";
  }
}

function RawJson({ event }: { event: AuditEvent }) {
  const [all, setAll] = useState(false);
  const text = rawText(event);
  const compact = (() => {
    try {
      return JSON.stringify(event.raw);
    } catch {
      return "";
    }
  })();
  const cut = !all && text.length > RAW_PREVIEW;
  return (
    <details className="raw-json">
      <summary>Raw JSON</summary>
      <CopyButton value={compact} label="Copy raw JSON">
        Copy raw JSON
      </CopyButton>
      <textarea
        className="raw-json-text"
        readOnly
        rows={16}
        aria-label="Raw event JSON"
        value={cut ? text.slice(0, RAW_PREVIEW) : text}
      />
      {cut && (
        <button
          type="button"
          className="link-button"
          onClick={() => setAll(true)}
        >
          Show all {text.length.toLocaleString("en-US")} characters
        </button>
      )}
    </details>
  );
}

interface EventPaneProps {
  event: AuditEvent;
  region: string;
  range: { from?: string; to?: string };
  deepLink: string;
  onClose: () => void;
  onPrevious?: (() => void) | undefined;
  onNext?: (() => void) | undefined;
  onOpenId: (id: string) => void;
}

/** The View event pane: focus moves in on open; Escape or Close returns it to where it was. */
export function EventPane({
  event,
  region,
  range,
  deepLink,
  onClose,
  onPrevious,
  onNext,
  onOpenId,
}: EventPaneProps) {
  const titleId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
  }, [event.id]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape" && !document.querySelector("dialog[open]"))
        onClose();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [onClose]);
  const origin = typeof location === "undefined" ? "" : location.origin;
  return (
    <section className="event-pane" aria-labelledby={titleId}>
      <header className="event-pane-header">
        <h2 id={titleId} ref={headingRef} tabIndex={-1}>
          <SafeText value={event.name} maxLength={120} />
        </h2>
        <div className="event-pane-actions">
          <button type="button" onClick={onPrevious} disabled={!onPrevious}>
            Previous event
          </button>
          <button type="button" onClick={onNext} disabled={!onNext}>
            Next event
          </button>
          <CopyButton
            value={`${origin}${deepLink}`}
            label="Copy link to this event"
          >
            Copy event link
          </CopyButton>
          <button
            type="button"
            onClick={onClose}
            aria-label="Close event details"
          >
            Close
          </button>
        </div>
      </header>
      <p className="muted small">
        Event ID{" "}
        <code>
          <SafeText value={event.id} />
        </code>{" "}
        <CopyButton value={event.id} label="Copy event ID" />
        {event.requestId && (
          <>
            {" "}
            · Request ID{" "}
            <code>
              <SafeText value={event.requestId} />
            </code>{" "}
            <CopyButton
              value={event.requestId}
              label="Copy request ID of the call"
            />
          </>
        )}
      </p>
      <EventFacts event={event} />
      <h3>Follow a value</h3>
      <EventPivots event={event} region={region} range={range} />
      <SurroundingEvents event={event} onOpen={onOpenId} />
      <h3>Request parameters</h3>
      <JsonTree
        value={event.raw.requestParameters}
        label="Request parameters"
      />
      <h3>Response elements</h3>
      <JsonTree value={event.raw.responseElements} label="Response elements" />
      {event.raw.additionalEventData !== undefined && (
        <>
          <h3>Additional event data</h3>
          <JsonTree
            value={event.raw.additionalEventData}
            label="Additional event data"
          />
        </>
      )}
      <RawJson event={event} />
    </section>
  );
}
