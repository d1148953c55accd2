import type { AuditEvent } from "@/api/schemas/event";
import type { IdentityKind } from "./filters";

/**
 * "Detect automatically": what a typed value is, decided from the events
 * that name it, not from its shape alone. The probes (queries.ts) ask the
 * service for events of the value as a user, an AccessKey, an address and a
 * resource ID, and read the newest events for a resource *named* so (an
 * instance name appears in the requests and answers of the calls about it,
 * beside its ID). This module turns what they found into readings.
 */

/** A resource found by a name its events give it. */
export interface NamedResource {
  /** The ID the events give beside the name (what Investigate → Resource looks up). */
  id: string;
  name: string;
  /** ActionTrail's resource type of the events (`ACS::ECS::Instance`), empty when they have none. */
  type: string;
  /** Events that name it so. */
  events: number;
}

/** One reading of the value, with the events that back it. */
export type Reading =
  | { to: "identity"; kind: IdentityKind; value: string }
  | {
      to: "resource";
      /** What Investigate → Resource looks up: the ID, or the value itself. */
      id: string;
      /** The name the value matched, when it is a name and not the ID. */
      name?: string | undefined;
      type: string;
    };

/** What the probes found: a count of events per identity reading, and the resources. */
export interface ProbeResults {
  user: number;
  accessKey: number;
  ip: number;
  /** Events whose ResourceName is the value itself. */
  resource: { events: number; type: string };
  named: NamedResource[];
}

const MAX_DEPTH = 12;
/** Keys that name a resource; who acted (a user's, a role's name) is the user probe's business. */
const isNameKey = (key: string) =>
  /(Name|Description|Alias)$/.test(key) &&
  !/^(User|Role|Group|Account|Principal)Name$/i.test(key);
/** An ID-looking value: no spaces, a letter, at least 6 characters. */
const looksLikeId = (value: unknown): value is string =>
  typeof value === "string" &&
  value.length >= 6 &&
  value.length <= 128 &&
  !/\s/.test(value);

/** The ID key that goes with a name key: `InstanceName` → `InstanceId`, `InstanceStatusName` → `InstanceStatusId`. */
function idBeside(
  node: Readonly<Record<string, unknown>>,
  nameKey: string,
): string | undefined {
  const stem = nameKey.replace(/(Name|Description|Alias)$/, "");
  for (const key of [`${stem}Id`, `${stem}ID`]) {
    const v = node[key];
    if (looksLikeId(v)) return v;
  }
  return undefined;
}

/** Every ID an object tree gives beside `name` under a name key. Walks plain data only, depth-capped. */
function idsNamed(
  root: unknown,
  name: string,
  out: Set<string>,
  depth = 0,
): boolean {
  if (depth > MAX_DEPTH || root === null || typeof root !== "object")
    return false;
  let named = false;
  if (Array.isArray(root)) {
    for (const item of root)
      named = idsNamed(item, name, out, depth + 1) || named;
    return named;
  }
  const node = root as Record<string, unknown>;
  for (const key of Object.keys(node)) {
    const value = node[key];
    if (isNameKey(key) && value === name) {
      named = true;
      const id = idBeside(node, key);
      if (id && id !== name) out.add(id);
    } else if (value !== null && typeof value === "object") {
      named = idsNamed(value, name, out, depth + 1) || named;
    }
  }
  return named;
}

/** The event's own resource IDs (its ResourceName list), when the event is about one resource. */
const ownResource = (event: AuditEvent): string | undefined => {
  const names = event.resourceName.split(/[,;]/).filter(Boolean);
  return names.length === 1 ? names[0] : undefined;
};

/**
 * The resources the events name `name`: an ID found beside the name in the
 * request or the answer (`InstanceName: prod-web-01` beside
 * `InstanceId: i-…`), or else the event's one resource when its request
 * names it so. Most events first.
 */
export function namedResources(
  events: readonly AuditEvent[],
  name: string,
): NamedResource[] {
  const wanted = name.trim();
  const found = new Map<string, NamedResource>();
  if (!wanted) return [];
  for (const event of events) {
    const ids = new Set<string>();
    const inRequest = idsNamed(event.raw.requestParameters, wanted, ids);
    idsNamed(event.raw.responseElements, wanted, ids);
    if (ids.size === 0 && inRequest) {
      const own = ownResource(event);
      if (own && own !== wanted) ids.add(own);
    }
    for (const id of ids) {
      const seen = found.get(id);
      if (seen) seen.events += 1;
      else
        found.set(id, {
          id,
          name: wanted,
          type: event.resourceType,
          events: 1,
        });
    }
  }
  return [...found.values()].sort(
    (a, b) => b.events - a.events || a.id.localeCompare(b.id),
  );
}

/** Whether the value could be an AccessKey ID or an address, by its shape: only those are looked up as such. */
export const looksLikeAccessKey = (value: string): boolean =>
  /^(LTAI|STS\.)[A-Za-z0-9.]{8,}$/.test(value);
export const looksLikeAddress = (value: string): boolean =>
  /^\d{1,3}(\.\d{1,3}){3}$/.test(value) ||
  /^[0-9a-f]{0,4}(:[0-9a-f]{0,4}){2,7}$/i.test(value);

/** Words joined by hyphens, as resources are often named ("prod-web-01"); a user may be named so too. */
export const nameShaped = (value: string): boolean =>
  /^[a-z0-9]+(-[a-z0-9]+)+$/i.test(value);

/**
 * The readings the probes back, the most specific first: an AccessKey, an
 * address, a resource by its ID, a resource by its name, a user. Empty when
 * no event names the value at all.
 */
export function readingsOf(value: string, found: ProbeResults): Reading[] {
  const out: Reading[] = [];
  if (found.accessKey > 0)
    out.push({ to: "identity", kind: "accessKey", value });
  if (found.ip > 0) out.push({ to: "identity", kind: "ip", value });
  if (found.resource.events > 0)
    out.push({ to: "resource", id: value, type: found.resource.type });
  for (const r of found.named)
    if (r.id !== value)
      out.push({ to: "resource", id: r.id, name: r.name, type: r.type });
  if (found.user > 0) out.push({ to: "identity", kind: "user", value });
  return out;
}
