import { describe, expect, it } from "vitest";
import {
  archiveBefore,
  findingsRangeProblem,
  findingsWindow,
  parseFindingsRange,
  rangeParams,
} from "./findings-range";

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 23, 3, 0, 0);

describe("the findings range in the URL", () => {
  it("reads a preset, falls back to 7 days, and prefers an absolute range", () => {
    expect(parseFindingsRange(new URLSearchParams("days=30"))).toEqual({
      kind: "preset",
      days: 30,
    });
    expect(parseFindingsRange(new URLSearchParams("days=12"))).toEqual({
      kind: "preset",
      days: 7,
    });
    expect(
      parseFindingsRange(
        new URLSearchParams(
          "days=30&from=2026-11-01T00:00:00Z&to=2026-11-02T23:59:59Z",
        ),
      ),
    ).toEqual({
      kind: "absolute",
      from: "2026-11-01T00:00:00Z",
      to: "2026-11-02T23:59:59Z",
    });
    expect(
      parseFindingsRange(new URLSearchParams("from=yesterday&to=now")),
    ).toEqual({ kind: "preset", days: 7 });
  });

  it("writes a range back, the default stripped and the other keys kept", () => {
    const base = new URLSearchParams("region=cn-hangzhou&days=30");
    expect(
      rangeParams(base, {
        kind: "absolute",
        from: "2026-11-01T00:00:00Z",
        to: "2026-11-02T23:59:59Z",
      }).toString(),
    ).toBe(
      "region=cn-hangzhou&from=2026-11-01T00%3A00%3A00Z&to=2026-11-02T23%3A59%3A59Z",
    );
    expect(rangeParams(base, { kind: "preset", days: 7 }).toString()).toBe(
      "region=cn-hangzhou",
    );
  });

  it("resolves an absolute range to its own ends, the end's second included", () => {
    expect(
      findingsWindow(
        {
          kind: "absolute",
          from: "2026-11-01T00:00:00Z",
          to: "2026-11-02T23:59:59Z",
        },
        NOW,
      ),
    ).toEqual({
      startMs: Date.UTC(2026, 10, 1),
      endMs: Date.UTC(2026, 10, 2, 23, 59, 59),
    });
    expect(findingsWindow({ kind: "preset", days: 30 }, NOW)).toEqual({
      startMs: NOW - 30 * DAY,
      endMs: NOW,
    });
  });
});

describe("which ranges can be examined", () => {
  const old = { startMs: NOW - 120 * DAY, endMs: NOW - 100 * DAY };

  it("refuses a start more than 90 days back, saying how far back it is", () => {
    expect(findingsRangeProblem(old, NOW)).toMatch(
      /keeps events for 90 days: the start is 120 days back/,
    );
    expect(
      findingsRangeProblem({ startMs: NOW - 89 * DAY, endMs: NOW }, NOW),
    ).toBeUndefined();
  });

  it("takes older ranges over a loaded file or imported archives, the archive below the service's reach", () => {
    expect(findingsRangeProblem(old, NOW, { ownData: true })).toBeUndefined();
    expect(findingsRangeProblem(old, NOW, { archives: true })).toBeUndefined();
    expect(archiveBefore(old, NOW, { archives: true })).toBe(
      NOW - 90 * DAY + 3_600_000,
    );
    expect(archiveBefore(old, NOW, { ownData: true })).toBeUndefined();
    expect(
      archiveBefore({ startMs: NOW - DAY, endMs: NOW }, NOW, {
        archives: true,
      }),
    ).toBeUndefined();
  });

  it("refuses a start in the future and an end before the start", () => {
    expect(
      findingsRangeProblem({ startMs: NOW + DAY, endMs: NOW + 2 * DAY }, NOW),
    ).toMatch(/in the future/);
    expect(
      findingsRangeProblem({ startMs: NOW, endMs: NOW - DAY }, NOW),
    ).toMatch(/not after the start/);
  });
});
