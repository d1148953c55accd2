/**
 * The two kinds of event storage behind LookupEvents: the generated columns
 * of Trailscope's simulated account, and a visitor's own events. Both answer
 * the same questions: where a time falls, whether row i matches the lookup
 * attributes, and what the full event of row i is.
 */
import type { AuditEvent } from "@/api/schemas/event";
import { TEMPLATES } from "./catalog";
import {
  decodeEventId,
  materialize,
  rowAccessKey,
  rowEventId,
  rowIp,
  rowResourceName,
  type FactoryContext,
} from "./event-factory";
import {
  FLAG_SPECIAL,
  TYPE_MASK,
  typeCode,
  type RegionColumns,
} from "./generator";
import { ACTORS, allAccessKeys } from "./people";

export interface LookupFilter {
  key: string;
  value: string;
}

export interface EventStore {
  readonly region: string;
  readonly size: number;
  /** Epoch seconds of row i (rows are sorted by time, oldest first). */
  timeSec(i: number): number;
  /** The first row whose time is ≥ sec. */
  lowerBound(sec: number): number;
  /** A predicate over rows for the ANDed filters (EventId is handled by `findEventId`). */
  matcher(filters: readonly LookupFilter[]): (i: number) => boolean;
  materialize(i: number): Record<string, unknown>;
  findEventId(id: string): number | undefined;
  /** The few fields summaries need, without building the event. */
  facts(i: number): RowFacts;
}

export interface RowFacts {
  service: string;
  name: string;
  ip: string;
  resourceName: string;
  resourceType: string;
}

/** Whether a (possibly comma/semicolon-separated) resource name list names `value`. */
export function namesResource(list: string, value: string): boolean {
  if (list === value) return true;
  if (!list.includes(value)) return false;
  return list.split(/[;,]/).some((part) => part.trim() === value);
}

function lowerBoundBy(
  size: number,
  at: (i: number) => number,
  sec: number,
): number {
  let lo = 0;
  let hi = size;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (at(mid) < sec) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export class GeneratedStore implements EventStore {
  readonly region: string;
  readonly size: number;

  constructor(
    private readonly ctx: FactoryContext,
    private readonly cols: RegionColumns,
  ) {
    this.region = cols.region;
    this.size = cols.count;
  }

  get columns(): RegionColumns {
    return this.cols;
  }

  timeSec(i: number): number {
    return this.ctx.baseSec + this.cols.time[i]!;
  }

  lowerBound(sec: number): number {
    const rel = sec - this.ctx.baseSec;
    if (rel <= 0) return 0;
    const time = this.cols.time;
    return lowerBoundBy(this.size, (i) => time[i]!, rel);
  }

  matcher(filters: readonly LookupFilter[]): (i: number) => boolean {
    const { cols, ctx } = this;
    const tplMask = new Uint8Array(TEMPLATES.length).fill(1);
    const identityMask = new Uint8Array(ACTORS.length).fill(1);
    const derivedMask = new Uint8Array(ACTORS.length).fill(1);
    let type = -1;
    let ip: string | undefined;
    let ak: string | undefined;
    let resourceName: string | undefined;
    let impossible = false;
    for (const { key, value } of filters) {
      switch (key) {
        case "ServiceName":
          TEMPLATES.forEach(
            (t) => t.service.name !== value && (tplMask[t.index] = 0),
          );
          break;
        case "EventName":
          TEMPLATES.forEach((t) => t.name !== value && (tplMask[t.index] = 0));
          break;
        case "EventRW":
          TEMPLATES.forEach((t) => t.rw !== value && (tplMask[t.index] = 0));
          break;
        case "ResourceType":
          TEMPLATES.forEach(
            (t) => t.resourceType !== value && (tplMask[t.index] = 0),
          );
          break;
        case "SensitiveAction":
          TEMPLATES.forEach(
            (t) => (value !== "true" || !t.sensitive) && (tplMask[t.index] = 0),
          );
          break;
        case "User":
          ACTORS.forEach(
            (a) => a.userName !== value && (identityMask[a.index] = 0),
          );
          break;
        case "RoleName":
          ACTORS.forEach(
            (a) => a.roleName !== value && (identityMask[a.index] = 0),
          );
          break;
        case "PrincipalId":
          ACTORS.forEach(
            (a) => a.principalId !== value && (identityMask[a.index] = 0),
          );
          break;
        case "EventType":
          type = typeCode(value);
          if (type < 0) impossible = true;
          break;
        case "SourceIpAddress":
          ip = value;
          ACTORS.forEach(
            (a) => !a.ips.includes(value) && (derivedMask[a.index] = 0),
          );
          break;
        case "EventAccessKeyId":
          ak = value;
          ACTORS.forEach(
            (a) =>
              !allAccessKeys(a).includes(value) &&
              !(
                a.identityType === "assumed-role" && value.startsWith("STS.")
              ) &&
              (derivedMask[a.index] = 0),
          );
          break;
        case "ResourceName":
          resourceName = value;
          break;
        default:
          break;
      }
    }
    if (impossible) return () => false;
    const { flags, template, actor } = cols;
    return (i) => {
      const f = flags[i]!;
      if (type >= 0 && (f & TYPE_MASK) !== type) return false;
      if (!tplMask[template[i]!]) return false;
      const a = actor[i]!;
      if (!identityMask[a]) return false;
      if ((f & FLAG_SPECIAL) === 0 && !derivedMask[a]) return false;
      if (ip !== undefined && rowIp(cols, i) !== ip) return false;
      if (ak !== undefined && rowAccessKey(ctx, cols, i) !== ak) return false;
      if (
        resourceName !== undefined &&
        !namesResource(rowResourceName(ctx, cols, i), resourceName)
      )
        return false;
      return true;
    };
  }

  materialize(i: number): Record<string, unknown> {
    return materialize(this.ctx, this.cols, i);
  }

  eventId(i: number): string {
    return rowEventId(this.ctx, this.cols, i);
  }

  facts(i: number): RowFacts {
    const tpl = TEMPLATES[this.cols.template[i]!]!;
    return {
      service: tpl.service.name,
      name: tpl.name,
      ip: rowIp(this.cols, i),
      resourceName: rowResourceName(this.ctx, this.cols, i),
      resourceType: tpl.resourceType ?? "",
    };
  }

  findEventId(id: string): number | undefined {
    const decoded = decodeEventId(this.ctx.idSalt, id);
    if (!decoded || decoded.region !== this.region) return undefined;
    let row: number | undefined;
    if (decoded.special) {
      const { flags, seed } = this.cols;
      for (let i = 0; i < this.size && row === undefined; i++) {
        if (flags[i]! & FLAG_SPECIAL && seed[i] === decoded.index) row = i;
      }
    } else if (decoded.index < this.size) row = decoded.index;
    return row !== undefined && this.eventId(row) === id ? row : undefined;
  }
}

/** A visitor's own events of one region, sorted by time. */
export class OwnStore implements EventStore {
  readonly size: number;
  private readonly secs: Float64Array;

  constructor(
    readonly region: string,
    private readonly events: readonly AuditEvent[],
  ) {
    this.size = events.length;
    this.secs = Float64Array.from(events, (e) => Math.floor(e.timeMs / 1000));
  }

  timeSec(i: number): number {
    return this.secs[i]!;
  }

  lowerBound(sec: number): number {
    const secs = this.secs;
    return lowerBoundBy(this.size, (i) => secs[i]!, sec);
  }

  matcher(filters: readonly LookupFilter[]): (i: number) => boolean {
    const checks = filters.map(
      ({ key, value }): ((e: AuditEvent) => boolean) => {
        switch (key) {
          case "ServiceName":
            return (e) => e.service === value;
          case "EventName":
            return (e) => e.name === value;
          case "EventRW":
            return (e) => e.rw === value;
          case "ResourceType":
            return (e) => e.resourceType === value;
          case "ResourceName":
            return (e) => namesResource(e.resourceName, value);
          case "SensitiveAction":
            return (e) => value === "true" && e.sensitive;
          case "User":
            return (e) => e.userName === value;
          case "RoleName":
            return (e) =>
              e.identityType === "assumed-role" &&
              e.userName.split(":")[0] === value;
          case "PrincipalId":
            return (e) => e.principalId === value;
          case "EventType":
            return (e) => e.type === value;
          case "SourceIpAddress":
            return (e) => e.sourceIp === value;
          case "EventAccessKeyId":
            return (e) => e.accessKeyId === value;
          case "EventId":
            return (e) => e.id === value;
          default:
            return () => true;
        }
      },
    );
    const events = this.events;
    return (i) => {
      const e = events[i]!;
      return checks.every((check) => check(e));
    };
  }

  materialize(i: number): Record<string, unknown> {
    return this.events[i]!.raw;
  }

  facts(i: number): RowFacts {
    const e = this.events[i]!;
    return {
      service: e.service,
      name: e.name,
      ip: e.sourceIp,
      resourceName: e.resourceName,
      resourceType: e.resourceType,
    };
  }

  findEventId(id: string): number | undefined {
    const i = this.events.findIndex((e) => e.id === id);
    return i < 0 ? undefined : i;
  }
}
