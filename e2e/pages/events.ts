import {
  expect,
  type Download,
  type Locator,
  type Page,
} from "@playwright/test";

/** What one loaded row of the events grid says (read from the DOM, for assertions). */
export interface GridRowFacts {
  time: string;
  name: string;
  region: string;
}

/** The event search screen: search bar, toolbar, the virtualized grid and the View event pane. */
export class EventsPage {
  readonly heading: Locator;
  readonly range: Locator;
  readonly conditionKey: Locator;
  readonly conditionValue: Locator;
  readonly addConditionButton: Locator;
  readonly conditions: Locator;
  readonly status: Locator;
  readonly grid: Locator;
  readonly rows: Locator;
  readonly pane: Locator;
  readonly copyLinkButton: Locator;
  readonly exportFormat: Locator;
  readonly loadAllLimit: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole("heading", { name: "Events", level: 1 });
    this.range = page.getByRole("combobox", { name: "Time range" });
    this.conditionKey = page.getByRole("combobox", { name: "Condition" });
    this.conditionValue = page.getByRole("combobox", { name: "Value" });
    this.addConditionButton = page.getByRole("button", {
      name: "Add condition",
    });
    this.conditions = page.getByRole("list", { name: "Conditions" });
    this.status = page
      .getByRole("status")
      .filter({ hasText: /Searching…|loaded/ })
      .first();
    this.grid = page.getByRole("grid", { name: "Events" });
    // The second rowgroup holds the events (the first is the header row).
    this.rows = this.grid.getByRole("rowgroup").nth(1).getByRole("row");
    this.pane = page.locator("section.event-pane");
    this.copyLinkButton = page.getByRole("button", {
      name: "Copy link to this search",
    });
    this.exportFormat = page.getByRole("combobox", { name: "Export format" });
    this.loadAllLimit = page.getByLabel("Load all limit");
  }

  /** Opens `/events` with a query string; the simulated account answers at once. */
  async open(query = ""): Promise<void> {
    const sep = query ? "&" : "";
    await this.page.goto(`/events?${query}${sep}mock-latency=0-0`);
    await expect(this.heading).toBeVisible();
  }

  /** Waits until the search has answered (rows or an empty state are shown). */
  async waitForResults(timeout = 30_000): Promise<void> {
    await expect(this.status).toContainText(/loaded/, { timeout });
  }

  /** Adds a condition as a user does: pick the key, type the value, Add condition. */
  async addCondition(keyLabel: string, value: string): Promise<void> {
    await this.conditionKey.selectOption({ label: keyLabel });
    await this.conditionValue.fill(value);
    await this.addConditionButton.click();
    await expect(this.conditions).toContainText(value);
  }

  row(text: string | RegExp): Locator {
    return this.rows.filter({ hasText: text });
  }

  /** Opens the event of a row through its name button. */
  async openEvent(row: Locator): Promise<void> {
    await row
      .getByRole("button")
      .filter({ hasNotText: /^[▸▾☆★]$/ })
      .first()
      .click();
    await expect(this.pane).toBeVisible();
  }

  /** Who, when, from where and result as the pane's fact list shows them. */
  fact(
    term: "Who" | "When" | "What" | "From where" | "On what" | "Result",
  ): Locator {
    return this.pane
      .locator("dl.event-facts dt", { hasText: new RegExp(`^${term}$`) })
      .locator("xpath=following-sibling::dd[1]");
  }

  /** Time, name and region of every row in the DOM (the virtualizer renders what is in view). */
  async renderedRows(): Promise<GridRowFacts[]> {
    return this.rows.evaluateAll((rows) =>
      rows
        .map((row) => {
          const cells = [...row.querySelectorAll('[role="gridcell"]')];
          return {
            index: Number(row.getAttribute("aria-rowindex")),
            time: row.querySelector("time")?.getAttribute("datetime") ?? "",
            name: cells[2]?.textContent?.trim() ?? "",
            region: cells.at(-1)?.textContent?.trim() ?? "",
          };
        })
        .sort((a, b) => a.index - b.index)
        .map(({ time, name, region }) => ({ time, name, region })),
    );
  }

  /** How many rows the grid holds (aria-rowcount counts the header row too). */
  async rowCount(): Promise<number> {
    return Number(await this.grid.getAttribute("aria-rowcount")) - 1;
  }

  /** Copy link → the text on the clipboard. */
  async copyLink(): Promise<string> {
    await this.copyLinkButton.click();
    await expect
      .poll(() => this.page.evaluate(() => navigator.clipboard.readText()))
      .toContain("/events?");
    return this.page.evaluate(() => navigator.clipboard.readText());
  }

  /** Exports the shown events in a format and returns the download. */
  async exportShown(format: "CSV" | "JSON" | "JSON Lines"): Promise<Download> {
    await this.exportFormat.selectOption({ label: format });
    const download = this.page.waitForEvent("download");
    await this.page
      .getByRole("button", { name: /^Export [\d,]+ shown events$/ })
      .click();
    return download;
  }

  /** The "The result is incomplete" alert: failed spans, their codes and RequestIds, and Retry the missing parts. */
  get missingParts(): Locator {
    return this.page
      .getByRole("alert")
      .filter({ hasText: "The result is incomplete" });
  }

  /** The button that reads only the parts that failed. */
  get retryMissingButton(): Locator {
    return this.missingParts.getByRole("button", {
      name: "Retry the missing parts",
    });
  }

  /** The failed spans of one region, as the incomplete alert lists them. */
  regionError(region: string): Locator {
    return this.missingParts
      .getByRole("listitem")
      .filter({ hasText: `${region}:` });
  }
}

/** Presses Tab until `target` has focus (fails if it cannot be reached). */
export async function tabTo(
  page: Page,
  target: Locator,
  maxPresses = 60,
): Promise<void> {
  for (let i = 0; i < maxPresses; i++) {
    if (
      await target
        .evaluate((el) => el === document.activeElement)
        .catch(() => false)
    )
      return;
    await page.keyboard.press("Tab");
  }
  await expect(target, "reachable with the Tab key").toBeFocused();
}
