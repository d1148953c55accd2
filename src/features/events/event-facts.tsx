import type { AuditEvent } from "@/api/schemas/event";
import { CopyButton } from "@/components/ui/copy-button";
import { SafeText } from "@/components/ui/safe-text";
import { formatRelative, formatTime, zoneLabel } from "@/lib/time";
import { usePrefsStore } from "@/stores/prefs-store";
import { clientKind, identityLabel } from "./event-summary";

/** Who, when, what, from where, on what, with what result: the facts an auditor reads first. */
export function EventFacts({
  event,
  now,
}: {
  event: AuditEvent;
  now?: number;
}) {
  const zone = usePrefsStore((s) => s.timeZone);
  const e = event;
  return (
    <dl className="event-facts">
      <dt>Who</dt>
      <dd>
        <SafeText value={e.userName || "unknown"} />{" "}
        <span className="muted">({identityLabel(e.identityType)})</span>
        {e.accountId && (
          <>
            {" "}
            · account <SafeText value={e.accountId} />
          </>
        )}
        {e.accessKeyId && (
          <>
            {" "}
            · AccessKey{" "}
            <code>
              <SafeText value={e.accessKeyId} />
            </code>{" "}
            <CopyButton value={e.accessKeyId} label="Copy AccessKey ID" />
          </>
        )}
        {e.mfa !== undefined && <> · MFA {e.mfa ? "used" : "not used"}</>}
      </dd>
      <dt>When</dt>
      <dd>
        <time dateTime={e.time}>
          {formatTime(e.timeMs, zone)} {zoneLabel(zone, e.timeMs)}
        </time>
        {now !== undefined && (
          <span className="muted"> ({formatRelative(e.timeMs, now)})</span>
        )}
      </dd>
      <dt>What</dt>
      <dd>
        <SafeText value={e.name} />{" "}
        <span className="muted">
          on <SafeText value={e.service || e.source} /> · {e.rw || "—"} ·{" "}
          <SafeText value={e.type} />
        </span>
      </dd>
      <dt>From where</dt>
      <dd>
        <SafeText value={e.sourceIp || "unknown address"} />{" "}
        <span className="muted">via {clientKind(e)}</span>{" "}
        <span className="muted small">
          <SafeText value={e.userAgent} maxLength={120} />
        </span>
      </dd>
      <dt>On what</dt>
      <dd>
        {e.resourceName || e.resourceType ? (
          <>
            <SafeText value={e.resourceName || "—"} />{" "}
            <span className="muted">
              <SafeText value={e.resourceType} />
            </span>
          </>
        ) : (
          <span className="muted">no resource named</span>
        )}{" "}
        · region <SafeText value={e.region || "—"} />
      </dd>
      <dt>Result</dt>
      <dd>
        {e.errorCode ? (
          <span className="result-error">
            Failed:{" "}
            <code>
              <SafeText value={e.errorCode} />
            </code>{" "}
            <SafeText value={e.errorMessage} maxLength={500} />
          </span>
        ) : (
          <span className="result-ok">Succeeded</span>
        )}
      </dd>
    </dl>
  );
}
