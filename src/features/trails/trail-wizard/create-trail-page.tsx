import { msg, plural } from "@lingui/core/macro";
import { useLingui } from "@lingui/react/macro";
import type { MessageDescriptor } from "@lingui/core";
import { useEffect, useState } from "react";
import { Link, useNavigate } from "react-router";
import { isApiError } from "@/api/errors";
import { Dialog } from "@/components/ui/dialog";
import { ErrorPanel } from "@/components/ui/error-panel";
import { EmptyState } from "@/components/ui/states";
import { useDocumentTitle } from "@/components/ui/use-document-title";
import { ALL_REGIONS, useRegion } from "@/features/regions/use-region";
import {
  isDraftTouched,
  useTrailDraftStore,
  type TrailDraft,
  type WizardStep,
} from "@/stores/trail-draft-store";
import { useCreateTrail } from "../mutations";
import { ReadOnlyNotice, useWriteAccess, WriteButton } from "../write-access";
import { BasicsStep } from "./basics-step";
import { effectiveAccountId, toCreateTrailParams } from "./build-request";
import { fieldId } from "./field";
import { ReviewStep } from "./review-step";
import { DeliveryStep } from "./delivery-step";
import { useFocusRequest, useTrailFormContext } from "./use-form-context";
import {
  FIELD_STEP,
  firstErrorField,
  validateStep,
  validateTrailName,
  type FieldErrors,
  type TrailField,
} from "./validation";
import { describeWizardFailure } from "./wizard-errors";
import "../trails.css";

const STEPS: { id: WizardStep; title: MessageDescriptor }[] = [
  { id: "basics", title: msg`Basics` },
  { id: "delivery", title: msg`Delivery` },
  { id: "review", title: msg`Review and create` },
];

const HEADING_ID = "wizard-step-heading";

/** /trails/new: the three-step trail creation wizard for the region on screen. */
export function CreateTrailPage() {
  const { t } = useLingui();
  const { region } = useRegion();
  useDocumentTitle(t`Create trail`, region);
  if (region === ALL_REGIONS) {
    return (
      <section className="page" aria-labelledby="wizard-title">
        <h1 id="wizard-title">{t`Create trail`}</h1>
        <EmptyState title={t`Choose a region`}>
          <p>
            {t`A trail is created in one region (its home): choose it with the region switcher above.`}
          </p>
        </EmptyState>
      </section>
    );
  }
  return <TrailWizard region={region} />;
}

/** Which form fields a change touches, to clear their errors as the user fixes them. */
function touchedFields(patch: Partial<TrailDraft>): TrailField[] {
  const fields = Object.keys(patch) as TrailField[];
  if (
    "ossEnabled" in patch ||
    "slsEnabled" in patch ||
    "maxComputeEnabled" in patch
  )
    fields.push("destinations");
  if ("name" in patch || "trailRegion" in patch) fields.push("quota");
  if ("ossBucketMode" in patch) fields.push("ossBucketName");
  return fields;
}

function TrailWizard({ region }: { region: string }) {
  const { t } = useLingui();
  const draftRegion = useTrailDraftStore((s) => s.region);
  const draft = useTrailDraftStore((s) => s.draft);
  const step = useTrailDraftStore((s) => s.step);
  const ensureDraft = useTrailDraftStore((s) => s.ensureDraft);
  const discardDraft = useTrailDraftStore((s) => s.discardDraft);
  const otherRegionDraft =
    draft !== undefined &&
    draftRegion !== undefined &&
    draftRegion !== region &&
    isDraftTouched(draft, draftRegion);

  useEffect(() => {
    if (!otherRegionDraft) ensureDraft(region);
  }, [ensureDraft, otherRegionDraft, region]);

  return (
    <section className="page trail-wizard" aria-labelledby="wizard-title">
      <p>
        <Link to={`/trails?region=${encodeURIComponent(region)}`}>
          {t`← Trails in ${region}`}
        </Link>
      </p>
      <h1 id="wizard-title">{t`Create trail in ${region}`}</h1>
      {otherRegionDraft ? (
        <div className="read-only-notice" role="note">
          <p>
            {t`You have an unfinished trail for ${draftRegion}. Continue it there, or discard it and start a new one in ${region}.`}
          </p>
          <div className="button-row">
            <Link
              className="button-link"
              to={`/trails/new?region=${encodeURIComponent(draftRegion)}`}
            >
              {t`Continue the draft for ${draftRegion}`}
            </Link>
            <button
              type="button"
              onClick={() => {
                discardDraft();
                ensureDraft(region);
              }}
            >
              {t`Discard it and start in ${region}`}
            </button>
          </div>
        </div>
      ) : draft && draftRegion === region ? (
        <WizardForm region={region} draft={draft} step={step} />
      ) : null}
    </section>
  );
}

interface WizardFormProps {
  region: string;
  draft: TrailDraft;
  step: WizardStep;
}

function WizardForm({ region, draft, step }: WizardFormProps) {
  const { t } = useLingui();
  const updateDraft = useTrailDraftStore((s) => s.updateDraft);
  const setStep = useTrailDraftStore((s) => s.setStep);
  const discardDraft = useTrailDraftStore((s) => s.discardDraft);
  const context = useTrailFormContext(region);
  const access = useWriteAccess();
  const create = useCreateTrail();
  const navigate = useNavigate();
  const { focusElement, focusFirstError } = useFocusRequest();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [serverError, setServerError] = useState<{
    error: unknown;
    title: string;
    step: WizardStep;
  }>();
  const [announcement, setAnnouncement] = useState("");
  const [confirmCancel, setConfirmCancel] = useState(false);

  const stepTitle = (id: WizardStep) =>
    t(STEPS.find((s) => s.id === id)?.title ?? STEPS[0]!.title);
  const stepIndex = STEPS.findIndex((s) => s.id === step);
  const current = STEPS[stepIndex] ?? STEPS[0]!;
  const validation = {
    existingNames: context.existingNames,
    accountId: context.accountId,
  };
  const liveNameError = draft.name
    ? validateTrailName(draft.name, context.existingNames)
    : undefined;
  const shownErrors: FieldErrors = {
    ...errors,
    ...(liveNameError && !errors.name ? { name: liveNameError } : {}),
  };
  const params = toCreateTrailParams(
    draft,
    effectiveAccountId(draft, context.accountId) || "<accountId>",
  );
  const back = `/trails?region=${encodeURIComponent(region)}`;

  const handleChange = (patch: Partial<TrailDraft>) => {
    updateDraft(patch);
    const cleared = touchedFields(patch);
    setErrors((old) => {
      const next = { ...old };
      for (const field of cleared) delete next[field];
      return next;
    });
  };

  const goTo = (next: WizardStep, message?: string) => {
    setStep(next);
    const index = STEPS.findIndex((s) => s.id === next);
    const number = index + 1;
    const count = STEPS.length;
    const title = stepTitle(next);
    setAnnouncement(
      message
        ? t`Step ${number} of ${count}: ${title}. ${message}`
        : t`Step ${number} of ${count}: ${title}`,
    );
    focusElement(HEADING_ID);
  };

  const showErrors = (found: FieldErrors) => {
    const first = firstErrorField(found);
    if (!first) return;
    const target = FIELD_STEP[first];
    const count = Object.keys(found).length;
    setErrors(found);
    if (target !== step) setStep(target);
    const number = STEPS.findIndex((s) => s.id === target) + 1;
    const title = stepTitle(target);
    setAnnouncement(
      plural(count, {
        one: `# problem needs fixing on step ${number}: ${title}.`,
        other: `# problems need fixing on step ${number}: ${title}.`,
      }),
    );
    focusFirstError(found);
  };

  const handleNext = () => {
    const found = validateStep(step, draft, validation);
    if (Object.keys(found).length > 0) return showErrors(found);
    setErrors({});
    const next = STEPS[stepIndex + 1];
    if (next) goTo(next.id);
  };

  const handleBack = () => {
    const previous = STEPS[stepIndex - 1];
    if (previous) goTo(previous.id);
  };

  const handleCreate = () => {
    const found = validateStep("review", draft, validation);
    if (Object.keys(found).length > 0) return showErrors(found);
    setServerError(undefined);
    create.mutate(
      { region, params, startLogging: draft.startLogging },
      {
        onSuccess: (outcome) => {
          const notes = [
            outcome.recovered
              ? t`The create answer was lost on the way; the trail was found, identical, on reading the trails back.`
              : "",
            outcome.startError
              ? t`The trail was created, but logging could not be started (${isApiError(outcome.startError) ? outcome.startError.code : "error"}). Start it from here.`
              : draft.startLogging
                ? t`Logging started.`
                : t`The trail is not logging yet (Fresh): start logging when ready.`,
          ].filter(Boolean);
          discardDraft();
          void navigate(
            `/trails/${encodeURIComponent(params.Name)}?region=${encodeURIComponent(region)}`,
            {
              state: {
                notice: `${t`Trail ${params.Name} created.`} ${notes.join(" ")}`,
              },
            },
          );
        },
        onError: (error) => {
          const failure = describeWizardFailure(error);
          const { placement } = failure;
          setServerError({
            error: failure.error,
            title: failure.title,
            step: placement.step,
          });
          setErrors({ [placement.field]: placement.explanation });
          setStep(placement.step);
          const number = STEPS.findIndex((s) => s.id === placement.step) + 1;
          const title = stepTitle(placement.step);
          setAnnouncement(
            `${failure.announcement} ${t`Step ${number}: ${title} shows what to do.`}`,
          );
          focusElement(fieldId(placement.field));
        },
      },
    );
  };

  const handleCancel = () => {
    if (isDraftTouched(draft, region)) setConfirmCancel(true);
    else {
      discardDraft();
      void navigate(back);
    }
  };

  return (
    <>
      <ReadOnlyNotice access={access} />
      <ol className="wizard-steps" aria-label={t`Steps`}>
        {STEPS.map((s, index) => (
          <li
            key={s.id}
            aria-current={s.id === step ? "step" : undefined}
            className={index < stepIndex ? "done" : undefined}
          >
            <span className="step-number">{index + 1}</span> {t(s.title)}
          </li>
        ))}
      </ol>
      <p className="visually-hidden" aria-live="polite" role="status">
        {announcement}
      </p>
      <form
        className="wizard-form"
        noValidate
        aria-labelledby={HEADING_ID}
        onSubmit={(event) => {
          event.preventDefault();
          if (step === "review") {
            if (access.enabled) handleCreate();
          } else handleNext();
        }}
      >
        <h2 id={HEADING_ID} tabIndex={-1}>
          {t`Step ${stepIndex + 1} of ${STEPS.length}: ${t(current.title)}`}
        </h2>
        {serverError && serverError.step === step && (
          <div
            id={step === "review" ? fieldId("form") : undefined}
            tabIndex={-1}
          >
            <ErrorPanel
              error={serverError.error}
              title={serverError.title}
              hint={
                step === "review" && shownErrors.form ? (
                  <p>{shownErrors.form}</p>
                ) : undefined
              }
            />
          </div>
        )}
        {step === "basics" && (
          <BasicsStep
            draft={draft}
            errors={shownErrors}
            onChange={handleChange}
            homeRegion={region}
            regions={context.regions}
            organization={context.organization}
            trailsInRegion={context.trailsInRegion}
          />
        )}
        {step === "delivery" && (
          <DeliveryStep
            draft={draft}
            errors={shownErrors}
            onChange={handleChange}
            regions={context.regions}
            account={context.account}
          />
        )}
        {step === "review" && (
          <ReviewStep
            draft={draft}
            params={params}
            homeRegion={region}
            onChange={handleChange}
          />
        )}
        <div className="wizard-buttons">
          {stepIndex > 0 && (
            <button type="button" onClick={handleBack}>
              {t`Back`}
            </button>
          )}
          {step === "review" ? (
            <WriteButton
              access={access}
              type="submit"
              className="primary"
              onClick={() => undefined}
              disabled={create.isPending}
            >
              {create.isPending ? t`Creating…` : t`Create`}
            </WriteButton>
          ) : (
            <button type="submit" className="primary">
              {t`Next`}
            </button>
          )}
          <button type="button" onClick={handleCancel}>
            {t`Cancel`}
          </button>
        </div>
      </form>
      <Dialog
        open={confirmCancel}
        title={t`Discard this trail?`}
        onClose={() => setConfirmCancel(false)}
        footer={
          <>
            <button type="button" onClick={() => setConfirmCancel(false)}>
              {t`Keep editing`}
            </button>
            <button
              type="button"
              className="danger"
              onClick={() => {
                setConfirmCancel(false);
                discardDraft();
                void navigate(back);
              }}
            >
              {t`Discard`}
            </button>
          </>
        }
      >
        <p>{t`What you typed for this trail will be lost.`}</p>
      </Dialog>
    </>
  );
}
