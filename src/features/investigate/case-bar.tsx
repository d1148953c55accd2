import { useId, useState } from "react";
import { Link } from "react-router";
import { SafeText } from "@/components/ui/safe-text";
import { useCasesStore } from "@/stores/cases-store";

/** Which case pinned events go to, and a way to start a new one. */
export function CaseBar() {
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
          <label htmlFor={`${id}-case`}>Pin events to</label>
          <select
            id={`${id}-case`}
            value={active?.id ?? ""}
            onChange={(e) => setActiveCase(e.target.value || undefined)}
          >
            <option value="">No case chosen</option>
            {cases.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name} ({c.events.length})
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
        <label htmlFor={`${id}-new`}>New case</label>
        <input
          id={`${id}-new`}
          type="text"
          value={name}
          onChange={(e) => setName(e.target.value)}
          maxLength={120}
        />
        <button type="submit">Create case</button>
      </form>
      {active && (
        <Link to="/investigate/cases">
          Open case <SafeText value={active.name} maxLength={60} />
        </Link>
      )}
    </div>
  );
}
