import { readFile } from "node:fs/promises";
import { INCIDENTS } from "../mocks/data/incidents";
import { E2E_NOW, expect, test } from "./fixtures";
import { EventsPage, tabTo } from "./pages/events";

const prod = INCIDENTS.stoppedProdInstance;

/** RFC 4180 records of a CSV text (quoted fields, doubled quotes, CRLF). */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = "";
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      record.push(field);
      field = "";
    } else if (ch === "\r" && text[i + 1] === "\n") {
      record.push(field);
      records.push(record);
      record = [];
      field = "";
      i++;
    } else field += ch;
  }
  if (field || record.length) {
    record.push(field);
    records.push(record);
  }
  return records;
}

/** A few ActionTrail events of the last hour in cn-hangzhou, two of them carrying spreadsheet formulas. */
function ownEvents(now: number) {
  const iso = (ms: number) =>
    new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
  const base = (i: number, eventName: string, userName: string) => ({
    eventId: `E2E0CSV0-0000-4000-8000-00000000000${i}`,
    eventVersion: 1,
    eventSource: "ecs.cn-hangzhou.aliyuncs.com",
    eventType: "ApiCall",
    eventName,
    serviceName: "Ecs",
    apiVersion: "2014-05-26",
    requestId: `E2E0REQ0-0000-4000-8000-00000000000${i}`,
    eventTime: iso(now - (i + 1) * 5 * 60_000),
    isGlobal: false,
    acsRegion: "cn-hangzhou",
    sourceIpAddress: "198.51.100.7",
    userAgent: "aliyun-cli/3.0",
    userIdentity: {
      type: "ram-user",
      accountId: "1234567890123456",
      principalId: "2000000000000001",
      userName,
    },
    requestParameters: { RegionId: "cn-hangzhou" },
  });
  return [
    base(1, '=HYPERLINK("http://x","y")', "alice"),
    base(2, "DescribeInstances", "@SUM(1)"),
    base(3, "StartInstance", "bob"),
    base(4, "StopInstance", "bob"),
  ];
}

test.describe("Event search", () => {
  test.describe.configure({ timeout: 90_000 });

  test("from an empty console, finds who stopped the production instance and reads the event", async ({
    page,
  }) => {
    await page.goto("/?mock-latency=0-0");
    const events = new EventsPage(page);
    await expect(events.heading).toBeVisible();
    await events.waitForResults();

    await events.addCondition("Resource name", prod.instanceId);
    await expect(events.conditions).toContainText("runs on the server");
    const stop = events.row(prod.eventName);
    await expect(stop).toHaveCount(1, { timeout: 30_000 });
    await expect(stop).toContainText(prod.userName);

    await events.openEvent(stop);
    await expect(
      events.pane.getByRole("heading", { name: prod.eventName, level: 2 }),
    ).toBeVisible();
    await expect(events.fact("Who")).toContainText(prod.userName);
    await expect(events.fact("From where")).toContainText(prod.sourceIp);
    await expect(events.fact("When")).toContainText(
      new RegExp(`\\d{4}-\\d{2}-\\d{2} ${prod.localTime}:\\d{2}`),
    );
    await expect(events.fact("Result")).toHaveText("Succeeded");
    await expect(events.fact("On what")).toContainText(prod.instanceId);
    await expect(page).toHaveURL(/[?&]event=/);
  });

  test("a copied link with two conditions and an open event reopens identically in a new page", async ({
    page,
    context,
  }) => {
    const events = new EventsPage(page);
    await events.open(`region=${prod.region}`);
    await events.waitForResults();
    await events.addCondition("Resource name", prod.instanceId);
    await events.addCondition("Event name", prod.eventName);
    await expect(
      page.getByText(
        /On the server: Resource name = .* and Event name = StopInstance/,
      ),
    ).toBeVisible();
    const stop = events.row(prod.eventName);
    await expect(stop).toHaveCount(1, { timeout: 30_000 });
    await events.openEvent(stop);
    const eventId = new URL(page.url()).searchParams.get("event");
    expect(eventId).toBeTruthy();
    const rangeText = await page.locator(".events-header p").textContent();
    await events.grid.getByRole("button", { name: /^User/ }).click();
    await expect(page).toHaveURL(/[?&]sort=user\.asc/);

    const link = await events.copyLink();
    const url = new URL(link);
    expect(url.searchParams.get("from")).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(url.searchParams.get("to")).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(url.searchParams.get("event")).toBe(eventId);
    expect(url.searchParams.get("sort")).toBe("user.asc");

    const other = await context.newPage();
    await other.goto(link);
    const again = new EventsPage(other);
    await expect(again.heading).toBeVisible();
    await expect(again.conditions.getByRole("listitem")).toHaveText([
      new RegExp(`Resource name = ${prod.instanceId}`),
      new RegExp(`Event name = ${prod.eventName}`),
    ]);
    await expect(
      again.pane.getByRole("heading", { name: prod.eventName, level: 2 }),
    ).toBeVisible({ timeout: 30_000 });
    await expect(again.fact("Who")).toContainText(prod.userName);
    await expect(other.locator(".events-header p")).toHaveText(rangeText ?? "");
    expect(new URL(other.url()).searchParams.get("event")).toBe(eventId);
    await expect(again.row(prod.eventName)).toHaveAttribute(
      "aria-selected",
      "true",
    );
    await expect(
      again.grid.getByRole("columnheader", { name: /User/ }),
    ).toHaveAttribute("aria-sort", "ascending");
  });

  test("All regions merges at least three regions by time", async ({
    page,
  }) => {
    const events = new EventsPage(page);
    await events.open("region=all&range=1h");
    await events.waitForResults(45_000);
    await expect(events.rows.first()).toBeVisible();
    const rows = await events.renderedRows();
    expect(rows.length).toBeGreaterThan(10);
    expect(new Set(rows.map((r) => r.region)).size).toBeGreaterThanOrEqual(3);
    const times = rows.map((r) => Date.parse(r.time));
    expect(times.every((t) => Number.isFinite(t))).toBe(true);
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  test("All regions still shows the other regions when two fail, with each failure and a Retry", async ({
    page,
  }) => {
    const events = new EventsPage(page);
    await events.open(
      "region=all&range=1h&mock-fail-regions=eu-west-1,us-east-1",
    );
    await events.waitForResults(60_000);
    for (const region of ["eu-west-1", "us-east-1"]) {
      const panel = events.regionError(region);
      await expect(panel).toBeVisible();
      await expect(panel).toContainText("ServiceUnavailable");
      await expect(panel).toContainText("RequestId");
    }
    await expect(events.retryMissingButton).toBeVisible();
    await expect(events.status).toContainText("incomplete: 2 parts failed");
    await expect(events.status).not.toContainText("all loaded");
    await expect(events.rows.first()).toBeVisible();
    const rows = await events.renderedRows();
    const regions = new Set(rows.map((r) => r.region));
    expect(regions.size).toBeGreaterThanOrEqual(3);
    expect(regions.has("eu-west-1")).toBe(false);
    expect(regions.has("us-east-1")).toBe(false);
  });

  test("exports the CSV of its own events: same rows as the table, formulas neutralised, UTF-8 BOM", async ({
    page,
  }) => {
    await page.goto("/settings?mock-latency=0-0");
    const list = ownEvents(E2E_NOW);
    await page.getByLabel("Events file").setInputFiles({
      name: "own-events.json",
      mimeType: "application/json",
      buffer: Buffer.from(JSON.stringify(list)),
    });
    await expect(page.getByText(/Showing 4 events from/)).toBeVisible();
    await page.getByRole("link", { name: "Search these events" }).click();

    const events = new EventsPage(page);
    await expect(events.rows).toHaveCount(4, { timeout: 30_000 });
    const shown = await events.renderedRows();

    const download = await events.exportShown("CSV");
    expect(download.suggestedFilename()).toMatch(
      /^trailscope-events-cn-hangzhou-\d{8}T\d{4}Z-\d{8}T\d{4}Z-(UTC|UTC[+-]\d{4})\.csv$/,
    );
    const bytes = await readFile(await download.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);

    const [header, ...records] = parseCsv(bytes.subarray(3).toString("utf8"));
    expect(header).toContain("eventId");
    const col = (name: string) => (header ?? []).indexOf(name);
    expect(records).toHaveLength(await events.rowCount());
    expect(records.map((r) => r[col("eventId")])).toEqual(
      [...list]
        .sort((a, b) => b.eventTime.localeCompare(a.eventTime))
        .map((e) => e.eventId),
    );
    expect(records.map((r) => r[col("eventName")])).toEqual(
      shown.map((r) => (r.name.startsWith("=") ? `'${r.name}` : r.name)),
    );
    expect(records.map((r) => r[col("eventName")])).toContain(
      `'=HYPERLINK("http://x","y")`,
    );
    expect(records.map((r) => r[col("userName")])).toContain("'@SUM(1)");
  });

  test("keyboard only: search, move through rows, open with Enter, close with Escape, focus returns", async ({
    page,
  }) => {
    const events = new EventsPage(page);
    await events.open(`region=${prod.region}`);
    await events.waitForResults();

    // The condition key starts at User: Tab past it to the value.
    await tabTo(page, events.conditionKey);
    await expect(events.conditionKey).toHaveValue("User");
    await page.keyboard.press("Tab");
    await expect(events.conditionValue).toBeFocused();
    await page.keyboard.type(prod.userName);
    await page.keyboard.press("Enter");
    await expect(events.conditions).toContainText(`User = ${prod.userName}`);
    await expect(events.rows.first()).toContainText(prod.userName, {
      timeout: 30_000,
    });

    const first = events.rows.first();
    await tabTo(page, first);
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    const third = events.grid.locator('[role="row"][aria-rowindex="4"]');
    await expect(third).toBeFocused();
    await page.keyboard.press("ArrowUp");
    const second = events.grid.locator('[role="row"][aria-rowindex="3"]');
    await expect(second).toBeFocused();

    await page.keyboard.press("Enter");
    await expect(events.pane).toBeVisible();
    await expect(events.pane.getByRole("heading", { level: 2 })).toBeFocused();
    await expect(second).toHaveAttribute("aria-selected", "true");

    await page.keyboard.press("Escape");
    await expect(events.pane).toBeHidden();
    await expect(second).toBeFocused();
  });
});
