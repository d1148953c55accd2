import { Trans, useLingui } from "@lingui/react/macro";
import { useId, useState } from "react";
import { useFormat } from "@/components/i18n/use-format";
import type { CompiledRule } from "@/lib/sigma/compile";
import {
  validateUserRules,
  type UserRuleRefusal,
} from "@/lib/sigma/user-rules";
import { toVisibleString } from "@/lib/visible-text";
import { useRulesStore } from "@/stores/rules-store";
import type { RuleHits } from "./rule-rows";

interface AddRulesProps {
  pack: readonly CompiledRule[];
  matches: ReadonlyMap<string, RuleHits>;
  counted: boolean;
}

/** Paste or import Sigma YAML; refusals are listed with their document and line, and the text stays. */
export function AddRules({ pack, matches, counted }: AddRulesProps) {
  const { t } = useLingui();
  const ids = useId();
  const [text, setText] = useState("");
  const [refusals, setRefusals] = useState<UserRuleRefusal[]>([]);
  const [added, setAdded] = useState<{ id: string; title: string }[]>([]);
  const addRules = useRulesStore((s) => s.addRules);

  const handleAdd = (source: string) => {
    const result = validateUserRules(
      source,
      pack.map((r) => r.meta.id),
    );
    const now = new Date().toISOString();
    addRules(
      result.rules.map((r) => ({
        id: r.meta.id,
        yaml: r.source,
        addedAt: now,
      })),
    );
    setAdded(result.rules.map((r) => ({ id: r.meta.id, title: r.meta.title })));
    setRefusals(result.refusals);
    if (result.refusals.length === 0) setText("");
  };

  const handleFiles = async (files: FileList | null) => {
    if (!files?.length) return;
    const texts = await Promise.all([...files].map((f) => f.text()));
    const joined = texts.map((s) => s.trimEnd()).join("\n---\n") + "\n";
    setText(joined);
    handleAdd(joined);
  };

  return (
    <section aria-labelledby={`${ids}-title`} className="add-rules">
      <h2 id={`${ids}-title`}>
        <Trans>Add your own rules</Trans>
      </h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          handleAdd(text);
        }}
      >
        <label htmlFor={`${ids}-yaml`}>
          <Trans>Sigma rules (YAML; separate rules with ---)</Trans>
        </label>
        <textarea
          id={`${ids}-yaml`}
          rows={10}
          spellCheck={false}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <div className="add-rules-actions">
          <button type="submit" disabled={!text.trim()}>
            <Trans>Add rules</Trans>
          </button>
          <label className="file-button">
            <Trans>Import .yml files</Trans>{" "}
            <input
              type="file"
              accept=".yml,.yaml,application/yaml,text/yaml"
              multiple
              onChange={(e) => {
                void handleFiles(e.target.files);
                e.target.value = "";
              }}
            />
          </label>
        </div>
      </form>
      {refusals.length > 0 && (
        <div role="alert" className="rule-refusals">
          <p>
            <Trans>Not added:</Trans>
          </p>
          <ul>
            {refusals.map((r, i) => (
              <RefusalItem key={i} refusal={r} />
            ))}
          </ul>
        </div>
      )}
      {added.length > 0 && (
        <div role="status" className="rule-added">
          <ul aria-label={t`Rules just added`}>
            {added.map((a) => (
              <AddedRule
                key={a.id}
                title={a.title}
                hits={matches.get(a.id)}
                counted={counted}
              />
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

function RefusalItem({ refusal }: { refusal: UserRuleRefusal }) {
  const { document, line, reason } = refusal;
  const title = refusal.title ? toVisibleString(refusal.title) : "";
  return (
    <li>
      {title ? (
        <Trans>
          Rule {document} (“{title}”), line {line}: {reason}
        </Trans>
      ) : (
        <Trans>
          Rule {document}, line {line}: {reason}
        </Trans>
      )}
    </li>
  );
}

function AddedRule({
  title,
  hits,
  counted,
}: {
  title: string;
  hits: RuleHits | undefined;
  counted: boolean;
}) {
  const { number, timeWithZone } = useFormat();
  const name = toVisibleString(title);
  const n = number(hits?.hits ?? 0);
  return (
    <li>
      {counted ? (
        <Trans>
          Added “{name}”: {n} matching events
        </Trans>
      ) : (
        <Trans>Added “{name}”; its hits are counted once the events load</Trans>
      )}
      {hits && hits.samples.length > 0 && (
        <ul className="rule-samples">
          {hits.samples.map((e) => (
            <li key={e.id}>
              <time dateTime={e.time}>{timeWithZone(e.timeMs)}</time>{" "}
              <code>{toVisibleString(e.name)}</code>{" "}
              <bdi>{toVisibleString(e.userName)}</bdi>
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}
