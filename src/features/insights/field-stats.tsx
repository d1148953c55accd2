import type { MessageDescriptor } from "@lingui/core";
import { msg } from "@lingui/core/macro";
import { Trans, useLingui } from "@lingui/react/macro";
import { useFormat } from "@/components/i18n/use-format";
import { useId, useMemo } from "react";
import { Link } from "react-router";
import { ErrorPanel } from "@/components/ui/error-panel";
import { FieldValues } from "@/components/field-values";
import { EmptyState, LoadingState } from "@/components/ui/states";
import { eventSearchHref } from "@/lib/event-search-url";
import { EVENT_FIELDS, fieldById, topValues } from "@/lib/event-stats";
import { useOverviewEvents } from "./use-overview-events";

/** The fields' names in the reader's language (ids of EVENT_FIELDS). */
const FIELD_LABEL: Record<string, MessageDescriptor> = {
  name: msg`Event name`,
  service: msg`Service`,
  user: msg`User`,
  ip: msg`Source IP`,
  errorCode: msg`Error code`,
  resourceType: msg`Resource type`,
  resourceName: msg`Resource name`,
  accessKey: msg`AccessKey`,
  eventType: msg`Event type`,
  rw: msg`Read / write`,
  region: msg`Region`,
  identityType: msg`Identity type`,
  userAgent: msg`User agent`,
};

interface FieldStatsProps {
  region: string;
  from: number;
  to: number;
  field: string;
  onFieldChange: (field: string) => void;
}

/** Top values of any field of the loaded events, each a click from filtering for or against it. */
export function FieldStats({
  region,
  from,
  to,
  field,
  onFieldChange,
}: FieldStatsProps) {
  const { t, i18n } = useLingui();
  const { number, locale } = useFormat();
  const labelOf = (f: { id: string; label: string }) =>
    Object.hasOwn(FIELD_LABEL, f.id) ? i18n._(FIELD_LABEL[f.id]!) : f.label;
  const id = useId();
  const loaded = useOverviewEvents(region, from, to);
  const chosen = fieldById(field) ?? EVENT_FIELDS[0]!;
  const stats = useMemo(
    () => topValues(loaded.data?.events ?? [], chosen.get, 20),
    [loaded.data, chosen],
  );
  const label = labelOf(chosen);
  const fieldName = locale === "en-US" ? label.toLowerCase() : label;
  const total = number(stats.total);
  const distinct = number(stats.distinct);
  return (
    <div className="field-stats">
      <label htmlFor={id}>
        <Trans>Field</Trans>
      </label>{" "}
      <select
        id={id}
        value={chosen.id}
        onChange={(e) => onFieldChange(e.target.value)}
      >
        {EVENT_FIELDS.map((f) => (
          <option key={f.id} value={f.id}>
            {labelOf(f)}
          </option>
        ))}
      </select>
      {loaded.isError ? (
        <ErrorPanel
          error={loaded.error}
          onRetry={() => void loaded.refetch()}
          compact
        />
      ) : stats.total === 0 && !loaded.complete ? (
        <LoadingState title={t`Loading events…`} />
      ) : stats.total === 0 || !loaded.data ? (
        <EmptyState title={t`No loaded events.`} />
      ) : (
        <>
          <p className="muted">
            {!loaded.complete
              ? t`Still reading: covers the ${total} events read so far: ${distinct} different values of ${fieldName}.`
              : loaded.data.truncated
                ? t`Covers the ${total} loaded events only (the newest of the range; the cap was reached): ${distinct} different values of ${fieldName}.`
                : t`Covers the ${total} loaded events only: ${distinct} different values of ${fieldName}.`}
          </p>
          <FieldValues
            label={label}
            values={stats.top}
            total={stats.total}
            renderActions={(value) =>
              value !== "" && (
                <>
                  <Link
                    to={eventSearchHref({
                      region,
                      from,
                      to,
                      filters: [{ key: chosen.searchKey, value }],
                    })}
                    aria-label={t`Only ${label} ${value}`}
                  >
                    <Trans>Only this</Trans>
                  </Link>
                  <Link
                    to={eventSearchHref({
                      region,
                      from,
                      to,
                      exclude: [{ key: chosen.searchKey, value }],
                    })}
                    aria-label={t`Without ${label} ${value}`}
                  >
                    <Trans>Without</Trans>
                  </Link>
                </>
              )
            }
          />
        </>
      )}
    </div>
  );
}
