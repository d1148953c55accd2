/**
 * Caps the ActionTrail calls in flight: at most `total` for the whole
 * gateway and `perSession` for one session (a cookie sign-in, the Bearer
 * token, a proxy's user). With streamed answers this also bounds the memory
 * the gateway spends on answers. A call over either cap is refused at once
 * (the console retries throttling with backoff).
 */
export class UpstreamSlots {
  private inFlight = 0;
  private readonly bySession = new Map<string, number>();

  constructor(
    private readonly total: number,
    private readonly perSession: number,
  ) {}

  get busy(): number {
    return this.inFlight;
  }

  /** A release function, or undefined when over a cap ("overall" / "session"). */
  acquire(
    session: string,
  ): { release: () => void } | { refused: "overall" | "session" } {
    const mine = this.bySession.get(session) ?? 0;
    if (this.inFlight >= this.total) return { refused: "overall" };
    if (mine >= this.perSession) return { refused: "session" };
    this.inFlight += 1;
    this.bySession.set(session, mine + 1);
    let released = false;
    return {
      release: () => {
        if (released) return;
        released = true;
        this.inFlight -= 1;
        const left = (this.bySession.get(session) ?? 1) - 1;
        if (left <= 0) this.bySession.delete(session);
        else this.bySession.set(session, left);
      },
    };
  }
}
