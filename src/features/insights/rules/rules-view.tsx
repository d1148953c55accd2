import { Trans, useLingui } from "@lingui/react/macro";
import { useDocumentTitle } from "@/components/ui/use-document-title";
import { exportRules } from "@/lib/sigma/user-rules";
import { useRulesStore } from "@/stores/rules-store";
import { AddRules } from "./add-rules";
import { ExaminedRange } from "./examined-range";
import { downloadText } from "./download";
import { RulesTable } from "./rules-table";
import { useRuleData } from "./use-rule-data";
import "./rules.css";

/** /insights/rules: the shipped pack, the user's rules and the detectors, switched on and off, tried on the region's events. */
export function RulesView() {
  const { t } = useLingui();
  const data = useRuleData();
  const setEnabled = useRulesStore((s) => s.setEnabled);
  const disabled = useRulesStore((s) => s.disabled);
  useDocumentTitle(t`Rules`, data.region);
  const counted = Boolean(data.query.data);
  const off = new Set(disabled);
  const handleExport = (which: "user" | "enabled") => {
    const rules = which === "user" ? data.user : [...data.user, ...data.pack];
    const text = exportRules(
      rules.map((rule) => ({ rule, enabled: !off.has(rule.meta.id) })),
      { includeDisabled: which === "user" },
    );
    downloadText(
      which === "user"
        ? "trailscope-my-rules.yml"
        : "trailscope-enabled-rules.yml",
      text,
    );
  };
  return (
    <div className="rules-view">
      <h2>
        <Trans>Detection rules</Trans>
      </h2>
      <ExaminedRange data={data} />
      <AddRules pack={data.pack} matches={data.matches} counted={counted} />
      <div className="rules-export" role="group" aria-label={t`Export rules`}>
        <button
          type="button"
          disabled={data.user.length === 0}
          onClick={() => handleExport("user")}
        >
          <Trans>Export my rules</Trans>
        </button>
        <button type="button" onClick={() => handleExport("enabled")}>
          <Trans>Export all enabled rules</Trans>
        </button>
      </div>
      <RulesTable rows={data.rows} counted={counted} onToggle={setEnabled} />
    </div>
  );
}
