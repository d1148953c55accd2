/**
 * The dataset generator of Trailscope's simulated account. Events are kept in
 * columns per region (typed arrays sorted by time) and turned into full event
 * objects only when a page is served, so two million events fit in a tab.
 * Each region is generated on first use, from seed + region only, so the
 * order in which regions are touched never changes what they hold.
 *
 * Every fixed UTC hour is generated on its own, from (seed, region, hour
 * index) only: what an hour holds never depends on when the account was
 * opened, so the 90-day window simply slides over an unchanging history and
 * the hours after `now` hold the events that "happen" while the console is
 * open. A background row's event ID names its hour and its place in it.
 */
import { TEMPLATES, type EventTemplate } from "./catalog";
import { ACTORS, activity, regionWeight } from "./people";
import { derive, hashString, mulberry32, pickCumulative } from "./prng";
import { REGION_IDS } from "./regions";

/** Events at scale 1 over the 90 days (before the incidents are added). */
export const EVENTS_AT_SCALE_1 = 330_000;
export const RETENTION_DAYS = 90;
export const LOCAL_OFFSET_MS = 8 * 3_600_000;
const HOUR = 3_600_000;
/** More rows than any hour of any scale holds (sort keys stay exact doubles). */
const ROWS_PER_HOUR = 2 ** 21;

export const EVENT_TYPES = [
  "ApiCall",
  "ConsoleOperation",
  "ConsoleSignin",
  "ConsoleSignout",
  "AliyunServiceEvent",
] as const;
export type EventTypeName = (typeof EVENT_TYPES)[number];
export const TYPE_MASK = 0b111;
export const FLAG_ERROR = 0b1000;
export const FLAG_SPECIAL = 0b10000;

/** A hand-written event (an incident) woven into the generated columns. */
export interface SpecialEvent {
  /** Which incident it belongs to (`a`…`h`). */
  incident: string;
  /** Names the event for tests and insights (`a-run-cn-hongkong-1`). */
  tag: string;
  region: string;
  timeMs: number;
  actorKey: string;
  templateKey: string;
  eventType: EventTypeName;
  sourceIp: string;
  userAgent: string;
  /** `''` for console sessions. */
  accessKeyId: string;
  requestParameters?: Record<string, unknown>;
  responseElements?: Record<string, unknown>;
  resourceName?: string;
  additionalEventData?: Record<string, unknown>;
  errorCode?: string;
  errorMessage?: string;
  mfa?: boolean;
}

/** One region's events, as columns sorted by time. */
export interface RegionColumns {
  region: string;
  count: number;
  /** Seconds since the account's base (now − 90 days). */
  time: Uint32Array;
  /** Background rows of the first (partial) hour that fall before the base, so not kept. */
  firstHourSkipped: number;
  actor: Uint8Array;
  template: Uint16Array;
  /** Detail seed; for special rows the index into the region's special events. */
  seed: Uint32Array;
  flags: Uint8Array;
  /** All special events of the region (a special row's `seed` indexes this list). */
  specials: readonly SpecialEvent[];
}

export interface GenerationPlan {
  seed: number;
  /** The account's `now` when it was opened: the base is 90 days before it. */
  nowMs: number;
  baseMs: number;
  /** Rows are generated up to here (exclusive): whole hours past `now`, revealed as time passes. */
  endMs: number;
  /** Events per unit of (rate × activity) hour. */
  k: number;
}

/** How far past `now` a region is generated in advance (whole hours). */
export const LOOKAHEAD_HOURS = 2;

/** The summed activity of one week (the rhythm repeats weekly), so `k` does not depend on `now`. */
let weekWeight: number | undefined;
function activityPerWeek(): number {
  if (weekWeight === undefined) {
    let weight = 0;
    for (let day = 0; day < 7; day++)
      for (let hour = 0; hour < 24; hour++)
        for (const actor of ACTORS)
          weight += actor.rate * activity(actor.schedule, hour, day);
    weekWeight = weight;
  }
  return weekWeight;
}

/** The hour (epoch ms) up to which a plan for `untilMs` generates. */
export const horizonFor = (untilMs: number): number =>
  (Math.floor(untilMs / HOUR) + LOOKAHEAD_HOURS) * HOUR;

export function makePlan(
  seed: number,
  nowMs: number,
  scale: number,
): GenerationPlan {
  const baseMs = nowMs - RETENTION_DAYS * 86_400_000;
  const weight = (activityPerWeek() * RETENTION_DAYS) / 7;
  return {
    seed,
    nowMs,
    baseMs,
    endMs: horizonFor(nowMs),
    k: weight > 0 ? (EVENTS_AT_SCALE_1 * scale) / weight : 0,
  };
}

/** The same plan generating further ahead (the base, and so every row index, stays). */
export const extendPlan = (
  plan: GenerationPlan,
  untilMs: number,
): GenerationPlan => ({ ...plan, endMs: horizonFor(untilMs) });

interface ActorInRegion {
  actor: number;
  share: number;
  rate: number;
  templates: Uint16Array;
  cum: Float64Array;
}

function actorsInRegion(region: string): ActorInRegion[] {
  const out: ActorInRegion[] = [];
  for (const actor of ACTORS) {
    const regionalSum = actor.regional.reduce((s, x) => s + x.weight, 0);
    const globalSum = actor.global.reduce((s, x) => s + x.weight, 0);
    const total = regionalSum + globalSum;
    if (total === 0) continue;
    const regionTotal =
      Object.values(actor.regions).reduce((s, w) => s + w, 0) || 1;
    const items: { template: EventTemplate; weight: number }[] = [];
    const regionalW = regionWeight(actor, region, false) / regionTotal;
    for (const x of actor.regional)
      if (regionalW > 0 && !x.template.stateful)
        items.push({
          template: x.template,
          weight: (x.weight / total) * regionalW,
        });
    const globalW = regionWeight(actor, region, true);
    for (const x of actor.global)
      if (globalW > 0 && !x.template.stateful)
        items.push({ template: x.template, weight: x.weight / total });
    const share = items.reduce((s, x) => s + x.weight, 0);
    if (share <= 0) continue;
    const cum = new Float64Array(items.length);
    let acc = 0;
    items.forEach((x, i) => {
      acc += x.weight;
      cum[i] = acc;
    });
    out.push({
      actor: actor.index,
      share,
      rate: actor.rate,
      templates: Uint16Array.from(items.map((x) => x.template.index)),
      cum,
    });
  }
  return out;
}

class Growable {
  time: Uint32Array;
  actor: Uint8Array;
  template: Uint16Array;
  seed: Uint32Array;
  flags: Uint8Array;
  length = 0;

  constructor(capacity: number) {
    const c = Math.max(16, capacity);
    this.time = new Uint32Array(c);
    this.actor = new Uint8Array(c);
    this.template = new Uint16Array(c);
    this.seed = new Uint32Array(c);
    this.flags = new Uint8Array(c);
  }

  push(
    time: number,
    actor: number,
    template: number,
    seed: number,
    flags: number,
  ): void {
    if (this.length === this.time.length) this.grow();
    const i = this.length++;
    this.time[i] = time;
    this.actor[i] = actor;
    this.template[i] = template;
    this.seed[i] = seed;
    this.flags[i] = flags;
  }

  private grow(): void {
    const c = this.time.length * 2;
    const copy = <T extends Uint32Array | Uint16Array | Uint8Array>(
      a: T,
      make: (n: number) => T,
    ): T => {
      const next = make(c);
      next.set(a);
      return next;
    };
    this.time = copy(this.time, (n) => new Uint32Array(n));
    this.actor = copy(this.actor, (n) => new Uint8Array(n));
    this.template = copy(this.template, (n) => new Uint16Array(n));
    this.seed = copy(this.seed, (n) => new Uint32Array(n));
    this.flags = copy(this.flags, (n) => new Uint8Array(n));
  }
}

const TYPE_CODE: Record<EventTypeName, number> = {
  ApiCall: 0,
  ConsoleOperation: 1,
  ConsoleSignin: 2,
  ConsoleSignout: 3,
  AliyunServiceEvent: 4,
};
export const typeCode = (type: string): number =>
  (TYPE_CODE as Record<string, number | undefined>)[type] ?? -1;

/** Generates one region's columns: the background rhythm plus its special events. */
export function generateRegion(
  plan: GenerationPlan,
  region: string,
  specialsIn: readonly SpecialEvent[],
): RegionColumns {
  const regionSeed = derive(plan.seed, hashString(`events:${region}`));
  const actors = actorsInRegion(region);
  const regionShare = actors.reduce((s, a) => s + a.share * a.rate, 0);
  const hours = Math.max(0, (plan.endMs - plan.baseMs) / HOUR);
  const estimate = Math.ceil(plan.k * regionShare * hours * 0.6) + 64;
  const bg = new Growable(estimate);
  const baseSec = Math.floor(plan.baseMs / 1000);
  const weights = new Float64Array(actors.length);
  let firstHourSkipped = 0;
  // One hour's rows before sorting, and their sort keys: the second within
  // the hour times ROWS_PER_HOUR plus the row's draw order (the same order as sorting
  // by time then draw, but a native numeric sort of a typed array).
  let scratch = {
    time: new Uint32Array(1024),
    actor: new Uint8Array(1024),
    template: new Uint16Array(1024),
    seed: new Uint32Array(1024),
    flags: new Uint8Array(1024),
    keys: new Float64Array(1024),
  };

  const firstHour = Math.floor(plan.baseMs / HOUR);
  for (let h = firstHour; h * HOUR < plan.endMs; h++) {
    const t = h * HOUR;
    // Each hour draws from its own generator: (seed, region, hour) → rows.
    const random = mulberry32(derive(regionSeed, h));
    const local = new Date(t + LOCAL_OFFSET_MS);
    const hour = local.getUTCHours();
    const day = local.getUTCDay();
    let total = 0;
    for (let i = 0; i < actors.length; i++) {
      const a = actors[i]!;
      const actor = ACTORS[a.actor]!;
      total += a.rate * a.share * activity(actor.schedule, hour, day);
      weights[i] = total;
    }
    const lambda = plan.k * total;
    if (lambda <= 0) continue;
    // Day-to-day variation (±25 %) plus rounding noise.
    const count = Math.floor(lambda * (0.75 + 0.5 * random()) + random());
    if (count <= 0) continue;
    if (count > scratch.time.length) {
      const c = count * 2;
      scratch = {
        time: new Uint32Array(c),
        actor: new Uint8Array(c),
        template: new Uint16Array(c),
        seed: new Uint32Array(c),
        flags: new Uint8Array(c),
        keys: new Float64Array(c),
      };
    }
    const startSec = Math.floor(t / 1000);
    for (let n = 0; n < count; n++) {
      // Every row makes the same draws, kept or not, so an hour's rows never
      // depend on where the window starts.
      const offset = Math.floor(random() * 3600);
      const ai = pickCumulative(weights, random());
      const a = actors[ai]!;
      const actor = ACTORS[a.actor]!;
      const tplIndex = a.templates[pickCumulative(a.cum, random())]!;
      const tpl = TEMPLATES[tplIndex]!;
      const seed = Math.floor(random() * 4294967296) >>> 0;
      const u = random();
      let type: EventTypeName;
      if (tpl.fixedType) type = tpl.fixedType;
      else if (actor.identityType === "system") type = "AliyunServiceEvent";
      else if (u < actor.consoleShare) type = "ConsoleOperation";
      else type = "ApiCall";
      const errorChance =
        tpl.fixedType === "ConsoleSignout"
          ? 0
          : actor.errorRate * (tpl.rw === "Write" ? 1.4 : 0.9);
      const error = random() < errorChance;
      scratch.time[n] = startSec + offset;
      scratch.actor[n] = a.actor;
      scratch.template[n] = tplIndex;
      scratch.seed[n] = seed;
      scratch.flags[n] = TYPE_CODE[type] | (error ? FLAG_ERROR : 0);
      scratch.keys[n] = offset * ROWS_PER_HOUR + n;
    }
    const keys = scratch.keys.subarray(0, count).sort();
    for (let k = 0; k < count; k++) {
      const i = keys[k]! % ROWS_PER_HOUR;
      const sec = scratch.time[i]!;
      if (sec < baseSec) {
        firstHourSkipped++;
        continue;
      }
      bg.push(
        sec - baseSec,
        scratch.actor[i]!,
        scratch.template[i]!,
        scratch.seed[i]!,
        scratch.flags[i]!,
      );
    }
  }

  return mergeSpecials(plan, region, bg, specialsIn, firstHourSkipped);
}

function mergeSpecials(
  plan: GenerationPlan,
  region: string,
  bg: Growable,
  specialsIn: readonly SpecialEvent[],
  firstHourSkipped: number,
): RegionColumns {
  const baseSec = Math.floor(plan.baseMs / 1000);
  const specials = specialsOf(plan, region, specialsIn);
  // Only the specials inside the generated span become rows; a row keeps
  // the special's index in the region's full list.
  const inSpan: number[] = [];
  specials.forEach((sp, index) => {
    if (sp.timeMs >= plan.baseMs && sp.timeMs < plan.endMs) inSpan.push(index);
  });
  const count = bg.length + inSpan.length;
  const out: RegionColumns = {
    region,
    count,
    firstHourSkipped,
    time: new Uint32Array(count),
    actor: new Uint8Array(count),
    template: new Uint16Array(count),
    seed: new Uint32Array(count),
    flags: new Uint8Array(count),
    specials,
  };
  const actorIndex = new Map(ACTORS.map((a) => [a.key, a.index]));
  const templateIndex = new Map(TEMPLATES.map((tpl) => [tpl.key, tpl.index]));
  let i = 0;
  let s = 0;
  for (let o = 0; o < count; o++) {
    const specialIndex = inSpan[s];
    const special =
      specialIndex === undefined ? undefined : specials[specialIndex];
    const specialSec = special
      ? Math.floor(special.timeMs / 1000) - baseSec
      : Infinity;
    if (special && (i >= bg.length || specialSec <= bg.time[i]!)) {
      const actor = actorIndex.get(special.actorKey);
      const tpl = templateIndex.get(special.templateKey);
      if (actor === undefined || tpl === undefined)
        throw new Error(`Bad special event ${special.tag}`);
      out.time[o] = specialSec;
      out.actor[o] = actor;
      out.template[o] = tpl;
      out.seed[o] = specialIndex!;
      out.flags[o] =
        TYPE_CODE[special.eventType] |
        FLAG_SPECIAL |
        (special.errorCode ? FLAG_ERROR : 0);
      s++;
    } else {
      out.time[o] = bg.time[i]!;
      out.actor[o] = bg.actor[i]!;
      out.template[o] = bg.template[i]!;
      out.seed[o] = bg.seed[i]!;
      out.flags[o] = bg.flags[i]!;
      i++;
    }
  }
  return out;
}

export const ALL_REGIONS = REGION_IDS;

/**
 * The special events of one region, in the order (and so with the indices)
 * the columns and event IDs use. The whole list, not only the window's: an
 * incident's event ID stays the same while the window slides.
 */
export function specialsOf(
  _plan: GenerationPlan,
  region: string,
  all: readonly SpecialEvent[],
): SpecialEvent[] {
  return all
    .filter((s) => s.region === region)
    .sort(
      (a, b) =>
        a.timeMs - b.timeMs || (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0),
    );
}
