import type { Page } from "@playwright/test";
import { expect, openConsole, test } from "./fixtures";

/**
 * The simulated account failing a share of calls: the console retries
 * throttling and server errors within bounds, keeps what it loaded and what
 * the user typed, and says clearly what failed.
 */

function countLookups(page: Page): () => number {
  let count = 0;
  page.on("request", (request) => {
    if (request.url().includes("Action=LookupEvents")) count += 1;
  });
  return () => count;
}

test.describe("faults of the service", () => {
  test("throttling is retried a bounded number of times, said plainly, and the search recovers", async ({
    page,
  }) => {
    const lookups = countLookups(page);
    await openConsole(
      page,
      "/events?region=cn-hangzhou&mock-latency=0-0&faults=throttle:1",
    );
    const alert = page
      .getByRole("alert")
      .filter({ hasText: "Throttling.User", hasNotText: "region list" });
    await expect(alert).toBeVisible({ timeout: 30_000 });
    // One attempt and three retries with backoff: never an endless loop.
    await expect.poll(lookups).toBe(4);

    const retry = alert.getByRole("button", {
      name: "Retry the missing parts",
    });
    await expect(retry).toBeVisible();
    await expect(
      page.getByRole("status").filter({ hasText: /loaded/ }),
    ).toContainText("incomplete: 1 part failed");

    // The service calms down: back on the search, retrying the missing part brings the events.
    await page
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: "Settings" })
      .click();
    await page.getByRole("button", { name: "No faults" }).click();
    await page.goBack();
    await retry.click();
    await expect(page.getByRole("grid").getByRole("row").nth(1)).toBeVisible({
      timeout: 30_000,
    });
  });

  test("a failing service is retried a bounded number of times, then its error is shown with a retry", async ({
    page,
  }) => {
    const lookups = countLookups(page);
    await openConsole(
      page,
      "/events?region=cn-hangzhou&mock-latency=0-0&faults=error:1",
    );
    const alert = page
      .getByRole("alert")
      .filter({ hasText: "InternalError", hasNotText: "region list" });
    await expect(alert).toBeVisible({ timeout: 30_000 });
    await expect(alert).toContainText("RequestId");
    await expect(
      alert.getByRole("button", { name: /^Copy RequestId / }),
    ).toBeVisible();
    // One attempt and three retries: never an endless loop.
    await expect.poll(lookups).toBe(4);
    await expect(
      alert.getByRole("button", { name: "Retry the missing parts" }),
    ).toBeVisible();
    await expect(
      page.getByRole("status").filter({ hasText: /loaded/ }),
    ).not.toContainText("all loaded");
  });

  test("slow answers show a loading state, then the events", async ({
    page,
  }) => {
    await openConsole(
      page,
      "/events?region=cn-hangzhou&mock-latency=0-0&faults=slow:1@1500",
    );
    await expect(
      page
        .getByRole("status")
        .filter({ hasText: /Searching/i })
        .first(),
    ).toBeVisible();
    await expect(page.getByRole("grid").getByRole("row").nth(1)).toBeVisible({
      timeout: 30_000,
    });
  });

  test("when the service starts failing, loaded events and typed text stay, with the error and a retry", async ({
    page,
  }) => {
    await openConsole(
      page,
      "/events?region=cn-hangzhou&range=24h&mock-latency=0-0",
    );
    const grid = page.getByRole("grid");
    await expect(page.getByText(/50 loaded, more available/)).toBeVisible();
    const firstRowText = await grid.getByRole("row").nth(1).textContent();
    await page.getByLabel("Refine loaded events").fill("Describe");

    // Make every call fail (Settings → faults), come back with the browser's Back.
    await page
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: "Settings" })
      .click();
    await page.getByLabel("Calls failing (HTTP 500 InternalError)").fill("100");
    await page.goBack();

    await expect(page.getByLabel("Refine loaded events")).toHaveValue(
      "Describe",
    );
    await page.getByLabel("Refine loaded events").fill("");
    await expect(page.getByText(/50 loaded, more available/)).toBeVisible();
    await page.getByRole("button", { name: "Load more" }).click();
    await expect(
      page
        .getByRole("alert")
        .filter({ hasText: "InternalError", hasNotText: "region list" }),
    ).toBeVisible({ timeout: 30_000 });
    // What was loaded is still there.
    await expect(page.getByText(/50 loaded/)).toBeVisible();
    await expect(grid.getByRole("row").nth(1)).toHaveText(firstRowText ?? "");
  });
});
