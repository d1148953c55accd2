import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { E2E_NOW, expect, openConsole, test } from "./fixtures";
import { hostileEvents, PAYLOADS } from "./hostile-data";

/**
 * Every string field of these events carries a payload (script tags, handler
 * attributes, javascript: URLs, template injections, formulas, bidi and
 * zero-width characters, a 200,000-character string, 200-level nesting,
 * __proto__ keys, lone surrogates, NUL). They go in through the own-data path
 * and every view is opened. The file stays loaded across full page loads
 * (kept in IndexedDB), and each screen checks that it still runs on it. The
 * guard fixture fails the test if a payload ran (window.__pwned, a dialog),
 * the page threw, or the CSP was violated.
 */

const HOSTILE_FILE = "hostile <img src=x onerror=window.__pwned=99>.json";

async function loadHostileEvents(page: Page) {
  const events = hostileEvents(E2E_NOW);
  await openConsole(page, "/settings?mock-latency=0-0");
  await page.getByLabel("Events file").setInputFiles({
    name: HOSTILE_FILE,
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify(events)),
  });
  await expect(
    page.getByText(`Showing ${events.length} events from`),
  ).toBeVisible();
  return events;
}

/**
 * The screen runs on the hostile file, not on the generated account: the
 * loaded events are kept across full page loads and the header names their file.
 */
async function expectHostileDataLoaded(page: Page, where: string) {
  await expect(
    page.getByRole("banner"),
    `${where}: the hostile events are still the account's`,
  ).toContainText(HOSTILE_FILE);
  await expect(page.getByRole("banner")).toContainText("Own data");
}

async function expectLayoutHolds(page: Page, where: string) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - window.innerWidth,
  );
  expect(
    overflow,
    `${where}: the page does not scroll sideways`,
  ).toBeLessThanOrEqual(1);
  const polluted = await page.evaluate(
    () => (({}) as Record<string, unknown>).polluted,
  );
  expect(
    polluted,
    `${where}: Object.prototype is not polluted`,
  ).toBeUndefined();
}

test.describe("hostile event data", () => {
  test("the table, expanded rows and the View event pane show payloads as text", async ({
    page,
  }) => {
    // A 200,000-character string and 200-level nesting expanded node by node:
    // about 70 s on a 2-core machine, so it gets three minutes.
    test.setTimeout(180_000);
    const events = await loadHostileEvents(page);
    await page.getByRole("link", { name: "Search these events" }).click();
    const grid = page.getByRole("grid");
    await expect(grid.getByRole("row").nth(1)).toBeVisible();
    await expect(page.getByText(`${events.length} loaded`)).toBeVisible();
    await expectLayoutHolds(page, "event table");
    // Bidi overrides and zero-width characters are shown as visible marks.
    await expect(grid.getByText("RLO").first()).toBeVisible();

    // Expand the first rows' summaries.
    for (let i = 0; i < 4; i++) {
      await grid.getByRole("button", { name: "Show summary" }).first().click();
    }
    await expectLayoutHolds(page, "expanded rows");

    // Open several events in the pane (found with the refine box), expand every node and the raw view.
    const refine = page.getByLabel("Refine loaded events");
    for (const index of [0, 1, 2, 11, 18]) {
      await refine.fill(`hostile-${index}-`);
      const row = grid.getByRole("row").nth(1);
      // The rows follow the typed text a moment later: the results say when.
      await expect(
        page.getByRole("region", { name: "Results" }),
      ).toHaveAttribute("aria-busy", "false");
      await expect(grid.getByRole("row")).toHaveCount(2);
      await row.locator(".open-event").click();
      const pane = page.locator(".event-pane");
      await expect(pane).toBeVisible();
      const expandAll = pane.getByRole("button", { name: "Expand all" });
      for (let n = await expandAll.count(); n > 0; n = await expandAll.count())
        await expandAll.first().click();
      for (const showAll of (
        await pane.getByRole("button", { name: "Show all" }).all()
      ).slice(0, 2))
        await showAll.click();
      for (const raw of (
        await pane.getByRole("button", { name: "View raw" }).all()
      ).slice(0, 1))
        await raw.click();
      await expectLayoutHolds(page, `pane of event ${index}`);
      await page.getByRole("button", { name: "Close event details" }).click();
      await expect(pane).toBeHidden();
    }
    await expect(page).toHaveTitle(/Trailscope/);
  });

  test("exports stay valid: CSV with formulas neutralised, JSON byte-faithful", async ({
    page,
  }) => {
    const events = await loadHostileEvents(page);
    await page.getByRole("link", { name: "Search these events" }).click();
    await expect(page.getByText(`${events.length} loaded`)).toBeVisible();

    await page.getByLabel("Export format").selectOption("csv");
    const csvDownload = page.waitForEvent("download");
    await page
      .getByRole("button", { name: /^Export \d+ shown events$/ })
      .click();
    const csv = readFileSync(await (await csvDownload).path(), "utf8");
    expect(csv.charCodeAt(0), "CSV starts with a BOM for Excel").toBe(0xfeff);
    for (const formula of ["=HYPERLINK(", "+1+1", "-1-1", "@SUM("]) {
      // Every cell that would start with a formula trigger starts with ' instead.
      expect(csv).not.toMatch(
        new RegExp(`(^|,|\\n)"?${formula.replace(/[()+]/g, "\\$&")}`),
      );
      expect(csv).toContain(`'${formula}`);
    }

    await page.getByLabel("Export format").selectOption("json");
    const jsonDownload = page.waitForEvent("download");
    await page
      .getByRole("button", { name: /^Export \d+ shown events$/ })
      .click();
    const exported = JSON.parse(
      readFileSync(await (await jsonDownload).path(), "utf8"),
    ) as { eventId: string; requestParameters?: Record<string, unknown> }[];
    expect(exported).toHaveLength(events.length);
    const byId = new Map(exported.map((e) => [e.eventId, e]));
    for (const original of events) {
      expect(
        byId.get(original.eventId as string),
        `event ${String(original.eventId)} exported as it came`,
      ).toEqual(original);
    }
  });

  test("insights and investigation of a hostile identity render payloads as text", async ({
    page,
  }) => {
    await loadHostileEvents(page);
    await page.goto("/insights?region=cn-hangzhou&mock-latency=0-0");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectHostileDataLoaded(page, "insights");
    await expect(
      page.getByRole("status").filter({ hasText: /^Loading/ }),
    ).toHaveCount(0, { timeout: 30_000 });
    // Hover every bar so that every tooltip renders.
    for (const bar of (
      await page.locator(".recharts-bar-rectangle").all()
    ).slice(0, 15))
      await bar.hover();
    await expectLayoutHolds(page, "insights");

    const identity = PAYLOADS[1];
    await page.goto(
      `/investigate/identity?kind=user&value=${encodeURIComponent(identity)}&range=24h&region=cn-hangzhou&mock-latency=0-0`,
    );
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectHostileDataLoaded(page, "identity investigation");
    await expect(
      page.getByRole("status").filter({ hasText: /^Loading/ }),
    ).toHaveCount(0, { timeout: 30_000 });
    await expectLayoutHolds(page, "identity investigation");

    await page.goto(
      `/investigate/resource?name=${encodeURIComponent(PAYLOADS[0])}&range=24h&region=cn-hangzhou&mock-latency=0-0`,
    );
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectHostileDataLoaded(page, "resource investigation");
    await expect(
      page.getByRole("status").filter({ hasText: /^Loading/ }),
    ).toHaveCount(0, { timeout: 30_000 });
    await expectLayoutHolds(page, "resource investigation");
  });
});
