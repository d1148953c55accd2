/**
 * The two kinds of event storage behind LookupEvents: the generated columns
 * of Trailscope's simulated account, and a visitor's own events. Both answer
 * the same questions: where a time falls, whether row i matches the lookup
 * attributes, and what the full event of row i is.
 */
import type { AuditEvent } from "@/api/schemas/event";
import {
  matchesLookupAttribute,
  NO_MATCH_FIELDS,
  type LookupMatchFields,
} from "@/api/schemas/lookup-match";
import { TEMPLATES, type EventTemplate } from "./catalog";
import {
  columnsLowerBound,
  decodeEventId,
  materialize,
  rowAccessKey,
  rowEventId,
  rowIp,
  rowOfSlot,
  rowResourceName,
  type FactoryContext,
} from "./event-factory";
import {
  EVENT_TYPES,
  FLAG_SPECIAL,
  TYPE_MASK,
  type RegionColumns,
} from "./generator";
import { ACTORS, allAccessKeys, type Actor } from "./people";

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

/** What the LookupAttribute keys see of a template (the same for every row of it). */
const templateFields = (t: EventTemplate): LookupMatchFields => ({
  ...NO_MATCH_FIELDS,
  name: t.name,
  rw: t.rw,
  service: t.service.name,
  resourceType: t.resourceType ?? "",
  sensitive: t.sensitive,
});

/** What the LookupAttribute keys see of an identity. */
const actorFields = (a: Actor): LookupMatchFields => ({
  ...NO_MATCH_FIELDS,
  userName: a.userName,
  identityType: a.identityType,
  principalId: a.principalId,
});

const TEMPLATE_KEYS = new Set([
  "ServiceName",
  "EventName",
  "EventRW",
  "ResourceType",
  "SensitiveAction",
]);
const ACTOR_KEYS = new Set(["User", "RoleName", "PrincipalId"]);

/**
 * The generated events of one region. Rows after the account's current time
 * exist already (generated whole hours ahead) but are not there yet: `size`
 * counts only the rows up to `visibleUntilSec()`, so new events appear as
 * time passes.
 */
export class GeneratedStore implements EventStore {
  readonly region: string;

  constructor(
    private readonly ctx: FactoryContext,
    private readonly cols: RegionColumns,
    private readonly visibleUntilSec: () => number = () => Infinity,
  ) {
    this.region = cols.region;
  }

  get columns(): RegionColumns {
    return this.cols;
  }

  get size(): number {
    const until = this.visibleUntilSec();
    if (until === Infinity) return this.cols.count;
    return columnsLowerBound(
      this.cols,
      Math.floor(until) - this.ctx.baseSec + 1,
    );
  }

  timeSec(i: number): number {
    return this.ctx.baseSec + this.cols.time[i]!;
  }

  lowerBound(sec: number): number {
    const rel = sec - this.ctx.baseSec;
    if (rel <= 0) return 0;
    return Math.min(columnsLowerBound(this.cols, rel), this.size);
  }

  /**
   * The predicate for ANDed filters. The rule is `matchesLookupAttribute`;
   * this only evaluates it once per template, identity or event type where
   * the key looks at nothing else, and per row otherwise.
   */
  matcher(filters: readonly LookupFilter[]): (i: number) => boolean {
    const { cols, ctx } = this;
    const tplMask = new Uint8Array(TEMPLATES.length).fill(1);
    const identityMask = new Uint8Array(ACTORS.length).fill(1);
    const typeMask = new Uint8Array(TYPE_MASK + 1).fill(1);
    const derivedMask = new Uint8Array(ACTORS.length).fill(1);
    const rowChecks: ((i: number) => boolean)[] = [];
    const rowFields = { ...NO_MATCH_FIELDS };
    for (const { key, value } of filters) {
      if (TEMPLATE_KEYS.has(key)) {
        for (const t of TEMPLATES)
          if (!matchesLookupAttribute(templateFields(t), key, value))
            tplMask[t.index] = 0;
      } else if (ACTOR_KEYS.has(key)) {
        for (const a of ACTORS)
          if (!matchesLookupAttribute(actorFields(a), key, value))
            identityMask[a.index] = 0;
      } else if (key === "EventType") {
        for (let code = 0; code <= TYPE_MASK; code++)
          if (
            !matchesLookupAttribute(
              { ...NO_MATCH_FIELDS, type: EVENT_TYPES[code] ?? "" },
              key,
              value,
            )
          )
            typeMask[code] = 0;
      } else if (key === "SourceIpAddress") {
        // A background row's address is one of its actor's: skip the others early.
        ACTORS.forEach(
          (a) => !a.ips.includes(value) && (derivedMask[a.index] = 0),
        );
        rowChecks.push((i) => {
          rowFields.sourceIp = rowIp(cols, i);
          return matchesLookupAttribute(rowFields, key, value);
        });
      } else if (key === "EventAccessKeyId") {
        ACTORS.forEach(
          (a) =>
            !allAccessKeys(a).includes(value) &&
            !(a.identityType === "assumed-role" && value.startsWith("STS.")) &&
            (derivedMask[a.index] = 0),
        );
        rowChecks.push((i) => {
          rowFields.accessKeyId = rowAccessKey(ctx, cols, i);
          return matchesLookupAttribute(rowFields, key, value);
        });
      } else if (key === "ResourceName") {
        rowChecks.push((i) => {
          rowFields.resourceName = rowResourceName(ctx, cols, i);
          return matchesLookupAttribute(rowFields, key, value);
        });
      } else if (key === "EventId") {
        rowChecks.push((i) => {
          rowFields.id = rowEventId(ctx, cols, i);
          return matchesLookupAttribute(rowFields, key, value);
        });
      } else return () => false;
    }
    const { flags, template, actor } = cols;
    return (i) => {
      const f = flags[i]!;
      if (!typeMask[f & TYPE_MASK]) return false;
      if (!tplMask[template[i]!]) return false;
      const a = actor[i]!;
      if (!identityMask[a]) return false;
      if ((f & FLAG_SPECIAL) === 0 && !derivedMask[a]) return false;
      for (const check of rowChecks) if (!check(i)) return false;
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
      const hourRel = decoded.hour * 3600 - this.ctx.baseSec;
      const end = columnsLowerBound(this.cols, hourRel + 3600);
      const { flags, seed } = this.cols;
      for (
        let i = columnsLowerBound(this.cols, hourRel);
        i < end && row === undefined;
        i++
      ) {
        if (flags[i]! & FLAG_SPECIAL && seed[i] === decoded.index) row = i;
      }
    } else row = rowOfSlot(this.ctx, this.cols, decoded.hour, decoded.index);
    return row !== undefined && row < this.size && this.eventId(row) === id
      ? row
      : undefined;
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
    const events = this.events;
    return (i) => {
      const e = events[i]!;
      return filters.every(({ key, value }) =>
        matchesLookupAttribute(e, key, value),
      );
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
