import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { INCIDENTS } from "@mocks/data/incidents";
import { installAccount } from "@mocks/node";
import { renderApp } from "@/testing/render";

describe("Insights page", () => {
  it(
    "shows the incidents of the simulated account as detections",
    { timeout: 60_000 },
    async () => {
      // A larger account than the default test one, so each credential has a baseline to compare with.
      installAccount({ scale: 0.05 });
      renderApp("/insights?region=cn-hangzhou");
      const detections = await screen.findByRole(
        "region",
        { name: "Trailscope detections" },
        { timeout: 30_000 },
      );
      const leak = await within(detections).findByRole(
        "article",
        { name: new RegExp(INCIDENTS.leakedAccessKey.accessKeyId) },
        { timeout: 30_000 },
      );
      for (const ip of INCIDENTS.leakedAccessKey.sourceIps)
        expect(within(leak).getAllByText(ip).length).toBeGreaterThan(0);
      expect(
        within(detections).getByRole("article", {
          name: /wang\.fang stopped logging of trail prod-audit-trail/,
        }),
      ).toBeInTheDocument();
      expect(
        within(detections).getByRole("article", {
          name: /wang\.fang deleted trail prod-audit-trail/,
        }),
      ).toBeInTheDocument();
      expect(
        within(detections).getByRole("article", {
          name: /temp-contractor granted AdministratorAccess to user backup-admin/,
        }),
      ).toBeInTheDocument();
      expect(
        within(detections).getByRole("article", {
          name: /created an AccessKey for backup-admin/,
        }),
      ).toBeInTheDocument();
      expect(
        within(detections).getByRole("article", {
          name: /chen\.jie: 12 failed sign-ins, then a successful one/,
        }),
      ).toBeInTheDocument();
      expect(
        within(detections).getByRole("article", {
          name: /liu\.yang made bucket finance-reports-2026 public-read/,
        }),
      ).toBeInTheDocument();
    },
  );
});

describe("Insights overview", () => {
  it("offers table views of the charts and field statistics that link into the event search", async () => {
    const { user } = renderApp(
      "/insights?region=cn-hangzhou&range=7d&field=user",
    );
    const chart = await screen.findByRole(
      "region",
      { name: "Top event names" },
      { timeout: 20_000 },
    );
    expect(
      within(chart).getByText(/^Covers [\d,]+ of the [\d,]+ loaded events/),
    ).toBeInTheDocument();
    await user.click(within(chart).getByRole("button", { name: "Show table" }));
    const firstLink = within(within(chart).getByRole("table")).getAllByRole(
      "link",
    )[0]!;
    expect(firstLink.getAttribute("href")).toMatch(
      /^\/events\?region=cn-hangzhou&from=.+&to=.+&f=EventName%3A/,
    );

    const fields = screen.getByRole("region", { name: "Field statistics" });
    expect(
      within(fields).getByText(/^Covers the [\d,]+ loaded events only/),
    ).toBeInTheDocument();
    const only = within(fields).getByRole("link", { name: "Only User li.wei" });
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
  });
});
