import { Trans, useLingui } from "@lingui/react/macro";
import { buildRequestUrl } from "@/api/client";
import type { CreateTrailParams } from "@/api/schemas/trail";
import { CopyButton } from "@/components/ui/copy-button";
import { SafeText } from "@/components/ui/safe-text";
import type { TrailDraft } from "@/stores/trail-draft-store";
import {
  destinationText,
  EVENT_RW_TEXT,
  logstoreName,
  ossPathPattern,
} from "../trail-format";

interface ReviewStepProps {
  draft: TrailDraft;
  params: CreateTrailParams;
  homeRegion: string;
  onChange: (patch: Partial<TrailDraft>) => void;
}

/** The request exactly as the client sends it: `Action=CreateTrail&Version=…&Name=…`. */
export function createTrailRequestText(
  region: string,
  params: CreateTrailParams,
): { endpoint: string; query: string } {
  const url = new URL(buildRequestUrl(region, "CreateTrail", params));
  return { endpoint: `POST ${url.pathname}`, query: url.search.slice(1) };
}

/** Step 3: every setting in plain words, the exact API request, and whether to start logging at once. */
export function ReviewStep({
  draft,
  params,
  homeRegion,
  onChange,
}: ReviewStepProps) {
  const { t } = useLingui();
  const request = createTrailRequestText(homeRegion, params);
  const ossRole = params.OssWriteRoleArn;
  const slsRole = params.SlsWriteRoleArn;
  return (
    <div className="wizard-step-body">
      <dl className="facts review-facts">
        <dt>{t`Name`}</dt>
        <dd>
          <SafeText value={draft.name} />
        </dd>
        <dt>{t`Home region`}</dt>
        <dd>{t`${homeRegion} (the trail is created and managed here)`}</dd>
        <dt>{t`Regions recorded`}</dt>
        <dd>
          {draft.trailRegion === "All"
            ? t`All regions, including regions added later`
            : t`Only ${draft.trailRegion}`}
        </dd>
        <dt>{t`Events recorded`}</dt>
        <dd>{EVENT_RW_TEXT[draft.eventRW]}</dd>
        <dt>{t`Organization trail`}</dt>
        <dd>
          {draft.isOrganizationTrail
            ? t`Yes: records every member account of the resource directory`
            : t`No: records this account only`}
        </dd>
        <dt>{destinationText("OSS")}</dt>
        <dd>
          {params.OssBucketName ? (
            <>
              {t`Files delivered to`}{" "}
              <code>
                <SafeText
                  value={ossPathPattern({
                    ossBucketName: params.OssBucketName,
                    ossKeyPrefix: params.OssKeyPrefix ?? "",
                    isOrganizationTrail: draft.isOrganizationTrail,
                  })}
                />
              </code>
              {ossRole
                ? t`, written with role ${ossRole}`
                : t`, written with the default role`}
            </>
          ) : (
            t`Not delivered to OSS`
          )}
        </dd>
        <dt>{t`Log Service`}</dt>
        <dd>
          {params.SlsProjectArn ? (
            <>
              <Trans>
                Logstore <code>{logstoreName(draft.name)}</code> in project{" "}
                <code>
                  <SafeText value={params.SlsProjectArn} />
                </code>
              </Trans>
              {slsRole ? t`, written with role ${slsRole}` : ""}
            </>
          ) : (
            t`Not delivered to Log Service`
          )}
        </dd>
        <dt>{destinationText("MaxCompute")}</dt>
        <dd>
          {params.MaxComputeProjectArn ? (
            <code>
              <SafeText value={params.MaxComputeProjectArn} />
            </code>
          ) : (
            t`Not delivered to MaxCompute`
          )}
        </dd>
      </dl>

      <section
        aria-labelledby="trail-request-title"
        className="request-preview"
      >
        <h3 id="trail-request-title">{t`The API request`}</h3>
        <p className="hint">{request.endpoint}</p>
        <pre
          className="request-text"
          aria-label={t`CreateTrail request parameters`}
        >
          {request.query.split("&").join("\n&")}
        </pre>
        <CopyButton
          value={request.query}
          label={t`Copy the CreateTrail request`}
        />
      </section>

      <div className="field">
        <label>
          <input
            type="checkbox"
            checked={draft.startLogging}
            onChange={(event) =>
              onChange({ startLogging: event.target.checked })
            }
          />{" "}
          {t`Start logging as soon as the trail is created`}
        </label>
        <p className="hint">
          {t`A new trail records nothing (status Fresh) until it starts logging. With this checked, Trailscope calls StartLogging right after CreateTrail.`}
        </p>
      </div>
    </div>
  );
}
