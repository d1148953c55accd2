import { readFile } from "node:fs/promises";
import { expectAccessible } from "./axe";
import { expect, test } from "./fixtures";
import { EventsPage } from "./pages/events";

test.describe("Saved searches", () => {
  test.describe.configure({ timeout: 180_000 });

  test("a search saved with a frozen range reopens after reload with the same conditions and rows", async ({
    page,
  }) => {
    const events = new EventsPage(page);
    await events.open("region=cn-hangzhou&range=24h");
    await events.addCondition("Service", "Ecs");
    await events.waitForResults();
    const firstRow = await events.rows.first().textContent();
    const shown = await events.rows.count();

    const menuButton = page.getByRole("button", { name: /^Saved searches/ });
    await menuButton.click();
    const panel = page.getByRole("region", { name: "Saved searches" });
    await expectAccessible(page, "the saved searches panel");
    await panel.getByRole("button", { name: "Save this search…" }).click();
    const dialog = page.getByRole("dialog", { name: "Save this search" });
    await expect(dialog.getByLabel("Name")).toBeFocused();
    await dialog.getByLabel("Name").fill("ECS writes");
    await dialog.getByLabel("Note").fill("for the weekly review");
    await dialog.getByLabel(/Freeze the window read/).check();
    await expectAccessible(page, "the save dialog");
    await dialog.getByRole("button", { name: "Save" }).click();
    await expect(dialog).toBeHidden();
    await expect(panel.getByRole("status").first()).toContainText(
      "Search saved as ECS writes.",
    );

    await page.goto("/events?region=cn-hangzhou&mock-latency=0-0");
    await menuButton.click();
    await panel.getByRole("link", { name: "Open ECS writes" }).click();
    await expect(page).toHaveURL(/from=.*to=.*f=ServiceName%3AEcs/);
    await expect(events.conditions).toContainText("Ecs");
    await events.waitForResults();
    await expect(events.rows.first()).toHaveText(firstRow ?? "");
    await expect(events.rows).toHaveCount(shown);
  });

  test("export and import round trip, a refused file, a starter and Open as SQL", async ({
    page,
  }, testInfo) => {
    const events = new EventsPage(page);
    await events.open("region=cn-hangzhou&range=24h");
    await events.waitForResults();
    const menuButton = page.getByRole("button", { name: /^Saved searches/ });
    await menuButton.click();
    const panel = page.getByRole("region", { name: "Saved searches" });
    await panel.getByRole("button", { name: "Save this search…" }).click();
    const dialog = page.getByRole("dialog", { name: "Save this search" });
    await dialog.getByLabel("Name").fill("Everything");
    await dialog.getByRole("button", { name: "Save" }).click();

    const downloading = page.waitForEvent("download");
    await panel.getByRole("button", { name: "Export all as JSON" }).click();
    const file = testInfo.outputPath("saved.json");
    await (await downloading).saveAs(file);
    const text = await readFile(file, "utf8");
    expect(JSON.parse(text)).toMatchObject({
      format: "trailscope.saved-searches",
      searches: [{ name: "Everything" }],
    });

    const importer = panel.getByLabel("Import JSON");
    await importer.setInputFiles({
      name: "notes.txt",
      mimeType: "application/json",
      buffer: Buffer.from("not json"),
    });
    await expect(panel).toContainText("Refused notes.txt: it is not JSON");
    await importer.setInputFiles({
      name: "team.json",
      mimeType: "application/json",
      buffer: Buffer.from(text.replace('"Everything"', '"Team search"')),
    });
    await expect(panel).toContainText("1 saved search added");
    await expect(
      panel.getByRole("link", { name: "Open Everything" }),
    ).toBeVisible();
    await expect(
      panel.getByRole("link", { name: "Open Team search" }),
    ).toBeVisible();

    await panel.getByRole("link", { name: "Open All failed sign-ins" }).click();
    await expect(events.conditions).toContainText("ConsoleSignin");
    await expect(events.conditions).toContainText("Failure");
    await events.waitForResults();

    // The Query page reads back from now: a day keeps its engine quick to fill.
    await events.range.selectOption("24h");
    await events.waitForResults();
    await menuButton.click();
    await panel.getByRole("link", { name: "Open as SQL" }).click();
    await expect(page).toHaveURL(/range=24h/);
    await expect(page).toHaveURL(/\/query\?/);
    const editor = page.getByRole("textbox", { name: "SQL query" });
    await expect(editor).toContainText("eventType = 'ConsoleSignin'");
    const run = page.getByRole("button", { name: "Run" });
    await expect(run).toBeEnabled({ timeout: 90_000 });
    await run.click();
    await expect(
      page.getByText(/\d+ rows? · \d+ ms in this browser/),
    ).toBeVisible();
  });
});
