import { screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { renderApp } from "@/testing/render";

// In its own file: after the findings cases (insights-page.test.tsx) the
// overview's read waited behind their work in the same module context.
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
