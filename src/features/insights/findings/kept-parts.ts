import type { AuditEvent } from "@/api/schemas/event";

/**
 * The parts of reads under way that the findings worker has been sent, kept
 * there so the run over the whole read needs only what came after the last
 * part (copying 100,000 events into a worker costs seconds). A few reads are
 * kept, the oldest dropped first; whoever takes a read's parts says how many
 * events it sent, and gets nothing back when they are not all there (the
 * worker restarted, or the read was dropped), so it can send them all again.
 */
export class KeptParts {
  private readonly reads = new Map<string, AuditEvent[][]>();

  constructor(private readonly max = 2) {}

  keep(read: string, events: AuditEvent[]): void {
    const parts = this.reads.get(read);
    if (parts) {
      parts.push(events);
      return;
    }
    this.reads.set(read, [events]);
    for (const old of this.reads.keys()) {
      if (this.reads.size <= this.max) break;
      this.reads.delete(old);
    }
  }

  /** The read's events when exactly `count` were kept (and forgets them either way). */
  take(read: string, count: number): AuditEvent[] | undefined {
    const parts = this.reads.get(read);
    this.reads.delete(read);
    const events = parts?.flat() ?? [];
    return events.length === count ? events : undefined;
  }
}
