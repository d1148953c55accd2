import { i18n, type MessageDescriptor } from "@lingui/core";
import { msg } from "@lingui/core/macro";
import { Trans, useLingui } from "@lingui/react/macro";
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
import { useFormat } from "@/components/i18n/use-format";
import { identityLabel } from "./event-summary";
import {
  fieldColumnId,
  fieldPathOf,
  fieldText,
  isFieldColumn,
  valueAtPath,
} from "./field-paths";

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

/** The time with its own offset (a range may cross a DST change). */
function TimeCell({ row }: Ctx) {
  const { time, zoneLabel } = useFormat();
  const ms = row.original.timeMs;
  return (
    <time dateTime={row.original.time}>
      {time(ms)} <span className="muted small">{zoneLabel(ms)}</span>
    </time>
  );
}

/** A header in the reader's language. */
function Header({ id }: { id: string }) {
  const { i18n } = useLingui();
  const label = EVENT_COLUMN_LABELS[id];
  if (label) return i18n._(label);
  return (
    <code className="field-column-name">
      <SafeText value={fieldPathOf(id)} maxLength={60} />
    </code>
  );
}

function SensitiveBadge() {
  const { t } = useLingui();
  return (
    <span className="badge badge-warn" title={t`Sensitive action`}>
      <Trans>sensitive</Trans>
    </span>
  );
}

function NameCell({ row }: Ctx) {
  return (
    <span className="event-name">
      <SafeText value={row.original.name} maxLength={CELL_MAX} />
      {row.original.sensitive && <SensitiveBadge />}
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
    <span className="result-ok">
      <Trans>Success</Trans>
    </span>
  );
}

/**
 * The default columns, sized so all nine fit a 1440-pixel screen and ordered
 * so the pane open at its default width still leaves time, name, user,
 * service and result.
 */
export const eventColumns = helper.columns([
  helper.accessor("timeMs", {
    id: "time",
    header: () => <Header id="time" />,
    cell: TimeCell,
    sortFn: "basic",
    size: 236,
  }),
  helper.accessor("name", {
    id: "name",
    header: () => <Header id="name" />,
    cell: NameCell,
    sortFn: "text",
    size: 200,
  }),
  helper.accessor("userName", {
    id: "user",
    header: () => <Header id="user" />,
    cell: UserCell,
    sortFn: "text",
    size: 170,
  }),
  helper.accessor("service", {
    id: "service",
    header: () => <Header id="service" />,
    cell: TextCell,
    sortFn: "text",
    size: 92,
  }),
  helper.accessor("errorCode", {
    id: "result",
    header: () => <Header id="result" />,
    cell: ResultCell,
    sortFn: "text",
    size: 120,
  }),
  helper.accessor((e) => e.resourceName || e.resourceType, {
    id: "resource",
    header: () => <Header id="resource" />,
    cell: ResourceCell,
    sortFn: "text",
    size: 180,
  }),
  helper.accessor("sourceIp", {
    id: "ip",
    header: () => <Header id="ip" />,
    cell: TextCell,
    sortFn: "text",
    size: 124,
  }),
  helper.accessor("rw", {
    id: "rw",
    header: () => <Header id="rw" />,
    cell: TextCell,
    sortFn: "text",
    size: 96,
  }),
  helper.accessor("region", {
    id: "region",
    header: () => <Header id="region" />,
    cell: TextCell,
    sortFn: "text",
    size: 112,
  }),
]);

/** An added field: strings as hostile text, objects as compact JSON, cut short. */
function FieldCell({ getValue }: Ctx) {
  const text = fieldText(getValue());
  return text ? (
    <SafeText value={text} maxLength={CELL_MAX} />
  ) : (
    <span className="muted">—</span>
  );
}

/** A column showing any field of the event, by its dotted path (not sortable: the page sorts). */
export function fieldColumn(path: string) {
  const id = fieldColumnId(path);
  return helper.accessor((e) => valueAtPath(e.raw, path), {
    id,
    header: () => <Header id={id} />,
    cell: FieldCell,
    enableSorting: false,
    size: 180,
  });
}

export const EVENT_COLUMN_IDS = [
  "time",
  "name",
  "user",
  "service",
  "result",
  "resource",
  "ip",
  "rw",
  "region",
] as const;

const EVENT_COLUMN_LABELS: Record<string, MessageDescriptor> = {
  time: msg`Event time`,
  name: msg`Event name`,
  user: msg`User`,
  ip: msg`Source IP`,
  resource: msg`Resource`,
  service: msg`Service`,
  rw: msg`Read/write`,
  result: msg`Result`,
  region: msg`Region`,
};

/** A column's name in the reader's language. */
export function eventColumnLabel(id: string): string {
  const label = EVENT_COLUMN_LABELS[id];
  if (label) return i18n._(label);
  return isFieldColumn(id) ? fieldPathOf(id) : id;
}
