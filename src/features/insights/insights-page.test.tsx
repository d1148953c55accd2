import { screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { INCIDENTS } from "@mocks/data/incidents";
import { installAccount } from "@mocks/node";
import { renderApp } from "@/testing/render";

/**
 * The calendar must not decide what the detections find: the incidents are
 * found on every weekday and across a month boundary (main once failed its
 * own tests on Saturdays). Times are 11:00 Beijing time, Monday to Sunday,
 * and 00:30 on the first of a month.
 */
const CLOCKS = [
  ...["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"].map(
    (day, i) => [day, Date.UTC(2026, 10, 23 + i, 3, 0)] as const,
  ),
  ["1st of the month", Date.UTC(2026, 10, 30, 16, 30)] as const,
];

function expectIncidents(findings: HTMLElement) {
  const signal = (name: RegExp) =>
    expect(within(findings).getAllByText(name).length).toBeGreaterThan(0);
  const leak = within(findings).getByRole("region", {
    name: new RegExp(
      `AccessKey ${INCIDENTS.leakedAccessKey.accessKeyId} .*used from`,
    ),
  });
  for (const ip of INCIDENTS.leakedAccessKey.sourceIps)
    expect(within(leak).getAllByText(ip).length).toBeGreaterThan(0);
  signal(/wang\.fang stopped logging of trail prod-audit-trail/);
  signal(/wang\.fang deleted trail prod-audit-trail/);
  signal(/temp-contractor granted AdministratorAccess to user backup-admin/);
  signal(/created an AccessKey for backup-admin/);
  signal(/chen\.jie: 12 failed sign-ins, then a successful one/);
  signal(/liu\.yang made bucket finance-reports-2026 public-read/);
}

describe("Insights findings", () => {
  // Each case moves the clock; the next file's tests start from the real one.
  afterEach(() => {
    vi.useRealTimers();
  });

  it.each(CLOCKS)(
    "shows the incidents of the simulated account as findings (%s)",
    { timeout: 60_000 },
    async (_day, now) => {
      vi.setSystemTime(now);
      // A larger account than the default test one, so each credential has a baseline to compare with.
      installAccount({ scale: 0.05, now });
      renderApp("/insights/findings?region=cn-hangzhou");
      const findings = await screen.findByRole(
        "region",
        { name: "Findings" },
        { timeout: 30_000 },
      );
      await within(findings).findByRole(
        "region",
        {
          name: new RegExp(
            `AccessKey ${INCIDENTS.leakedAccessKey.accessKeyId} .*used from`,
          ),
        },
        { timeout: 45_000 },
      );
      expectIncidents(findings);
    },
  );
});
