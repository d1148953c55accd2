import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { EventsPage } from "./pages/events";
import { MOCK, TrailsPages } from "./pages/trails";

/**
 * The simulated account is one account: the same past, the same shared
 * links and the same trails when the browser comes back later; and what the
 * visitor does in the console is recorded in it like any call.
 */

const FIRST_OPEN = Date.parse("2026-11-23T06:30:00Z");
// The page's clock starts at the first open (the fixture installs it).
test.use({ startTime: FIRST_OPEN });
/** A working hour two days before the first open: 10:00–11:00 in UTC+8. */
const HOUR_FROM = "2026-11-21T02:00:00Z";
const HOUR_TO = "2026-11-21T03:00:00Z";

/** What the events grid shows for the fixed hour: how many rows, and the first ones as rendered. */
async function hourAsShown(page: Page) {
  const events = new EventsPage(page);
  await page.goto(
    `/events?region=cn-hangzhou&from=${HOUR_FROM}&to=${HOUR_TO}&${MOCK}`,
  );
  await expect(events.heading).toBeVisible();
  await events.waitForResults();
  await expect(events.rows.first()).toBeVisible();
  return {
    count: await events.rowCount(),
    rows: await events.renderedRows(),
  };
}

/**
 * The trails table as text, without the times relative to now ("delivered 2
 * seconds ago"): the trails are the same, their latest delivery moves on.
 */
async function trailsAsShown(page: Page): Promise<string> {
  const trails = new TrailsPages(page);
  await trails.openList("cn-hangzhou");
  const table = page.getByRole("table");
  await expect(table).toContainText("org-audit-all");
  // Each trail's delivery health is asked for after the list: wait for it.
  await expect(table).toContainText("delivered");
  await expect(table).not.toContainText("…");
  return ((await table.textContent()) ?? "").replace(
    /delivered .+? ago/g,
    "delivered …",
  );
}

test("the account is the same after a browser restart more than a minute later: events, a shared event link, trails", async ({
  browser,
  page,
  context,
}) => {
  const before = await hourAsShown(page);
  expect(before.count).toBeGreaterThan(0);

  const events = new EventsPage(page);
  const first = events.rows.first();
  await events.openEvent(first);
  await expect(page).toHaveURL(/[?&]event=/);
  const sharedLink = page.url();
  const eventId = await events.pane.locator("p code").first().textContent();
  const facts = {
    who: await events.fact("Who").textContent(),
    when: await events.fact("When").textContent(),
    what: await events.fact("What").textContent(),
  };
  const trailsBefore = await trailsAsShown(page);

  // The browser is closed and opened again 26 hours and 7 minutes later:
  // a new context with the same storage (localStorage keeps the account).
  const state = await context.storageState();
  const later = await browser.newContext({ storageState: state });
  try {
    const again = await later.newPage();
    await again.clock.install({
      time: FIRST_OPEN + 26 * 3_600_000 + 7 * 60_000,
    });
    const after = await hourAsShown(again);
    // The page (and so the simulated account in it) runs on the later clock,
    // and the account is still the one first opened then.
    expect(await again.evaluate(() => Date.now())).toBeGreaterThan(
      FIRST_OPEN + 26 * 3_600_000,
    );
    expect(
      await again.evaluate(
        () =>
          JSON.parse(
            localStorage.getItem("trailscope.mock.account.v1") ?? "{}",
          ) as unknown,
      ),
    ).toMatchObject({ anchor: FIRST_OPEN });
    expect(after).toEqual(before);

    await again.goto(sharedLink);
    const reopened = new EventsPage(again);
    await expect(reopened.pane).toBeVisible();
    await expect(reopened.pane.locator("p code").first()).toHaveText(
      eventId ?? "",
    );
    await expect(reopened.fact("Who")).toHaveText(facts.who ?? "");
    await expect(reopened.fact("When")).toHaveText(facts.when ?? "");
    await expect(reopened.fact("What")).toHaveText(facts.what ?? "");

    expect(await trailsAsShown(again)).toBe(trailsBefore);
  } finally {
    await later.close();
  }
});

test("creating and stopping a trail in the console are found in the event search, by who did them", async ({
  page,
}) => {
  const trails = new TrailsPages(page);
  await trails.openWizard("cn-hangzhou");
  await trails.fillBasics("journey-audit-01");
  await trails.next("Delivery");
  await trails.chooseExistingBucket("ops-logs-hz");
  await trails.next("Review and create");
  await page.getByRole("button", { name: "Create", exact: true }).click();
  await expect(
    page.getByRole("heading", { level: 1, name: "Trail journey-audit-01" }),
  ).toBeVisible();
  await expect(trails.statusBadge).toHaveText(/^Enable/);

  await page.getByRole("button", { name: "Stop logging" }).click();
  await page
    .getByRole("dialog", { name: "Stop logging?" })
    .getByRole("button", { name: "Stop logging" })
    .click();
  await expect(trails.statusBadge).toHaveText(/^Disable/);

  const events = new EventsPage(page);
  await page.goto(`/events?region=cn-hangzhou&range=1h&${MOCK}`);
  await events.waitForResults();
  await events.addCondition("Resource name", "journey-audit-01");
  await expect(events.row("CreateTrail")).toHaveCount(1);
  await expect(events.row("StopLogging")).toHaveCount(1);
  await expect(events.row("StopLogging")).toContainText("trailscope-admin");

  await events.openEvent(events.row("StopLogging"));
  await expect(events.fact("Who")).toContainText("trailscope-admin");
  await expect(events.fact("Result")).toHaveText("Succeeded");
  await expect(events.fact("On what")).toContainText("journey-audit-01");
});
