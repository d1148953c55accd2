import { Trans, useLingui } from "@lingui/react/macro";
import { useFormat } from "@/components/i18n/use-format";
import { useEffect, useId, useRef, useState } from "react";
import type { AuditEvent } from "@/api/schemas/event";
import { CopyButton } from "@/components/ui/copy-button";
import { JsonTree } from "@/components/ui/json-tree";
import { SafeText } from "@/components/ui/safe-text";
import { PanePinButton } from "./case-pins";
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
  const { t } = useLingui();
  const { number } = useFormat();
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
  const length = number(text.length);
  return (
    <details className="raw-json">
      <summary>
        <Trans>Raw JSON</Trans>
      </summary>
      <CopyButton value={compact} label={t`Copy raw JSON`}>
        <Trans>Copy raw JSON</Trans>
      </CopyButton>
      <textarea
        className="raw-json-text"
        readOnly
        rows={16}
        aria-label={t`Raw event JSON`}
        value={cut ? text.slice(0, RAW_PREVIEW) : text}
      />
      {cut && (
        <button
          type="button"
          className="link-button"
          onClick={() => setAll(true)}
        >
          {t`Show all ${length} characters`}
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
  const { t } = useLingui();
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
            <Trans>Previous event</Trans>
          </button>
          <button type="button" onClick={onNext} disabled={!onNext}>
            <Trans>Next event</Trans>
          </button>
          <PanePinButton event={event} deepLink={deepLink} range={range} />
          <CopyButton
            value={`${origin}${deepLink}`}
            label={t`Copy link to this event`}
          >
            <Trans>Copy event link</Trans>
          </CopyButton>
          <button
            type="button"
            onClick={onClose}
            aria-label={t`Close event details`}
          >
            <Trans>Close</Trans>
          </button>
        </div>
      </header>
      <p className="muted small">
        <Trans>Event ID</Trans>{" "}
        <code>
          <SafeText value={event.id} />
        </code>{" "}
        <CopyButton value={event.id} label={t`Copy event ID`} />
        {event.requestId && (
          <>
            {" "}
            · <Trans>Request ID</Trans>{" "}
            <code>
              <SafeText value={event.requestId} />
            </code>{" "}
            <CopyButton
              value={event.requestId}
              label={t`Copy request ID of the call`}
            />
          </>
        )}
      </p>
      <EventFacts event={event} />
      <h3>
        <Trans>Follow a value</Trans>
      </h3>
      <EventPivots event={event} region={region} range={range} />
      <SurroundingEvents event={event} onOpen={onOpenId} />
      <h3>
        <Trans>Request parameters</Trans>
      </h3>
      <JsonTree
        value={event.raw.requestParameters}
        label={t`Request parameters`}
      />
      <h3>
        <Trans>Response elements</Trans>
      </h3>
      <JsonTree
        value={event.raw.responseElements}
        label={t`Response elements`}
      />
      {event.raw.additionalEventData !== undefined && (
        <>
          <h3>
            <Trans>Additional event data</Trans>
          </h3>
          <JsonTree
            value={event.raw.additionalEventData}
            label={t`Additional event data`}
          />
        </>
      )}
      <RawJson event={event} />
    </section>
  );
}
