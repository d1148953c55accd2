import { createColumnHelper, tableFeatures } from "@tanstack/react-table";
import { Link } from "react-router";
import type { Trail } from "@/api/schemas/trail";
import { SafeText } from "@/components/ui/safe-text";
import { TrailStatusBadge, TrailTime } from "./trail-bits";
import {
  destinationsOf,
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
          title={`A copy of an all-region trail managed in ${trail.homeRegion}`}
        >
          Shadow copy
        </span>
      )}
    </span>
  );
}

function DestinationsCell({ trail }: { trail: Trail }) {
  const destinations = destinationsOf(trail);
  if (destinations.length === 0) return <span className="muted">None</span>;
  return <>{destinations.join(", ")}</>;
}

export const trailColumns = helper.columns([
  helper.accessor((row) => row.trail.name, {
    id: "name",
    header: "Name",
    cell: (info) => <NameCell row={info.row.original} />,
  }),
  helper.accessor((row) => row.trail.homeRegion, {
    id: "homeRegion",
    header: "Home region",
  }),
  helper.accessor((row) => regionsCoveredText(row.trail), {
    id: "regions",
    header: "Regions recorded",
  }),
  helper.accessor((row) => row.trail.eventRW, {
    id: "eventRW",
    header: "Events",
    cell: (info) => EVENT_RW_TEXT[info.getValue()],
  }),
  helper.display({
    id: "destinations",
    header: "Delivers to",
    cell: (info) => <DestinationsCell trail={info.row.original.trail} />,
  }),
  helper.accessor((row) => row.trail.status, {
    id: "status",
    header: "Status",
    cell: (info) => <TrailStatusBadge status={info.getValue()} />,
  }),
  helper.accessor((row) => row.trail.isOrganizationTrail, {
    id: "organization",
    header: "Organization trail",
    cell: (info) => (info.getValue() ? "Yes" : "No"),
  }),
  helper.accessor((row) => row.trail.createTime, {
    id: "created",
    header: "Created",
    cell: (info) => <TrailTime value={info.getValue()} />,
  }),
  helper.accessor((row) => row.trail.updateTime, {
    id: "updated",
    header: "Updated",
    cell: (info) => <TrailTime value={info.getValue()} />,
  }),
]);
