import type { GatewayContext } from "../context";
import type { TrailDelivery } from "./actiontrail-read";

/**
 * Trails looked up in the last minute, per gateway: importing a month reads
 * thousands of files, and each would otherwise cost a DescribeTrails call
 * against ActionTrail's rate limit. Only found trails are kept.
 */
const TRAIL_TTL_MS = 60_000;
type TrailCache = Map<string, { trail: TrailDelivery; until: number }>;
const trailCaches = new WeakMap<GatewayContext, TrailCache>();

export async function lookUpTrail(
  ctx: GatewayContext,
  region: string,
  name: string,
  read: () => Promise<TrailDelivery | undefined>,
): Promise<TrailDelivery | undefined> {
  const cache: TrailCache = trailCaches.get(ctx) ?? (new Map() as TrailCache);
  trailCaches.set(ctx, cache);
  const id = `${region}/${name}`;
  const now = Date.now();
  const kept = cache.get(id);
  if (kept && kept.until > now) return kept.trail;
  const trail = await read();
  if (cache.size > 1000) cache.clear();
  if (trail) cache.set(id, { trail, until: now + TRAIL_TTL_MS });
  else cache.delete(id);
  return trail;
}
