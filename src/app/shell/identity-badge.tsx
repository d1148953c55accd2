import { useId } from "react";
import type { DemoIdentity } from "@/lib/demo-controls";
import { useSessionStore } from "@/stores/session-store";

/** Which API and account the console is on, and in mock mode who the visitor is signed in as. */
export function IdentityBadge() {
  const id = useId();
  const mode = useSessionStore((s) => s.mode);
  const demo = useSessionStore((s) => s.demo);
  const state = useSessionStore((s) => s.demoState);
  if (mode === "live" || !demo || !state) {
    return (
      <div className="identity-badge" aria-label="Connection">
        <span className="mode-badge live">Live</span>{" "}
        <span>ActionTrail via gateway</span>
      </div>
    );
  }
  return (
    <div className="identity-badge">
      <span
        className="mode-badge mock"
        title="Every call is answered by a simulated account in your browser"
      >
        Simulated
      </span>
      <span
        className="account-name"
        title={`Account ${demo.account.accountId}`}
      >
        {demo.account.accountName}
      </span>
      <label htmlFor={id} className="visually-hidden">
        Signed in as
      </label>
      <select
        id={id}
        value={state.identity}
        onChange={(e) => demo.setIdentity(e.target.value as DemoIdentity)}
      >
        <option value="admin">admin (all actions)</option>
        <option value="auditor">auditor (read-only)</option>
      </select>
      {state.ownData && (
        <span
          className="mode-badge own-data"
          title={`Events from ${state.ownData.fileName}`}
        >
          Own data
        </span>
      )}
    </div>
  );
}
