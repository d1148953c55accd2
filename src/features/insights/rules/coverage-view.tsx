import { Trans, useLingui } from "@lingui/react/macro";
import { useMemo } from "react";
import { useFormat } from "@/components/i18n/use-format";
import { useDocumentTitle } from "@/components/ui/use-document-title";
import { tacticLabel } from "@/lib/sigma/attack";
import { coverageMatrix, type MatrixTactic } from "@/lib/sigma/coverage";
import { ExaminedRange } from "./examined-range";
import { coverageSources } from "./rule-rows";
import { useRuleData } from "./use-rule-data";
import "./rules.css";

/** /insights/coverage: the ATT&CK v19 tactics and techniques the switched-on rules and detectors cover, gaps included, with hits. */
export function CoverageView() {
  const { t } = useLingui();
  const { number } = useFormat();
  const data = useRuleData();
  useDocumentTitle(t`ATT&CK coverage`, data.region);
  const matrix = useMemo(
    () => coverageMatrix(coverageSources(data.rows)),
    [data.rows],
  );
  const counted = Boolean(data.query.data);
  const techniques = matrix.flatMap((m) => m.techniques);
  const covered = number(techniques.filter((x) => x.covered).length);
  const known = number(techniques.length);
  const tactics = number(matrix.filter((m) => m.covered).length);
  const allTactics = number(matrix.length);
  return (
    <div className="coverage-view">
      <h2>
        <Trans>ATT&CK coverage</Trans>
      </h2>
      <p>
        <Trans>
          The switched-on rules and detectors cover {tactics} of {allTactics}{" "}
          ATT&CK v19 tactics and {covered} of the {known} technique placements
          Trailscope knows. Rows marked “Gap” have no rule.
        </Trans>
      </p>
      <ExaminedRange data={data} />
      <CoverageGrid matrix={matrix} />
      <div className="table-scroll">
        <table className="data-table coverage-table">
          <caption>
            <Trans>Tactics and techniques, with hits on the events</Trans>
          </caption>
          <thead>
            <tr>
              <th scope="col">{t`Tactic`}</th>
              <th scope="col">{t`Technique`}</th>
              <th scope="col">{t`Covered by`}</th>
              <th scope="col" className="num">
                {t`Hits`}
              </th>
            </tr>
          </thead>
          <tbody>
            {matrix.map((tactic) => (
              <TacticRows key={tactic.id} tactic={tactic} counted={counted} />
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function TacticRows({
  tactic,
  counted,
}: {
  tactic: MatrixTactic;
  counted: boolean;
}) {
  const { t, i18n } = useLingui();
  const { number } = useFormat();
  const name = i18n._(tacticLabel(tactic.id));
  const label = `${tactic.id} ${name}`;
  const rows = tactic.techniques.length
    ? tactic.techniques
    : [{ id: "", name: "", sources: [], hits: 0, covered: false }];
  return (
    <>
      {rows.map((tech, i) => (
        <tr
          key={tech.id || "none"}
          className={tech.covered ? undefined : "gap"}
        >
          {i === 0 && (
            <th scope="rowgroup" rowSpan={rows.length}>
              {label}
            </th>
          )}
          <td>{tech.id ? `${tech.id} ${tech.name}` : "—"}</td>
          <td>
            {tech.covered ? tech.sources.join("; ") : <strong>{t`Gap`}</strong>}
          </td>
          <td className="num">
            {tech.covered && counted ? number(tech.hits) : "—"}
          </td>
        </tr>
      ))}
    </>
  );
}

/** A heatmap-like view of the same numbers; the table above is the accessible one. */
function CoverageGrid({ matrix }: { matrix: MatrixTactic[] }) {
  const { i18n } = useLingui();
  const { number } = useFormat();
  return (
    <div className="coverage-grid" aria-hidden="true">
      {matrix.map((tactic) => (
        <div key={tactic.id} className="coverage-column">
          <div className="coverage-tactic">
            {i18n._(tacticLabel(tactic.id))}
          </div>
          {tactic.techniques.map((tech) => (
            <div
              key={tech.id}
              className={`coverage-cell ${
                !tech.covered ? "gap" : tech.hits > 0 ? "hit" : "covered"
              }`}
            >
              {tech.id}
              {tech.covered && tech.hits > 0 ? ` · ${number(tech.hits)}` : ""}
            </div>
          ))}
        </div>
      ))}
    </div>
  );
}
