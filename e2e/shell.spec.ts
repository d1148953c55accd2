import { expect, openConsole, test } from "./fixtures";
import { Shell } from "./pages/shell";

test.describe("the console on the simulated account", () => {
  test("opens on the event search, switches region, and shows that region's events", async ({
    page,
  }) => {
    await openConsole(page, "/?mock-latency=0-0");
    await expect(page).toHaveURL(/\/events/);
    const shell = new Shell(page);
    const grid = page.getByRole("grid");
    await expect(grid.getByRole("row").nth(1)).toContainText("cn-hangzhou");

    await shell.switchRegion("ap-southeast-1");
    await expect(page).toHaveURL(/region=ap-southeast-1/);
    const firstRow = grid.getByRole("row").nth(1);
    await expect(firstRow).toContainText("ap-southeast-1");
    await expect(
      grid.getByRole("row").filter({ hasText: "cn-hangzhou" }),
    ).toHaveCount(0);

    // The choice is remembered for the next visit without a region in the URL.
    await page.goto("/events?mock-latency=0-0");
    await expect(shell.region).toHaveValue("ap-southeast-1");
  });

  test("signs in as the read-only auditor and says so", async ({ page }) => {
    await openConsole(page, "/settings?mock-latency=0-0");
    const shell = new Shell(page);
    await expect(page.getByText("Simulated", { exact: true })).toBeVisible();
    await shell.signInAs("auditor");
    await page.reload();
    await expect(shell.identity).toHaveValue("auditor");
  });

  test("shows a page for an address that does not exist", async ({ page }) => {
    await openConsole(page, "/nowhere?mock-latency=0-0");
    await expect(
      page.getByRole("heading", { name: "Page not found" }),
    ).toBeVisible();
    await expect(page).toHaveTitle("Page not found · Trailscope");
    await page.getByRole("link", { name: "Search events" }).click();
    await expect(page.getByRole("grid")).toBeVisible();
  });

  test("loads the documentation's own events through Settings and searches them", async ({
    page,
  }) => {
    await openConsole(page, "/settings?mock-latency=0-0");
    await page
      .getByLabel("Events file")
      .setInputFiles("mocks/samples/documented-events.json");
    await expect(page.getByText(/Showing 3 events from/)).toBeVisible();
    await page.getByRole("link", { name: "Search these events" }).click();
    const grid = page.getByRole("grid");
    await expect(
      grid.getByRole("row").filter({ hasText: "CreateUser" }),
    ).toHaveCount(1);
  });
});
