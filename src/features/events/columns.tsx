import {
  columnOrderingFeature,
  columnSizingFeature,
  columnVisibilityFeature,
  createColumnHelper,
  createSortedRowModel,
  rowSortingFeature,
  sortFn_basic,
  sortFn_text,
  tableFeatures,
  type CellContext,
} from "@tanstack/react-table";
import type { AuditEvent } from "@/api/schemas/event";
import { SafeText } from "@/components/ui/safe-text";
import { formatTime } from "@/lib/time";
import { usePrefsStore } from "@/stores/prefs-store";
import { identityLabel } from "./event-summary";

/** The events table's features, declared once. */
export const eventTableFeatures = tableFeatures({
  rowSortingFeature,
  columnVisibilityFeature,
  columnOrderingFeature,
  columnSizingFeature,
  sortedRowModel: createSortedRowModel(),
  sortFns: { basic: sortFn_basic, text: sortFn_text },
});

type Features = typeof eventTableFeatures;
type Ctx = CellContext<Features, AuditEvent, unknown>;

const helper = createColumnHelper<Features, AuditEvent>();

const CELL_MAX = 80;

function TimeCell({ row }: Ctx) {
  const zone = usePrefsStore((s) => s.timeZone);
  return (
    <time dateTime={row.original.time}>
      {formatTime(row.original.timeMs, zone)}
    </time>
  );
}

function NameCell({ row }: Ctx) {
  return (
    <span className="event-name">
      <SafeText value={row.original.name} maxLength={CELL_MAX} />
      {row.original.sensitive && (
        <span className="badge badge-warn" title="Sensitive action">
          sensitive
        </span>
      )}
    </span>
  );
}

function UserCell({ row }: Ctx) {
  const e = row.original;
  return (
    <span className="cell-user">
      <SafeText value={e.userName || "—"} maxLength={CELL_MAX} />{" "}
      <span className="muted small">{identityLabel(e.identityType)}</span>
    </span>
  );
}

function TextCell({ getValue }: Ctx) {
  const value = getValue();
  return (
    <SafeText
      value={typeof value === "string" && value ? value : "—"}
      maxLength={CELL_MAX}
    />
  );
}

function ResourceCell({ row }: Ctx) {
  const e = row.original;
  if (!e.resourceType && !e.resourceName)
    return <span className="muted">—</span>;
  return (
    <span className="cell-resource">
      <SafeText value={e.resourceName || "—"} maxLength={CELL_MAX} />{" "}
      <span className="muted small">
        <SafeText value={e.resourceType} maxLength={60} />
      </span>
    </span>
  );
}

function ResultCell({ row }: Ctx) {
  const e = row.original;
  return e.errorCode ? (
    <span className="result-error">
      <span aria-hidden="true">✕ </span>
      <SafeText value={e.errorCode} maxLength={60} />
    </span>
  ) : (
    <span className="result-ok">Success</span>
  );
}

export const eventColumns = helper.columns([
  helper.accessor("timeMs", {
    id: "time",
    header: "Event time",
    cell: TimeCell,
    sortFn: "basic",
    size: 170,
  }),
  helper.accessor("name", {
    id: "name",
    header: "Event name",
    cell: NameCell,
    sortFn: "text",
    size: 220,
  }),
  helper.accessor("userName", {
    id: "user",
    header: "User",
    cell: UserCell,
    sortFn: "text",
    size: 200,
  }),
  helper.accessor("sourceIp", {
    id: "ip",
    header: "Source IP",
    cell: TextCell,
    sortFn: "text",
    size: 140,
  }),
  helper.accessor((e) => e.resourceName || e.resourceType, {
    id: "resource",
    header: "Resource",
    cell: ResourceCell,
    sortFn: "text",
    size: 240,
  }),
  helper.accessor("service", {
    id: "service",
    header: "Service",
    cell: TextCell,
    sortFn: "text",
    size: 100,
  }),
  helper.accessor("rw", {
    id: "rw",
    header: "Read/write",
    cell: TextCell,
    sortFn: "text",
    size: 90,
  }),
  helper.accessor("errorCode", {
    id: "result",
    header: "Result",
    cell: ResultCell,
    sortFn: "text",
    size: 150,
  }),
  helper.accessor("region", {
    id: "region",
    header: "Region",
    cell: TextCell,
    sortFn: "text",
    size: 120,
  }),
]);

export const EVENT_COLUMN_IDS = [
  "time",
  "name",
  "user",
  "ip",
  "resource",
  "service",
  "rw",
  "result",
  "region",
] as const;

export const EVENT_COLUMN_LABELS: Record<string, string> = {
  time: "Event time",
  name: "Event name",
  user: "User",
  ip: "Source IP",
  resource: "Resource",
  service: "Service",
  rw: "Read/write",
  result: "Result",
  region: "Region",
};
