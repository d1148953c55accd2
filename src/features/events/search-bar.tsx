import { Trans, useLingui } from "@lingui/react/macro";
import { useId, useMemo, useState } from "react";
import type { AuditEvent } from "@/api/schemas/event";
import { SafeText } from "@/components/ui/safe-text";
import { countValues } from "@/lib/event-stats";
import type { SearchCondition } from "@/lib/event-search-url";
import {
  CONDITION_KEYS,
  conditionLabel,
  type ConditionPlan,
} from "./conditions";
import type { EventSearch } from "./filters";
import { RefineBox } from "./refine-box";
import { TimeRangePicker } from "./time-range-picker";

const SUGGEST: Record<string, (e: AuditEvent) => string> = {
  User: (e) => e.userName,
  EventName: (e) => e.name,
  ServiceName: (e) => e.service,
  ResourceType: (e) => e.resourceType,
  ResourceName: (e) => e.resourceName,
  EventAccessKeyId: (e) => e.accessKeyId,
  SourceIpAddress: (e) => e.sourceIp,
  EventType: (e) => e.type,
  ErrorCode: (e) => e.errorCode,
  Region: (e) => e.region,
  IdentityType: (e) => e.identityType,
  UserAgent: (e) => e.userAgent,
};
/** Suggestions come from the newest loaded events (bounded, so 100,000 loaded rows cost nothing per arrival). */
const SUGGEST_FROM = 5_000;
const FIXED: Record<string, string[]> = {
  EventRW: ["Read", "Write"],
  SensitiveAction: ["true"],
  Result: ["Success", "Failure"],
  EventType: [
    "ApiCall",
    "ConsoleOperation",
    "ConsoleSignin",
    "ConsoleSignout",
    "AliyunServiceEvent",
  ],
};

interface SearchBarProps {
  search: EventSearch;
  plan: ConditionPlan;
  loaded: AuditEvent[];
  onChange: (
    update: Partial<EventSearch>,
    options?: { replace?: boolean },
  ) => void;
}

/** Time range, read/write, conditions (server or browser, labelled) and the refine text. */
export function SearchBar({ search, plan, loaded, onChange }: SearchBarProps) {
  const { t } = useLingui();
  const id = useId();
  const [key, setKey] = useState<string>("User");
  const [value, setValue] = useState("");

  const suggestions = useMemo(() => {
    const get = SUGGEST[key];
    const fromEvents = get
      ? countValues(loaded.slice(0, SUGGEST_FROM), get)
          .slice(0, 200)
          .map((v) => v.value)
          .filter(Boolean)
      : [];
    return [...new Set([...(FIXED[key] ?? []), ...fromEvents])];
  }, [key, loaded]);

  const onBrowser = new Set(plan.browser.map((c) => `${c.key}:${c.value}`));

  const addCondition = (event: React.FormEvent) => {
    event.preventDefault();
    if (!value) return;
    onChange({ filters: [...search.filters, { key, value }] });
    setValue("");
  };

  const removeFilter = (index: number) =>
    onChange({ filters: search.filters.filter((_, i) => i !== index) });
  const removeExclusion = (index: number) =>
    onChange({ exclude: search.exclude.filter((_, i) => i !== index) });

  return (
    <div className="search-bar" role="search" aria-label={t`Event search`}>
      <TimeRangePicker search={search} onChange={onChange}>
        <label htmlFor={`${id}-rw`}>
          <Trans>Read/write</Trans>
        </label>
        <select
          id={`${id}-rw`}
          value={search.rw ?? "All"}
          onChange={(e) =>
            onChange({
              rw:
                e.target.value === "All"
                  ? undefined
                  : (e.target.value as "Read" | "Write"),
            })
          }
        >
          <option value="All">{t`All`}</option>
          <option value="Read">{t`Read`}</option>
          <option value="Write">{t`Write`}</option>
        </select>
      </TimeRangePicker>
      <form
        className="search-row"
        onSubmit={addCondition}
        aria-label={t`Add a condition`}
      >
        <label htmlFor={`${id}-key`}>
          <Trans>Condition</Trans>
        </label>
        <select
          id={`${id}-key`}
          value={key}
          onChange={(e) => setKey(e.target.value)}
        >
          {CONDITION_KEYS.map((k) => (
            <option key={k} value={k}>
              {conditionLabel(k)}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-value`} className="visually-hidden">
          <Trans>Value</Trans>
        </label>
        <input
          id={`${id}-value`}
          list={`${id}-suggestions`}
          value={value}
          onChange={(e) => setValue(e.target.value)}
          placeholder={t`exact value`}
          autoComplete="off"
        />
        <datalist id={`${id}-suggestions`}>
          {suggestions.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
        <button type="submit">
          <Trans>Add condition</Trans>
        </button>
      </form>
      {(search.filters.length > 0 ||
        search.rw ||
        search.exclude.length > 0) && (
        <ul className="condition-chips" aria-label={t`Conditions`}>
          {search.filters.map((c, i) => (
            <ConditionChip
              key={`${c.key}:${c.value}:${i}`}
              condition={c}
              where={
                onBrowser.has(`${c.key}:${c.value}`) ? "browser" : "server"
              }
              onRemove={() => removeFilter(i)}
            />
          ))}
          {search.rw && (
            <ConditionChip
              condition={{ key: "EventRW", value: search.rw }}
              where={
                onBrowser.has(`EventRW:${search.rw}`) ? "browser" : "server"
              }
              onRemove={() => onChange({ rw: undefined })}
            />
          )}
          {search.exclude.map((c, i) => (
            <ConditionChip
              key={`x:${c.key}:${c.value}:${i}`}
              condition={c}
              where="excluded"
              onRemove={() => removeExclusion(i)}
            />
          ))}
        </ul>
      )}
      <RefineBox
        id={id}
        value={search.refine}
        onChange={(refine) => onChange({ refine }, { replace: true })}
      />
    </div>
  );
}

function ConditionChip({
  condition,
  where,
  onRemove,
}: {
  condition: SearchCondition;
  where: "server" | "browser" | "excluded";
  onRemove: () => void;
}) {
  const { t } = useLingui();
  const label = conditionLabel(condition.key);
  const shortValue = condition.value.slice(0, 60);
  const note =
    where === "server"
      ? t`runs on the server`
      : where === "browser"
        ? t`applied in the browser`
        : t`excluded in the browser`;
  return (
    <li className={`chip chip-${where}`}>
      {where === "excluded" && `${t`not`} `}
      {label} = <SafeText value={condition.value} maxLength={60} />{" "}
      <span className={`badge badge-${where}`}>{note}</span>
      <button
        type="button"
        className="icon-button"
        aria-label={t`Remove condition ${label} ${shortValue}`}
        onClick={onRemove}
      >
        ×
      </button>
    </li>
  );
}
