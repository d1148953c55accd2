import AxeBuilder from "@axe-core/playwright";
import { INCIDENTS } from "../mocks/data/incidents";
import { expect, test } from "./fixtures";
import { EventsPage } from "./pages/events";

const leak = INCIDENTS.leakedAccessKey;

test.describe("Event search: columns and pins", () => {
  test.describe.configure({ timeout: 90_000 });

  test("adds the AccessKey ID column, keeps it over a reload, and pins events from a row and from the pane into the case file", async ({
    page,
  }) => {
    await page.goto(
      `/events?region=${leak.probeRegion}&range=7d&f=User%3A${leak.userName}&mock-latency=0-0`,
    );
    const events = new EventsPage(page);
    await events.waitForResults();
    await expect(events.rows.first()).toBeVisible({ timeout: 30_000 });

    // Add a nested field through the chooser, by keyboard-friendly controls.
    await page.getByText("Columns", { exact: true }).click();
    await page
      .getByRole("searchbox", { name: "Add a field of the event" })
      .fill("accessKeyId");
    await page
      .getByRole("list", { name: "Event fields" })
      .getByRole("checkbox", { name: "userIdentity.accessKeyId" })
      .check();
    const header = events.grid.getByRole("columnheader", {
      name: "userIdentity.accessKeyId",
    });
    await expect(header).toBeVisible();
    // The new column comes last and holds the user's AccessKey ID.
    const accessKey = /LTAI\w+$/;
    await expect(events.rows.first()).toContainText(accessKey);

    // The open chooser, the selection bar and the row controls pass axe.
    const axe = await new AxeBuilder({ page })
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
      .analyze();
    expect(
      axe.violations
        .filter((v) => v.impact === "serious" || v.impact === "critical")
        .map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(" | ")}`),
    ).toEqual([]);

    // Remembered: a reload shows the same column.
    await page.reload();
    await events.waitForResults();
    await expect(header).toBeVisible();
    await expect(events.rows.first()).toContainText(accessKey);

    // Pin the first row from its pin button.
    const first = events.rows.nth(0);
    const rowPin = first.getByRole("button", { name: /^Pin .* to case$/ });
    await rowPin.click();
    await expect(rowPin).toHaveAttribute("aria-pressed", "true");
    await expect(
      page.getByRole("status").filter({ hasText: /^Pinned / }),
    ).toHaveCount(1);

    // Pin the second from the View event pane.
    const second = events.rows.nth(1);
    await events.openEvent(second);
    const panePin = events.pane.getByRole("button", { name: /Pin to case/ });
    await expect(panePin).toHaveAttribute("aria-pressed", "false");
    await panePin.click();
    await expect(panePin).toHaveAttribute("aria-pressed", "true");
    await expect(
      second.getByRole("button", { name: /^Pin .* to case$/ }),
    ).toHaveAttribute("aria-pressed", "true");

    // The case file lists both.
    await page.goto("/investigate/cases?mock-latency=0-0");
    await expect(
      page.getByRole("heading", { name: "Pinned events (2)" }),
    ).toBeVisible();
  });
});
