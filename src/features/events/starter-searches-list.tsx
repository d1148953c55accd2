import { useLingui } from "@lingui/react/macro";
import { useId, useState } from "react";
import { Link, useNavigate } from "react-router";
import type { AuditEvent } from "@/api/schemas/event";
import { eventSearchHref } from "@/lib/event-search-url";
import { STARTER_SEARCHES, type StarterSearch } from "./starter-searches";

interface StarterSearchesListProps {
  region: string;
  /** The event open in the pane, whose values a starter may take. */
  openEvent: AuditEvent | undefined;
  onOpen: () => void;
}

/** The starter searches, each opened in the current region. */
export function StarterSearchesList({
  region,
  openEvent,
  onOpen,
}: StarterSearchesListProps) {
  const { t } = useLingui();
  return (
    <section className="starter-searches" aria-label={t`Starter searches`}>
      <h3>{t`Starter searches`}</h3>
      <ul>
        {STARTER_SEARCHES.map((starter) => (
          <StarterItem
            key={`${starter.id}:${openEvent?.id ?? ""}`}
            starter={starter}
            region={region}
            openEvent={openEvent}
            onOpen={onOpen}
          />
        ))}
      </ul>
    </section>
  );
}

function StarterItem({
  starter,
  region,
  openEvent,
  onOpen,
}: {
  starter: StarterSearch;
  region: string;
  openEvent: AuditEvent | undefined;
  onOpen: () => void;
}) {
  const { t } = useLingui();
  const id = useId();
  const navigate = useNavigate();
  const asks = starter.asks;
  const [value, setValue] = useState(() =>
    asks && openEvent ? asks.fromEvent(openEvent) : "",
  );
  const title = t(starter.title);
  const hrefFor = (v: string) =>
    eventSearchHref({ ...starter.build(v.trim()), region });
  return (
    <li>
      <strong id={`${id}-title`}>{title}</strong>
      <p className="muted">{t(starter.about)}</p>
      {asks ? (
        <form
          className="starter-form"
          aria-labelledby={`${id}-title`}
          onSubmit={(event) => {
            event.preventDefault();
            if (asks.required && !value.trim()) return;
            onOpen();
            void navigate(hrefFor(value));
          }}
        >
          <label htmlFor={`${id}-value`}>{t(asks.label)}</label>
          <input
            id={`${id}-value`}
            value={value}
            onChange={(e) => setValue(e.target.value)}
            required={asks.required}
            maxLength={200}
            autoComplete="off"
          />
          <button type="submit" aria-label={t`Open ${title}`}>
            {t`Open`}
          </button>
        </form>
      ) : (
        <Link to={hrefFor("")} onClick={onOpen} aria-label={t`Open ${title}`}>
          {t`Open`}
        </Link>
      )}
    </li>
  );
}
