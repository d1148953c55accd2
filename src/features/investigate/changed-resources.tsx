import { useLingui } from "@lingui/react/macro";
import { Link } from "react-router";
import type { AuditEvent } from "@/api/schemas/event";
import { SafeText } from "@/components/ui/safe-text";
import { resourceHref } from "./filters";

/** Resources it changed, each a link to the resource's history. */
export function ChangedResources({ events }: { events: AuditEvent[] }) {
  const { t } = useLingui();
  const names = [
    ...new Set(
      events.flatMap((e) => e.resourceName.split(/[;,]/)).filter(Boolean),
    ),
  ].slice(0, 30);
  if (names.length === 0) return null;
  return (
    <p className="resource-links">
      {t`Resources changed:`}{" "}
      {names.map((n) => (
        <Link key={n} to={resourceHref({ name: n })}>
          <SafeText value={n} maxLength={60} />
        </Link>
      ))}
    </p>
  );
}
