import { useLingui } from "@lingui/react/macro";
import { useFormat } from "@/components/i18n/use-format";
import { useState } from "react";
import { SafeText } from "./safe-text";

/**
 * A collapsible view of untrusted JSON (an event's requestParameters or
 * responseElements). Keys and values are rendered as text; keys such as
 * `__proto__` are ordinary keys (read from the value's own keys, nothing is
 * rebuilt from them); nesting deeper than `maxDepth` shows a "View raw"
 * button instead of more levels; long strings are cut with "Show all"; long
 * arrays and objects show their first children with "Show more".
 */

interface JsonTreeProps {
  value: unknown;
  /** Names the tree for assistive technology: "Request parameters". */
  label: string;
  maxDepth?: number;
  maxString?: number;
  /** Open every level at first (collapsible afterwards). */
  defaultExpanded?: boolean;
}

const CHILD_PAGE = 200;
// JSON's own words, the same in every language.
const JSON_NULL = "null";
const JSON_UNDEFINED = "undefined";

type Entry = [string, unknown];

function entriesOf(value: object): Entry[] {
  if (Array.isArray(value)) return value.map((v, i) => [String(i), v]);
  return Object.keys(value).map((key): Entry => {
    const descriptor = Object.getOwnPropertyDescriptor(value, key);
    return [
      key,
      descriptor && "value" in descriptor ? descriptor.value : undefined,
    ];
  });
}

function safeStringify(value: unknown, space?: number): string {
  try {
    return JSON.stringify(value, null, space) ?? String(value);
  } catch {
    return "(…)";
  }
}

function StringValue({
  value,
  maxString,
}: {
  value: string;
  maxString: number;
}) {
  const { t } = useLingui();
  const [all, setAll] = useState(false);
  const cut = !all && value.length > maxString;
  return (
    <span className="json-string">
      &quot;
      <SafeText value={value} {...(cut ? { maxLength: maxString } : {})} />
      &quot;
      {cut && (
        <button
          type="button"
          className="link-button"
          onClick={() => setAll(true)}
        >
          {t`Show all`}
        </button>
      )}
    </span>
  );
}

function Leaf({ value, maxString }: { value: unknown; maxString: number }) {
  if (typeof value === "string")
    return <StringValue value={value} maxString={maxString} />;
  if (value === null) return <span className="json-null">{JSON_NULL}</span>;
  if (typeof value === "number" || typeof value === "boolean")
    return <span className={`json-${typeof value}`}>{String(value)}</span>;
  return (
    <span className="json-null">
      {value === undefined ? JSON_UNDEFINED : `(${typeof value})`}
    </span>
  );
}

function RawView({ value }: { value: unknown }) {
  const { t } = useLingui();
  const [shown, setShown] = useState(false);
  return shown ? (
    <pre className="json-raw">
      <SafeText value={safeStringify(value, 2)} />
    </pre>
  ) : (
    <span className="json-depth-cap">
      {t`nested too deep to show as a tree`}{" "}
      <button
        type="button"
        className="link-button"
        onClick={() => setShown(true)}
      >
        {t`View raw`}
      </button>
    </span>
  );
}

interface NodeProps {
  name: string | undefined;
  value: unknown;
  depth: number;
  maxDepth: number;
  maxString: number;
  defaultExpanded: boolean;
}

function Node({
  name,
  value,
  depth,
  maxDepth,
  maxString,
  defaultExpanded,
}: NodeProps) {
  const { t } = useLingui();
  const { number } = useFormat();
  const [limit, setLimit] = useState(CHILD_PAGE);
  const keyLabel =
    name === undefined ? null : (
      <span className="json-key">
        <SafeText value={name} maxLength={200} />:{" "}
      </span>
    );
  if (value === null || typeof value !== "object") {
    return (
      <li className="json-leaf">
        {keyLabel}
        <Leaf value={value} maxString={maxString} />
      </li>
    );
  }
  if (depth >= maxDepth) {
    return (
      <li className="json-leaf">
        {keyLabel}
        <RawView value={value} />
      </li>
    );
  }
  const entries = entriesOf(value);
  const isArray = Array.isArray(value);
  const summary = isArray ? `[${entries.length}]` : `{${entries.length}}`;
  if (entries.length === 0) {
    return (
      <li className="json-leaf">
        {keyLabel}
        <span className="json-empty">{isArray ? "[]" : "{}"}</span>
      </li>
    );
  }
  return (
    <li>
      <details open={defaultExpanded || depth === 0}>
        <summary>
          {keyLabel}
          <span className="json-summary">{summary}</span>
        </summary>
        <ul className="json-children">
          {entries.slice(0, limit).map(([key, child]) => (
            <Node
              key={key}
              name={key}
              value={child}
              depth={depth + 1}
              maxDepth={maxDepth}
              maxString={maxString}
              defaultExpanded={defaultExpanded}
            />
          ))}
          {entries.length > limit && (
            <li>
              <button
                type="button"
                className="link-button"
                onClick={() => setLimit((n) => n + CHILD_PAGE)}
              >
                {t`Show ${Math.min(CHILD_PAGE, entries.length - limit)} more of ${number(entries.length - limit)}`}
              </button>
            </li>
          )}
        </ul>
      </details>
    </li>
  );
}

export function JsonTree({
  value,
  label,
  maxDepth = 100,
  maxString = 2000,
  defaultExpanded = false,
}: JsonTreeProps) {
  const { t } = useLingui();
  const [expandAll, setExpandAll] = useState(defaultExpanded);
  if (value === undefined) return <p className="muted">{t`${label}: none`}</p>;
  return (
    <div className="json-tree" role="group" aria-label={label}>
      <button
        type="button"
        className="link-button json-expand"
        onClick={() => setExpandAll((v) => !v)}
      >
        {expandAll ? t`Collapse all` : t`Expand all`}
      </button>
      <ul className="json-root">
        <Node
          key={String(expandAll)}
          name={undefined}
          value={value}
          depth={0}
          maxDepth={maxDepth}
          maxString={maxString}
          defaultExpanded={expandAll}
        />
      </ul>
    </div>
  );
}
