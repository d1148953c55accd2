import { useLingui } from "@lingui/react/macro";
import { useState } from "react";
import { useNavigate } from "react-router";
import type { Trail } from "@/api/schemas/trail";
import { ActionError } from "./action-error";
import { DeleteTrailDialog, StopLoggingDialog } from "./confirm-dialogs";
import { useStartLogging, useStopLogging } from "./mutations";
import { ReadOnlyNotice, useWriteAccess, WriteButton } from "./write-access";

interface TrailActionsProps {
  trail: Trail;
  /** The trail is the only one logging among those the region sees. */
  onlyLoggingTrail: boolean;
  /** Deleting is owned by the page: the optimistic removal unmounts these actions. */
  onDelete: () => void;
  deleting: boolean;
}

/** Start or stop logging, edit, delete: each confirmed where it loses events, each rolled back if refused. */
export function TrailActions({
  trail,
  onlyLoggingTrail,
  onDelete,
  deleting,
}: TrailActionsProps) {
  const { t } = useLingui();
  const region = trail.homeRegion || trail.region;
  const access = useWriteAccess();
  const navigate = useNavigate();
  const start = useStartLogging();
  const stop = useStopLogging();
  const [dialog, setDialog] = useState<"stop" | "delete" | undefined>();
  const [failure, setFailure] = useState<{ title: string; error: unknown }>();
  const logging = trail.status === "Enable";
  const input = { region, name: trail.name };
  const q = `?region=${encodeURIComponent(region)}`;

  const handleStart = () => {
    setFailure(undefined);
    start.mutate(input, {
      onError: (error) =>
        setFailure({ title: t`Logging was not started`, error }),
    });
  };
  const handleStop = () => {
    setDialog(undefined);
    setFailure(undefined);
    stop.mutate(input, {
      onError: (error) =>
        setFailure({ title: t`Logging was not stopped`, error }),
    });
  };
  const handleDelete = () => {
    setDialog(undefined);
    setFailure(undefined);
    onDelete();
  };

  return (
    <div className="trail-actions">
      <div className="button-row" role="group" aria-label={t`Manage trail`}>
        {logging ? (
          <WriteButton
            access={access}
            onClick={() => setDialog("stop")}
            disabled={stop.isPending}
          >
            {t`Stop logging`}
          </WriteButton>
        ) : (
          <WriteButton
            access={access}
            className="primary"
            onClick={handleStart}
            disabled={start.isPending}
          >
            {t`Start logging`}
          </WriteButton>
        )}
        <WriteButton
          access={access}
          onClick={() =>
            void navigate(`/trails/${encodeURIComponent(trail.name)}/edit${q}`)
          }
        >
          {t`Edit`}
        </WriteButton>
        <WriteButton
          access={access}
          className="danger"
          onClick={() => setDialog("delete")}
          disabled={deleting}
        >
          {t`Delete…`}
        </WriteButton>
      </div>
      <ReadOnlyNotice access={access} />
      {failure && (
        <ActionError
          error={failure.error}
          title={failure.title}
          onDismiss={() => setFailure(undefined)}
        />
      )}
      <StopLoggingDialog
        open={dialog === "stop"}
        trailName={trail.name}
        onConfirm={handleStop}
        onClose={() => setDialog(undefined)}
      />
      <DeleteTrailDialog
        open={dialog === "delete"}
        trailName={trail.name}
        onlyLoggingTrail={onlyLoggingTrail}
        onConfirm={handleDelete}
        onClose={() => setDialog(undefined)}
      />
    </div>
  );
}
