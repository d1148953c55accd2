import type { AuditEvent } from "./event";

/**
 * The one rule for "does this event match this LookupAttribute?", shared by
 * the console (conditions it applies to loaded events) and the simulated
 * account (LookupEvents). The contract (actiontrail-api.md): exact,
 * case-sensitive matches, ANDed.
 *
 * - `ResourceName` and `ResourceType` name a list: an event about several
 *   resources lists them comma-separated (same type) or semicolon-separated
 *   (different types); the attribute matches one item of the list, or the
 *   whole text exactly.
 * - `SensitiveAction` takes the value `true`: it matches the events the
 *   service marks `eventAttributes.SensitiveAction = "true"`. Nothing is
 *   marked "false", so `SensitiveAction=false` (or any other value) matches
 *   no event.
 * - `RoleName` matches role sessions (`assumed-role`) whose user name is
 *   `<role>:<session>`.
 * - `PrincipalId` is not one of the twelve keys on its own, but LookupEvents
 *   takes it paired with `ServiceName`, so it is matched here too.
 * - An unknown key matches nothing (the service refuses it).
 */

/** The fields of an event the LookupAttribute keys look at. */
export type LookupMatchFields = Pick<
  AuditEvent,
  | "id"
  | "name"
  | "type"
  | "rw"
  | "service"
  | "userName"
  | "identityType"
  | "principalId"
  | "accessKeyId"
  | "sourceIp"
  | "resourceType"
  | "resourceName"
  | "sensitive"
>;

/** Whether a comma/semicolon-separated list (or the whole text) names `value`. */
export function listNames(list: string, value: string): boolean {
  if (list === value) return true;
  if (!value || !list.includes(value)) return false;
  return list.split(/[;,]/).some((part) => part.trim() === value);
}

/** The role of a role session's user name (`Role:session` → `Role`). */
export const roleOfSession = (userName: string): string =>
  userName.split(":")[0] ?? "";

export function matchesLookupAttribute(
  event: LookupMatchFields,
  key: string,
  value: string,
): boolean {
  switch (key) {
    case "EventName":
      return event.name === value;
    case "User":
      return event.userName === value;
    case "ServiceName":
      return event.service === value;
    case "ResourceType":
      return listNames(event.resourceType, value);
    case "ResourceName":
      return listNames(event.resourceName, value);
    case "EventRW":
      return event.rw === value;
    case "EventAccessKeyId":
      return event.accessKeyId === value;
    case "SourceIpAddress":
      return event.sourceIp === value;
    case "EventId":
      return event.id === value;
    case "SensitiveAction":
      return value === "true" && event.sensitive;
    case "EventType":
      return event.type === value;
    case "RoleName":
      return (
        event.identityType === "assumed-role" &&
        roleOfSession(event.userName) === value
      );
    case "PrincipalId":
      return event.principalId === value;
    default:
      return false;
  }
}

/** Empty fields, for building the partial views the simulated account checks per template or identity. */
export const NO_MATCH_FIELDS: LookupMatchFields = {
  id: "",
  name: "",
  type: "",
  rw: "",
  service: "",
  userName: "",
  identityType: "",
  principalId: "",
  accessKeyId: "",
  sourceIp: "",
  resourceType: "",
  resourceName: "",
  sensitive: false,
};
