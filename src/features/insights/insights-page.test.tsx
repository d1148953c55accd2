import { screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
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

describe("Insights overview", () => {
  it(
    "offers table views of the charts and field statistics that link into the event search",
    { timeout: 60_000 },
    async () => {
      const { user } = renderApp(
        "/insights?region=cn-hangzhou&range=7d&field=user",
      );
      expect(
        screen.queryByRole("region", { name: "Field statistics" }),
      ).toBeNull();
      const chart = await screen.findByRole(
        "region",
        { name: "Top event names" },
        // The overview reads up to 5,000 events and aggregates them in the worker: slow on a busy CI machine.
        { timeout: 45_000 },
      );
      expect(
        within(chart).getByText(/^Covers [\d,]+ of the [\d,]+ loaded events/),
      ).toBeInTheDocument();
      await user.click(
        within(chart).getByRole("button", { name: "Show table" }),
      );
      const firstLink = within(within(chart).getByRole("table")).getAllByRole(
        "link",
      )[0]!;
      expect(firstLink.getAttribute("href")).toMatch(
        /^\/events\?region=cn-hangzhou&from=.+&to=.+&f=EventName%3A/,
      );

      // Field statistics are their own view; the range and field travel in the URL.
      await user.click(screen.getByRole("link", { name: "Field statistics" }));
      const fields = await screen.findByRole(
        "region",
        { name: "Field statistics" },
        { timeout: 20_000 },
      );
      expect(
        await within(fields).findByText(
          /^Covers the [\d,]+ loaded events only/,
          {},
          { timeout: 20_000 },
        ),
      ).toBeInTheDocument();
      const only = within(fields).getByRole("link", {
        name: "Only User li.wei",
      });
      expect(only.getAttribute("href")).toContain("f=User%3Ali.wei");
      expect(
        within(fields)
          .getByRole("link", { name: "Without User li.wei" })
          .getAttribute("href"),
      ).toContain("x=User%3Ali.wei");
      expect(
        within(fields).getAllByText(/^[\d,]+ of [\d,]+ \(/, { selector: "td" })
          .length,
      ).toBeGreaterThan(0);
    },
  );
});
