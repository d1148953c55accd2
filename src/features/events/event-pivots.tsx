import type { MessageDescriptor } from "@lingui/core";
import { msg } from "@lingui/core/macro";
import { Trans, useLingui } from "@lingui/react/macro";
import { Link } from "react-router";
import type { AuditEvent } from "@/api/schemas/event";
import { ALL_REGIONS } from "@/features/regions/use-region";
import { eventSearchHref, type SearchCondition } from "@/lib/event-search-url";
import { SafeText } from "@/components/ui/safe-text";

interface Pivot {
  label: MessageDescriptor;
  condition: SearchCondition;
}

export function pivotsOf(e: AuditEvent): Pivot[] {
  const pivots: Pivot[] = [];
  if (e.userName)
    pivots.push({
      label: msg`Events with this user`,
      condition: { key: "User", value: e.userName },
    });
  if (e.accessKeyId)
    pivots.push({
      label: msg`Events with this AccessKey`,
      condition: { key: "EventAccessKeyId", value: e.accessKeyId },
    });
  if (e.sourceIp)
    pivots.push({
      label: msg`Events with this IP`,
      condition: { key: "SourceIpAddress", value: e.sourceIp },
    });
  const resource = e.resourceName.split(/[;,]/)[0]?.trim();
  if (resource)
    pivots.push({
      label: msg`Events with this resource`,
      condition: { key: "ResourceName", value: resource },
    });
  pivots.push({
    label: msg`Events with this event name`,
    condition: { key: "EventName", value: e.name },
  });
  return pivots;
}

/** Every value leads on: events with the same user, AccessKey, IP, resource or event name, here or in all regions. */
export function EventPivots({
  event,
  region,
  range,
}: {
  event: AuditEvent;
  region: string;
  range: { from?: string; to?: string };
}) {
  const { i18n } = useLingui();
  const here = event.region || region;
  const base = range.from && range.to ? { from: range.from, to: range.to } : {};
  return (
    <ul className="event-pivots">
      {pivotsOf(event).map(({ label, condition }) => (
        <li key={condition.key}>
          {i18n._(label)} (
          <SafeText value={condition.value} maxLength={60} />
          ):{" "}
          <Link
            to={eventSearchHref({
              ...base,
              region: here === ALL_REGIONS ? region : here,
              filters: [condition],
            })}
          >
            <Trans>in</Trans> <SafeText value={here} />
          </Link>{" "}
          ·{" "}
          <Link
            to={eventSearchHref({
              ...base,
              region: ALL_REGIONS,
              filters: [condition],
            })}
          >
            <Trans>in all regions</Trans>
          </Link>
        </li>
      ))}
    </ul>
  );
}
