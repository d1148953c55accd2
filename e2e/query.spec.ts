import type { Page } from "@playwright/test";
import { expect, openConsole, test } from "./fixtures";

/** The SQL editor (CodeMirror): replaced by what the user types. */
async function typeQuery(
  page: Page,
  sql: string,
  name = "SQL query",
): Promise<void> {
  const editor = page.getByRole("textbox", { name });
  await editor.click();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.press("Delete");
  await page.keyboard.insertText(sql);
  // Run only once the editor holds the text (it may take a moment under load).
  // (Its text runs lines together: check the first line.)
  await expect(editor).toContainText(sql.split("\n")[0]!.slice(0, 40), {
    timeout: 15_000,
  });
}

async function openQuery(page: Page): Promise<void> {
  await openConsole(page, "/query?region=cn-hangzhou");
  await expect(
    page.getByRole("heading", { name: "Query", level: 1 }),
  ).toBeVisible();
  await expect(page.getByRole("button", { name: "Run" })).toBeEnabled({
    timeout: 90_000,
  });
}

test.describe("Query", () => {
  test.describe.configure({ timeout: 180_000 });

  test("an auditor runs an example and a GROUP BY, then opens an event from a row", async ({
    page,
  }) => {
    await openQuery(page);
    await page
      .getByLabel("Example queries")
      .selectOption({ label: "The 100 newest events" });
    await page.getByRole("button", { name: "Run" }).click();
    const results = page.getByRole("region", { name: "Query results" });
    await expect(
      page.getByText(/100 rows · \d+ ms in this browser/),
    ).toBeVisible();

    await typeQuery(
      page,
      "SELECT eventRW, count(*) AS n FROM events GROUP BY eventRW ORDER BY eventRW",
    );
    await page.keyboard.press("ControlOrMeta+Enter");
    await expect(
      results.getByRole("cell", { name: "Write", exact: true }),
    ).toBeVisible();
    await expect(
      results.getByRole("columnheader", { name: "n", exact: true }),
    ).toBeVisible();

    await typeQuery(
      page,
      "SELECT eventId, eventName FROM events ORDER BY eventTime DESC LIMIT 5",
    );
    await page.getByRole("button", { name: "Run" }).click();
    const link = results.getByRole("link").first();
    const id = await link.textContent();
    await link.click();
    await expect(page).toHaveURL(/\/events\?.*event=/);
    expect(new URL(page.url()).searchParams.get("event")).toBe(id);
  });

  test("a syntax error is shown at its line with the query kept", async ({
    page,
  }) => {
    await openQuery(page);
    await typeQuery(page, "SELECT eventName\nFORM events");
    await page.getByRole("button", { name: "Run" }).click();
    const alert = page.getByRole("alert");
    await expect(alert).toContainText("Line 2, column");
    await expect(alert).toContainText(/syntax error/i);
    await expect(
      page.getByRole("textbox", { name: "SQL query" }),
    ).toContainText("FORM events");
  });

  test("a long query can be cancelled and the engine answers again", async ({
    page,
  }) => {
    await openQuery(page);
    await typeQuery(
      page,
      "SELECT sum(a.range * b.range) FROM range(200000) a, range(200000) b",
    );
    await page.getByRole("button", { name: "Run" }).click();
    await expect(page.getByText("Running in this browser…")).toBeVisible();
    await page.getByRole("button", { name: "Cancel" }).click();
    await expect(page.getByText("The query was cancelled.")).toBeVisible();
    await typeQuery(page, "SELECT 41 + 1 AS answer");
    await page.getByRole("button", { name: "Run" }).click();
    await expect(
      page.getByRole("cell", { name: "42", exact: true }),
    ).toBeVisible({
      timeout: 60_000,
    });
  });

  test("a saved query is reopened after a reload, in Chinese too", async ({
    page,
  }) => {
    await openQuery(page);
    await typeQuery(
      page,
      "SELECT userName, count(*) FROM events GROUP BY userName",
    );
    await page.getByText(/Saved queries \(\d+\)/).click();
    await page.getByLabel("Name").fill("Calls per user");
    await page.getByLabel("Note").fill("for the quarterly review");
    await page.getByRole("button", { name: "Save query" }).click();
    await page.reload();
    await page.getByText(/Saved queries \(1\)/).click();
    await page.getByRole("button", { name: "Open Calls per user" }).click();
    await expect(
      page.getByRole("textbox", { name: "SQL query" }),
    ).toContainText("GROUP BY userName");
  });

  test("在中文界面运行查询，出错时在原处显示行列", async ({ page }) => {
    await openQuery(page);
    await page
      .getByRole("combobox", { name: "Language" })
      .selectOption("zh-CN");
    await expect(
      page.getByRole("heading", { name: "查询", level: 1 }),
    ).toBeVisible();
    // The switch re-renders the screen in Chinese: type once the engine is ready again.
    await expect(page.getByRole("button", { name: "运行" })).toBeEnabled({
      timeout: 90_000,
    });
    await typeQuery(page, "SELECT eventName\nFORM events", "SQL 查询");
    await page.getByRole("button", { name: "运行" }).click();
    await expect(page.getByRole("alert")).toContainText("第 2 行");
    await typeQuery(page, "SELECT count(*) AS n FROM events", "SQL 查询");
    await page.getByRole("button", { name: "运行" }).click();
    await expect(page.getByText(/1 行 · 在此浏览器中用时/)).toBeVisible();
  });
});
