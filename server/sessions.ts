import { randomBytes } from "node:crypto";

/**
 * Server-side sessions: the cookie carries only a random id (256 bits), and
 * the gateway keeps who it belongs to and until when. Signing out deletes the
 * id, rotating the token deletes them all, and a restart forgets them all, so
 * no cookie outlives any of those. Bounded: past `maxSessions` the expired
 * ones go first, then the oldest.
 */
export const SESSION_ID_PREFIX = "ts1_";
/** What a session id looks like (the logger redacts anything of this shape). */
export const SESSION_ID_SHAPE = /ts1_[A-Za-z0-9_-]{43}/g;

interface Session {
  user: string;
  expires: number;
}

export class SessionStore {
  private readonly sessions = new Map<string, Session>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxSessions = 10_000,
  ) {}

  get size(): number {
    return this.sessions.size;
  }

  create(user: string, now = Date.now()): string {
    if (this.sessions.size >= this.maxSessions) this.prune(now);
    const id = `${SESSION_ID_PREFIX}${randomBytes(32).toString("base64url")}`;
    this.sessions.set(id, { user, expires: now + this.ttlMs });
    return id;
  }

  /** The signed-in user of a live session, or undefined. */
  lookup(id: string, now = Date.now()): string | undefined {
    const session = this.sessions.get(id);
    if (!session) return undefined;
    if (session.expires <= now) {
      this.sessions.delete(id);
      return undefined;
    }
    return session.user;
  }

  revoke(id: string): void {
    this.sessions.delete(id);
  }

  revokeAll(): void {
    this.sessions.clear();
  }

  private prune(now: number): void {
    for (const [id, session] of this.sessions)
      if (session.expires <= now) this.sessions.delete(id);
    // Still full: the oldest sign-ins (the Map keeps creation order) end first.
    for (const id of this.sessions.keys()) {
      if (this.sessions.size < this.maxSessions) break;
      this.sessions.delete(id);
    }
  }
}
