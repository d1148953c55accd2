import { Trans, useLingui } from "@lingui/react/macro";
import { useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { Link, useNavigate } from "react-router";
import { useFormat } from "@/components/i18n/use-format";
import { LoadingState } from "@/components/ui/states";
import { useDocumentTitle } from "@/components/ui/use-document-title";
import { regionsQueryOptions } from "@/features/regions/queries";
import { useCasesStore } from "@/stores/cases-store";
import { DetectChoices } from "./detect-choices";
import { readingHref } from "./detect-note";
import { readingsOf, type Reading } from "./detect-target";
import {
  guessTargets,
  identityHref,
  IDENTITY_KINDS,
  KIND_LABEL,
  RANGE_MS,
  resourceHref,
  type IdentityKind,
} from "./filters";
import { detectTargetQueryOptions } from "./queries";
import "./investigate.css";

type Choice = "auto" | IdentityKind | "resource";

type Detect =
  | { value: string; state: "looking" }
  | { value: string; state: "several" | "none"; readings: Reading[] };

/** The readings a value's shape alone suggests (nothing in the events named it). */
const shapeReadings = (value: string): Reading[] =>
  guessTargets(value).map((g) =>
    g.to === "resource"
      ? { to: "resource", id: value, type: "" }
      : { to: "identity", kind: g.kind, value },
  );

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
  const queryClient = useQueryClient();
  const [detect, setDetect] = useState<Detect>();
  const handleDetect = async (value: string) => {
    setDetect({ value, state: "looking" });
    const now = Math.floor(Date.now() / 60_000) * 60_000;
    try {
      const regions = await queryClient.fetchQuery(regionsQueryOptions());
      const found = await queryClient.fetchQuery(
        detectTargetQueryOptions(
          value,
          now - RANGE_MS["7d"],
          now,
          regions.regions.map((r) => r.id),
        ),
      );
      const readings = readingsOf(value, found);
      if (readings.length === 1) {
        const [only] = readings as [Reading];
        void navigate(readingHref(only), { state: { found: only } });
        return;
      }
      setDetect(
        readings.length > 1
          ? { value, state: "several", readings }
          : { value, state: "none", readings: shapeReadings(value) },
      );
    } catch {
      setDetect({ value, state: "none", readings: shapeReadings(value) });
    }
  };
  const looking = detect?.value ?? "";
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
    setDetect(undefined);
    if (choice === "auto") return void handleDetect(value);
    void navigate(
      choice === "resource"
        ? resourceHref({ name: value })
        : identityHref({ kind: choice, value }),
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
      {detect?.state === "looking" && (
        <LoadingState
          title={t`Looking for “${looking}” among users, AccessKeys, addresses and resources…`}
        />
      )}
      {detect && detect.state !== "looking" && (
        <DetectChoices
          value={detect.value}
          readings={detect.readings}
          found={detect.state === "several"}
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
