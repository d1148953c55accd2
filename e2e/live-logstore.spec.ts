import { expect, test } from "./fixtures";
import { GatewayLogin } from "./pages/live-gateway";

// The gateway, its stand-ins and the simulated account run on the real clock: so does the page.
test.use({ startTime: null });

/**
 * Live mode end to end for Log Service: Chromium → the signing gateway →
 * the ActionTrail stand-in (which trails the account has, DescribeTrails)
 * and the Log Service stand-in, which checks the official client's
 * signature and answers GetLogsV2 over the logstore of trail
 * "org-audit-all" (project "security-audit-hz"), its simulated events.
 */
test("runs a query in a trail's logstore through the gateway and pages its logs", async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.goto("/query?region=cn-hangzhou&range=7d");
  await new GatewayLogin(page).signIn();
  await page
    .getByRole("radio", { name: /In Log Service/ })
    .check({ timeout: 60_000 });
  await expect(
    page.getByText(
      /logstore actiontrail_org-audit-all of project security-audit-hz/,
    ),
  ).toBeVisible();

  const editor = page.getByRole("textbox", { name: "Log Service query" });
  await editor.click();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.press("Delete");
  await page.keyboard.insertText("event.eventRW: Read");
  await expect(editor).toContainText("event.eventRW: Read");
  const answered = page.waitForResponse((r) =>
    r.url().includes("/api/_sls/cn-hangzhou/org-audit-all/query"),
  );
  await page.getByRole("button", { name: "Run in Log Service" }).click();
  expect((await answered).status()).toBe(200);
  await expect(
    page.getByText(
      /100 rows · Log Service scanned [\d,]+ logs \([\d.,]+ MB\) in [\d,]+ ms/,
    ),
  ).toBeVisible({ timeout: 60_000 });
  const results = page.getByRole("region", { name: "Query results" });
  await expect(
    results.getByRole("cell", { name: "Read", exact: true }).first(),
  ).toBeVisible();

  const pages = page.getByRole("navigation", { name: "Result pages" });
  await pages.getByRole("button", { name: "Next page" }).click();
  await expect(pages).toContainText("Page 2");

  // An analysis the stand-in runs (count), answered by Log Service itself.
  await editor.click();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.press("Delete");
  await page.keyboard.insertText("event.eventRW: Write | SELECT count(*) AS n");
  await expect(editor).toContainText("SELECT count(*) AS n");
  await page.getByRole("button", { name: "Run in Log Service" }).click();
  await expect(page.getByText(/^1 rows · Log Service scanned/)).toBeVisible({
    timeout: 60_000,
  });
  await expect(
    results.getByRole("columnheader", { name: "n", exact: true }),
  ).toBeVisible();
});
