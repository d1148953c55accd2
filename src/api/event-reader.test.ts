import { getResponse, http, HttpResponse } from "msw";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { createHandlers } from "@mocks/handlers";
import { installAccount, server, TEST_NOW } from "@mocks/node";
import { createRateLimiter, type RateLimiter } from "@/lib/rate-limiter";
import { DAY } from "@/lib/time";
import {
  createSemaphore,
  eventsOf,
  failedRegions,
  failedSpans,
  inFlightPerRegion,
  isComplete,
  MAX_IN_FLIGHT,
  MAX_IN_FLIGHT_PER_REGION,
  missingSpans,
  readAllEvents,
  readEvents,
  startRead,
  watermark,
  type ReadScope,
} from "./event-reader";

const NOW = Math.floor(TEST_NOW / 1000) * 1000;
const scope = (over: Partial<ReadScope> = {}): ReadScope => ({
  regions: ["cn-hangzhou"],
  window: { startMs: NOW - 7 * DAY, endMs: NOW },
  attributes: [],
  ...over,
});

/** Every LookupEvents the simulated account answered, with its window. */
function recordCalls() {
  const calls: {
    region: string;
    start: number;
    end: number;
    token: boolean;
  }[] = [];
  server.events.on("request:start", ({ request }) => {
    const url = new URL(request.url);
    if (url.searchParams.get("Action") !== "LookupEvents") return;
    calls.push({
      region: url.pathname.split("/").at(-2) ?? "",
      start: Date.parse(url.searchParams.get("StartTime") ?? ""),
      end: Date.parse(url.searchParams.get("EndTime") ?? ""),
      token: url.searchParams.has("NextToken"),
    });
  });
  return calls;
}

/** Answers LookupEvents with `status`/`code` while `when(call)` holds; counts attempts. */
function failLookups(
  when: (url: URL, attempt: number) => boolean,
  status = 503,
  code = "ServiceUnavailable",
) {
  let attempt = 0;
  server.use(
    http.get("*/api/:region/", ({ request }) => {
      const url = new URL(request.url);
      if (url.searchParams.get("Action") !== "LookupEvents") return;
      if (!when(url, attempt++)) return;
      return HttpResponse.json(
        {
          RequestId: `req-${attempt}`,
          HostId: "actiontrail.test",
          Code: code,
          Message: "Injected by the test.",
        },
        { status },
      );
    }),
  );
}

const counting = (inner: RateLimiter) => {
  let acquired = 0;
  return {
    limiter: {
      acquire: (signal?: AbortSignal) => (acquired++, inner.acquire(signal)),
    } satisfies RateLimiter,
    acquired: () => acquired,
  };
};

const fast = () => createRateLimiter(1000, () => Date.now(), 1000);

describe("the event reader", () => {
  // Most tests read faster than the service allows, through a limiter of
  // their own; the account's rate limits are off for them (the last test
  // keeps both on).
  beforeEach(() => {
    installAccount({ rateLimits: false });
  });

  it("splits a long window into slices of at most 30 days, newest first", async () => {
    const calls = recordCalls();
    const read = startRead(
      scope({ window: { startMs: NOW - 75 * DAY, endMs: NOW } }),
    );
    expect(read.todo.map((s) => (s.endMs - s.startMs) / DAY)).toEqual([
      30, 30, 15,
    ]);
    expect(read.todo[0]?.endMs).toBe(NOW);
    const done = await readEvents(read, {
      mode: "all",
      cap: 400,
      limiter: fast(),
    });
    expect(calls.length).toBeGreaterThan(0);
    for (const c of calls)
      expect(c.end - c.start).toBeLessThanOrEqual(30 * DAY);
    expect(done.count).toBeGreaterThan(0);
  });

  it("pages with NextToken until the scope is complete, and counts every page", async () => {
    const calls = recordCalls();
    const done = await readAllEvents(scope(), {
      limiter: fast(),
      parallelism: 1,
    });
    expect(isComplete(done)).toBe(true);
    expect(done.count).toBe(eventsOf(done).length);
    expect(done.count).toBeGreaterThan(50);
    expect(calls.some((c) => c.token)).toBe(true);
    expect(done.pages).toBe(calls.length);
    expect(done.requests).toBe(calls.length);
    expect(watermark(done)).toBe(-Infinity);
  });

  it("reads one page per region in page mode, and goes on from where it stopped", async () => {
    const first = await readEvents(
      startRead(scope({ regions: ["cn-hangzhou", "cn-shanghai"] })),
      { mode: "page", limiter: fast() },
    );
    expect(first.pages).toBe(2);
    expect(first.perRegion["cn-hangzhou"]?.pages).toBe(1);
    expect(isComplete(first)).toBe(false);
    // The watermark is where the slower region stands: newer events are complete.
    const mark = watermark(first);
    expect(mark).toBeLessThan(NOW);
    const unfinished = new Set(first.todo.map((s) => s.region)).size;
    expect(unfinished).toBeGreaterThan(0);
    const second = await readEvents(first, { mode: "page", limiter: fast() });
    expect(second.pages).toBe(2 + unfinished);
    expect(second.count).toBeGreaterThan(first.count);
    expect(first.pages).toBe(2); // the earlier result is not changed
  });

  it("takes the limiter on every attempt, retries included", async () => {
    installAccount({
      rateLimits: false,
      faults: { throttleRate: 1, errorRate: 0, slowRate: 0, slowMs: 0 },
    });
    const { limiter, acquired } = counting(fast());
    const done = await readEvents(startRead(scope()), {
      mode: "page",
      limiter,
    });
    // One call, three retries: four attempts through the limiter, all throttled.
    expect(acquired()).toBe(4);
    expect(done.requests).toBe(4);
    expect(failedSpans(done)).toHaveLength(1);
    expect(failedSpans(done)[0]?.failure?.code).toMatch(/^Throttling/);
  });

  it("keeps a slice that fails after its retries as missing, with its code and RequestId, and retries only it", async () => {
    const account = installAccount({ rateLimits: false });
    const calls = recordCalls();
    const full = await readAllEvents(
      scope({ window: { startMs: NOW - 40 * DAY, endMs: NOW } }),
      { limiter: fast(), cap: 2000 },
    );
    const allIds = [...full.ids].sort();

    // The older slice (before NOW - 30 days) fails every time.
    const cut = NOW - 30 * DAY;
    failLookups((url) => Date.parse(url.searchParams.get("EndTime")!) <= cut);
    const partial = await readAllEvents(
      scope({ window: { startMs: NOW - 40 * DAY, endMs: NOW } }),
      { limiter: fast(), cap: 2000 },
    );
    expect(isComplete(partial)).toBe(false);
    expect(failedRegions(partial)).toEqual(["cn-hangzhou"]);
    const missing = missingSpans(partial);
    expect(missing.every((m) => m.failure?.code === "ServiceUnavailable")).toBe(
      true,
    );
    expect(missing[0]?.failure?.requestId).toMatch(/^req-/);
    expect(missing[0]?.endMs).toBeLessThanOrEqual(cut);
    expect(partial.count).toBeLessThan(full.count);

    // Faults off: retrying the missing parts reads only them, and the result
    // equals the fault-free one, event for event.
    server.resetHandlers(...createHandlers(account));
    calls.length = 0;
    const retried = await readEvents(partial, {
      mode: "failed",
      limiter: fast(),
    });
    expect(isComplete(retried)).toBe(true);
    expect(calls.every((c) => c.end <= cut)).toBe(true);
    expect([...retried.ids].sort()).toEqual(allIds);
    expect(eventsOf(retried)).toHaveLength(full.count);
  });

  it("stops when aborted, keeps what it read, and can go on to the same result", async () => {
    const full = await readAllEvents(scope(), { limiter: fast() });
    const controller = new AbortController();
    const stopped = await readEvents(startRead(scope()), {
      mode: "all",
      limiter: fast(),
      signal: controller.signal,
      onProgress: (r) => {
        if (r.pages >= 2) controller.abort();
      },
    });
    expect(stopped.cancelled).toBe(true);
    expect(isComplete(stopped)).toBe(false);
    expect(stopped.count).toBeGreaterThan(0);
    expect(failedSpans(stopped)).toHaveLength(0);
    const resumed = await readEvents(stopped, { mode: "all", limiter: fast() });
    expect(isComplete(resumed)).toBe(true);
    expect(resumed.cancelled).toBe(false);
    expect([...resumed.ids].sort()).toEqual([...full.ids].sort());
  });

  it("drops an event it has already read (the same eventId from another region or an overlapping part)", async () => {
    const done = await readAllEvents(scope(), {
      limiter: fast(),
      parallelism: 12,
    });
    const ids = eventsOf(done).map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);

    // Two regions answering the same events: each is kept once.
    const account = installAccount({ rateLimits: false });
    const handlers = createHandlers(account);
    server.use(
      http.get("*/api/cn-shanghai/", async ({ request }) => {
        const url = request.url.replace("/cn-shanghai/", "/cn-hangzhou/");
        return getResponse(handlers, new Request(url));
      }),
    );
    const twice = await readAllEvents(
      scope({ regions: ["cn-hangzhou", "cn-shanghai"] }),
      { limiter: fast() },
    );
    expect(twice.count).toBe(done.count);
  });

  it("stops at its cap, says so, and leaves the rest on the ledger", async () => {
    const capped = await readAllEvents(
      scope({ window: { startMs: NOW - 30 * DAY, endMs: NOW } }),
      { limiter: fast(), cap: 120 },
    );
    expect(capped.count).toBeGreaterThanOrEqual(120);
    expect(capped.count).toBeLessThan(120 + 6 * 50 + 1);
    expect(capped.capped).toBe(true);
    expect(isComplete(capped)).toBe(false);

    const perRegion = await readAllEvents(
      scope({
        regions: ["cn-hangzhou", "cn-shanghai"],
        window: { startMs: NOW - 30 * DAY, endMs: NOW },
      }),
      { limiter: fast(), capPerRegion: 60 },
    );
    for (const r of ["cn-hangzhou", "cn-shanghai"])
      expect(perRegion.perRegion[r]?.events).toBeLessThan(60 + 3 * 50 + 1);
    expect(perRegion.capped).toBe(true);
  });

  it("never starts more than the limiter allows in any second", async () => {
    // The limiter's waits run on a frozen clock that the test moves on.
    vi.useFakeTimers({
      now: NOW,
      toFake: ["Date", "setTimeout", "clearTimeout"],
    });
    try {
      installAccount();
      const starts: number[] = [];
      server.events.on("request:start", () => starts.push(Date.now()));
      let done = false;
      const reading = readAllEvents(
        scope({
          regions: ["cn-hangzhou", "cn-shanghai", "cn-beijing"],
          window: { startMs: NOW - 20 * DAY, endMs: NOW },
        }),
        { limiter: createRateLimiter(10, () => Date.now(), 1000) },
      ).then((r) => ((done = true), r));
      for (let step = 0; !done && step < 10_000; step++)
        await vi.advanceTimersByTimeAsync(50);
      const read = await reading;
      expect(isComplete(read)).toBe(true);
      expectAtMostTenASecond(starts);
    } finally {
      vi.useRealTimers();
    }
  });
});

/** No 1000 ms window holds more than 10 of `starts`, and there were more than 10. */
function expectAtMostTenASecond(starts: number[]) {
  let most = 0;
  for (let i = 0; i < starts.length; i++) {
    const inWindow = starts.filter(
      (t) => t >= (starts[i] ?? 0) && t < (starts[i] ?? 0) + 1000,
    ).length;
    most = Math.max(most, inWindow);
  }
  expect(starts.length).toBeGreaterThan(10);
  expect(most).toBeLessThanOrEqual(10);
}

describe("calls in flight during Load all", () => {
  /** Holds every LookupEvents until released; counts those held at once. */
  function holdLookups() {
    const held: Array<() => void> = [];
    let most = 0;
    server.use(
      http.get("*/api/:region/", async ({ request }) => {
        if (new URL(request.url).searchParams.get("Action") !== "LookupEvents")
          return;
        await new Promise<void>((resolve) => {
          held.push(resolve);
          most = Math.max(most, held.length);
        });
      }),
    );
    return {
      held,
      most: () => most,
      release: () => held.splice(0).forEach((go) => go()),
    };
  }

  it("gives one region the console's whole share, so latency does not leave the limiter idle", async () => {
    installAccount({ rateLimits: false });
    const calls = holdLookups();
    const controller = new AbortController();
    const reading = readAllEvents(scope(), { signal: controller.signal });
    await vi.waitFor(() => expect(calls.held).toHaveLength(MAX_IN_FLIGHT));
    controller.abort();
    calls.release();
    await reading;
    expect(calls.most()).toBe(MAX_IN_FLIGHT);
  });

  it("shares the console's calls between regions, each keeping its own floor", () => {
    expect(inFlightPerRegion(1)).toBe(MAX_IN_FLIGHT);
    expect(inFlightPerRegion(2)).toBe(MAX_IN_FLIGHT / 2);
    expect(inFlightPerRegion(12)).toBe(MAX_IN_FLIGHT_PER_REGION);
  });
});

describe("the semaphore", () => {
  it("lets at most N through and the next one in when one leaves", async () => {
    const gate = createSemaphore(2);
    const a = await gate.acquire();
    await gate.acquire();
    let third = false;
    const pending = gate.acquire().then((release) => {
      third = true;
      return release;
    });
    await Promise.resolve();
    expect(third).toBe(false);
    a();
    await pending;
    expect(third).toBe(true);
  });

  it("gives up waiting when aborted", async () => {
    const gate = createSemaphore(1);
    await gate.acquire();
    const controller = new AbortController();
    const waiting = gate.acquire(controller.signal);
    controller.abort();
    await expect(waiting).rejects.toThrow(/Abort/);
  });
});
