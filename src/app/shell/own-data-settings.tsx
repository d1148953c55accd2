import { plural } from "@lingui/core/macro";
import { Trans, useLingui } from "@lingui/react/macro";
import { useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { Link } from "react-router";
import { Dialog } from "@/components/ui/dialog";
import { ErrorPanel } from "@/components/ui/error-panel";
import { SafeText } from "@/components/ui/safe-text";
import {
  OWN_DATA_LIMITS,
  type DemoControls,
  type OwnDataInfo,
} from "@/lib/demo-controls";
import { eventSearchHref } from "@/lib/event-search-url";
import { usePrefsStore } from "@/stores/prefs-store";
import { useSessionStore } from "@/stores/session-store";

/**
 * Settings → Your own events: load a file (kept in this browser until it is
 * removed), see what it holds and whose account it is, search it, remove it.
 */
export function OwnDataSettings({ demo }: { demo: DemoControls }) {
  const { t } = useLingui();
  const ownData = useSessionStore((s) => s.demoState?.ownData);
  const notice = useSessionStore((s) => s.demoState?.ownDataNotice);
  const queryClient = useQueryClient();
  const lastRegion = usePrefsStore((s) => s.lastRegion);
  const setLastRegion = usePrefsStore((s) => s.setLastRegion);
  const fileId = useId();
  const [loadError, setLoadError] = useState<unknown>();
  const [loading, setLoading] = useState(false);
  const [confirmRemove, setConfirmRemove] = useState(false);

  // Every answer of the account changed: nothing cached from before may be shown as theirs.
  const accountChanged = () => void queryClient.resetQueries();

  const handleFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    setLoadError(undefined);
    setLoading(true);
    try {
      const info = await demo.loadOwnEvents(file, file.name);
      // Open where the events are (the region list, asked through the API, says the same).
      const first = info.regions[0];
      if (first && !info.regions.includes(lastRegion)) setLastRegion(first);
      accountChanged();
    } catch (error) {
      setLoadError(error);
    } finally {
      setLoading(false);
      // The same file may be chosen again after a refusal.
      input.value = "";
    }
  };
  const handleRemove = async () => {
    setConfirmRemove(false);
    setLoadError(undefined);
    await demo.clearOwnEvents();
    accountChanged();
  };

  const maxMegabytes = OWN_DATA_LIMITS.maxTextBytes / 1024 / 1024;
  const maxDepth = OWN_DATA_LIMITS.maxDepth;
  const fileName = ownData?.fileName ?? "";
  return (
    <>
      <h3>{t`Your own events`}</h3>
      <p>
        <Trans>
          Look at events you exported or that a trail delivered to OSS: a JSON
          array, JSON Lines, or a gzipped file (<code>.json.gz</code>). They
          replace the generated events and are kept in this browser until you
          remove them. A file may hold up to {maxMegabytes} MB of text once
          decompressed and nest up to {maxDepth} levels.
        </Trans>
      </p>
      <label htmlFor={fileId}>{t`Events file`}</label>{" "}
      <input
        id={fileId}
        type="file"
        accept=".json,.jsonl,.ndjson,.gz,application/json,application/gzip"
        onChange={(e) => void handleFile(e.currentTarget)}
        disabled={loading}
      />
      {loading && <p role="status">{t`Reading the file…`}</p>}
      {notice && (
        <p role="status" className="field-error">
          <SafeText value={notice} maxLength={400} />
        </p>
      )}
      {loadError !== undefined && (
        <ErrorPanel
          error={loadError}
          title={t`The file could not be read`}
          hint={
            ownData ? (
              <p>
                <Trans>
                  Nothing was changed: the events of{" "}
                  <SafeText value={fileName} maxLength={120} /> are still
                  loaded.
                </Trans>
              </p>
            ) : undefined
          }
          compact
        />
      )}
      {ownData && (
        <OwnDataSummary
          info={ownData}
          onRemove={() => setConfirmRemove(true)}
        />
      )}
      <Dialog
        open={confirmRemove && Boolean(ownData)}
        title={t`Remove your events?`}
        onClose={() => setConfirmRemove(false)}
        footer={
          <>
            <button type="button" onClick={() => setConfirmRemove(false)}>
              {t`Cancel`}
            </button>
            <button
              type="button"
              className="danger"
              onClick={() => void handleRemove()}
            >
              {t`Remove`}
            </button>
          </>
        }
      >
        <p>
          <Trans>
            Trailscope forgets the events of{" "}
            <strong>
              <SafeText value={fileName} maxLength={120} />
            </strong>{" "}
            and its copy in this browser, and shows the generated account again.
            The file itself is not touched.
          </Trans>
        </p>
      </Dialog>
    </>
  );
}

/** Whose events these are, what the file holds, and a search over exactly its span. */
function OwnDataSummary({
  info,
  onRemove,
}: {
  info: OwnDataInfo;
  onRemove: () => void;
}) {
  const { t } = useLingui();
  const first = info.firstEventTime ? Date.parse(info.firstEventTime) : NaN;
  const last = info.lastEventTime ? Date.parse(info.lastEventTime) : NaN;
  const region = info.regions[0];
  const events = plural(info.eventCount, { one: "# event", other: "# events" });
  const regions = plural(info.regions.length, {
    one: "# region",
    other: "# regions",
  });
  const regionList = info.regions.join(", ");
  const others = plural(info.otherAccounts ?? 0, {
    one: "and # other account",
    other: "and # other accounts",
  });
  const rejected = plural(info.rejectedCount ?? 0, {
    one: "# item was not an event and was left out.",
    other: "# items were not events and were left out.",
  });
  const firstTime = info.firstEventTime ?? "";
  const lastTime = info.lastEventTime ?? "";
  const firstRejected = info.rejected?.[0];
  return (
    <div role="status" className="own-data-summary">
      <p>
        <Trans>
          Showing {events} from{" "}
          <strong>
            <SafeText value={info.fileName} maxLength={120} />
          </strong>{" "}
          in {regions}: {regionList}.
        </Trans>
        {info.accountId && (
          <>
            {" "}
            <Trans>
              Account{" "}
              <code>
                <SafeText value={info.accountId} maxLength={40} />
              </code>
            </Trans>
            {Boolean(info.otherAccounts) && <> {others}</>}.
          </>
        )}
        {firstTime && lastTime && (
          <> {t`They span from ${firstTime} to ${lastTime}.`}</>
        )}
        {Boolean(info.rejectedCount) && (
          <>
            {" "}
            {rejected}
            {firstRejected && (
              <>
                {" "}
                <Trans>
                  (First at position {firstRejected.position}:{" "}
                  <SafeText value={firstRejected.reason} maxLength={200} />)
                </Trans>
              </>
            )}
          </>
        )}
      </p>
      <p>
        {info.kept
          ? t`Kept in this browser until you remove them.`
          : t`This browser would not store them: they last until the page is closed.`}
      </p>
      <p>
        {region && Number.isFinite(first) && Number.isFinite(last) && (
          <Link
            to={eventSearchHref({
              region: info.regions.length > 1 ? "all" : region,
              from: first,
              to: last + 1000,
            })}
          >
            {t`Search these events`}
          </Link>
        )}{" "}
        <button type="button" className="danger" onClick={onRemove}>
          {t`Remove these events…`}
        </button>
      </p>
    </div>
  );
}
