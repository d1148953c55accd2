import { Trans } from "@lingui/react/macro";
import type { ReactNode } from "react";
import { useShare } from "@/components/charts/use-share";
import { SafeText } from "@/components/ui/safe-text";
import "./charts/charts.css";

interface FieldValuesProps {
  /** The field's name, as the reader knows it: the first column's header. */
  label: string;
  /** The most frequent values, most frequent first. */
  values: readonly { value: string; count: number }[];
  /** The events counted, for each value's share. */
  total: number;
  /** A row's controls (keep only / leave out this value), or nothing. */
  renderActions: (value: string) => ReactNode;
}

/** A field's top values with their share of the events, each with its search controls. */
export function FieldValues({
  label,
  values,
  total,
  renderActions,
}: FieldValuesProps) {
  const share = useShare();
  return (
    <table className="data-table field-values">
      <caption className="visually-hidden">
        <Trans>Top values of {label}</Trans>
      </caption>
      <thead>
        <tr>
          <th scope="col">{label}</th>
          <th scope="col">
            <Trans>Events</Trans>
          </th>
          <th scope="col">
            <Trans>Search</Trans>
          </th>
        </tr>
      </thead>
      <tbody>
        {values.map(({ value, count }) => (
          <tr key={value}>
            <td>
              {value === "" ? (
                <em>
                  <Trans>(empty)</Trans>
                </em>
              ) : (
                <SafeText value={value} maxLength={100} />
              )}
            </td>
            <td className="field-values-share">
              <meter min={0} max={total} value={count} aria-hidden="true" />{" "}
              {share(count, total)}
            </td>
            <td className="row-actions">{renderActions(value)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
