import { useTable } from "@tanstack/react-table";
import { trailColumns, trailTableFeatures, type TrailRow } from "./columns";

interface TrailsTableProps {
  rows: TrailRow[];
  caption: string;
}

/** The trails of a region, one row each; shadow copies say so. */
export function TrailsTable({ rows, caption }: TrailsTableProps) {
  const table = useTable({
    features: trailTableFeatures,
    columns: trailColumns,
    data: rows,
    getRowId: (row) => `${row.trail.homeRegion}/${row.trail.name}`,
  });
  return (
    <div className="trails-table-wrap">
      <table className="trails-table data-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => (
                <th key={header.id} scope="col">
                  {header.isPlaceholder ? null : (
                    <table.FlexRender header={header} />
                  )}
                </th>
              ))}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => (
            <tr
              key={row.id}
              className={row.original.shadow ? "shadow-row" : undefined}
            >
              {row.getAllCells().map((cell) => (
                <td key={cell.id}>
                  <table.FlexRender cell={cell} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
