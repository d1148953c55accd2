import { useId } from "react";
import type { DemoIdentity } from "@/lib/demo-controls";
import { SafeText } from "@/components/ui/safe-text";
import { useSessionStore } from "@/stores/session-store";

/** Which API and account the console is on, and in mock mode who the visitor is signed in as. */
export function IdentityBadge() {
  const id = useId();
  const mode = useSessionStore((s) => s.mode);
  const demo = useSessionStore((s) => s.demo);
  const state = useSessionStore((s) => s.demoState);
  if (mode === "live" || !demo || !state) return <LiveBadge />;
  return (
    <div className="identity-badge">
      <span
        className="mode-badge mock"
        title="Every call is answered by a simulated account in your browser"
      >
        Simulated
      </span>
      {state.ownData ? (
        <span
          className="account-name own-account"
          title="Your events, loaded in Settings"
        >
          {state.ownData.accountId ? (
            <SafeText value={state.ownData.accountId} maxLength={40} />
          ) : (
            "Your events"
          )}
          {" · "}
          <SafeText value={state.ownData.fileName} maxLength={60} />
        </span>
      ) : (
        <span
          className="account-name"
          title={`Account ${demo.account.accountId}`}
        >
          {demo.account.accountName}
        </span>
      )}
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
          title="Your own events replace the generated ones until you remove them in Settings"
        >
          Own data
        </span>
      )}
    </div>
  );
}

/** Live mode: the real account through the signing gateway, as the gateway describes it. */
function LiveBadge() {
  const gateway = useSessionStore((s) => s.gateway);
  return (
    <div className="identity-badge" aria-label="Connection">
      <span
        className="mode-badge live"
        title="Calls go to ActionTrail through the signing gateway"
      >
        Live
      </span>
      <span className="account-name">
        {gateway?.accountLabel ? (
          <SafeText value={gateway.accountLabel} maxLength={60} />
        ) : (
          "ActionTrail via gateway"
        )}
      </span>
      {gateway?.user && (
        <span
          className="account-name"
          title={`Signed in to the gateway (${gateway.authMethod})`}
        >
          <SafeText value={gateway.user} maxLength={40} />
        </span>
      )}
      {gateway?.readOnly && <span className="mode-badge">read-only</span>}
      {gateway?.signOutPath?.startsWith("/") && (
        <form method="post" action={gateway.signOutPath}>
          <button type="submit">Sign out</button>
        </form>
      )}
    </div>
  );
}
