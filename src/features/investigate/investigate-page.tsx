import { Trans } from "@lingui/react/macro";
import { useId, useState } from "react";
import { Link, useNavigate } from "react-router";
import { useDocumentTitle } from "@/components/ui/use-document-title";
import { useCasesStore } from "@/stores/cases-store";
import {
  guessTarget,
  identityHref,
  IDENTITY_KINDS,
  KIND_LABEL,
  resourceHref,
  type IdentityKind,
} from "./filters";
import "./investigate.css";

type Choice = "auto" | IdentityKind | "resource";

/** Where an investigation starts: one box for an identity, an AccessKey, an IP or a resource. */
export function InvestigatePage() {
  useDocumentTitle("Investigate");
  const id = useId();
  const navigate = useNavigate();
  const [text, setText] = useState("");
  const [choice, setChoice] = useState<Choice>("auto");
  const [error, setError] = useState("");
  const cases = useCasesStore((s) => s.cases);
  const handleSubmit = (event: React.FormEvent) => {
    event.preventDefault();
    const value = text.trim();
    if (!value) {
      setError("Type a user, role, AccessKey ID, IP address or resource name.");
      return;
    }
    setError("");
    const target =
      choice === "auto"
        ? guessTarget(value)
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
        aria-label="Investigate"
        onSubmit={handleSubmit}
        noValidate
      >
        <label htmlFor={`${id}-value`}>
          User, role, AccessKey, IP address or resource
        </label>
        <input
          id={`${id}-value`}
          type="search"
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder="li.wei · LTAI5t… · 203.0.113.24 · i-bp1…"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          autoComplete="off"
          spellCheck={false}
        />
        <label htmlFor={`${id}-kind`}>It is</label>
        <select
          id={`${id}-kind`}
          value={choice}
          onChange={(e) => setChoice(e.target.value as Choice)}
        >
          <option value="auto">Detect automatically</option>
          {IDENTITY_KINDS.map((k) => (
            <option key={k} value={k}>
              {KIND_LABEL[k]}
            </option>
          ))}
          <option value="resource">Resource</option>
        </select>
        <button type="submit" className="primary">
          Investigate
        </button>
        {error && (
          <p id={`${id}-error`} className="field-error">
            {error}
          </p>
        )}
      </form>
      <p>
        <Link to="/investigate/cases">Case files ({cases.length})</Link>
      </p>
    </section>
  );
}
