import { useLingui } from "@lingui/react/macro";
import { useId } from "react";
import type { DemoIdentity } from "@/lib/demo-controls";
import { SafeText } from "@/components/ui/safe-text";
import { useSessionStore } from "@/stores/session-store";

/** Which API and account the console is on, and in mock mode who the visitor is signed in as. */
export function IdentityBadge() {
  const { t } = useLingui();
  const id = useId();
  const mode = useSessionStore((s) => s.mode);
  const demo = useSessionStore((s) => s.demo);
  const state = useSessionStore((s) => s.demoState);
  if (mode === "live" || !demo || !state) return <LiveBadge />;
  return (
    <div className="identity-badge">
      <span
        className="mode-badge mock"
        title={t`Every call is answered by a simulated account in your browser`}
      >
        {t`Simulated`}
      </span>
      {state.ownData ? (
        <span
          className="account-name own-account"
          title={t`Your events, loaded in Settings`}
        >
          {state.ownData.accountId ? (
            <SafeText value={state.ownData.accountId} maxLength={40} />
          ) : (
            t`Your events`
          )}
          {" · "}
          <SafeText value={state.ownData.fileName} maxLength={60} />
        </span>
      ) : (
        <span
          className="account-name"
          title={t`Account ${demo.account.accountId}`}
        >
          <SafeText value={demo.account.accountName} maxLength={60} />
        </span>
      )}
      <label htmlFor={id} className="visually-hidden">
        {t`Signed in as`}
      </label>
      <select
        id={id}
        value={state.identity}
        onChange={(e) => demo.setIdentity(e.target.value as DemoIdentity)}
      >
        <option value="admin">{t`admin (all actions)`}</option>
        <option value="auditor">{t`auditor (read-only)`}</option>
      </select>
      {state.ownData && (
        <span
          className="mode-badge own-data"
          title={t`Your own events replace the generated ones until you remove them in Settings`}
        >
          {t`Own data`}
        </span>
      )}
    </div>
  );
}

/** Live mode: the real account through the signing gateway, as the gateway describes it. */
function LiveBadge() {
  const { t } = useLingui();
  const gateway = useSessionStore((s) => s.gateway);
  return (
    <div className="identity-badge" aria-label={t`Connection`}>
      <span
        className="mode-badge live"
        title={t`Calls go to ActionTrail through the signing gateway`}
      >
        {t`Live`}
      </span>
      <span className="account-name">
        {gateway?.accountLabel ? (
          <SafeText value={gateway.accountLabel} maxLength={60} />
        ) : (
          t`ActionTrail via gateway`
        )}
      </span>
      {gateway?.user && (
        <span
          className="account-name"
          title={t`Signed in to the gateway (${gateway.authMethod})`}
        >
          <SafeText value={gateway.user} maxLength={40} />
        </span>
      )}
      {gateway?.readOnly && <span className="mode-badge">{t`read-only`}</span>}
      {gateway?.signOutPath?.startsWith("/") && (
        <form method="post" action={gateway.signOutPath}>
          <button type="submit">{t`Sign out`}</button>
        </form>
      )}
    </div>
  );
}
