import { Trans, useLingui } from "@lingui/react/macro";
import type { AuditEvent } from "@/api/schemas/event";
import { useFormat } from "@/components/i18n/use-format";
import { CopyButton } from "@/components/ui/copy-button";
import { SafeText } from "@/components/ui/safe-text";
import { clientKind, identityLabel } from "./event-summary";

/** The service's own term, as the console spells it. */
const ACCESS_KEY = "AccessKey";

/** Who, when, what, from where, on what, with what result: the facts an auditor reads first. */
export function EventFacts({
  event,
  now,
}: {
  event: AuditEvent;
  now?: number;
}) {
  const { t } = useLingui();
  const { timeWithZone, relative } = useFormat();
  const e = event;
  const client = clientKind(e);
  return (
    <dl className="event-facts">
      <dt>
        <Trans>Who</Trans>
      </dt>
      <dd>
        <SafeText value={e.userName || t`unknown`} />{" "}
        <span className="muted">({identityLabel(e.identityType)})</span>
        {e.accountId && (
          <>
            {" "}
            · <Trans>account</Trans> <SafeText value={e.accountId} />
          </>
        )}
        {e.accessKeyId && (
          <>
            {" "}
            · {ACCESS_KEY}{" "}
            <code>
              <SafeText value={e.accessKeyId} />
            </code>{" "}
            <CopyButton value={e.accessKeyId} label={t`Copy AccessKey ID`} />
          </>
        )}
        {e.mfa !== undefined && <> · {e.mfa ? t`MFA used` : t`MFA not used`}</>}
      </dd>
      <dt>
        <Trans>When</Trans>
      </dt>
      <dd>
        <time dateTime={e.time}>{timeWithZone(e.timeMs)}</time>
        {now !== undefined && (
          <span className="muted"> ({relative(e.timeMs, now)})</span>
        )}
      </dd>
      <dt>
        <Trans>What</Trans>
      </dt>
      <dd>
        <SafeText value={e.name} />{" "}
        <span className="muted">
          <Trans>on</Trans> <SafeText value={e.service || e.source} /> ·{" "}
          <SafeText value={e.rw || "—"} /> · <SafeText value={e.type} />
        </span>
      </dd>
      <dt>
        <Trans>From where</Trans>
      </dt>
      <dd>
        <SafeText value={e.sourceIp || t`unknown address`} />{" "}
        <span className="muted">{t`via ${client}`}</span>{" "}
        <span className="muted small">
          <SafeText value={e.userAgent} maxLength={120} />
        </span>
      </dd>
      <dt>
        <Trans>On what</Trans>
      </dt>
      <dd>
        {e.resourceName || e.resourceType ? (
          <>
            <SafeText value={e.resourceName || "—"} />{" "}
            <span className="muted">
              <SafeText value={e.resourceType} />
            </span>
          </>
        ) : (
          <span className="muted">
            <Trans>no resource named</Trans>
          </span>
        )}{" "}
        · <Trans>region</Trans> <SafeText value={e.region || "—"} />
      </dd>
      <dt>
        <Trans>Result</Trans>
      </dt>
      <dd>
        {e.errorCode ? (
          <span className="result-error">
            <Trans>Failed:</Trans>{" "}
            <code>
              <SafeText value={e.errorCode} />
            </code>{" "}
            <SafeText value={e.errorMessage} maxLength={500} />
          </span>
        ) : (
          <span className="result-ok">
            <Trans>Succeeded</Trans>
          </span>
        )}
      </dd>
    </dl>
  );
}
