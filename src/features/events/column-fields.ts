import type { AuditEvent } from "@/api/schemas/event";
import type { SearchCondition } from "@/lib/event-search-url";
import {
  fieldPathOf,
  fieldText,
  isFieldColumn,
  valueAtPath,
} from "./field-paths";

/** What a column's field statistics count, and the search condition for one of its values. */
export interface ColumnField {
  get: (event: AuditEvent) => string;
  /** The condition that keeps (or, excluded, drops) events with this value; none for a free field. */
  condition: (value: string) => SearchCondition | undefined;
}

const keyed =
  (key: string) =>
  (value: string): SearchCondition | undefined =>
    value === "" ? undefined : { key, value };

const COLUMN_FIELDS: Record<string, ColumnField> = {
  name: { get: (e) => e.name, condition: keyed("EventName") },
  user: { get: (e) => e.userName, condition: keyed("User") },
  ip: { get: (e) => e.sourceIp, condition: keyed("SourceIpAddress") },
  resource: { get: (e) => e.resourceName, condition: keyed("ResourceName") },
  service: { get: (e) => e.service, condition: keyed("ServiceName") },
  rw: { get: (e) => e.rw, condition: keyed("EventRW") },
  // Success, or the error code the call failed with.
  result: {
    get: (e) => e.errorCode || "Success",
    condition: (value) =>
      value === "Success"
        ? { key: "Result", value }
        : keyed("ErrorCode")(value),
  },
  region: { get: (e) => e.region, condition: keyed("Region") },
};

const NO_CONDITION = (): undefined => undefined;

/** The field behind a column, when counting its values makes sense (not for the time). */
export function columnField(columnId: string): ColumnField | undefined {
  if (Object.hasOwn(COLUMN_FIELDS, columnId)) return COLUMN_FIELDS[columnId];
  if (!isFieldColumn(columnId)) return undefined;
  const path = fieldPathOf(columnId);
  return {
    get: (e) => fieldText(valueAtPath(e.raw, path)),
    condition: NO_CONDITION,
  };
}
