import { Trans, useLingui } from "@lingui/react/macro";
import { useId, useState } from "react";
import { Link, useNavigate } from "react-router";
import { useFormat } from "@/components/i18n/use-format";
import { useDocumentTitle } from "@/components/ui/use-document-title";
import { useCasesStore } from "@/stores/cases-store";
import {
  guessTargets,
  identityHref,
  IDENTITY_KINDS,
  KIND_LABEL,
  resourceHref,
  type IdentityKind,
} from "./filters";
import "./investigate.css";

type Choice = "auto" | IdentityKind | "resource";

/** Example values of each kind: identifiers, the same in every language. */
const EXAMPLES = "li.wei · LTAI5t… · 203.0.113.24 · i-bp1…";

/** Where an investigation starts: one box for an identity, an AccessKey, an IP or a resource. */
export function InvestigatePage() {
  const { t } = useLingui();
  useDocumentTitle(t`Investigate`);
  const id = useId();
  const navigate = useNavigate();
  const [text, setText] = useState("");
  const [choice, setChoice] = useState<Choice>("auto");
  const [error, setError] = useState("");
  const cases = useCasesStore((s) => s.cases);
  const { number } = useFormat();
  const caseCount = number(cases.length);
  const [readings, setReadings] = useState<{
    value: string;
    targets: ReturnType<typeof guessTargets>;
  }>();
  const hrefOf = (
    value: string,
    target: ReturnType<typeof guessTargets>[number],
  ) =>
    target.to === "resource"
      ? resourceHref({ name: value })
      : identityHref({ kind: target.kind, value });
  const labelOf = (target: ReturnType<typeof guessTargets>[number]) =>
    target.to === "resource" ? t`Resource` : t(KIND_LABEL[target.kind]);
  const handleSubmit = (event: React.FormEvent) => {
    event.preventDefault();
    const value = text.trim();
    if (!value) {
      setError(
        t`Type a user, role, AccessKey ID, IP address or resource name.`,
      );
      return;
    }
    setError("");
    setReadings(undefined);
    if (choice === "auto") {
      const targets = guessTargets(value);
      if (targets.length > 1) {
        setReadings({ value, targets });
        return;
      }
    }
    const target =
      choice === "auto"
        ? guessTargets(value)[0]!
        : choice === "resource"
          ? { to: "resource" as const }
          : { to: "identity" as const, kind: choice };
    void navigate(
      target.to === "resource"
        ? resourceHref({ name: value })
        : identityHref({ kind: target.kind, value }),
    );
  };
  return (
    <section aria-labelledby="investigate-title" className="investigate-page">
      <h1 id="investigate-title">
        <Trans>Investigate</Trans>
      </h1>
      <form
        className="card investigate-search"
        role="search"
        aria-label={t`Investigate`}
        onSubmit={handleSubmit}
        noValidate
      >
        <label htmlFor={`${id}-value`}>
          <Trans>User, role, AccessKey, IP address or resource</Trans>
        </label>
        <input
          id={`${id}-value`}
          type="search"
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder={EXAMPLES}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          autoComplete="off"
          spellCheck={false}
        />
        <label htmlFor={`${id}-kind`}>
          <Trans>It is</Trans>
        </label>
        <select
          id={`${id}-kind`}
          value={choice}
          onChange={(e) => setChoice(e.target.value as Choice)}
        >
          <option value="auto">{t`Detect automatically`}</option>
          {IDENTITY_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(KIND_LABEL[k])}
            </option>
          ))}
          <option value="resource">{t`Resource`}</option>
        </select>
        <button type="submit" className="primary">
          <Trans>Investigate</Trans>
        </button>
        {error && (
          <p id={`${id}-error`} className="field-error">
            {error}
          </p>
        )}
      </form>
      {readings && (
        <Readings
          value={readings.value}
          choices={readings.targets.map((target) => ({
            label: labelOf(target),
            href: hrefOf(readings.value, target),
          }))}
        />
      )}
      <p>
        <Link to="/investigate/cases">
          <Trans>Case files ({caseCount})</Trans>
        </Link>
      </p>
    </section>
  );
}

/** A value with more than one reading: the first guess, and a link per reading. */
function Readings({
  value,
  choices,
}: {
  value: string;
  choices: { label: string; href: string }[];
}) {
  const { t } = useLingui();
  const detected = choices[0]?.label ?? "";
  return (
    <div className="card" role="status">
      <p>
        <Trans>
          “{value}” could be more than one thing. Detected first as {detected};
          choose:
        </Trans>
      </p>
      <ul>
        {choices.map(({ label, href }) => (
          <li key={label}>
            <Link to={href}>{t`Investigate as ${label}`}</Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
