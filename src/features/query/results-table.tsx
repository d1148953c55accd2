import { useLingui } from "@lingui/react/macro";
import { useVirtualizer } from "@tanstack/react-virtual";
import { useMemo, useRef, useState } from "react";
import { Link } from "react-router";
import { SafeText } from "@/components/ui/safe-text";
import { eventSearchHref } from "@/lib/event-search-url";
import type { QueryResult } from "./engine";

interface ResultsTableProps {
  result: QueryResult;
  region: string;
  window: { from: number; to: number };
}

type Sort = { column: number; desc: boolean } | undefined;

const cellText = (value: unknown): string =>
  value === null || value === undefined
    ? ""
    : typeof value === "string"
      ? value
      : typeof value === "number" || typeof value === "boolean"
        ? String(value)
        : JSON.stringify(value);

const compare = (a: unknown, b: unknown): number => {
  if (a === b) return 0;
  if (a === null || a === undefined) return 1;
  if (b === null || b === undefined) return -1;
  if (typeof a === "number" && typeof b === "number") return a - b;
  return cellText(a) < cellText(b) ? -1 : 1;
};

const ROW_HEIGHT = 32;

/** A query's rows: virtualized, sortable by any column; an eventId opens that event in the event search. */
export function ResultsTable({ result, region, window }: ResultsTableProps) {
  const { t } = useLingui();
  const [sort, setSort] = useState<Sort>();
  const rows = useMemo(() => {
    if (!sort) return result.rows;
    const sorted = [...result.rows].sort((a, b) =>
      compare(a[sort.column], b[sort.column]),
    );
    return sort.desc ? sorted.reverse() : sorted;
  }, [result.rows, sort]);
  const scroller = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read in this render only
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
    initialRect: { width: 800, height: 480 },
  });
  const items = virtualizer.getVirtualItems();
  const before = items[0]?.start ?? 0;
  const after = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  const idColumn = result.columns.findIndex((c) => c.name === "eventId");
  const width = result.columns.length;
  return (
    <div
      ref={scroller}
      className="query-results"
      role="region"
      aria-label={t`Query results`}
    >
      <table aria-rowcount={rows.length + 1}>
        <thead>
          <tr>
            {result.columns.map((column, i) => {
              const sorted = sort?.column === i;
              return (
                <th
                  key={`${i}:${column.name}`}
                  aria-sort={
                    sorted ? (sort.desc ? "descending" : "ascending") : "none"
                  }
                >
                  <button
                    type="button"
                    onClick={() =>
                      setSort(
                        sorted && sort.desc
                          ? undefined
                          : { column: i, desc: sorted },
                      )
                    }
                  >
                    <SafeText value={column.name} maxLength={200} />
                    {sorted ? (sort.desc ? " ▼" : " ▲") : ""}
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {before > 0 && (
            <tr aria-hidden="true">
              <td colSpan={width} style={{ height: before }} />
            </tr>
          )}
          {items.map((item) => {
            const row = rows[item.index] ?? [];
            const id = idColumn >= 0 ? row[idColumn] : undefined;
            return (
              <tr key={item.key} aria-rowindex={item.index + 2}>
                {row.map((value, i) => (
                  <td key={i}>
                    {i === idColumn && typeof id === "string" ? (
                      <Link
                        to={eventSearchHref({
                          region,
                          from: window.from,
                          to: window.to,
                          eventId: id,
                        })}
                      >
                        <SafeText value={id} maxLength={200} />
                      </Link>
                    ) : (
                      <SafeText value={cellText(value)} maxLength={200} />
                    )}
                  </td>
                ))}
              </tr>
            );
          })}
          {after > 0 && (
            <tr aria-hidden="true">
              <td colSpan={width} style={{ height: after }} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
