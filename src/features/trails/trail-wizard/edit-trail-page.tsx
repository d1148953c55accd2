import { Trans, useLingui } from "@lingui/react/macro";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import type { Trail } from "@/api/schemas/trail";
import { isApiError } from "@/api/errors";
import { ErrorPanel } from "@/components/ui/error-panel";
import { SafeText } from "@/components/ui/safe-text";
import { EmptyState, LoadingState } from "@/components/ui/states";
import { useDocumentTitle } from "@/components/ui/use-document-title";
import { useRegion } from "@/features/regions/use-region";
import { emptyTrailDraft, type TrailDraft } from "@/stores/trail-draft-store";
import { ActionError } from "../action-error";
import { useUpdateTrail } from "../mutations";
import { trailsQueryOptions } from "../queries";
import { ReadOnlyNotice, useWriteAccess, WriteButton } from "../write-access";
import { BasicsStep } from "./basics-step";
import {
  draftFromTrail,
  effectiveAccountId,
  toDeliveryParams,
} from "./build-request";
import { DeliveryStep } from "./delivery-step";
import { useFocusRequest, useTrailFormContext } from "./use-form-context";
import {
  validateBasics,
  validateDelivery,
  type FieldErrors,
} from "./validation";
import { describeWizardFailure } from "./wizard-errors";
import "../trails.css";

/** /trails/:name/edit — change what a trail records and where it delivers (UpdateTrail). */
export function EditTrailPage() {
  const { t } = useLingui();
  const { name = "" } = useParams();
  const { region } = useRegion();
  useDocumentTitle(t`Edit ${name}`, region);
  const trails = useQuery(trailsQueryOptions(region));
  const trail = trails.data?.find(
    (found) => found.name === name && found.homeRegion === region,
  );
  return (
    <section className="page trail-wizard" aria-labelledby="edit-title">
      <p>
        <Link
          to={`/trails/${encodeURIComponent(name)}?region=${encodeURIComponent(region)}`}
        >
          {t`← Back to the trail`}
        </Link>
      </p>
      <h1 id="edit-title">
        <Trans>
          Edit trail <SafeText value={name} />
        </Trans>
      </h1>
      {trails.isPending ? (
        <LoadingState title={t`Loading the trail…`} />
      ) : trails.isError ? (
        <ErrorPanel
          error={trails.error}
          title={t`The trail could not be loaded`}
          onRetry={() => void trails.refetch()}
        />
      ) : !trail ? (
        <EmptyState title={t`No trail named ${name} is managed in ${region}`} />
      ) : (
        <EditTrailForm trail={trail} region={region} />
      )}
    </section>
  );
}

function EditTrailForm({ trail, region }: { trail: Trail; region: string }) {
  const { t } = useLingui();
  const context = useTrailFormContext(region);
  const access = useWriteAccess();
  const update = useUpdateTrail();
  const navigate = useNavigate();
  const { focusFirstError } = useFocusRequest();
  const [draft, setDraft] = useState<TrailDraft>(() =>
    draftFromTrail(trail, emptyTrailDraft(region)),
  );
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<{ error: unknown; title: string }>();
  const detail = `/trails/${encodeURIComponent(trail.name)}?region=${encodeURIComponent(region)}`;

  const handleChange = (patch: Partial<TrailDraft>) => {
    setDraft((old) => ({ ...old, ...patch }));
    setErrors((old) => {
      const next = { ...old };
      for (const key of Object.keys(patch))
        delete next[key as keyof FieldErrors];
      if (
        "ossEnabled" in patch ||
        "slsEnabled" in patch ||
        "maxComputeEnabled" in patch
      )
        delete next.destinations;
      return next;
    });
  };

  const handleSave = () => {
    const validation = { existingNames: [], accountId: context.accountId };
    const found = {
      ...validateBasics(draft, validation),
      ...validateDelivery(draft, validation),
    };
    if (Object.keys(found).length > 0) {
      setErrors(found);
      focusFirstError(found);
      return;
    }
    setFailure(undefined);
    const params = {
      Name: trail.name,
      ...toDeliveryParams(draft, effectiveAccountId(draft, context.accountId)),
    };
    update.mutate(
      { region, params },
      {
        onSuccess: () =>
          void navigate(detail, {
            state: { notice: t`Trail ${trail.name} updated.` },
          }),
        onError: (error) => {
          const described = describeWizardFailure(error, "update");
          const { placement } = described;
          setFailure({
            error,
            title:
              isApiError(error) && error.isServerError
                ? `${described.title}: your changes are still here`
                : "The trail was not updated: your changes are still here",
          });
          const next = {
            [placement.field === "quota" ? "form" : placement.field]:
              placement.explanation,
          };
          setErrors(next);
          focusFirstError(next);
        },
      },
    );
  };

  return (
    <form
      className="wizard-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (access.enabled) handleSave();
      }}
    >
      <ReadOnlyNotice access={access} />
      {failure !== undefined && (
        <div id="trail-field-form" tabIndex={-1}>
          <ActionError error={failure.error} title={failure.title} />
        </div>
      )}
      <h2>{t`What it records`}</h2>
      <BasicsStep
        draft={draft}
        errors={errors}
        onChange={handleChange}
        homeRegion={region}
        regions={context.regions}
        organization={context.organization}
        trailsInRegion={undefined}
        editing
      />
      <h2>{t`Where it delivers`}</h2>
      <DeliveryStep
        draft={draft}
        errors={errors}
        onChange={handleChange}
        regions={context.regions}
        account={context.account}
        editing
      />
      <div className="wizard-buttons">
        <WriteButton
          access={access}
          type="submit"
          className="primary"
          onClick={() => undefined}
          disabled={update.isPending}
        >
          {update.isPending ? t`Saving…` : t`Save changes`}
        </WriteButton>
        <Link to={detail}>{t`Cancel`}</Link>
      </div>
    </form>
  );
}
