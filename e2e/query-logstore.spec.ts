import { expect, openConsole, test } from "./fixtures";

/**
 * The Query page in a trail's logstore, in the simulated account: trail
 * "org-audit-all" delivers to Log Service, so the page offers to run there.
 * The simulated Log Service matches the search part over the simulated
 * events; the SQL part runs on the embedded engine over what it matched.
 */
test.describe("Query in Log Service", () => {
  test.describe.configure({ timeout: 180_000 });

  test("an auditor switches to the trail's logstore, runs an analysis and a search, and sees what was scanned", async ({
    page,
  }) => {
    await openConsole(page, "/query?region=cn-hangzhou&range=7d");
    // The choice lives in the URL: the radio follows once the page has
    // navigated, which can come after the click returns on a busy machine.
    const inLogService = page.getByRole("radio", { name: /In Log Service/ });
    await inLogService.click({ timeout: 30_000 });
    await expect(inLogService).toBeChecked();
    await expect(
      page.getByText(
        /Runs in Log Service, in logstore actiontrail_org-audit-all of project security-audit-hz/,
      ),
    ).toBeVisible();
    await page
      .getByLabel("Example queries")
      .selectOption({ label: "Top callers of write actions by service" });
    const run = page.getByRole("button", { name: "Run in Log Service" });
    await expect(run).toBeEnabled();
    await run.click();
    await expect(
      page.getByText(
        /rows · the simulated Log Service read [\d,]+ logs .* the SQL part ran on them in this browser/,
      ),
    ).toBeVisible({ timeout: 90_000 });
    const results = page.getByRole("region", { name: "Query results" });
    await expect(
      results.getByRole("columnheader", { name: "writes", exact: true }),
    ).toBeVisible();

    await page
      .getByLabel("Example queries")
      .selectOption({ label: "Who stopped an instance (the logs themselves)" });
    await run.click();
    await expect(
      page.getByText(/rows · Log Service scanned [\d,]+ logs/),
    ).toBeVisible({ timeout: 60_000 });
    await expect(
      results.getByRole("columnheader", {
        name: "event.eventName",
        exact: true,
      }),
    ).toBeVisible();
    await expect(
      results.getByRole("cell", { name: "StopInstance", exact: true }).first(),
    ).toBeVisible();
    // The URL keeps where it runs: a reload stays in Log Service.
    await expect(page).toHaveURL(/source=logstore/);
  });

  test("an event search the API cannot combine opens in Log Service as one query, and an error shows in place with the text kept", async ({
    page,
  }) => {
    await openConsole(
      page,
      "/events?region=cn-hangzhou&range=24h&f=ServiceName:Ecs&f=EventRW:Write&f=EventName:StopInstance",
    );
    await page
      .getByRole("link", { name: "Run in Log Service" })
      .click({ timeout: 60_000 });
    await expect(page).toHaveURL(/\/query\?.*source=logstore/);
    const editor = page.getByRole("textbox", { name: "Log Service query" });
    await expect(editor).toContainText('event.serviceName: "Ecs"');
    await page.getByRole("button", { name: "Run in Log Service" }).click();
    await expect(
      page.getByText(/rows · the simulated Log Service read/),
    ).toBeVisible({ timeout: 90_000 });

    await editor.click();
    await page.keyboard.press("ControlOrMeta+a");
    await page.keyboard.press("Delete");
    await page.keyboard.insertText("event.eventRW: Write and (");
    await expect(editor).toContainText("event.eventRW: Write and (");
    await page.getByRole("button", { name: "Run in Log Service" }).click();
    await expect(page.getByRole("alert")).toContainText("Line 1, column 27:");
    await expect(editor).toContainText("event.eventRW: Write and (");
  });
});
