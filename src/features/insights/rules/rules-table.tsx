import { msg } from "@lingui/core/macro";
import { Trans, useLingui } from "@lingui/react/macro";
import { useId, useMemo, useState } from "react";
import { useFormat } from "@/components/i18n/use-format";
import { CopyButton } from "@/components/ui/copy-button";
import { EmptyState } from "@/components/ui/states";
import { TACTICS, tacticLabel } from "@/lib/sigma/attack";
import { LEVELS, type Level } from "@/lib/sigma/compile";
import { filterRows, type RuleRow, type RuleSource } from "./rule-rows";
import { RemoveRuleButton } from "./remove-rule-button";

export const LEVEL_LABEL = {
  informational: msg`Informational`,
  low: msg`Low`,
  medium: msg`Medium`,
  high: msg`High`,
  critical: msg`Critical`,
} as const;

const SOURCE_LABEL = {
  pack: msg`Shipped pack`,
  user: msg`Yours`,
  detector: msg`Detector`,
} as const satisfies Record<RuleSource, unknown>;

interface RulesTableProps {
  rows: readonly RuleRow[];
  counted: boolean;
  onToggle: (id: string, enabled: boolean) => void;
}

/** Every rule and detector, filterable, with its switch, hits and (for the user's own) a remove button. */
export function RulesTable({ rows, counted, onToggle }: RulesTableProps) {
  const { t, i18n } = useLingui();
  const { number } = useFormat();
  const [text, setText] = useState("");
  const [level, setLevel] = useState<Level | "">("");
  const [tactic, setTactic] = useState("");
  const ids = useId();
  const shown = useMemo(
    () => filterRows(rows, { text, level, tactic }),
    [rows, text, level, tactic],
  );
  const total = number(rows.length);
  const visible = number(shown.length);
  return (
    <section aria-labelledby={`${ids}-title`} className="rules-list">
      <h2 id={`${ids}-title`}>
        <Trans>Rules and detectors</Trans>
      </h2>
      <div className="rules-filters" role="group" aria-label={t`Filter rules`}>
        <label>
          <Trans>Search</Trans>{" "}
          <input
            type="search"
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        </label>
        <label>
          <Trans>Level</Trans>{" "}
          <select
            value={level}
            onChange={(e) => setLevel(e.target.value as Level | "")}
          >
            <option value="">{t`Any level`}</option>
            {LEVELS.map((l) => (
              <option key={l} value={l}>
                {i18n._(LEVEL_LABEL[l])}
              </option>
            ))}
          </select>
        </label>
        <label>
          <Trans>Tactic</Trans>{" "}
          <select value={tactic} onChange={(e) => setTactic(e.target.value)}>
            <option value="">{t`Any tactic`}</option>
            {TACTICS.map((ta) => (
              <option key={ta.id} value={ta.name}>
                {i18n._(tacticLabel(ta.id))}
              </option>
            ))}
          </select>
        </label>
        <p role="status">
          <Trans>
            Showing {visible} of {total}
          </Trans>
        </p>
      </div>
      {shown.length === 0 ? (
        <EmptyState title={t`No rule matches these filters.`} />
      ) : (
        <div className="table-scroll">
          <table className="data-table rules-table">
            <thead>
              <tr>
                <th scope="col">{t`Rule`}</th>
                <th scope="col">{t`Level`}</th>
                <th scope="col">{t`ATT&CK`}</th>
                <th scope="col">{t`ID`}</th>
                <th scope="col">{t`Source`}</th>
                <th scope="col" className="num">
                  {t`Hits`}
                </th>
                <th scope="col">{t`On`}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((row) => (
                <RuleTableRow
                  key={row.id}
                  row={row}
                  counted={counted}
                  onToggle={onToggle}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function RuleTableRow({
  row,
  counted,
  onToggle,
}: {
  row: RuleRow;
  counted: boolean;
  onToggle: (id: string, enabled: boolean) => void;
}) {
  const { t, i18n } = useLingui();
  const { number } = useFormat();
  const title = row.title;
  const tactics = row.tactics.map((name) => {
    const id = TACTICS.find((ta) => ta.name === name)?.id;
    return id ? i18n._(tacticLabel(id)) : name;
  });
  const attack = [...tactics, ...row.techniques].join(" · ");
  return (
    <tr className={row.enabled ? undefined : "rule-off"}>
      <th scope="row">
        <span className="rule-title">{title}</span>
        <span className="rule-description">{row.description}</span>
      </th>
      <td>{i18n._(LEVEL_LABEL[row.level])}</td>
      <td>{attack}</td>
      <td>
        <code>{row.id}</code>{" "}
        <CopyButton value={row.id} label={t`Copy the ID of ${title}`} />
      </td>
      <td>{i18n._(SOURCE_LABEL[row.source])}</td>
      <td className="num">{counted ? number(row.hits) : "—"}</td>
      <td>
        <button
          type="button"
          role="switch"
          aria-checked={row.enabled}
          aria-label={t`Use ${title}`}
          className="rule-switch"
          onClick={() => onToggle(row.id, !row.enabled)}
        >
          {row.enabled ? t`On` : t`Off`}
        </button>
        {row.source === "user" && (
          <RemoveRuleButton id={row.id} title={title} />
        )}
      </td>
    </tr>
  );
}
