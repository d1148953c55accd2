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

  return (
    <>
      <h3>Your own events</h3>
      <p>
        Look at events you exported or that a trail delivered to OSS: a JSON
        array, JSON Lines, or a gzipped file (<code>.json.gz</code>). They
        replace the generated events and are kept in this browser until you
        remove them. A file may hold up to{" "}
        {OWN_DATA_LIMITS.maxTextBytes / 1024 / 1024} MB of text once
        decompressed and nest up to {OWN_DATA_LIMITS.maxDepth} levels.
      </p>
      <label htmlFor={fileId}>Events file</label>{" "}
      <input
        id={fileId}
        type="file"
        accept=".json,.jsonl,.ndjson,.gz,application/json,application/gzip"
        onChange={(e) => void handleFile(e.currentTarget)}
        disabled={loading}
      />
      {loading && <p role="status">Reading the file…</p>}
      {notice && (
        <p role="status" className="field-error">
          <SafeText value={notice} maxLength={400} />
        </p>
      )}
      {loadError !== undefined && (
        <ErrorPanel
          error={loadError}
          title="The file could not be read"
          hint={
            ownData ? (
              <p>
                Nothing was changed: the events of{" "}
                <SafeText value={ownData.fileName} maxLength={120} /> are still
                loaded.
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
        title="Remove your events?"
        onClose={() => setConfirmRemove(false)}
        footer={
          <>
            <button type="button" onClick={() => setConfirmRemove(false)}>
              Cancel
            </button>
            <button
              type="button"
              className="danger"
              onClick={() => void handleRemove()}
            >
              Remove
            </button>
          </>
        }
      >
        <p>
          Trailscope forgets the events of{" "}
          <strong>
            <SafeText value={ownData?.fileName ?? ""} maxLength={120} />
          </strong>{" "}
          and its copy in this browser, and shows the generated account again.
          The file itself is not touched.
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
  const first = info.firstEventTime ? Date.parse(info.firstEventTime) : NaN;
  const last = info.lastEventTime ? Date.parse(info.lastEventTime) : NaN;
  const region = info.regions[0];
  return (
    <div role="status" className="own-data-summary">
      <p>
        Showing {info.eventCount.toLocaleString("en-US")} events from{" "}
        <strong>
          <SafeText value={info.fileName} maxLength={120} />
        </strong>
        {info.accountId && (
          <>
            {" "}
            of account{" "}
            <code>
              <SafeText value={info.accountId} maxLength={40} />
            </code>
            {Boolean(info.otherAccounts) && (
              <> and {info.otherAccounts} other account(s)</>
            )}
          </>
        )}{" "}
        in {info.regions.length} region(s): {info.regions.join(", ")}
        {info.firstEventTime && info.lastEventTime && (
          <>
            , from {info.firstEventTime} to {info.lastEventTime}
          </>
        )}
        .
        {Boolean(info.rejectedCount) && (
          <>
            {" "}
            {info.rejectedCount?.toLocaleString("en-US")} item(s) were not
            events and were left out
            {info.rejected?.[0] && (
              <>
                {" "}
                (first at position {info.rejected[0].position}:{" "}
                <SafeText value={info.rejected[0].reason} maxLength={200} />)
              </>
            )}
            .
          </>
        )}
      </p>
      <p>
        {info.kept
          ? "Kept in this browser until you remove them."
          : "This browser would not store them: they last until the page is closed."}
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
            Search these events
          </Link>
        )}{" "}
        <button type="button" className="danger" onClick={onRemove}>
          Remove these events…
        </button>
      </p>
    </div>
  );
}
