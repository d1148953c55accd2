import { Trans, useLingui } from "@lingui/react/macro";
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { useFormat } from "@/components/i18n/use-format";
import { ErrorPanel } from "@/components/ui/error-panel";
import { SafeText } from "@/components/ui/safe-text";
import { LoadingState } from "@/components/ui/states";
import { identityHref } from "./filters";
import {
  accessKeyInfoQueryOptions,
  accessKeyIpsQueryOptions,
  accessKeyProductsQueryOptions,
  accessKeyResourcesQueryOptions,
} from "./queries";

/** Reads one field of the last-used event the service attaches as a JSON string; anything malformed is ignored. */
function detailField(
  detail: string,
  field: "sourceIpAddress" | "resourceName" | "eventName",
): string {
  try {
    const parsed: unknown = JSON.parse(detail);
    if (parsed && typeof parsed === "object" && Object.hasOwn(parsed, field)) {
      const v = (parsed as Record<string, unknown>)[field];
      return typeof v === "string" ? v : "";
    }
  } catch {
    // not JSON: nothing to show
  }
  return "";
}

/** The AccessKey audit: owner, last use (service, address, resource), products, addresses and resources. */
export function AccessKeyAudit({ keyId: accessKey }: { keyId: string }) {
  const { t } = useLingui();
  const { timeWithZone } = useFormat();
  const unknown = t`unknown`;
  const when = (ms: number | undefined) =>
    ms === undefined ? unknown : timeWithZone(ms);
  const info = useQuery(accessKeyInfoQueryOptions(accessKey));
  const products = useQuery(accessKeyProductsQueryOptions(accessKey));
  const ips = useQuery(accessKeyIpsQueryOptions(accessKey));
  const resources = useQuery(accessKeyResourcesQueryOptions(accessKey));
  return (
    <section className="card" aria-labelledby="ak-audit-title">
      <h2 id="ak-audit-title">
        <Trans>AccessKey audit</Trans>
      </h2>
      {info.isPending ? (
        <LoadingState title={t`Loading the AccessKey's last use…`} />
      ) : info.isError ? (
        <ErrorPanel
          error={info.error}
          title={t`The AccessKey's last use could not be loaded`}
          onRetry={() => void info.refetch()}
          compact
        />
      ) : (
        <dl className="evidence">
          <div>
            <dt>
              <Trans>Owner</Trans>
            </dt>
            <dd>
              {info.data.userName ? (
                <Link
                  to={identityHref({ kind: "user", value: info.data.userName })}
                >
                  <SafeText value={info.data.userName} maxLength={80} />
                </Link>
              ) : (
                unknown
              )}{" "}
              {info.data.accountType && (
                <span className="muted">
                  (<SafeText value={info.data.accountType} maxLength={40} />)
                </span>
              )}
            </dd>
          </div>
          <div>
            <dt>
              <Trans>Last used</Trans>
            </dt>
            <dd>{when(info.data.usedAt)}</dd>
          </div>
          <div>
            <dt>
              <Trans>Last used service</Trans>
            </dt>
            <dd>
              <SafeText
                value={info.data.serviceName || unknown}
                maxLength={60}
              />
            </dd>
          </div>
          <div>
            <dt>
              <Trans>Last used from</Trans>
            </dt>
            <dd>
              <SafeText
                value={
                  detailField(info.data.detail, "sourceIpAddress") || unknown
                }
                maxLength={60}
              />
            </dd>
          </div>
          <div>
            <dt>
              <Trans>Last used on resource</Trans>
            </dt>
            <dd>
              <SafeText
                value={
                  detailField(info.data.detail, "resourceName") ||
                  t`none recorded`
                }
                maxLength={120}
              />
            </dd>
          </div>
        </dl>
      )}
      <div className="audit-lists">
        <AuditList
          title={t`Services used`}
          query={products}
          rows={(products.data ?? []).map((p) => [
            p.serviceName,
            when(p.usedAt),
          ])}
        />
        <AuditList
          title={t`Addresses used`}
          query={ips}
          rows={(ips.data ?? []).map((p) => [p.sourceIp, when(p.usedAt)])}
        />
        <AuditList
          title={t`Resources used`}
          query={resources}
          rows={(resources.data ?? []).map((p) => [
            p.resourceName,
            when(p.usedAt),
          ])}
        />
      </div>
    </section>
  );
}

interface AuditListProps {
  title: string;
  query: {
    isPending: boolean;
    isError: boolean;
    error: unknown;
    refetch: () => unknown;
  };
  rows: [string, string][];
}

function AuditList({ title, query, rows }: AuditListProps) {
  return (
    <div>
      <h3>{title}</h3>
      {query.isPending ? (
        <LoadingState />
      ) : query.isError ? (
        <ErrorPanel
          error={query.error}
          onRetry={() => void query.refetch()}
          compact
        />
      ) : rows.length === 0 ? (
        <p className="muted">
          <Trans>None recorded.</Trans>
        </p>
      ) : (
        <ul className="value-list">
          {rows.map(([value, time], i) => (
            <li key={`${value}-${i}`}>
              <SafeText value={value} maxLength={100} />{" "}
              <span className="muted nowrap">
                <Trans>last {time}</Trans>
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
