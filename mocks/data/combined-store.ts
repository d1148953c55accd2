/**
 * A region's generated events and the events recorded for the console's own
 * calls, answered as one time-ordered store. Recorded events are few, so the
 * merge keeps only where each one sits among the generated rows.
 */
import type { EventStore, LookupFilter, RowFacts } from "./event-store";

export class CombinedStore implements EventStore {
  readonly region: string;

  constructor(
    private readonly generated: EventStore,
    private readonly recorded: EventStore,
  ) {
    this.region = generated.region;
  }

  /** For each recorded row j: how many generated rows come before it (same second: generated first). */
  private before(): number[] {
    const out: number[] = [];
    for (let j = 0; j < this.recorded.size; j++)
      out.push(this.generated.lowerBound(this.recorded.timeSec(j) + 1));
    return out;
  }

  /** Where merged row `m` lives. */
  private locate(
    m: number,
    before: readonly number[],
  ): { recorded: boolean; index: number } {
    let earlier = 0;
    for (let j = 0; j < before.length; j++) {
      const at = before[j]! + j;
      if (at === m) return { recorded: true, index: j };
      if (at < m) earlier++;
    }
    return { recorded: false, index: m - earlier };
  }

  get size(): number {
    return this.generated.size + this.recorded.size;
  }

  timeSec(i: number): number {
    const { recorded, index } = this.locate(i, this.before());
    return recorded
      ? this.recorded.timeSec(index)
      : this.generated.timeSec(index);
  }

  lowerBound(sec: number): number {
    return this.generated.lowerBound(sec) + this.recorded.lowerBound(sec);
  }

  matcher(filters: readonly LookupFilter[]): (i: number) => boolean {
    const before = this.before();
    const generated = this.generated.matcher(filters);
    const recorded = this.recorded.matcher(filters);
    return (i) => {
      const at = this.locate(i, before);
      return at.recorded ? recorded(at.index) : generated(at.index);
    };
  }

  materialize(i: number): Record<string, unknown> {
    const { recorded, index } = this.locate(i, this.before());
    return recorded
      ? this.recorded.materialize(index)
      : this.generated.materialize(index);
  }

  facts(i: number): RowFacts {
    const { recorded, index } = this.locate(i, this.before());
    return recorded ? this.recorded.facts(index) : this.generated.facts(index);
  }

  findEventId(id: string): number | undefined {
    const before = this.before();
    const r = this.recorded.findEventId(id);
    if (r !== undefined) return before[r]! + r;
    const g = this.generated.findEventId(id);
    if (g === undefined) return undefined;
    let earlier = 0;
    for (const b of before) if (b <= g) earlier++;
    return g + earlier;
  }
}
