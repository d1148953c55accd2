import { useCallback, useState } from "react";

const KEY = "trailscope.query.history";
const KEEP = 20;

function read(): string[] {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(KEY) ?? "[]");
    return Array.isArray(value)
      ? value.filter((v): v is string => typeof v === "string")
      : [];
  } catch {
    return [];
  }
}

/** The queries run on this browser, newest first (kept in localStorage). */
export function useQueryHistory() {
  const [items, setItems] = useState(read);
  const remember = useCallback((sql: string) => {
    const next = [sql, ...read().filter((s) => s !== sql)].slice(0, KEEP);
    localStorage.setItem(KEY, JSON.stringify(next));
    setItems(next);
  }, []);
  return { items, remember };
}
