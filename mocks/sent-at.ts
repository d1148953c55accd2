/**
 * When a call to the simulated account left the page.
 *
 * ActionTrail counts its per-second limits by when calls arrive, which is a
 * network hop after the console sent them, whatever the page is doing. In the
 * browser, the simulated account answers on the page's own main thread (the
 * service worker hands each request over), so a long task there — a render,
 * a refine — holds back calls that left earlier and then lets them in
 * together: the account would see 11 calls in a second that were sent 10 to
 * a second. The browser mock therefore stamps each `/api/` call with the
 * time it was sent, and the rate limits and latency count from that stamp.
 * Calls without a stamp (Node tests, where handlers run at once) count from
 * the moment they are handled.
 */
export const SENT_AT_HEADER = "x-trailscope-sent-at";

/** The time `request` says it was sent (epoch ms), when it says. */
export function sentAt(request: Request): number | undefined {
  const stamp = Number(request.headers.get(SENT_AT_HEADER) ?? NaN);
  return Number.isFinite(stamp) ? stamp : undefined;
}

const apiUrl = (input: RequestInfo | URL): URL =>
  new URL(input instanceof Request ? input.url : String(input), location.href);

const isApiCall = (url: URL): boolean =>
  url.origin === location.origin && /\/api\/[^/]+\/$/.test(url.pathname);

let stamping = false;

/**
 * Wraps the page's `fetch` so every call to the simulated account's
 * `/api/<RegionId>/` carries the time it was sent (mock mode only; other
 * requests pass untouched).
 */
export function stampSendTimes(clock: () => number = Date.now): void {
  if (stamping) return;
  stamping = true;
  const send = globalThis.fetch.bind(globalThis);
  globalThis.fetch = (input, init) => {
    if (!isApiCall(apiUrl(input))) return send(input, init);
    const headers = new Headers(
      init?.headers ?? (input instanceof Request ? input.headers : undefined),
    );
    headers.set(SENT_AT_HEADER, String(clock()));
    return send(input, { ...init, headers });
  };
}
