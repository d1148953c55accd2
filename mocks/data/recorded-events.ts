/**
 * The events ActionTrail records for calls made from the console to the
 * simulated account (CreateTrail, StopLogging…): kept as the raw event the
 * service would store, with its parsed view for LookupEvents.
 */
import {
  auditEventSchema,
  type AuditEvent,
  type RawEvent,
} from "@/api/schemas/event";

export interface RecordedEvent {
  raw: RawEvent;
  event: AuditEvent;
}

export function toRecorded(
  raw: Record<string, unknown>,
): RecordedEvent | undefined {
  const parsed = auditEventSchema.safeParse(raw);
  if (!parsed.success || !Number.isFinite(parsed.data.timeMs)) return undefined;
  return { raw: parsed.data.raw, event: parsed.data };
}

/** Reads stored recorded events (what `saveTrails` wrote), dropping any that no longer parse. */
export function parseRecorded(stored: unknown): RecordedEvent[] {
  if (!Array.isArray(stored)) return [];
  const out: RecordedEvent[] = [];
  for (const item of stored) {
    if (!item || typeof item !== "object") continue;
    const r = toRecorded(item as Record<string, unknown>);
    if (r) out.push(r);
  }
  return out.sort((a, b) => a.event.timeMs - b.event.timeMs);
}
