import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { Locator, Page } from "@playwright/test";
import { gzipSync } from "fflate";
import { deliveryKey } from "../src/lib/archive/delivery-path";
import { expect, openConsole, test } from "./fixtures";

/**
 * One style of table: the archives list and the rules and coverage tables look
 * like the trails table (the shared .data-table of app/styles.css), scroll in
 * their own box and never make the page scroll sideways, on a laptop and on a
 * phone. Screenshots of each are attached to the report.
 */
const VIEWPORTS = [
  { width: 1440, height: 900 },
  { width: 390, height: 844 },
] as const;

/** What makes a table look like the shared one: its header cells and body cells. */
const tableLook = (table: Locator) =>
  table.evaluate((el) => {
    const pick = (cell: Element | null) => {
      if (!cell) return null;
      const s = getComputedStyle(cell);
      return {
        background: s.backgroundColor,
        padding: s.padding,
        border: s.borderBottom,
        font: s.fontSize,
      };
    };
    return {
      head: pick(el.querySelector("thead th")),
      cell: pick(el.querySelector("tbody td")),
    };
  });

const pageOverflow = (page: Page) =>
  page.evaluate(
    () =>
      document.documentElement.scrollWidth -
      document.documentElement.clientWidth,
  );

/** A trail's delivery folder of two days in one region, as a bucket download holds it. */
function writeDeliveryFolder(root: string, now: number) {
  for (let d = 1; d <= 2; d++) {
    const at = now - d * 86_400_000;
    const events = [
      {
        eventId: `style-${d}`,
        eventTime: new Date(at).toISOString().replace(/\.\d+Z$/, "Z"),
        eventName: "DescribeRegions",
        serviceName: "Ecs",
        eventRW: "Read",
        acsRegion: "cn-hangzhou",
        recipientAccountId: "6660001234567890",
        userIdentity: { type: "ram-user", userName: "daily.job" },
      },
    ];
    const path = join(
      root,
      deliveryKey({
        prefix: "trail-export",
        region: "cn-hangzhou",
        writtenAt: at,
        eventCount: 1,
        bytes: 100,
        md5: "00112233445566778899aabbccddeeff",
      }),
    );
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(
      path,
      gzipSync(new TextEncoder().encode(JSON.stringify(events))),
    );
  }
}

for (const viewport of VIEWPORTS) {
  test(`at ${viewport.width} px the archives, rules and coverage tables share the trails table's look and the page never scrolls sideways`, async ({
    page,
  }, testInfo) => {
    await page.setViewportSize(viewport);
    const shot = (name: string) =>
      page.screenshot({
        path: testInfo.outputPath(`${name}-${viewport.width}.png`),
        fullPage: true,
      });

    await openConsole(page, "/trails?region=cn-hangzhou&mock-latency=0-0");
    const trails = page.locator("table.data-table").first();
    await expect(trails.locator("tbody td").first()).toBeVisible({
      timeout: 30_000,
    });
    const shared = await tableLook(trails);

    await page.goto("/insights/rules?region=cn-hangzhou&mock-latency=0-0");
    const rules = page.locator("table.rules-table");
    await expect(rules.locator("tbody td").first()).toBeVisible({
      timeout: 30_000,
    });
    expect(await tableLook(rules)).toEqual(shared);
    expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
    await shot("rules");

    await page.goto("/insights/coverage?region=cn-hangzhou&mock-latency=0-0");
    const coverage = page.getByRole("table", {
      name: "Tactics and techniques, with hits on the events",
    });
    await expect(coverage.locator("tbody td").first()).toBeVisible({
      timeout: 30_000,
    });
    expect(await tableLook(coverage)).toEqual(shared);
    expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
    await shot("coverage");

    const root = testInfo.outputPath("bucket");
    writeDeliveryFolder(root, Date.UTC(2026, 10, 23, 3, 0));
    await page.goto("/archives");
    await page.getByLabel("Name (optional)").fill("Trail export");
    await page.getByLabel("A folder").setInputFiles(join(root, "trail-export"));
    await expect(
      page.getByRole("status").filter({ hasText: "Import finished" }),
    ).toBeVisible({ timeout: 60_000 });
    const archives = page
      .getByRole("table")
      .filter({ hasText: "Trail export" });
    await expect(archives).toBeVisible();
    expect(await tableLook(archives)).toEqual(shared);
    expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
    await shot("archives");
  });
}
