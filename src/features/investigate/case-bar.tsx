import { Trans, useLingui } from "@lingui/react/macro";
import { useId, useState } from "react";
import { Link } from "react-router";
import { useFormat } from "@/components/i18n/use-format";
import { SafeText } from "@/components/ui/safe-text";
import { useCasesStore } from "@/stores/cases-store";

/** Which case pinned events go to, and a way to start a new one. */
export function CaseBar() {
  const { t } = useLingui();
  const { number } = useFormat();
  const id = useId();
  const cases = useCasesStore((s) => s.cases);
  const activeCaseId = useCasesStore((s) => s.activeCaseId);
  const setActiveCase = useCasesStore((s) => s.setActiveCase);
  const createCase = useCasesStore((s) => s.createCase);
  const [name, setName] = useState("");
  const active = cases.find((c) => c.id === activeCaseId);
  return (
    <div className="card case-bar">
      {cases.length > 0 && (
        <>
          <label htmlFor={`${id}-case`}>
            <Trans>Pin events to</Trans>
          </label>
          <select
            id={`${id}-case`}
            value={active?.id ?? ""}
            onChange={(e) => setActiveCase(e.target.value || undefined)}
          >
            <option value="">{t`No case chosen`}</option>
            {cases.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name} ({number(c.events.length)})
              </option>
            ))}
          </select>
        </>
      )}
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          createCase(name);
          setName("");
        }}
      >
        <label htmlFor={`${id}-new`}>
          <Trans>New case</Trans>
        </label>
        <input
          id={`${id}-new`}
          type="text"
          value={name}
          onChange={(e) => setName(e.target.value)}
          maxLength={120}
        />
        <button type="submit">
          <Trans>Create case</Trans>
        </button>
      </form>
      {active && (
        <Link to="/investigate/cases">
          <Trans>
            Open case <SafeText value={active.name} maxLength={60} />
          </Trans>
        </Link>
      )}
    </div>
  );
}
