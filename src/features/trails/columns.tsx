import type { MessageDescriptor } from "@lingui/core";
import { msg, t } from "@lingui/core/macro";
import { useFormat } from "@/components/i18n/use-format";
import { createColumnHelper, tableFeatures } from "@tanstack/react-table";
import { Link } from "react-router";
import type { Trail } from "@/api/schemas/trail";
import { SafeText } from "@/components/ui/safe-text";
import { TrailStatusBadge, TrailTime } from "./trail-bits";
import { TrailHealthCell } from "./trail-health-cell";
import {
  destinationsOf,
  destinationText,
  EVENT_RW_TEXT,
  regionsCoveredText,
} from "./trail-format";

/** One row of the trails table: a trail as seen from the region on screen. */
export interface TrailRow {
  trail: Trail;
  /** A copy of an all-region trail whose home is another region. */
  shadow: boolean;
  viewRegion: string;
}

export const trailTableFeatures = tableFeatures({});
const helper = createColumnHelper<typeof trailTableFeatures, TrailRow>();

function NameCell({ row }: { row: TrailRow }) {
  const { trail, shadow, viewRegion } = row;
  const region = shadow ? trail.homeRegion : viewRegion;
  return (
    <span className="trail-name-cell">
      <Link
        to={`/trails/${encodeURIComponent(trail.name)}?region=${encodeURIComponent(region)}`}
      >
        <SafeText value={trail.name} maxLength={60} />
      </Link>
      {shadow && (
        <span
          className="badge"
          title={t`A copy of an all-region trail managed in ${trail.homeRegion}`}
        >
          {t`Shadow copy`}
        </span>
      )}
    </span>
  );
}

function DestinationsCell({ trail }: { trail: Trail }) {
  const destinations = destinationsOf(trail);
  if (destinations.length === 0)
    return <span className="muted">{t`None`}</span>;
  return <>{destinations.map(destinationText).join(t`, `)}</>;
}

/**
 * A time column's header names the zone its times are in. (Cells use the
 * global `t`: the table re-renders with the page when the language changes.)
 */
function TimeHeader({ label }: { label: MessageDescriptor }) {
  const { zoneNow } = useFormat();
  return <>{`${t(label)} (${zoneNow})`}</>;
}

function YesNo({ value }: { value: boolean }) {
  return <>{value ? t`Yes` : t`No`}</>;
}

export const trailColumns = helper.columns([
  helper.accessor((row) => row.trail.name, {
    id: "name",
    header: () => t`Name`,
    cell: (info) => <NameCell row={info.row.original} />,
  }),
  helper.accessor((row) => row.trail.homeRegion, {
    id: "homeRegion",
    header: () => t`Home region`,
  }),
  // Words are made in `cell`, at render: accessor values are cached per row
  // and would keep the language they were first read in.
  helper.accessor((row) => row.trail.trailRegion, {
    id: "regions",
    cell: (info) => regionsCoveredText(info.row.original.trail),
    header: () => t`Regions recorded`,
  }),
  helper.accessor((row) => row.trail.eventRW, {
    id: "eventRW",
    header: () => t`Events`,
    cell: (info) => EVENT_RW_TEXT[info.getValue()],
  }),
  helper.display({
    id: "destinations",
    header: () => t`Delivers to`,
    cell: (info) => <DestinationsCell trail={info.row.original.trail} />,
  }),
  helper.accessor((row) => row.trail.status, {
    id: "status",
    header: () => t`Status`,
    cell: (info) => <TrailStatusBadge status={info.getValue()} />,
  }),
  helper.display({
    id: "health",
    header: () => t`Delivery health`,
    cell: (info) => <TrailHealthCell trail={info.row.original.trail} />,
  }),
  helper.accessor((row) => row.trail.isOrganizationTrail, {
    id: "organization",
    header: () => t`Organization trail`,
    cell: (info) => <YesNo value={info.getValue()} />,
  }),
  helper.accessor((row) => row.trail.createTime, {
    id: "created",
    header: () => <TimeHeader label={msg`Created`} />,
    cell: (info) => <TrailTime value={info.getValue()} />,
  }),
  helper.accessor((row) => row.trail.updateTime, {
    id: "updated",
    header: () => <TimeHeader label={msg`Updated`} />,
    cell: (info) => <TrailTime value={info.getValue()} />,
  }),
]);
