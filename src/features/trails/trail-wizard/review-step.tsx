import { buildRequestUrl } from "@/api/client";
import type { CreateTrailParams } from "@/api/schemas/trail";
import { CopyButton } from "@/components/ui/copy-button";
import { SafeText } from "@/components/ui/safe-text";
import type { TrailDraft } from "@/stores/trail-draft-store";
import { EVENT_RW_TEXT, logstoreName, ossPathPattern } from "../trail-format";

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
  const request = createTrailRequestText(homeRegion, params);
  return (
    <div className="wizard-step-body">
      <dl className="facts review-facts">
        <dt>Name</dt>
        <dd>
          <SafeText value={draft.name} />
        </dd>
        <dt>Home region</dt>
        <dd>{homeRegion} (the trail is created and managed here)</dd>
        <dt>Regions recorded</dt>
        <dd>
          {draft.trailRegion === "All"
            ? "All regions, including regions added later"
            : `Only ${draft.trailRegion}`}
        </dd>
        <dt>Events recorded</dt>
        <dd>{EVENT_RW_TEXT[draft.eventRW]}</dd>
        <dt>Organization trail</dt>
        <dd>
          {draft.isOrganizationTrail
            ? "Yes: records every member account of the resource directory"
            : "No: records this account only"}
        </dd>
        <dt>OSS</dt>
        <dd>
          {params.OssBucketName ? (
            <>
              Files delivered to{" "}
              <code>
                <SafeText
                  value={ossPathPattern({
                    ossBucketName: params.OssBucketName,
                    ossKeyPrefix: params.OssKeyPrefix ?? "",
                    isOrganizationTrail: draft.isOrganizationTrail,
                  })}
                />
              </code>
              {params.OssWriteRoleArn
                ? `, written with role ${params.OssWriteRoleArn}`
                : ", written with the default role"}
            </>
          ) : (
            "Not delivered to OSS"
          )}
        </dd>
        <dt>Log Service</dt>
        <dd>
          {params.SlsProjectArn ? (
            <>
              Logstore <code>{logstoreName(draft.name)}</code> in project{" "}
              <code>
                <SafeText value={params.SlsProjectArn} />
              </code>
              {params.SlsWriteRoleArn
                ? `, written with role ${params.SlsWriteRoleArn}`
                : ""}
            </>
          ) : (
            "Not delivered to Log Service"
          )}
        </dd>
        <dt>MaxCompute</dt>
        <dd>
          {params.MaxComputeProjectArn ? (
            <code>
              <SafeText value={params.MaxComputeProjectArn} />
            </code>
          ) : (
            "Not delivered to MaxCompute"
          )}
        </dd>
      </dl>

      <section
        aria-labelledby="trail-request-title"
        className="request-preview"
      >
        <h3 id="trail-request-title">The API request</h3>
        <p className="hint">{request.endpoint}</p>
        <pre
          className="request-text"
          aria-label="CreateTrail request parameters"
        >
          {request.query.split("&").join("\n&")}
        </pre>
        <CopyButton
          value={request.query}
          label="Copy the CreateTrail request"
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
          Start logging as soon as the trail is created
        </label>
        <p className="hint">
          A new trail records nothing (status Fresh) until it starts logging.
          With this checked, Trailscope calls StartLogging right after
          CreateTrail.
        </p>
      </div>
    </div>
  );
}
