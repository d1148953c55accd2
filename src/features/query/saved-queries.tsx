import { useLingui } from "@lingui/react/macro";
import { useState } from "react";
import { Link } from "react-router";
import { SafeText } from "@/components/ui/safe-text";
import { STARTER_QUERIES } from "./examples";
import { download } from "./export";
import {
  parseSavedFile,
  queryHref,
  readSaved,
  withSaved,
  writeSaved,
  type SavedQuery,
} from "./saved-store";

interface SavedQueriesProps {
  sql: string;
  onOpen: (sql: string) => void;
}

/** Save the query with a name and a note; open, export and import saved ones and the starters. */
export function SavedQueries({ sql, onOpen }: SavedQueriesProps) {
  const { t } = useLingui();
  const [items, setItems] = useState(readSaved);
  const [name, setName] = useState("");
  const [note, setNote] = useState("");
  const [problem, setProblem] = useState<string>();
  const update = (next: SavedQuery[]) => {
    writeSaved(next);
    setItems(next);
  };
  const starters: SavedQuery[] = STARTER_QUERIES.map((s) => ({
    name: t(s.title),
    note: "",
    sql: s.sql,
  }));
  return (
    <details className="saved-queries">
      <summary>{t`Saved queries (${items.length})`}</summary>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!name.trim()) return;
          update(withSaved(items, [{ name: name.trim(), note, sql }]));
          setName("");
          setNote("");
        }}
      >
        <label>
          {t`Name`}{" "}
          <input
            value={name}
            onChange={(e) => setName(e.target.value)}
            required
          />
        </label>
        <label>
          {t`Note`}{" "}
          <input value={note} onChange={(e) => setNote(e.target.value)} />
        </label>
        <button type="submit">{t`Save query`}</button>
      </form>
      <ul aria-label={t`Saved queries`}>
        {[...items, ...starters].map((item, i) => (
          <li key={`${i}:${item.name}`}>
            <button type="button" onClick={() => onOpen(item.sql)}>
              {t`Open`} <SafeText value={item.name} maxLength={80} />
            </button>{" "}
            <Link to={queryHref(item.sql)} aria-label={t`Link to ${item.name}`}>
              {t`Link`}
            </Link>
            {item.note && (
              <>
                {" "}
                <SafeText value={item.note} maxLength={200} />
              </>
            )}
            {i < items.length && (
              <button
                type="button"
                onClick={() => update(items.filter((x) => x !== item))}
              >
                {t`Delete`}
              </button>
            )}
          </li>
        ))}
      </ul>
      <button
        type="button"
        onClick={() =>
          download(
            new Blob([JSON.stringify(items, null, 2)], {
              type: "application/json",
            }),
            "trailscope-queries.json",
          )
        }
      >
        {t`Export saved queries`}
      </button>
      <label>
        {t`Import saved queries`}{" "}
        <input
          type="file"
          accept="application/json,.json"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (!file) return;
            void file.text().then((text) => {
              const added = parseSavedFile(text);
              setProblem(
                added
                  ? undefined
                  : t`This file is not a list of saved queries.`,
              );
              if (added) update(withSaved(items, added));
            });
          }}
        />
      </label>
      {problem && <p role="alert">{problem}</p>}
    </details>
  );
}
