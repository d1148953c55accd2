import { Trans } from "@lingui/react/macro";
import { useState } from "react";

interface RefineBoxProps {
  id: string;
  /** The refine text the URL holds. */
  value: string;
  onChange: (value: string) => void;
}

/**
 * The free-text filter over the loaded events. What is typed is held here
 * and shown at once, and written to the URL as it changes: the URL answers a
 * beat later, and a controlled box fed only from the URL would drop a key
 * typed in between. When the URL changes from elsewhere (Back, a link), the
 * box follows it.
 */
export function RefineBox({ id, value, onChange }: RefineBoxProps) {
  const [typed, setTyped] = useState(value);
  const [seen, setSeen] = useState(value);
  if (value !== seen) {
    setSeen(value);
    if (value !== typed) setTyped(value);
  }
  return (
    <div className="search-row">
      <label htmlFor={`${id}-refine`}>
        <Trans>Refine loaded events</Trans>
      </label>
      <input
        id={`${id}-refine`}
        type="search"
        value={typed}
        onChange={(e) => {
          setTyped(e.target.value);
          onChange(e.target.value);
        }}
        aria-describedby={`${id}-refine-note`}
      />
      <span id={`${id}-refine-note`} className="muted small">
        <Trans>
          Filters only the events already loaded, across every field; it does
          not search the server.
        </Trans>
      </span>
    </div>
  );
}
